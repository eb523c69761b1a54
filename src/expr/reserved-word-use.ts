/**
 * An expression string (`F.expr`, `selectExpr`, `filter(str)`) is parsed without a session, so it
 * cannot know whether spark.sql.ansi.enabled with spark.sql.ansi.enforceReservedKeywords refuses
 * the reserved words it uses as identifiers. The parse marks such a string with a thunk that
 * raises Spark's PARSE_SYNTAX_ERROR (a fresh one each time); analysis calls it under those settings.
 * Kept under a symbol key so the copies made by spreading keep it, as an origin is kept.
 */
import type { Expr } from './nodes.js';

const RESERVED_USE = Symbol.for('sparkless.reservedWordUse');

export function withReservedWordUse<T extends Expr>(e: T, raise: () => never): T {
  return Object.freeze({ ...e, [RESERVED_USE]: raise });
}

/** Raises the parse error of a marked expression string when the session enforces reserved keywords. */
export function checkReservedWordUse(e: Expr, conf: ((key: string) => string | undefined) | undefined, ansi: boolean): void {
  const raise = (e as unknown as Record<symbol, (() => never) | undefined>)[RESERVED_USE];
  if (!raise || !ansi || conf?.('spark.sql.ansi.enforceReservedKeywords')?.trim().toLowerCase() !== 'true') return;
  raise();
}
