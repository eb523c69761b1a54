/**
 * Rows Polars cannot compute as Spark does, handed to the interpreter: a native expression marks
 * them, and a query that meets one runs again in the interpreter, which gives Spark's answer or
 * Spark's error: a far timestamp whose zone conversion leaves the long range of µs (Spark raises
 * "long overflow", Polars would wrap or panic). Polars has no expression that raises a chosen
 * error, so the mark is a strict narrowing cast of a marker number, which fails the query with
 * a ComputeError quoting the number (numeric: a text marker would parse a string per row). Spark evaluates a CASE branch only for the rows that take it,
 * Polars every branch for every row: the interpreter run also keeps such rows from failing.
 */
import type { NativeExpr } from './native.js';
import { LONG } from '../../types/data-types.js';
import { i64, ifElse, nullOf } from './nx.js';
import { PL } from './type-mapper.js';

/** A long no Int32 holds, quoted by Polars' cast error. */
const MARKER = 7_330_113_161_537_654_321n;

/** Why such a query ran in the interpreter (its delegation report). */
export const INTERPRETER_ROWS = 'a timestamp conversion leaving the long range of µs (Spark: long overflow) runs the query in the interpreter';

/** `value` (Int64) where `cond` is false or null; where it is true, the query runs in the interpreter. */
export function interpretWhere(cond: NativeExpr, value: NativeExpr): NativeExpr {
  const mark = ifElse(cond, i64(MARKER), nullOf(LONG)).cast(PL.Int32, true).cast(PL.Int64, true).fillNull(i64(0));
  return value.add(mark);
}

/** True when a native failure is such a mark (also wrapped, as translatePolarsError does). */
export function asksInterpreter(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if (e.message.includes(String(MARKER))) return true;
  }
  return false;
}
