/**
 * Analysis errors Spark 3.5.7 positions away from the failing expression (probed):
 *  - 'clause': a higher-order function's type error and an unresolved lambda variable are
 *    reported at the clause's top-level expression: an aliased select item, the SELECT block's
 *    start for an unaliased one, a WHERE condition, an ORDER BY key (Spark's lambda resolution rebuilds the
 *    expression under the operator's origin);
 *  - 'parent': a window function without OVER is reported at its parent expression, and at the
 *    SELECT block's start when it is a select item, aliased or not (in a grouped SELECT, the
 *    GROUP BY clause's start, where Spark's Aggregate begins).
 * `resolveExpr` applies these as the error passes up (positionAnalysisError positions once).
 */
import { positionAnalysisError, type SqlOrigin } from '../errors/query-context.js';
import type { Expr } from '../expr/nodes.js';
import { originOf, selectItemOrigin } from '../expr/origin.js';

type Deferral = { readonly how: 'clause' | 'parent'; raiserPassed: boolean };
const DEFERRED = Symbol.for('sparkless.positionDeferred');

/** Marks `err` (not yet positioned) to be positioned by `how`'s rule. */
export function deferPosition<T>(err: T, how: 'clause' | 'parent'): T {
  if (err && typeof err === 'object' && !(DEFERRED in err)) {
    Object.defineProperty(err, DEFERRED, { value: { how, raiserPassed: false } satisfies Deferral, configurable: true });
  }
  return err;
}

/**
 * Positions `err` raised while resolving `e` (at nesting `depth`, 1 for an operator's
 * top-level expression): at `e`'s origin, unless a deferral says to wait for an ancestor.
 */
export function positionAt(err: unknown, e: Expr, depth: number): void {
  const d = err && typeof err === 'object' ? ((err as Record<symbol, Deferral | undefined>)[DEFERRED]) : undefined;
  const origin = originOf(e);
  if (!d) {
    if (origin) positionAnalysisError(err, origin);
    return;
  }
  const raiser = !d.raiserPassed;
  d.raiserPassed = true;
  if (depth === 1) {
    const top = topLevel(e, d.how);
    if (top) positionAnalysisError(err, top);
    else if (origin && !(d.how === 'parent' && raiser)) positionAnalysisError(err, origin);
    return;
  }
  if (d.how === 'parent' && !raiser && origin) positionAnalysisError(err, origin);
}

function topLevel(e: Expr, how: 'clause' | 'parent'): SqlOrigin | undefined {
  const at = selectItemOrigin(e);
  // A sort key's position is its expression's (Spark's SortOrder starts there).
  if (!at) return how === 'clause' ? originOf(e) ?? (e.kind === 'SortOrder' ? originOf(e.child) : undefined) : undefined;
  if (how === 'parent') return at.aggregate ?? at.block;
  return e.kind === 'Alias' ? at.item : at.block;
}
