/**
 * Loads a parity fixture (`fixtures/pyspark-expected-outputs/<category>/<name>.json`,
 * produced by real PySpark 3.5) and rebuilds its input DataFrames exactly as
 * PySpark built them from the Python dict rows.
 *
 * Two details of PySpark's inference are lost in JSON and recovered here:
 * - ints vs floats: Python `50000.0` is a float (DoubleType) but JSON.parse gives
 *   the number 50000, so the raw text is re-read by a small JSON reader that
 *   remembers how each number was written;
 * - column order: PySpark sorts a dict's keys when it infers a row's schema and
 *   merges the rows' schemas (first row's fields, then new names in order), and
 *   every inferred field is nullable.
 * The inferred StructType is passed explicitly to `createDataFrame`, so the
 * engine's own inference is not under test here.
 *
 * Joins and set operations stored both inputs concatenated in `input_data`: rows
 * are split by their key set (first shape = left input, second = right); when
 * both inputs have the same keys the case says where to split.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataFrame } from '../../src/api/dataframe.js';
import type { SparkSession } from '../../src/session/session.js';
import {
  ArrayType,
  BooleanType,
  DataType,
  DoubleType,
  LongType,
  MapType,
  NullType,
  StringType,
  StructField,
  StructType,
} from '../../src/types/data-types.js';

/** Repository root (this file is `test/parity/load.ts`). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURE_ROOT = join(REPO_ROOT, 'fixtures', 'pyspark-expected-outputs');

// ---- a JSON reader that keeps the int/float distinction -------------------------------------

/** A JSON number with how it was written: `isFloat` when it had a `.`, `e` or `E` (a Python float). */
export class JsonNumber {
  constructor(
    readonly value: number,
    readonly isFloat: boolean,
    readonly raw: string,
  ) {}
}

/** JSON values where every number is a JsonNumber. */
export type RawJson = null | boolean | string | JsonNumber | RawJson[] | { [key: string]: RawJson };

/** Parses JSON text, keeping each number's written form. Throws SyntaxError on malformed input. */
export function parseJsonKeepingNumbers(text: string): RawJson {
  let i = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at offset ${i}: ${JSON.stringify(text.slice(i, i + 20))}`);
  };
  const ws = (): void => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const value = (): RawJson => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      const obj: { [key: string]: RawJson } = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key');
        const key = string();
        ws();
        if (text[i] !== ':') fail("expected ':'");
        i++;
        // defineProperty: a key like `__proto__` stays an ordinary own key.
        Object.defineProperty(obj, key, { value: value(), enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail("expected ',' or '}'");
      }
    }
    if (ch === '[') {
      i++;
      const arr: RawJson[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value());
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail("expected ',' or ']'");
      }
    }
    if (ch === '"') return string();
    if (text.startsWith('true', i)) return (i += 4), true;
    if (text.startsWith('false', i)) return (i += 5), false;
    if (text.startsWith('null', i)) return (i += 4), null;
    // Python's json module writes these for non-finite floats.
    if (text.startsWith('NaN', i)) return (i += 3), new JsonNumber(NaN, true, 'NaN');
    if (text.startsWith('Infinity', i)) return (i += 8), new JsonNumber(Infinity, true, 'Infinity');
    if (text.startsWith('-Infinity', i)) return (i += 9), new JsonNumber(-Infinity, true, '-Infinity');
    const m = /^-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) return fail('unexpected token');
    i += m[0].length;
    return new JsonNumber(Number(m[0]), m[1] !== undefined || m[2] !== undefined, m[0]);
  };
  const string = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('unterminated string');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const out = value();
  ws();
  if (i !== text.length) fail('trailing characters');
  return out;
}

/** RawJson → plain JS values (numbers as numbers), i.e. what JSON.parse gives. */
export function toPlain(v: RawJson): unknown {
  if (v instanceof JsonNumber) return v.value;
  if (Array.isArray(v)) return v.map(toPlain);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: toPlain(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

// ---- PySpark 3.5 schema inference from dict rows -----------------------------------------------

/** `_infer_type` for one Python value (dicts are maps, as with `infer_dict_as_struct=false`). */
export function inferPySparkType(v: RawJson, where = 'value'): DataType {
  if (v === null) return new NullType();
  if (typeof v === 'boolean') return new BooleanType();
  if (typeof v === 'string') return new StringType();
  if (v instanceof JsonNumber) return v.isFloat ? new DoubleType() : new LongType();
  if (Array.isArray(v)) {
    const elem = v.reduce<DataType>((acc, x) => mergePySparkTypes(acc, inferPySparkType(x, `element of ${where}`), where), new NullType());
    return new ArrayType(elem, true);
  }
  const entries = Object.entries(v);
  const key = entries.length === 0 ? new NullType() : new StringType();
  const value = entries.reduce<DataType>((acc, [, x]) => mergePySparkTypes(acc, inferPySparkType(x, `value of ${where}`), where), new NullType());
  return new MapType(key, value, true);
}

/** `_merge_type`: null merges into anything; otherwise the types must agree (no numeric widening in 3.5). */
export function mergePySparkTypes(a: DataType, b: DataType, where = 'value'): DataType {
  if (a instanceof NullType) return b;
  if (b instanceof NullType) return a;
  if (a instanceof ArrayType && b instanceof ArrayType) return new ArrayType(mergePySparkTypes(a.elementType, b.elementType, where), true);
  if (a instanceof MapType && b instanceof MapType) {
    return new MapType(mergePySparkTypes(a.keyType, b.keyType, where), mergePySparkTypes(a.valueType, b.valueType, where), true);
  }
  if (a.equals(b)) return a;
  throw new TypeError(`PySpark cannot merge ${a.toString()} and ${b.toString()} (${where}); this fixture could not have been created from these rows.`);
}

/** The StructType PySpark infers from a list of dicts: keys sorted per row, rows merged, all nullable. */
export function inferSchemaFromDicts(rows: readonly { [key: string]: RawJson }[]): StructType {
  if (rows.length === 0) throw new TypeError('cannot infer a schema from no rows');
  const order: string[] = [];
  const types = new Map<string, DataType>();
  for (const row of rows) {
    for (const name of Object.keys(row).sort()) {
      const t = inferPySparkType(row[name]!, `field ${name}`);
      const prev = types.get(name);
      if (prev === undefined) {
        order.push(name);
        types.set(name, t);
      } else {
        types.set(name, mergePySparkTypes(prev, t, `field ${name}`));
      }
    }
  }
  // Later rows missing a key contribute a null for it: nothing to merge.
  const fields = order.map((name) => {
    const t = types.get(name)!;
    if (t instanceof NullType || containsNullType(t)) {
      throw new TypeError(`field ${name}: PySpark cannot determine a type from only None values (CANNOT_DETERMINE_TYPE)`);
    }
    return new StructField(name, t, true);
  });
  return new StructType(fields);
}

function containsNullType(t: DataType): boolean {
  if (t instanceof NullType) return true;
  if (t instanceof ArrayType) return containsNullType(t.elementType);
  if (t instanceof MapType) return containsNullType(t.keyType) || containsNullType(t.valueType);
  return false;
}

// ---- fixture files ---------------------------------------------------------------------------------

export interface ExpectedField {
  readonly name: string;
  /** As written in the fixture: `long`, `LongType()`, `array`, ... */
  readonly type: string;
  readonly nullable: boolean;
}

export interface ExpectedOutput {
  readonly fieldNames: readonly string[];
  readonly fields: readonly ExpectedField[];
  /** Row dicts; with duplicate column names only the last value of each name survived. */
  readonly data: readonly Record<string, unknown>[];
  readonly rowCount: number;
}

export interface LoadedInput {
  /** Rows as plain JS objects (numbers as numbers), ready for `createDataFrame`. */
  readonly rows: readonly Record<string, unknown>[];
  /** PySpark's inferred schema for those rows. */
  readonly schema: StructType;
}

export interface ParityFixture {
  /** `category/name`, e.g. `joins/inner_join`. */
  readonly id: string;
  readonly category: string;
  readonly name: string;
  readonly testId: string;
  /** The text after `DataFrame operation: ` (undefined for files without an `operation`). */
  readonly operation: string | undefined;
  readonly generatedAt: string | undefined;
  readonly inputs: readonly LoadedInput[];
  readonly expected: ExpectedOutput;
}

export interface LoadOptions {
  /** How many input DataFrames `input_data` holds (default 1). */
  readonly inputCount?: number;
  /**
   * When all inputs have the same key set: the size of each input, in order
   * (default: equal parts). Ignored when the key sets tell the inputs apart.
   */
  readonly splitSizes?: readonly number[];
}

/** All fixture ids (`category/name`) under `fixtures/pyspark-expected-outputs`, sorted. */
export function listFixtureIds(root = FIXTURE_ROOT): string[] {
  const ids: string[] = [];
  for (const category of readdirSync(root, { withFileTypes: true })) {
    if (!category.isDirectory()) continue;
    for (const f of readdirSync(join(root, category.name))) {
      if (f.endsWith('.json')) ids.push(`${category.name}/${f.slice(0, -'.json'.length)}`);
    }
  }
  return ids.sort();
}

/** Reads and parses `fixtures/pyspark-expected-outputs/<id>.json`. */
export function loadFixture(id: string, options: LoadOptions = {}, root = FIXTURE_ROOT): ParityFixture {
  const text = readFileSync(join(root, `${id}.json`), 'utf8');
  return parseFixture(id, text, options);
}

/** Parses fixture text (exported for the harness's own tests). */
export function parseFixture(id: string, text: string, options: LoadOptions = {}): ParityFixture {
  const raw = parseJsonKeepingNumbers(text);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || raw instanceof JsonNumber) throw new TypeError(`${id}: not a JSON object`);
  const inputRows = raw['input_data'];
  if (!Array.isArray(inputRows) || inputRows.some((r) => r === null || typeof r !== 'object' || Array.isArray(r) || r instanceof JsonNumber)) {
    throw new TypeError(`${id}: input_data must be a list of objects`);
  }
  const groups = splitInputs(id, inputRows as { [key: string]: RawJson }[], options);
  const inputs = groups.map((rows) => ({
    rows: rows.map((r) => toPlain(r) as Record<string, unknown>),
    schema: inferSchemaFromDicts(rows),
  }));

  const plain = toPlain(raw) as Record<string, unknown>;
  const out = plain['expected_output'] as Record<string, unknown> | undefined;
  const schema = out?.['schema'] as Record<string, unknown> | undefined;
  if (!out || !schema) throw new TypeError(`${id}: expected_output.schema is missing`);
  const fieldNames = schema['field_names'] as string[];
  const fieldTypes = (schema['field_types'] as string[] | undefined) ?? [];
  const rawFields = schema['fields'] as { name: string; type: string; nullable: boolean }[] | undefined;
  const fields: ExpectedField[] = rawFields
    ? rawFields.map((f) => ({ name: f.name, type: f.type, nullable: f.nullable }))
    : fieldNames.map((name, k) => ({ name, type: fieldTypes[k] ?? 'unknown', nullable: true }));
  const category = id.split('/')[0]!;
  const name = id.slice(category.length + 1);
  const operation = typeof plain['operation'] === 'string' ? (plain['operation'] as string).replace(/^DataFrame operation:\s*/, '') : undefined;
  return {
    id,
    category,
    name,
    testId: String(plain['test_id'] ?? name),
    operation,
    generatedAt: typeof plain['generated_at'] === 'string' ? (plain['generated_at'] as string) : undefined,
    inputs,
    expected: {
      fieldNames,
      fields,
      data: (out['data'] as Record<string, unknown>[]) ?? [],
      rowCount: Number(out['row_count'] ?? (out['data'] as unknown[] | undefined)?.length ?? 0),
    },
  };
}

const shapeOf = (row: { [key: string]: RawJson }): string => JSON.stringify(Object.keys(row).sort());

/** Splits concatenated inputs: by key set when the shapes differ, else by `splitSizes` (default equal parts). */
export function splitInputs<T extends { [key: string]: unknown }>(id: string, rows: readonly T[], options: LoadOptions = {}): T[][] {
  const n = options.inputCount ?? 1;
  if (n === 1) return [[...rows]];
  const shapes = [...new Set(rows.map((r) => shapeOf(r as { [key: string]: RawJson })))];
  if (shapes.length === n) {
    // Each shape must be one contiguous run, in order: first shape = first input.
    const groups = shapes.map((s) => rows.filter((r) => shapeOf(r as { [key: string]: RawJson }) === s));
    let at = 0;
    for (const g of groups) {
      for (const r of g) {
        if (rows[at++] !== r) throw new TypeError(`${id}: input rows of different shapes are interleaved; cannot split them`);
      }
    }
    return groups;
  }
  if (shapes.length !== 1) throw new TypeError(`${id}: expected ${n} inputs but input_data has ${shapes.length} key sets`);
  const sizes = options.splitSizes ?? Array.from({ length: n }, () => rows.length / n);
  if (sizes.length !== n || sizes.some((s) => !Number.isInteger(s) || s < 0) || sizes.reduce((a, b) => a + b, 0) !== rows.length) {
    throw new TypeError(`${id}: cannot split ${rows.length} rows of one shape into ${n} inputs of sizes [${sizes.join(', ')}]`);
  }
  const out: T[][] = [];
  let at = 0;
  for (const s of sizes) {
    out.push(rows.slice(at, at + s));
    at += s;
  }
  return out;
}

/** The fixture's inputs as DataFrames in `spark`, each with PySpark's inferred schema given explicitly. */
export function createInputs(spark: SparkSession, fixture: ParityFixture): DataFrame[] {
  return fixture.inputs.map((input) => spark.createDataFrame(input.rows, input.schema));
}
