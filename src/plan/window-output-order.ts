/**
 * The order rows leave a Window operator in Spark, for data that fits one partition.
 * Spark plans one Window operator per distinct (PARTITION BY, ORDER BY) pair, in order
 * of first appearance with the last one outermost, and sorts each operator's input by
 * its partition keys (ascending, nulls first) and then its order keys. Small data is
 * one partition after adaptive coalescing, so the outermost sort is the order users
 * see in show() (stable: rows equal on every key keep their input order). Both local
 * engines use it, so they print rows where Spark does.
 */
import type { Alias, Expr, SortOrder, WindowSpecDef } from '../expr/nodes.js';
import { typeOf } from '../expr/nodes.js';

/** The sort keys of the outermost Window operator; empty when Spark does not sort. */
export function windowOutputOrder(windowExprs: readonly Alias[]): SortOrder[] {
  const last = outermostSpec(windowExprs);
  return last ? [...partitionKeyOrders(last), ...last.orderBy] : [];
}

/** PARTITION BY keys as the ascending, nulls-first sort keys Spark's Window requires. */
export function partitionKeyOrders(spec: WindowSpecDef): SortOrder[] {
  return spec.partitionBy.map((e) => ({ kind: 'SortOrder', child: e, ascending: true, nullsFirst: true, dataType: typeOf(e), nullable: true }));
}

/** The spec of the outermost Window operator: the last distinct (PARTITION BY, ORDER BY). */
export function outermostSpec(windowExprs: readonly Alias[]): WindowSpecDef | undefined {
  let last: WindowSpecDef | undefined;
  const seen = new Set<string>();
  for (const a of windowExprs) {
    const w = stripAlias(a.child);
    if (w.kind !== 'WindowExpr') continue;
    const key = JSON.stringify({ p: w.spec.partitionBy, o: w.spec.orderBy }, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    if (seen.has(key)) continue;
    seen.add(key);
    last = w.spec;
  }
  return last;
}

function stripAlias(e: Expr): Expr {
  return e.kind === 'Alias' ? stripAlias(e.child) : e;
}
