/**
 * PySpark 3.5 schema inference for `createDataFrame(data)` without a schema
 * (`_infer_schema`, `_infer_type`, `_merge_type`, `_inferSchemaFromList`),
 * mapped onto JS values:
 *
 * | JS value                         | inferred type                                   |
 * |----------------------------------|-------------------------------------------------|
 * | null / undefined                 | NullType (must be resolved by another row)      |
 * | boolean                          | BooleanType                                     |
 * | number with Number.isInteger     | LongType (so `2.0` is a long: JS cannot tell)   |
 * | other number (1.5, NaN, ±Inf)    | DoubleType                                      |
 * | bigint                           | LongType                                        |
 * | string                           | StringType                                      |
 * | Date                             | TimestampType (TimestampNTZType if preferred)   |
 * | Uint8Array / Buffer              | BinaryType                                      |
 * | other typed arrays               | ArrayType of their element type                 |
 * | array                            | ArrayType(merge of element types, true)         |
 * | Map, nested plain object         | MapType(first non-null key/value pair, true)    |
 * | Row                              | StructType of its fields                        |
 * | other object (class instance)    | StructType of its own keys, sorted              |
 *
 * Rows: a plain object gives fields sorted by key (PySpark sorts dict items);
 * an array gives `_1, _2, ...`; a Row keeps its own field order. Types merge
 * across rows; all inferred fields are nullable.
 */
import { PySparkTypeError, PySparkValueError } from '../errors/exceptions.js';
import { Row } from '../data/row.js';
import {
  ArrayType,
  BINARY,
  BOOLEAN,
  BYTE,
  DataType,
  DOUBLE,
  FLOAT,
  INT,
  LONG,
  MapType,
  NULL,
  NullType,
  SHORT,
  STRING,
  StructField,
  StructType,
  TIMESTAMP,
  TIMESTAMP_NTZ,
  TimestampNTZType,
  TimestampType,
} from './data-types.js';

export interface InferOptions {
  /** `spark.sql.pyspark.inferNestedDictAsStruct.enabled` (default false): nested objects/Maps become structs. */
  readonly inferDictAsStruct?: boolean;
  /** `spark.sql.timestampType=TIMESTAMP_NTZ` (default false): Dates infer as TimestampNTZType. */
  readonly preferTimestampNTZ?: boolean;
  /** `spark.sql.pyspark.legacy.inferArrayTypeFromFirstElement.enabled` (default false). */
  readonly inferArrayFromFirstElement?: boolean;
}

/** PySpark's `_infer_type`: the Spark type of one JS value. */
export function inferType(value: unknown, options: InferOptions = {}): DataType {
  if (value === null || value === undefined) return NULL;
  switch (typeof value) {
    case 'boolean':
      return BOOLEAN;
    case 'number':
      return Number.isInteger(value) ? LONG : DOUBLE;
    case 'bigint':
      return LONG;
    case 'string':
      return STRING;
    default:
      break;
  }
  if (typeof value !== 'object') throw unsupportedType(value);
  if (value instanceof Date) return options.preferTimestampNTZ ? TIMESTAMP_NTZ : TIMESTAMP;
  if (value instanceof Uint8Array) return BINARY;
  if (ArrayBuffer.isView(value)) {
    const element = typedArrayElementType(value);
    if (!element) throw unsupportedType(value);
    return new ArrayType(element, true);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return new ArrayType(NULL, true);
    if (options.inferArrayFromFirstElement) return new ArrayType(inferType(value[0], options), true);
    let t = inferType(value[0], options);
    for (let i = 1; i < value.length; i++) t = mergeType(t, inferType(value[i], options));
    return new ArrayType(t, true);
  }
  if (Row.isRow(value)) return inferSchemaOfRow(value, undefined, options);
  if (value instanceof Map || isPlainObject(value)) {
    const entries: [unknown, unknown][] = value instanceof Map ? [...value] : Object.entries(value);
    if (options.inferDictAsStruct) {
      return new StructType(
        entries
          .filter(([k, v]) => k !== null && k !== undefined && v !== null && v !== undefined)
          .map(([k, v]) => new StructField(String(k), inferType(v, options), true)),
      );
    }
    for (const [k, v] of entries) {
      if (k !== null && k !== undefined && v !== null && v !== undefined) {
        return new MapType(inferType(k, options), inferType(v, options), true);
      }
    }
    return new MapType(NULL, NULL, true);
  }
  return inferSchemaOfRow(value, undefined, options);
}

/**
 * PySpark's `_infer_schema`: the struct type of one row. `names` name the
 * positions of array rows (missing names become `_n`); objects and Rows carry
 * their own names.
 */
export function inferSchemaOfRow(row: unknown, names?: readonly string[], options: InferOptions = {}): StructType {
  let items: [string, unknown][];
  if (Row.isRow(row)) {
    const values = row.toArray();
    items = row.fields.map((n, i) => [n, values[i]]);
  } else if (Array.isArray(row)) {
    const ns = names ? [...names] : [];
    for (let i = ns.length; i < row.length; i++) ns.push(`_${i + 1}`);
    items = row.map((v, i) => [ns[i]!, v]);
  } else if (row instanceof Map) {
    items = [...row].map(([k, v]): [string, unknown] => [String(k), v]).sort((a, b) => compareCodePoints(a[0], b[0]));
  } else if (typeof row === 'object' && row !== null && !(row instanceof Date) && !ArrayBuffer.isView(row)) {
    items = Object.entries(row).sort((a, b) => compareCodePoints(a[0], b[0]));
  } else {
    throw new PySparkTypeError(`Can not infer schema for type: \`${jsTypeName(row)}\`.`, {
      errorClass: 'CANNOT_INFER_SCHEMA_FOR_TYPE',
      messageParameters: { data_type: jsTypeName(row) },
    });
  }
  const fields: StructField[] = [];
  for (const [k, v] of items) {
    try {
      fields.push(new StructField(k, inferType(v, options), true));
    } catch (e) {
      if (!PySparkTypeError.isPySparkTypeError(e)) throw e;
      throw new PySparkTypeError(`Unable to infer the type of the field \`${k}\`.`, {
        errorClass: 'CANNOT_INFER_TYPE_FOR_FIELD',
        messageParameters: { field_name: k },
        cause: e,
      });
    }
  }
  return new StructType(fields);
}

/** Spark's message plus the JS trap behind most LongType/DoubleType clashes: a written `35.0` is the integer 35. */
function jsNumberTrap(a: DataType, b: DataType): string {
  const names = [pyClassName(a), pyClassName(b)].sort().join();
  if (names !== 'DoubleType,LongType') return '';
  return (
    ' In JavaScript a whole number written 35.0 is the integer 35 (LongType), so rows such as' +
    " [{ amount: 120.5 }, { amount: 35.0 }] need a schema, e.g. createDataFrame(rows, 'amount DOUBLE')."
  );
}

/**
 * PySpark's `_merge_type`: NullType yields to the other side, TimestampType wins
 * over TimestampNTZType, structs merge by field name (new fields appended),
 * arrays and maps merge element-wise; any other difference raises
 * `CANNOT_MERGE_TYPE` (so LongType and DoubleType do not merge).
 */
export function mergeType(a: DataType, b: DataType): DataType {
  if (a instanceof NullType) return b;
  if (b instanceof NullType) return a;
  if (a instanceof TimestampType && b instanceof TimestampNTZType) return a;
  if (a instanceof TimestampNTZType && b instanceof TimestampType) return b;
  if (pyClassName(a) !== pyClassName(b)) {
    throw new PySparkTypeError(`Can not merge type \`${pyClassName(a)}\` and \`${pyClassName(b)}\`.${jsNumberTrap(a, b)}`, {
      errorClass: 'CANNOT_MERGE_TYPE',
      messageParameters: { data_type1: pyClassName(a), data_type2: pyClassName(b) },
    });
  }
  if (a instanceof StructType && b instanceof StructType) {
    const bTypes = new Map<string, DataType>();
    for (const f of b.fields) bTypes.set(f.name, f.dataType);
    const fields = a.fields.map((f) => new StructField(f.name, mergeType(f.dataType, bTypes.get(f.name) ?? NULL), true));
    const names = new Set(fields.map((f) => f.name));
    for (const [n, t] of bTypes) if (!names.has(n)) fields.push(new StructField(n, t, true));
    return new StructType(fields);
  }
  if (a instanceof ArrayType && b instanceof ArrayType) return new ArrayType(mergeType(a.elementType, b.elementType), true);
  if (a instanceof MapType && b instanceof MapType) {
    return new MapType(mergeType(a.keyType, b.keyType), mergeType(a.valueType, b.valueType), true);
  }
  return a;
}

/** PySpark's `_has_nulltype`: true when some (nested) type is still NullType. */
export function hasNullType(t: DataType): boolean {
  if (t instanceof NullType) return true;
  if (t instanceof ArrayType) return hasNullType(t.elementType);
  if (t instanceof MapType) return hasNullType(t.keyType) || hasNullType(t.valueType);
  if (t instanceof StructType) return t.fields.some((f) => hasNullType(f.dataType));
  return false;
}

/**
 * The schema PySpark infers for `createDataFrame(data)` / `createDataFrame(data, names)`:
 * each row's struct type merged across all rows; `names` then rename the
 * columns by position (extra names are ignored). Throws `CANNOT_INFER_EMPTY_SCHEMA`
 * for no rows and `CANNOT_DETERMINE_TYPE` when a column (or nested element) is
 * null everywhere.
 */
export function inferSchema(data: readonly unknown[], names?: readonly string[], options: InferOptions = {}): StructType {
  if (data.length === 0) {
    throw new PySparkValueError('Can not infer schema from an empty dataset.', { errorClass: 'CANNOT_INFER_EMPTY_SCHEMA' });
  }
  let schema: DataType = inferSchemaOfRow(data[0], names, options);
  for (let i = 1; i < data.length; i++) schema = mergeType(schema, inferSchemaOfRow(data[i], names, options));
  const struct = schema as StructType;
  if (hasNullType(struct)) {
    throw new PySparkValueError('Some of types cannot be determined after inferring.', { errorClass: 'CANNOT_DETERMINE_TYPE' });
  }
  if (!names || names.length === 0) return struct;
  return new StructType(struct.fields.map((f, i) => (i < names.length ? f.withName(names[i]!) : f)));
}

function typedArrayElementType(v: ArrayBufferView): DataType | undefined {
  if (v instanceof Int8Array) return BYTE;
  if (v instanceof Int16Array || v instanceof Uint8ClampedArray) return SHORT;
  if (v instanceof Int32Array || v instanceof Uint16Array) return INT;
  if (v instanceof Uint32Array || v instanceof BigInt64Array) return LONG;
  if (v instanceof Float32Array) return FLOAT;
  if (v instanceof Float64Array) return DOUBLE;
  return undefined;
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** PySpark's `type(x).__name__` for error messages, in JS terms. */
export function jsTypeName(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v !== 'object') return typeof v;
  if (Array.isArray(v)) return 'Array';
  const ctor = (v as { constructor?: { name?: string } }).constructor;
  return ctor?.name || 'Object';
}

function unsupportedType(v: unknown): PySparkTypeError {
  const name = jsTypeName(v);
  return new PySparkTypeError(`Unsupported DataType \`${name}\`.`, {
    errorClass: 'UNSUPPORTED_DATA_TYPE',
    messageParameters: { data_type: name },
  });
}

/** The PySpark class name of a type (`LongType`), independent of minified constructor names. */
function pyClassName(t: DataType): string {
  return /^\w+/.exec(t.toString())![0];
}

/** Python's string order (by code point), which differs from UTF-16 order only for astral characters. */
function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx - cy;
  }
}
