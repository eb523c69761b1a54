/**
 * `current_date`, `current_timestamp`, `current_user`, `user` and `session_user` written without
 * parentheses are, in Spark 3.5 (unless ANSI mode enforces reserved keywords), a column name first:
 * the parser reads an attribute and the analyzer turns it into the function only when no input
 * column has that name (ColumnResolutionHelper.resolveLiteralFunction, SPARK-22333). The parse
 * marks such a call with the name, under a symbol key so the expression key ignores it.
 */
import type { Expr } from './nodes.js';

const COLUMN_FIRST = Symbol.for('sparkless.columnFirst');

export function withColumnFirst<T extends Expr>(e: T, name: string): T {
  return Object.freeze({ ...e, [COLUMN_FIRST]: name });
}

/** The name a bare keyword call resolves as when a column of that name is in scope. */
export function columnFirstName(e: Expr): string | undefined {
  return (e as unknown as Record<symbol, string | undefined>)[COLUMN_FIRST];
}
