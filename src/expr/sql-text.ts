/**
 * The SQL text an expression was parsed from (`F.expr`, `selectExpr`,
 * `filter('...')`). Local backends use the parsed tree; Spark Connect sends
 * the text itself, as PySpark does, so Spark parses and names it. Kept beside
 * the tree (not in it) because the text belongs to the API call, not to the IR.
 */
import type { Expr } from './nodes.js';

const texts = new WeakMap<Expr, string>();

/** Records that `e` was parsed from `text`; returns `e`. */
export function rememberSqlText<E extends Expr>(e: E, text: string): E {
  texts.set(e, text);
  return e;
}

/** The text `e` was parsed from, if it came from SQL text. */
export function sqlTextOf(e: Expr): string | undefined {
  return texts.get(e);
}
