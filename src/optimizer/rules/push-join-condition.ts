/**
 * Filter(Join(l, r), a AND b) where a conjunct reads both sides of an inner or
 * cross join → the conjunct becomes part of the join: an equality of a
 * left-only and a right-only expression an equi-join key pair, anything else
 * the join's residual condition; a cross join with a condition is an inner
 * join. This is what turns SQL's `FROM a, b WHERE a.k = b.k` into a hash join
 * instead of a cross product (Spark's PushPredicateThroughJoin does the same).
 * One-side conjuncts are left to push_filter_through_join.
 */
import { extractEquiKeys } from '../../analyzer/analyze-join.js';
import { withProps } from '../../plan/nodes.js';
import { schemaOf } from '../../plan/nodes.js';
import type { OptimizerRule } from '../rule.js';
import { conjunction, conjuncts, deterministic, references } from './predicates.js';

export const pushJoinCondition: OptimizerRule = {
  name: 'push_join_condition',
  order: 'topDown',
  requires: { Filter: 1, Join: 1 },
  apply(node) {
    if (node.kind !== 'Filter' || node.input.kind !== 'Join') return node;
    const j = node.input;
    if (j.joinType !== 'inner' && j.joinType !== 'cross') return node;
    const nl = schemaOf(j.left).fields.length;
    const into = [];
    const keep = [];
    for (const c of conjuncts(node.condition)) {
      const refs = [...references(c)];
      if (deterministic(c) && refs.some((i) => i < nl) && refs.some((i) => i >= nl)) into.push(c);
      else keep.push(c);
    }
    if (into.length === 0) return node;
    const { leftKeys, rightKeys, nullSafeKeys, residual } = extractEquiKeys(conjunction(into), nl);
    const condition = j.condition && residual ? conjunction([j.condition, residual]) : (j.condition ?? residual);
    const join = withProps(j, {
      joinType: 'inner',
      leftKeys: [...(j.leftKeys ?? []), ...leftKeys],
      rightKeys: [...(j.rightKeys ?? []), ...rightKeys],
      nullSafeKeys: [...(j.nullSafeKeys ?? (j.leftKeys ?? []).map(() => false)), ...nullSafeKeys],
      ...(condition ? { condition } : {}),
    });
    return keep.length ? withProps(node, { input: join, condition: conjunction(keep) }) : join;
  },
};
