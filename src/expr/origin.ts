/**
 * The origin of an expression written in SQL text (Spark's `Origin`): kept on
 * the node under a symbol key, so node copies made by spreading (`mapChildren`,
 * the analyzer's typing) keep it while structural keys (`exprKey`, which read
 * string keys) and SQL names ignore it. Nodes the analyzer adds (implicit casts)
 * have none and take their nearest ancestor's when evaluated, as Spark's rules
 * create them under the origin of the expression they rewrite.
 */
import type { SqlOrigin } from '../errors/query-context.js';
import type { Expr, WindowSpecDef } from './nodes.js';

const ORIGIN = Symbol.for('sparkless.exprOrigin');

export function originOf(e: Expr): SqlOrigin | undefined {
  return (e as unknown as Record<symbol, SqlOrigin | undefined>)[ORIGIN];
}

/** `e` with `origin` (a frozen copy; `e` itself when it already has one). */
export function withOrigin<T extends Expr>(e: T, origin: SqlOrigin): T {
  if (originOf(e)) return e;
  return Object.freeze({ ...e, [ORIGIN]: origin });
}

/**
 * A window specification's origin (Spark's WindowSpecDefinition: from its `(`), kept the same
 * way, so the copies made while naming and resolving windows keep it.
 */
export function specOrigin(spec: WindowSpecDef): SqlOrigin | undefined {
  return (spec as unknown as Record<symbol, SqlOrigin | undefined>)[ORIGIN];
}

export function withSpecOrigin(spec: WindowSpecDef, origin: SqlOrigin): WindowSpecDef {
  return Object.freeze({ ...spec, [ORIGIN]: origin });
}

/** Where a SELECT item sits: its SELECT block (`block`), the item itself (`item`), a grouped block's GROUP BY (`aggregate`). */
export interface SelectItemOrigin {
  readonly block: SqlOrigin;
  readonly item: SqlOrigin;
  readonly aggregate?: SqlOrigin;
}

/**
 * The SELECT items of SQL text, by node: Spark reports some analysis errors at the enclosing
 * select item or SELECT block rather than at the failing expression (analyzer/deferred-positions.ts).
 */
const selectItems = new WeakMap<Expr, SelectItemOrigin>();

export function selectItemOrigin(e: Expr): SelectItemOrigin | undefined {
  return selectItems.get(e);
}

export function setSelectItemOrigin(e: Expr, at: SelectItemOrigin | undefined): void {
  if (at) selectItems.set(e, at);
}
