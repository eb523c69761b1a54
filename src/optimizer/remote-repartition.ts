/**
 * The adaptive repartitioning of a plan Spark Connect will analyze itself:
 * the unresolved plan gets a real `Repartition` (hash on the skewed side's
 * join columns or the grouping expressions, into spark.sql.shuffle.partitions
 * × targetSplitFactor partitions) below every join or aggregation whose
 * attached skew metrics exceed the threshold, so Spark runs the same step
 * the local backends record.
 */
import { E, type Expr } from '../expr/nodes.js';
import { plan, withProps, type LogicalPlan, type SkewMetrics } from '../plan/nodes.js';
import { transformUp } from '../plan/transform.js';
import { LEFT_SPLITTABLE, splitFactor, type AdaptiveExecutionConfig } from './skew.js';

function repartitioned(input: LogicalPlan, exprs: readonly Expr[], partitions: number): LogicalPlan {
  return plan('Repartition', { input, numPartitions: partitions, partitionExprs: exprs, shuffle: true });
}

export function withRemoteRepartitions(p: LogicalPlan, conf: AdaptiveExecutionConfig, shufflePartitions: number): LogicalPlan {
  if (!conf.enabled) return p;
  const factorOf = (m: SkewMetrics | undefined): number => (m ? splitFactor(m, conf) : 0);
  return transformUp(p, (node) => {
    if (node.kind === 'Join') {
      const factor = factorOf(node.skewMetrics);
      if (factor === 0) return node;
      const cols = node.skewMetrics!.partitionColumns ?? node.using ?? [];
      const side = LEFT_SPLITTABLE.has(node.joinType) ? 'left' : node.joinType === 'right' ? 'right' : undefined;
      if (!side) return node;
      return withProps(node, { [side]: repartitioned(node[side], cols.map((c) => E.col(c)), shufflePartitions * factor) });
    }
    if (node.kind === 'Aggregate') {
      const factor = factorOf(node.skewMetrics);
      if (factor === 0) return node;
      return withProps(node, { input: repartitioned(node.input, node.groupBy, shufflePartitions * factor) });
    }
    return node;
  });
}
