/**
 * Small helpers the SQL tests share: the error a query raises (collected), its rows,
 * and a session switched to ANSI mode.
 */
import type { SparkSession } from '../../src/index.js';

export type Caught = { name?: string; errorClass?: string; message?: string };

/** The error `f` throws (a test failure when it throws none). */
export function errorOf(f: () => unknown, what = 'the call'): Caught {
  try {
    f();
  } catch (e) {
    return e as Caught;
  }
  throw new Error(`expected an error: ${what}`);
}

/** The error collecting `q` raises. */
export const sqlError = (spark: SparkSession, q: string): Caught => errorOf(() => spark.sql(q).collect(), q);

/** The rows of `q` as arrays. */
export const rows = (spark: SparkSession, q: string): unknown[][] => spark.sql(q).collect().map((r) => [...r]);

/** The session with spark.sql.ansi.enabled=true. */
export const ansi = (spark: SparkSession): SparkSession => {
  spark.conf.set('spark.sql.ansi.enabled', 'true');
  return spark;
};

/** The class and first message line of the error `f` throws; `withoutPosition` drops Spark's `; line L pos P`. */
export function firstLineError(f: () => unknown, withoutPosition = false): { errorClass?: string; message: string } {
  const err = errorOf(f);
  const line = String(err.message).split('\n')[0]!;
  return { errorClass: err.errorClass, message: withoutPosition ? line.replace(/; line \d+ pos \d+$/, '') : line };
}

/** A query's column names, their nullability and its rows as arrays. */
export const resultOf = (spark: SparkSession, sql: string): { names: string[]; nullable: boolean[]; rows: unknown[][] } => {
  const df = spark.sql(sql);
  return { names: df.columns, nullable: df.schema.fields.map((f) => f.nullable), rows: df.collect().map((r) => [...r]) };
};
