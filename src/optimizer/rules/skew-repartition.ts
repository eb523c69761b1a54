/**
 * Join(l, r) → Join(AdaptiveRepartition(l), r) and Aggregate(x) →
 * Aggregate(AdaptiveRepartition(x)) when the operation's skew metrics (hints
 * given at optimize time win over metrics attached to the operation) exceed
 * the adaptive threshold. The repartition hashes the join keys of the skewed
 * side (the side holding `partitionColumns`, else the left one where the join
 * type lets Spark split it) or the grouping keys, split `targetSplitFactor`
 * ways. It never changes results.
 */
import { E, type Expr } from '../../expr/nodes.js';
import { plan, schemaOf, withProps, type LogicalPlan, type PlanOfKind, type SkewMetrics } from '../../plan/nodes.js';
import type { OptimizerRule } from '../rule.js';
import { hintFor, LEFT_SPLITTABLE, splitFactor, type AdaptiveExecutionConfig, type SkewHints } from '../skew.js';

function repartition(input: LogicalPlan, exprs: readonly Expr[], operationId: number, what: string, m: SkewMetrics, conf: AdaptiveExecutionConfig, factor: number): LogicalPlan {
  const node = plan('AdaptiveRepartition', {
    input,
    partitionExprs: exprs,
    reason: `${what} skew: maxPartitionRatio ${m.maxPartitionRatio} > skewThreshold ${conf.skewThreshold}`,
    targetSplitFactor: factor,
    skewMetrics: m,
    operationId,
  });
  return withProps(node, { schema: schemaOf(input) });
}

const served = (p: LogicalPlan, id: number): boolean => p.kind === 'AdaptiveRepartition' && p.operationId === id;

/** Input columns named in `names` (case-insensitively), or undefined when one is missing. */
function columnsNamed(input: LogicalPlan, names: readonly string[]): Expr[] | undefined {
  const fields = schemaOf(input).fields;
  const out: Expr[] = [];
  for (const n of names) {
    const i = fields.findIndex((f) => f.name.toLowerCase() === n.toLowerCase());
    if (i < 0) return undefined;
    out.push(E.bound(i, fields[i]!.name, fields[i]!.dataType, fields[i]!.nullable));
  }
  return out;
}

function joinSide(j: PlanOfKind<'Join'>, m: SkewMetrics): 'left' | 'right' | undefined {
  const cols = m.partitionColumns;
  if (cols && cols.length > 0) {
    if (columnsNamed(j.left, cols)) return 'left';
    if (columnsNamed(j.right, cols)) return 'right';
  }
  if (LEFT_SPLITTABLE.has(j.joinType)) return 'left';
  return j.joinType === 'right' ? 'right' : undefined;
}

export function skewRepartitionRule(conf: AdaptiveExecutionConfig, hints?: SkewHints): OptimizerRule {
  return {
    name: 'skew_repartition',
    order: 'topDown',
    apply(node) {
      if (!conf.enabled) return node;
      if (node.kind === 'Join') {
        const m = hintFor(hints, node.id) ?? node.skewMetrics;
        const factor = m ? splitFactor(m, conf) : 0;
        if (!m || factor === 0) return node;
        const side = joinSide(node, m);
        if (!side || served(node[side], node.id)) return node;
        const keys = (side === 'left' ? node.leftKeys : node.rightKeys) ?? [];
        const exprs = keys.length > 0 ? keys : (columnsNamed(node[side], m.partitionColumns ?? []) ?? []);
        return withProps(node, { [side]: repartition(node[side], exprs, node.id, `join (${side} side)`, m, conf, factor) });
      }
      if (node.kind === 'Aggregate') {
        const id = node.operationId ?? node.id;
        const m = hintFor(hints, id) ?? node.skewMetrics;
        const factor = m ? splitFactor(m, conf) : 0;
        if (!m || factor === 0 || served(node.input, id)) return node;
        const keys = node.groupBy.map((g) => (g.kind === 'Alias' ? g.child : g));
        return withProps(node, { input: repartition(node.input, keys, id, 'aggregation', m, conf, factor) });
      }
      return node;
    },
  };
}
