/**
 * `arbitraryDataFrame`: real DataFrames from generated rows. A generated frame
 * prints (in fast-check's counterexample report) as its schema and a Spark
 * table, computed from the rows so it prints even after the session stopped.
 * Shrinking shrinks the rows (fewer rows, simpler values), so a failing
 * property reports a minimal DataFrame together with fast-check's seed and path.
 */
import * as fc from 'fast-check';
import type { DataFrame } from '../../api/dataframe.js';
import { formatShow } from '../../format/show.js';
import type { SparkSession } from '../../session/session.js';
import { StructType } from '../../types/data-types.js';
import { parseSchema } from '../../types/ddl.js';
import { rowsToBatch } from '../../types/values.js';
import { arbitrarySchema, type SchemaArbitraryOptions } from './types.js';
import { arbitraryRows, type RowsArbitraryOptions } from './values.js';

/** A session, or a function giving the current one (e.g. what `useSparkSession()` returns). */
export type SessionSource = SparkSession | (() => SparkSession);

function sessionOf(s: SessionSource): SparkSession {
  return typeof s === 'function' ? s() : s;
}

/** The text fast-check prints for a generated DataFrame: its DDL and a Spark table of its rows. */
export function describeGeneratedFrame(schema: StructType, rows: readonly unknown[]): string {
  let table: string;
  try {
    table = formatShow(rowsToBatch(rows, schema, { timeZone: 'UTC' }), { numRows: 50, truncate: false }).trimEnd();
  } catch {
    table = JSON.stringify(rows);
  }
  return `DataFrame[${schema.toDDL()}] (${rows.length} ${rows.length === 1 ? 'row' : 'rows'})\n${table}`;
}

/** Marks a DataFrame so fast-check prints it as a Spark table. */
export function withFramePrinter(df: DataFrame, schema: StructType, rows: readonly unknown[]): DataFrame {
  Object.defineProperty(df, fc.toStringMethod, { value: () => describeGeneratedFrame(schema, rows), configurable: true, enumerable: false });
  return df;
}

/**
 * An arbitrary DataFrame of `schema` built with `spark.createDataFrame`.
 *
 * @example
 * ```ts
 * const spark = useSparkSession();
 * test.prop([arbitraryDataFrame(spark, 'id INT, amount DOUBLE')])('filter never adds rows', (df) => {
 *   expect(df.filter(F.col('amount').gt(0)).count()).toBeLessThanOrEqual(df.count());
 * });
 * ```
 */
export function arbitraryDataFrame(spark: SessionSource, schema: StructType | string, opts: RowsArbitraryOptions = {}): fc.Arbitrary<DataFrame> {
  const struct = typeof schema === 'string' ? parseSchema(schema) : schema;
  return arbitraryRows(struct, opts).map((rows) => withFramePrinter(sessionOf(spark).createDataFrame(rows, struct), struct, rows));
}

/** A generated schema and rows of it. */
export interface GeneratedData {
  readonly schema: StructType;
  readonly rows: (Record<string, unknown> | unknown[])[];
}

/** An arbitrary schema together with rows of it. */
export function arbitrarySchemaAndRows(opts: SchemaArbitraryOptions & RowsArbitraryOptions = {}): fc.Arbitrary<GeneratedData> {
  return arbitrarySchema(opts).chain((schema) => arbitraryRows(schema, opts).map((rows) => ({ schema, rows })));
}

/** An arbitrary DataFrame of an arbitrary schema. */
export function arbitraryDataFrameOfAnySchema(spark: SessionSource, opts: SchemaArbitraryOptions & RowsArbitraryOptions = {}): fc.Arbitrary<DataFrame> {
  return arbitrarySchemaAndRows(opts).map(({ schema, rows }) => withFramePrinter(sessionOf(spark).createDataFrame(rows, schema), schema, rows));
}
