/**
 * What the DDL tests share: tables created per test and dropped after it (on a Spark
 * server they would outlive the test), and the class and message of a statement's error.
 */
import { afterEach } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';

/** The error `sql` raises: its class (undefined when Spark gives none) and message. */
export function failure(spark: SparkSession, sql: string): { errorClass: string | undefined; message: string } {
  try {
    spark.sql(sql).collect();
  } catch (e) {
    const err = e as Error & { getErrorClass?: () => string | undefined };
    return { errorClass: err.getErrorClass?.() ?? undefined, message: err.message };
  }
  throw new Error(`no error from: ${sql}`);
}

/** Spark's TABLE_OR_VIEW_NOT_FOUND text after the name. */
export const NOT_FOUND_TAIL =
  'cannot be found. Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a schema, verify the current_schema() output, or qualify the name with the correct schema and catalog.\nTo tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS.';

/**
 * Call inside a `forEachBackend` body: `open()` gives the test's session, `create`
 * (re)creates a table that is dropped after the test, and `dropAfter` adds one made otherwise.
 */
export function scratchTables(session: () => SparkSession): {
  open: () => SparkSession;
  create: (spark: SparkSession, name: string, rest: string) => void;
  dropAfter: (name: string) => void;
} {
  const created: string[] = [];
  let current: SparkSession | undefined;
  afterEach(() => {
    for (const t of created.splice(0)) current?.sql(`DROP TABLE IF EXISTS ${t}`);
  });
  return {
    open: () => (current = session()),
    create: (spark, name, rest) => {
      created.push(name);
      spark.sql(`DROP TABLE IF EXISTS ${name}`);
      spark.sql(`CREATE TABLE ${name} ${rest}`);
    },
    /** A table the test makes some other way, dropped after it too. */
    dropAfter: (name) => void created.push(name),
  };
}
