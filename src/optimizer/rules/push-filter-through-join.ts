/**
 * Filter(Join(l, r), a AND b AND c) → Filter(Join(Filter(l, a), Filter(r, b)), c):
 * each deterministic conjunct that reads one side only moves below the join,
 * where that side's rows are not null-extended — the left side of inner,
 * cross, left outer, semi and anti joins, the right side of inner, cross and
 * right outer joins. (Below a null-extending side the filter would turn
 * dropped rows into null-padded ones.)
 */
import { schemaOf, withProps } from '../../plan/nodes.js';
import type { OptimizerRule } from '../rule.js';
import { boundIn, conjunction, conjuncts, deterministic, filterOver, rebind, references } from './predicates.js';

const LEFT_OK = new Set(['inner', 'cross', 'left', 'left_semi', 'left_anti']);
const RIGHT_OK = new Set(['inner', 'cross', 'right']);

export const pushFilterThroughJoin: OptimizerRule = {
  name: 'push_filter_through_join',
  order: 'topDown',
  requires: { Filter: 1, Join: 1 },
  apply(node) {
    if (node.kind !== 'Filter' || node.input.kind !== 'Join') return node;
    const j = node.input;
    const nl = schemaOf(j.left).fields.length;
    const rightSchema = schemaOf(j.right);
    const left = [];
    const right = [];
    const keep = [];
    for (const c of conjuncts(node.condition)) {
      const refs = [...references(c)];
      if (refs.length === 0 || !deterministic(c)) keep.push(c);
      else if (LEFT_OK.has(j.joinType) && refs.every((i) => i < nl)) left.push(c);
      else if (RIGHT_OK.has(j.joinType) && refs.every((i) => i >= nl)) right.push(rebind(c, (r) => boundIn(rightSchema, r.index - nl, r)));
      else keep.push(c);
    }
    if (left.length === 0 && right.length === 0) return node;
    const join = withProps(j, {
      left: left.length ? filterOver(j.left, conjunction(left)) : j.left,
      right: right.length ? filterOver(j.right, conjunction(right)) : j.right,
    });
    return keep.length ? withProps(node, { input: join, condition: conjunction(keep) }) : join;
  },
};
