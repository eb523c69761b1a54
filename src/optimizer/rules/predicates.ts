/** Expression helpers the rewrite rules share: conjuncts, column references, determinism, re-binding. */
import { resolveCall } from '../../analyzer/resolve-call.js';
import { children, E, exists, mapChildren, type BoundRef, type Expr } from '../../expr/nodes.js';
import { hasFunction, lookupFunction } from '../../functions/registry.js';
import { plan, schemaOf, withProps, type LogicalPlan } from '../../plan/nodes.js';
import type { StructType } from '../../types/data-types.js';

/** `a AND b AND c` → [a, b, c]. */
export function conjuncts(e: Expr): Expr[] {
  return e.kind === 'Call' && e.fn === 'and' && e.args.length === 2 ? [...conjuncts(e.args[0]!), ...conjuncts(e.args[1]!)] : [e];
}

/** [a, b, c] → `(a AND b) AND c` (resolved). */
export function conjunction(parts: readonly Expr[]): Expr {
  return parts.reduce((acc, p) => {
    const args = [acc, p];
    return resolveCall(E.call('and', args), args);
  });
}

/** Input ordinals a (resolved) expression reads. */
export function references(e: Expr): Set<number> {
  const out = new Set<number>();
  const walk = (x: Expr): void => {
    if (x.kind === 'BoundRef') out.add(x.index);
    for (const c of children(x)) walk(c);
  };
  walk(e);
  return out;
}

/** False when the expression calls a non-deterministic function (rand, uuid, ...), which must not move. */
export function deterministic(e: Expr): boolean {
  return !exists(e, (x) => x.kind === 'Call' && (!hasFunction(x.fn) || lookupFunction(x.fn).nondeterministic === true));
}

/**
 * `mapChildren(e, f)`, but `e` itself when `f` changed no child: the optimizer
 * runs its rules until the plan stops changing, judged by identity, so a rule
 * that rebuilt unchanged expressions would never let it stop.
 */
export function mapChildrenKeep(e: Expr, f: (c: Expr) => Expr): Expr {
  // mapChildren itself now returns `e` when no child changed; the name stays for the rules' readers.
  return mapChildren(e, f);
}

/** `e` with every BoundRef replaced by `f(ref)` (a BoundRef into another input, or any expression). */
export function rebind(e: Expr, f: (ref: BoundRef) => Expr): Expr {
  if (e.kind === 'BoundRef') return f(e);
  return children(e).length === 0 ? e : mapChildren(e, (c) => rebind(c, f));
}

/** A BoundRef to column `i` of `schema`, keeping the reference's own type and nullability. */
export function boundIn(schema: StructType, i: number, like: Expr): Expr {
  return E.bound(i, schema.fields[i]!.name, like.dataType!, like.nullable ?? true);
}

/** A resolved Filter over `input`. */
export function filterOver(input: LogicalPlan, condition: Expr): LogicalPlan {
  return withProps(plan('Filter', { input, condition }), { schema: schemaOf(input) });
}

/** Partitions `parts` by `pred`. */
export function partition<T>(parts: readonly T[], pred: (p: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const p of parts) (pred(p) ? yes : no).push(p);
  return [yes, no];
}
