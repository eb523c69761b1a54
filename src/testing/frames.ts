/**
 * Turns the two sides of a comparison into `Frame`s: column names, an optional
 * schema, and rows of collected (external) values by position. A DataFrame is
 * executed once and read as `collect()` reads it; rows given as plain data are
 * read as PySpark reads them (objects by key, arrays by position, Rows by
 * field), converted through the engine when a schema is given.
 */
import { DataFrame } from '../api/dataframe.js';
import { Row } from '../data/row.js';
import type { SparkSession } from '../session/session.js';
import { StructType } from '../types/data-types.js';
import { parseSchema } from '../types/ddl.js';
import { batchToRows, rowsToBatch, toExternal } from '../types/values.js';
import { usageError } from './errors.js';
import type { DataFrameTransform } from './options.js';

/** What a comparison accepts on either side: a DataFrame, or rows (objects, arrays or Rows). */
export type FrameInput = DataFrame | readonly unknown[];

export interface Frame {
  /** Column names; undefined for positional rows without a schema (names come from the other side). */
  readonly names: readonly string[] | undefined;
  /** Undefined for rows given without a schema: their values are read with the other side's types. */
  readonly schema: StructType | undefined;
  readonly rows: readonly (readonly unknown[])[];
  /** Columns were given by key (plain objects), so their order carries no meaning. */
  readonly byName: boolean;
  readonly timeZone: string;
  readonly isDataFrame: boolean;
}

/**
 * A DataFrame argument as the DataFrame itself: a test runner hands matchers and
 * printers structural copies when it renders a failure (see `DataFrame.original`).
 */
export function liveInput<T>(x: T): T {
  return DataFrame.isDataFrame(x) ? (DataFrame.original(x) as T) : x;
}

function isThenable(x: unknown): boolean {
  return typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function';
}

/** A clear error for a side that is neither a DataFrame nor an array of rows. */
export function describeInput(x: unknown): string | undefined {
  if (DataFrame.isDataFrame(x) || Array.isArray(x)) return undefined;
  if (isThenable(x)) return 'a Promise (did you forget `await`?)';
  if (x === null) return 'null';
  if (typeof x === 'object') return `an object (${(x as object).constructor?.name ?? 'Object'}), not a DataFrame or an array of rows`;
  return `${typeof x} ${String(x)}`;
}

export function toSchema(schema: StructType | string | undefined): StructType | undefined {
  if (schema === undefined) return undefined;
  if (schema instanceof StructType) return schema;
  if (typeof schema === 'string') return parseSchema(schema);
  throw usageError('TESTING_INVALID_OPTION', `Option 'schema' must be a DDL string or a StructType.`);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * A Frame from a DataFrame: its schema and rows of the values `collect()` returns
 * (`toExternal` of each cell, as `collect()` does, without building a Row per row).
 */
export function frameOfDataFrame(df: DataFrame): Frame {
  const batch = df.executeBatch();
  const schema = batch.schema;
  const types = schema.fields.map((f) => f.dataType);
  const rows = new Array<unknown[]>(batch.numRows);
  for (let r = 0; r < batch.numRows; r++) {
    const row = new Array<unknown>(types.length);
    for (let c = 0; c < types.length; c++) row[c] = toExternal(batch.columns[c]![r], types[c]!);
    rows[r] = row;
  }
  return {
    names: schema.names,
    schema,
    rows,
    byName: false,
    timeZone: df.sparkSession.timeZone,
    isDataFrame: true,
  };
}

/** A Frame from plain rows; with a schema they are converted (and verified) by the engine. */
export function frameOfRows(rows: readonly unknown[], schema: StructType | undefined, timeZone: string): Frame {
  if (schema) {
    const values = rows.map((r) => (Row.isRow(r) && !schema.fields.every((f) => r.fields.includes(f.name)) ? r.toArray() : r));
    const batch = rowsToBatch(values, schema, { timeZone });
    return { names: schema.names, schema, rows: batchToRows(batch).map((r) => r.toArray()), byName: false, timeZone, isDataFrame: false };
  }
  if (rows.length === 0) return { names: undefined, schema: undefined, rows: [], byName: false, timeZone, isDataFrame: false };
  if (rows.every((r) => Row.isRow(r))) {
    const first = (rows[0] as Row).fields;
    const out = (rows as Row[]).map((r, i) => {
      if (r.length !== first.length) throw rowShape(i, r.length, first.length);
      return r.toArray();
    });
    return { names: first, schema: undefined, rows: out, byName: false, timeZone, isDataFrame: false };
  }
  if (rows.every((r) => Array.isArray(r))) {
    const width = (rows[0] as unknown[]).length;
    (rows as unknown[][]).forEach((r, i) => {
      if (r.length !== width) throw rowShape(i, r.length, width);
    });
    return { names: undefined, schema: undefined, rows: rows as unknown[][], byName: false, timeZone, isDataFrame: false };
  }
  if (rows.every((r) => isPlainObject(r))) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (const r of rows as Record<string, unknown>[]) {
      for (const k of Object.keys(r)) {
        if (!seen.has(k)) {
          seen.add(k);
          names.push(k);
        }
      }
    }
    const out = (rows as Record<string, unknown>[]).map((r) => names.map((n) => r[n] ?? null));
    return { names, schema: undefined, rows: out, byName: true, timeZone, isDataFrame: false };
  }
  const bad = rows.findIndex((r) => !Row.isRow(r) && !Array.isArray(r) && !isPlainObject(r));
  throw usageError(
    'TESTING_INVALID_ROWS',
    bad >= 0
      ? `Row ${bad} is ${describeValue(rows[bad])}; rows must be plain objects, arrays or Rows.`
      : 'Rows mix objects, arrays and Rows; use one form for all rows.',
  );
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (typeof v === 'object') return `an instance of ${(v as object).constructor?.name ?? 'Object'}`;
  return `a ${typeof v}`;
}

function rowShape(index: number, got: number, want: number): Error {
  return usageError('TESTING_INVALID_ROWS', `Row ${index} has ${got} values but row 0 has ${want}; every row needs the same number of values.`);
}

/**
 * Resolves both sides. With transforms, a side given as rows becomes a DataFrame in
 * the other side's session first (using `schema`, or the other side's schema), and
 * every transform is applied to both DataFrames.
 */
export function resolveFrames(
  actual: FrameInput,
  expected: FrameInput,
  schemaOption: StructType | string | undefined,
  transforms: readonly DataFrameTransform[],
): { actual: Frame; expected: Frame } {
  actual = liveInput(actual);
  expected = liveInput(expected);
  for (const [side, v] of [
    ['actual', actual],
    ['expected', expected],
  ] as const) {
    const problem = describeInput(v);
    if (problem) throw usageError('TESTING_INVALID_INPUT', `The ${side} value must be a DataFrame or an array of rows, got ${problem}.`);
  }
  const expectedSchema = toSchema(schemaOption);
  if (transforms.length > 0) {
    const session: SparkSession | undefined = DataFrame.isDataFrame(actual)
      ? actual.sparkSession
      : DataFrame.isDataFrame(expected)
        ? expected.sparkSession
        : undefined;
    if (!session) {
      throw usageError('TESTING_TRANSFORMS_NEED_DATAFRAME', `Option 'transforms' needs at least one side to be a DataFrame (its session builds the other side).`);
    }
    const asDf = (x: FrameInput, schema: StructType | undefined, other: FrameInput): DataFrame => {
      if (DataFrame.isDataFrame(x)) return x;
      const s = schema ?? (DataFrame.isDataFrame(other) ? other.schema : undefined);
      return session.createDataFrame(x, s);
    };
    let a = asDf(actual, undefined, expected);
    let e = asDf(expected, expectedSchema, actual);
    for (const t of transforms) {
      a = t(a);
      e = t(e);
      if (!DataFrame.isDataFrame(a) || !DataFrame.isDataFrame(e)) {
        throw usageError('TESTING_INVALID_TRANSFORM', 'A transform must return a DataFrame.');
      }
    }
    return { actual: frameOfDataFrame(a), expected: frameOfDataFrame(e) };
  }
  const tzFrom = DataFrame.isDataFrame(actual) ? actual.sparkSession.timeZone : DataFrame.isDataFrame(expected) ? expected.sparkSession.timeZone : 'UTC';
  const a = DataFrame.isDataFrame(actual) ? frameOfDataFrame(actual) : frameOfRows(actual, undefined, tzFrom);
  const e = DataFrame.isDataFrame(expected) ? frameOfDataFrame(expected) : frameOfRows(expected, expectedSchema, tzFrom);
  return { actual: a, expected: e };
}
