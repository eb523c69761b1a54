/**
 * `arbitraryDataFrame`: real DataFrames from generated rows. A generated frame
 * prints (in fast-check's counterexample report) as its schema and a Spark
 * table, computed from the rows so it prints even after the session stopped.
 * Shrinking shrinks the rows (fewer rows, simpler values), so a failing
 * property reports a minimal DataFrame together with fast-check's seed and path.
 *
 * Given a session accessor (what `useSparkSession()` returns), a generated
 * DataFrame binds to the session current when it is first used, not when it is
 * generated: fast-check generates a value before `@fast-check/vitest` runs the
 * per-run `beforeEach`/`afterEach` hooks that replace the session.
 */
import * as fc from 'fast-check';
import { DataFrame } from '../../api/dataframe.js';
import { formatShow } from '../../format/show.js';
import type { SparkSession } from '../../session/session.js';
import { StructType } from '../../types/data-types.js';
import { parseSchema } from '../../types/ddl.js';
import { rowsToBatch } from '../../types/values.js';
import { arbitrarySchema, type SchemaArbitraryOptions } from './types.js';
import { arbitraryRows, type RowsArbitraryOptions } from './values.js';

/** A session, or a function giving the current one (e.g. what `useSparkSession()` returns). */
export type SessionSource = SparkSession | (() => SparkSession);

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
  return arbitraryRows(struct, opts).map((rows) => frameOf(spark, struct, rows));
}

function frameOf(spark: SessionSource, schema: StructType, rows: readonly unknown[]): DataFrame {
  if (typeof spark !== 'function') return withFramePrinter(spark.createDataFrame(rows, schema), schema, rows);
  return lazyFrame(spark, schema, rows);
}

/**
 * A DataFrame that creates the real one in the current session on first use (and
 * again if that session has been replaced), forwarding everything to it.
 */
function lazyFrame(spark: () => SparkSession, schema: StructType, rows: readonly unknown[]): DataFrame {
  let real: DataFrame | undefined;
  const current = (): DataFrame => {
    const session = spark();
    if (!real || real.sparkSession !== session) real = session.createDataFrame(rows, schema);
    return real;
  };
  const print = (): string => describeGeneratedFrame(schema, rows);
  return new Proxy(Object.create(DataFrame.prototype) as DataFrame, {
    get(_t, prop) {
      if (prop === fc.toStringMethod) return print;
      const df = current();
      const v = Reflect.get(df, prop, df);
      return typeof v === 'function' ? v.bind(df) : v;
    },
    has: (_t, prop) => prop === fc.toStringMethod || Reflect.has(current(), prop),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_t, prop) => {
      const d = Reflect.getOwnPropertyDescriptor(current(), prop);
      return d ? { ...d, configurable: true } : undefined;
    },
    getPrototypeOf: () => DataFrame.prototype,
    set: () => false,
  });
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
  return arbitrarySchemaAndRows(opts).map(({ schema, rows }) => frameOf(spark, schema, rows));
}
