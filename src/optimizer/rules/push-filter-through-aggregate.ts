/**
 * Filter(Aggregate(x, keys, aggs), p) → Aggregate(Filter(x, p'), keys, aggs)
 * for each deterministic conjunct that reads grouping columns only (p' reads
 * the grouping expressions themselves): whole groups are dropped before any
 * aggregate is computed for them. Not with grouping sets, whose rolled-up
 * rows hold nulls in place of keys.
 */
import { withProps } from '../../plan/nodes.js';
import type { OptimizerRule } from '../rule.js';
import { conjunction, conjuncts, deterministic, filterOver, rebind, references } from './predicates.js';

export const pushFilterThroughAggregate: OptimizerRule = {
  name: 'push_filter_through_aggregate',
  order: 'topDown',
  requires: { Filter: 1, Aggregate: 1 },
  apply(node) {
    if (node.kind !== 'Filter' || node.input.kind !== 'Aggregate') return node;
    const agg = node.input;
    if (agg.groupingSets || agg.groupBy.length === 0) return node;
    const keys = agg.groupBy.map((g) => (g.kind === 'Alias' ? g.child : g));
    const push = [];
    const keep = [];
    for (const c of conjuncts(node.condition)) {
      const refs = [...references(c)];
      const ok = refs.length > 0 && deterministic(c) && refs.every((i) => i < keys.length && deterministic(keys[i]!));
      if (ok) push.push(rebind(c, (r) => keys[r.index]!));
      else keep.push(c);
    }
    if (push.length === 0) return node;
    const pushed = withProps(agg, { input: filterOver(agg.input, conjunction(push)) });
    return keep.length ? withProps(node, { input: pushed, condition: conjunction(keep) }) : pushed;
  },
};
