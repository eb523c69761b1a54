/**
 * Spark 3.5's decorrelation of aggregates inside correlated subqueries: an
 * aggregate without GROUP BY above a correlated predicate is grouped by the
 * outer columns, so where no inner row matches it yields no row at all (not
 * one row of count 0). Spark compensates (the "count bug") only for the
 * aggregate at the top of a scalar subquery: checked against Spark 3.5.7,
 * `(SELECT sum(c) FROM (SELECT count(*) c FROM t2 WHERE t2.b = t1.a))` is NULL
 * and `EXISTS (SELECT count(*) FROM t2 WHERE t2.b = t1.a)` false where no row
 * of t2 matches, while `(SELECT count(*) FROM t2 WHERE t2.b = t1.a)` is 0.
 * LATERAL subqueries compensate at every level and are not rewritten here.
 */
import { E, exists } from '../expr/nodes.js';
import { inputs, plan, type LogicalPlan } from '../plan/nodes.js';
import { withInputs } from '../plan/transform.js';
import { BOOLEAN } from '../types/data-types.js';
import { ordinalRef } from './translate.js';
import { isOuterRef } from './correlation-path.js';


/** Whether a correlated predicate (a Filter reading an outer reference) lies in `p`. */
function correlated(p: LogicalPlan): boolean {
  if (p.kind === 'Filter' && exists(p.condition, isOuterRef)) return true;
  return inputs(p).some(correlated);
}

/** The top of a scalar subquery down to its aggregate, which Spark compensates. */
const ABOVE_TOP_AGGREGATE = new Set(['Project', 'Filter', 'Sort', 'Limit', 'SubqueryAlias']);

/** One evaluation's plan (outer references bound) with Spark's grouping of correlated aggregates. */
export function groupCorrelatedAggregates(p: LogicalPlan, kind: 'scalar' | 'exists' | 'in'): LogicalPlan {
  const rewrite = (node: LogicalPlan, compensated: boolean): LogicalPlan => {
    const keepTop = compensated && ABOVE_TOP_AGGREGATE.has(node.kind);
    const next = withInputs(
      node,
      inputs(node).map((c) => rewrite(c, keepTop)),
    );
    if (next.kind !== 'Aggregate' || next.groupBy.length > 0 || next.groupingSets || compensated || !correlated(next.input)) return next;
    // Grouped by a constant, the aggregate has no group (no row) for an empty input.
    const grouped = plan('Aggregate', { input: next.input, groupBy: [E.lit(true, BOOLEAN)], aggs: next.aggs });
    return plan('Project', { input: grouped, exprs: next.aggs.map((_, i) => ordinalRef(i + 1)) });
  };
  return rewrite(p, kind === 'scalar');
}
