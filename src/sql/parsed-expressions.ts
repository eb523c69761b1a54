/**
 * What the parser leaves in unresolved expressions for the translator:
 * subquery placeholder calls, `OVER name` window references, dotted names
 * (quotePart / lastPart), and `mapExpr`, which keeps those references when
 * rebuilding a tree.
 */
import { E, mapChildren, type Expr, type SortOrder, type WindowSpecDef } from '../expr/nodes.js';

/**
 * Subquery expressions, kept as placeholder calls holding the subquery's AST
 * (`options.query`); the translator evaluates them (uncorrelated subqueries only).
 */
export const SUBQUERY = { scalar: '__sql_scalar_subquery', in: '__sql_in_subquery', exists: '__sql_exists_subquery' } as const;

/** Window specs written as `OVER w`: replaced by the WINDOW clause definition when the query is translated. */
export const namedWindowRefs = new WeakMap<WindowSpecDef, string>();


/** A name part as the analyzer's dotted-name syntax needs it (backquoted when it holds `.` or `` ` ``). */
export function quotePart(part: string, quoted: boolean): string {
  if (!quoted && !/[.`]/.test(part)) return part;
  if (!/[.`]/.test(part)) return part;
  return '`' + part.replace(/`/g, '``') + '`';
}

export function lastPart(name: string): string {
  const m = /(?:^|\.)(`(?:[^`]|``)*`|[^.`]*)$/.exec(name);
  const p = m ? m[1]! : name;
  return p.startsWith('`') ? p.slice(1, -1).replace(/``/g, '`') : p;
}



/**
 * Rebuilds an expression with transformed children (`mapChildren`). A window
 * keeps its `OVER name` reference on the rebuilt spec, and its partition and
 * order keys are visited before its function.
 */
export function mapExpr(e: Expr, f: (c: Expr) => Expr): Expr {
  if (e.kind !== 'WindowExpr') return mapChildren(e, f);
  // Spread: the spec's origin (a symbol key) stays with it.
  const spec: WindowSpecDef = {
    ...e.spec,
    partitionBy: e.spec.partitionBy.map(f),
    orderBy: e.spec.orderBy.map((o) => f(o) as SortOrder),
  };
  const ref = namedWindowRefs.get(e.spec);
  if (ref !== undefined) namedWindowRefs.set(spec, ref);
  return E.window(f(e.fn), spec);
}
