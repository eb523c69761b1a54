/**
 * Plan nodes whose output row order cannot show in the query's result.
 *
 * A Window node sorts its rows into Spark's output order at the end (a full
 * sort of the frame); when everything above it only counts, bounds or adds up
 * exactly, that order is invisible and the sort can go. Found top-down: a
 * global aggregate (one row, no grouping whose group order would follow its
 * input) whose aggregates are all order-insensitive makes its input order-free;
 * a projection or filter of deterministic expressions passes the property on.
 * Anything else (sorts, whose ties keep input order; limits; joins; unions;
 * windows) makes its inputs order-relevant again.
 *
 * Order-insensitive aggregates give the same value for any row order: count,
 * min and max (not of floating values: -0.0 and 0.0 tie), the boolean ones, and sum over integral or decimal values
 * (exact, or wrapping identically). Double sums and averages are not: their
 * last digits follow the summation order, which the interpreter and the
 * sequential sums reproduce.
 */
import type { Expr } from '../../expr/nodes.js';
import { children, typeOf } from '../../expr/nodes.js';
import type { LogicalPlan } from '../../plan/nodes.js';
import { inputs } from '../../plan/nodes.js';
import { deterministic } from '../../optimizer/rules/predicates.js';
import { DecimalType, DoubleType, FloatType } from '../../types/data-types.js';
import { isAggregateFunction } from './expression-translator.js';
import { integralBits } from './type-mapper.js';

const ANY_ORDER = new Set(['count', 'min', 'max', 'bool_and', 'bool_or', 'every', 'some', 'any']);

/** The nodes of `root` whose output order does not reach the result (the root's own order always does). */
export function orderFreeNodes(root: LogicalPlan): ReadonlySet<LogicalPlan> {
  const out = new Set<LogicalPlan>();
  const visit = (p: LogicalPlan, free: boolean): void => {
    if (free) out.add(p);
    switch (p.kind) {
      case 'Aggregate':
        visit(p.input, p.groupBy.length === 0 && !p.groupingSets && p.aggs.every(orderInsensitive));
        return;
      case 'Project':
        visit(p.input, free && p.exprs.every(deterministic));
        return;
      case 'Filter':
        visit(p.input, free && deterministic(p.condition));
        return;
      default:
        for (const c of inputs(p)) visit(c, false);
    }
  };
  visit(root, false);
  return out;
}

/** True when the aggregate output expression has the same value for any order of its input rows. */
function orderInsensitive(e: Expr): boolean {
  if (e.kind === 'WindowExpr') return false;
  if (e.kind === 'Call' && isAggregateFunction(e.fn)) {
    if (!e.args.every(deterministic) || (e.filter && !deterministic(e.filter))) return false;
    const t = e.args.length === 1 ? typeOf(e.args[0]!) : undefined;
    // -0.0 and 0.0 tie in min and max: which one is kept follows the order.
    if (ANY_ORDER.has(e.fn)) return e.fn === 'count' || !(t instanceof DoubleType || t instanceof FloatType);
    return e.fn === 'sum' && t !== undefined && (integralBits(t) !== undefined || t instanceof DecimalType);
  }
  if (e.kind === 'Call' && !deterministic(e)) return false;
  return children(e).every(orderInsensitive);
}
