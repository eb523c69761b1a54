/**
 * Boolean simplification and null-literal folding, with Spark's three-valued
 * logic: `x AND true` → x, `x AND false` → false (null AND false is false),
 * `x OR false` → x, `x OR true` → true (null OR true is true), `NOT NOT x` →
 * x, NOT of a literal folds; a null-intolerant function of a null literal is
 * a null literal of its type (and null AND/OR null is null). A filter whose condition folds to true goes
 * away; one that folds to false or null keeps no row (an empty relation).
 * Other constants are left to the backends: folding them here would need
 * the query's time zone and ANSI settings.
 */
import { batchFromRows } from '../../data/batch.js';
import { E, type Expr } from '../../expr/nodes.js';
import { hasFunction, lookupFunction } from '../../functions/registry.js';
import { plan, schemaOf, withProps } from '../../plan/nodes.js';
import { BOOLEAN } from '../../types/data-types.js';
import type { OptimizerRule } from '../rule.js';
import { deterministic, mapChildrenKeep } from './predicates.js';

const isBool = (e: Expr, v: boolean | null): boolean => e.kind === 'Literal' && (e.value ?? null) === v;
/** A null literal, or a cast of one (null in any type). */
const isNull = (e: Expr): boolean => (e.kind === 'Literal' && (e.value ?? null) === null) || (e.kind === 'Cast' && isNull(e.child));
const boolLit = (v: boolean | null): Expr => E.lit(v, BOOLEAN);

/** One simplification step at the root of `e` (children already simplified). */
function simplifyRoot(e: Expr): Expr {
  if (e.kind !== 'Call') return e;
  const [a, b] = e.args;
  if ((e.fn === 'and' || e.fn === 'or') && isNull(a!) && isNull(b!)) return boolLit(null);
  switch (e.fn) {
    case 'and':
      if (isBool(a!, true)) return b!;
      if (isBool(b!, true)) return a!;
      if ((isBool(a!, false) && deterministic(b!)) || (isBool(b!, false) && deterministic(a!))) return boolLit(false);
      return e;
    case 'or':
      if (isBool(a!, false)) return b!;
      if (isBool(b!, false)) return a!;
      if ((isBool(a!, true) && deterministic(b!)) || (isBool(b!, true) && deterministic(a!))) return boolLit(true);
      return e;
    case 'not':
      if (a!.kind === 'Literal') return boolLit(a!.value === null || a!.value === undefined ? null : !a!.value);
      if (a!.kind === 'Call' && a!.fn === 'not') return a!.args[0]!;
      return e;
  }
  if (e.args.some(isNull)) {
    if (hasFunction(e.fn) && lookupFunction(e.fn).nullIntolerant && e.dataType) {
      return E.lit(null, e.dataType);
    }
  }
  return e;
}

export function simplifyExpr(e: Expr): Expr {
  const inner = mapChildrenKeep(e, simplifyExpr); // identity when nothing changes (the fixpoint loop stops)
  return simplifyRoot(inner);
}

export const booleanSimplification: OptimizerRule = {
  name: 'boolean_simplification',
  order: 'bottomUp',
  requires: { Filter: 1 },
  apply(node) {
    if (node.kind !== 'Filter') return node;
    const condition = simplifyExpr(node.condition);
    if (isBool(condition, true)) return node.input;
    if (isBool(condition, false) || isBool(condition, null)) {
      const schema = schemaOf(node);
      return withProps(plan('LocalRelation', { data: batchFromRows(schema, []) }), { schema });
    }
    return condition === node.condition ? node : withProps(node, { condition });
  },
};
