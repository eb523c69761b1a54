/**
 * Names `dir(pyspark.sql.functions)` lists in PySpark 3.5 that are not Spark SQL
 * functions but helpers the module imports or defines (typing's `cast` and
 * `overload`, the `try_remote_functions` decorator, `to_str`,
 * `get_active_spark_context`), and `unwrap_udt`, a Column function over
 * user-defined types. Each does here what it does for a PySpark caller.
 */
import type { Column, ColumnOrName } from '../api/column.js';
import { PySparkRuntimeError } from '../errors/index.js';
import { SparkSession } from '../session/session.js';
import { c, call } from './call.js';

/**
 * typing.cast(type, value): a static type assertion that returns `value` unchanged at run time
 * (TypeScript spells it `value as T`); `type` is only documentation.
 */
export const cast = <T = unknown>(_type: unknown, value: unknown): T => value as T;

/**
 * typing.overload: marks one overload signature of a function. TypeScript declares overloads without any
 * run-time helper, so this returns the function unchanged.
 */
export const overload = <F extends (...args: never[]) => unknown>(fn: F): F => fn;

/**
 * PySpark's decorator that routes a `functions` call to Spark Connect's implementation when the session is
 * remote. sparkless functions build the same plan for every backend (connect included), so this returns the
 * function unchanged.
 */
export const try_remote_functions = <F extends (...args: never[]) => unknown>(fn: F): F => fn;

/**
 * to_str(value): the text PySpark sends for an option value: booleans in lower case (`'true'`), null
 * (or undefined) stays null, anything else its string form.
 */
export function to_str(value: unknown): string | null {
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null || value === undefined) return null;
  return String(value);
}

/**
 * get_active_spark_context(): the active session (sparkless has no SparkContext: the SparkSession plays its
 * part), or PySpark's RuntimeError when none was created (or the last one was stopped).
 */
export function get_active_spark_context(): SparkSession {
  const session = SparkSession.getActiveSession();
  if (!session) throw new PySparkRuntimeError('SparkContext or SparkSession should be created first.');
  return session;
}

/** `unwrap_udt(col)`: a user-defined type's value as its underlying SQL type (Spark's UnwrapUDT). */
export const unwrap_udt = (col: ColumnOrName): Column => call('unwrap_udt', c(col));
