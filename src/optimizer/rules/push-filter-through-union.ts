/**
 * Filter(Union(l, r), p) → Union(Filter(l, p), Filter(r, p)) for a
 * deterministic p (positional: p reads the same ordinals on both sides),
 * for UNION and UNION ALL alike.
 */
import { schemaOf, withProps } from '../../plan/nodes.js';
import type { OptimizerRule } from '../rule.js';
import { boundIn, deterministic, filterOver, rebind } from './predicates.js';

export const pushFilterThroughUnion: OptimizerRule = {
  name: 'push_filter_through_union',
  order: 'topDown',
  requires: { Filter: 1, SetOperation: 1 },
  apply(node) {
    if (node.kind !== 'Filter' || node.input.kind !== 'SetOperation' || node.input.op !== 'union') return node;
    if (!deterministic(node.condition)) return node;
    const u = node.input;
    const side = (p: typeof u.left) => {
      const s = schemaOf(p);
      return filterOver(p, rebind(node.condition, (r) => boundIn(s, r.index, r)));
    };
    return withProps(u, { left: side(u.left), right: side(u.right) });
  },
};
