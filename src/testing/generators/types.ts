/**
 * fast-check arbitraries for Spark data types and schemas.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(arbitrarySchema({ nested: true, maxColumns: 4 }), (schema) => ...));
 * ```
 */
import * as fc from 'fast-check';
import {
  ArrayType,
  BINARY,
  BOOLEAN,
  BYTE,
  DATE,
  DataType,
  DecimalType,
  DOUBLE,
  FLOAT,
  INT,
  LONG,
  MapType,
  SHORT,
  STRING,
  StructField,
  StructType,
  TIMESTAMP,
  TIMESTAMP_NTZ,
} from '../../types/data-types.js';
import { usageError } from '../errors.js';

/** Type names accepted by the allow-lists (`types`). */
export type TypeName =
  | 'byte'
  | 'short'
  | 'int'
  | 'long'
  | 'float'
  | 'double'
  | 'decimal'
  | 'string'
  | 'binary'
  | 'boolean'
  | 'date'
  | 'timestamp'
  | 'timestamp_ntz'
  | 'array'
  | 'map'
  | 'struct';

export const ATOMIC_TYPE_NAMES: readonly TypeName[] = [
  'byte',
  'short',
  'int',
  'long',
  'float',
  'double',
  'decimal',
  'string',
  'binary',
  'boolean',
  'date',
  'timestamp',
  'timestamp_ntz',
];
export const NESTED_TYPE_NAMES: readonly TypeName[] = ['array', 'map', 'struct'];

/** Nullability of generated columns and nested elements: always, never, or either. */
export type Nullability = boolean | 'mixed';

export interface DataTypeArbitraryOptions {
  /** Allow-list of type names (atomic and nested). Default: every atomic type, plus nested ones when `nested`. */
  readonly types?: readonly TypeName[];
  /** Generate arrays, maps and structs (default false unless `types` names one). */
  readonly nested?: boolean;
  /** Nesting depth of nested types (default 2). */
  readonly maxDepth?: number;
  /** Fields of a generated struct (default 1..3). */
  readonly maxStructFields?: number;
  /** `containsNull` / `valueContainsNull` / nested field nullability (default 'mixed'). */
  readonly nestedNullable?: Nullability;
  /** Largest decimal precision (default 38). */
  readonly maxDecimalPrecision?: number;
}

export interface SchemaArbitraryOptions extends DataTypeArbitraryOptions {
  readonly minColumns?: number;
  readonly maxColumns?: number;
  /** Nullability of the top-level columns (default 'mixed'). */
  readonly nullable?: Nullability;
  /** Column names (default: short lower-case identifiers); made unique case-insensitively. */
  readonly columnName?: fc.Arbitrary<string>;
}

const ATOMIC: Readonly<Record<string, DataType>> = {
  byte: BYTE,
  short: SHORT,
  int: INT,
  long: LONG,
  float: FLOAT,
  double: DOUBLE,
  string: STRING,
  binary: BINARY,
  boolean: BOOLEAN,
  date: DATE,
  timestamp: TIMESTAMP,
  timestamp_ntz: TIMESTAMP_NTZ,
};

/** Map key types: values with a stable identity in a JS Map and no NaN. */
const MAP_KEY_TYPES: readonly DataType[] = [INT, LONG, STRING, SHORT, BYTE, BOOLEAN, DATE];

/** Names that are Row or Object members (a Row would not expose them as properties). */
const RESERVED_NAMES = new Set(
  ['get', 'length', 'fields', 'asdict', 'toarray', 'tojson', 'tostring', 'constructor', 'valueof', 'hasownproperty', 'isprototypeof', 'propertyisenumerable', 'tolocalestring'].map(
    (s) => s.toLowerCase(),
  ),
);

const DEFAULT_COLUMN_NAME = fc.stringMatching(/^[a-z][a-z0-9_]{0,5}$/).filter((s) => !RESERVED_NAMES.has(s.toLowerCase()));

function nullability(n: Nullability | undefined): fc.Arbitrary<boolean> {
  if (n === undefined || n === 'mixed') return fc.boolean();
  return fc.constant(n);
}

export function decimalTypeArbitrary(maxPrecision = 38): fc.Arbitrary<DecimalType> {
  const max = Math.min(38, Math.max(1, maxPrecision));
  return fc.integer({ min: 1, max }).chain((p) => fc.integer({ min: 0, max: p }).map((s) => new DecimalType(p, s)));
}

function checkNames(types: readonly TypeName[]): void {
  for (const t of types) {
    if (!ATOMIC_TYPE_NAMES.includes(t) && !NESTED_TYPE_NAMES.includes(t)) {
      throw usageError('TESTING_INVALID_OPTION', `Unknown type name '${t}' in types; valid names: ${[...ATOMIC_TYPE_NAMES, ...NESTED_TYPE_NAMES].join(', ')}.`);
    }
  }
}

/** An arbitrary Spark data type, atomic or (with `nested`) arrays, maps and structs up to `maxDepth`. */
export function arbitraryDataType(opts: DataTypeArbitraryOptions = {}): fc.Arbitrary<DataType> {
  const allowed = opts.types ?? (opts.nested ? [...ATOMIC_TYPE_NAMES, ...NESTED_TYPE_NAMES] : ATOMIC_TYPE_NAMES);
  checkNames(allowed);
  const atomicNames = allowed.filter((t) => ATOMIC_TYPE_NAMES.includes(t));
  const nestedNames = opts.nested === false ? [] : allowed.filter((t) => NESTED_TYPE_NAMES.includes(t));
  if (atomicNames.length === 0) {
    throw usageError('TESTING_INVALID_OPTION', 'types must name at least one atomic type (nested types need element types).');
  }
  const atomicArbs: fc.Arbitrary<DataType>[] = [];
  const plain = atomicNames.filter((t) => t !== 'decimal').map((t) => ATOMIC[t]!);
  if (plain.length) atomicArbs.push(fc.constantFrom(...plain));
  if (atomicNames.includes('decimal')) atomicArbs.push(decimalTypeArbitrary(opts.maxDecimalPrecision));
  const atomic = atomicArbs.length === 1 ? atomicArbs[0]! : fc.oneof(...atomicArbs);
  const maxDepth = Math.max(0, opts.maxDepth ?? 2);
  const maxFields = Math.max(1, opts.maxStructFields ?? 3);
  const nested = nullability(opts.nestedNullable);

  const atDepth = (depth: number): fc.Arbitrary<DataType> => {
    if (depth === 0 || nestedNames.length === 0) return atomic;
    const inner = atDepth(depth - 1);
    const options: fc.WeightedArbitrary<DataType>[] = [{ arbitrary: atomic, weight: 3 }];
    if (nestedNames.includes('array')) {
      options.push({ arbitrary: fc.tuple(inner, nested).map(([t, n]) => new ArrayType(t, n)), weight: 1 });
    }
    if (nestedNames.includes('map')) {
      const keys = MAP_KEY_TYPES.filter((k) => atomicNames.some((n) => ATOMIC[n] === k));
      const keyArb = fc.constantFrom(...(keys.length ? keys : [STRING]));
      options.push({ arbitrary: fc.tuple(keyArb, inner, nested).map(([k, v, n]) => new MapType(k, v, n)), weight: 1 });
    }
    if (nestedNames.includes('struct')) {
      const field = fc.tuple(inner, nested);
      options.push({
        arbitrary: fc
          .uniqueArray(fc.tuple(DEFAULT_COLUMN_NAME, field), { minLength: 1, maxLength: maxFields, selector: ([n]) => n.toLowerCase() })
          .map((fs) => new StructType(fs.map(([name, [t, n]]) => new StructField(name, t, n)))),
        weight: 1,
      });
    }
    return fc.oneof(...options);
  };
  return atDepth(maxDepth);
}

/** An arbitrary schema (StructType) with unique column names. */
export function arbitrarySchema(opts: SchemaArbitraryOptions = {}): fc.Arbitrary<StructType> {
  const minColumns = Math.max(0, opts.minColumns ?? 1);
  const maxColumns = Math.max(minColumns, opts.maxColumns ?? 5);
  const column = fc.tuple(opts.columnName ?? DEFAULT_COLUMN_NAME, arbitraryDataType(opts), nullability(opts.nullable));
  return fc
    .uniqueArray(column, { minLength: minColumns, maxLength: maxColumns, selector: ([n]) => n.toLowerCase() })
    .map((cols) => new StructType(cols.map(([name, t, n]) => new StructField(name, t, n))));
}
