/** Limit(Limit(x, a), b) → Limit(x, min(a, b)). */
import { withProps } from '../../plan/nodes.js';
import type { OptimizerRule } from '../rule.js';

export const eliminateLimits: OptimizerRule = {
  name: 'eliminate_limits',
  order: 'topDown',
  requires: { Limit: 2 },
  apply(node) {
    if (node.kind !== 'Limit' || node.input.kind !== 'Limit') return node;
    return withProps(node.input, { n: Math.min(node.n, node.input.n) });
  },
};
