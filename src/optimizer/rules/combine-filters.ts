/** Filter(Filter(x, a), b) → Filter(x, a AND b): one pass over the rows instead of two. */
import { resolveCall } from '../../analyzer/resolve-call.js';
import { E } from '../../expr/nodes.js';
import { withProps } from '../../plan/nodes.js';
import type { OptimizerRule } from '../rule.js';

export const combineFilters: OptimizerRule = {
  name: 'combine_filters',
  order: 'topDown',
  requires: { Filter: 2 },
  apply(node) {
    if (node.kind !== 'Filter' || node.input.kind !== 'Filter') return node;
    const inner = node.input;
    const args = [inner.condition, node.condition];
    return withProps(inner, { condition: resolveCall(E.call('and', args), args), schema: node.schema! });
  },
};
