/**
 * Limit pushdown: Limit(Project(x)) → Project(Limit(x)) for a deterministic
 * projection (it computes n rows instead of all); Limit(UnionAll(l, r)) →
 * Limit(UnionAll(Limit(l), Limit(r))); Limit(LeftOuterJoin(l, r)) →
 * Limit(LeftOuterJoin(Limit(l), r)) without a residual condition — every left
 * row yields at least one output row, so the first n left rows are enough.
 */
import { plan, schemaOf, withProps, type LogicalPlan } from '../../plan/nodes.js';
import type { OptimizerRule } from '../rule.js';
import { deterministic } from './predicates.js';

function limited(input: LogicalPlan, n: number): LogicalPlan {
  if (input.kind === 'Limit' && input.n <= n) return input;
  return withProps(plan('Limit', { input, n }), { schema: schemaOf(input) });
}

export const limitPushdown: OptimizerRule = {
  name: 'limit_pushdown',
  order: 'topDown',
  requires: { Limit: 1 },
  apply(node) {
    if (node.kind !== 'Limit') return node;
    const x = node.input;
    if (x.kind === 'Project' && x.exprs.every(deterministic)) {
      return withProps(x, { input: withProps(node, { input: x.input, schema: schemaOf(x.input) }) });
    }
    if (x.kind === 'SetOperation' && x.op === 'union' && x.all) {
      const left = limited(x.left, node.n);
      const right = limited(x.right, node.n);
      return left === x.left && right === x.right ? node : withProps(node, { input: withProps(x, { left, right }) });
    }
    if (x.kind === 'Join' && x.joinType === 'left' && !x.condition) {
      const left = limited(x.left, node.n);
      return left === x.left ? node : withProps(node, { input: withProps(x, { left }) });
    }
    return node;
  },
};
