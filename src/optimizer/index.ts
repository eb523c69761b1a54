/**
 * `sparkless/optimizer`: the query optimizer and its adaptive, skew-driven
 * repartitioning (see docs/optimizer.md).
 */
import { DataFrame } from '../api/dataframe.js';
import { IllegalArgumentException } from '../errors/index.js';
import { withProps } from '../plan/nodes.js';
import { validateSkewMetrics, type SkewMetrics } from './skew.js';

export { QueryOptimizer, type OptimizeOptions, type QueryOptimizerOptions } from './query-optimizer.js';
export { DEFAULT_RULES } from './optimizer.js';
export type { OptimizerRule } from './rule.js';
export {
  ADAPTIVE_CONF,
  DEFAULT_ADAPTIVE_EXECUTION,
  type AdaptiveExecutionConfig,
  type AdaptiveExecutionOptions,
  type RuntimeStats,
  type SkewHints,
  type SkewMetrics,
} from './skew.js';
export { skewHintsFromSimulation, type AdaptiveReport, type JoinSimulation } from './adaptive/index.js';

/**
 * `df` with skew metrics attached to the join or aggregation that made it
 * (`a.join(b, 'k')`, `df.groupBy('k').agg(...)`): the adaptive optimizer
 * then repartitions it when they exceed the threshold, on every backend.
 */
export function attachSkewMetrics(df: DataFrame, metrics: SkewMetrics): DataFrame {
  if (!DataFrame.isDataFrame(df)) throw new IllegalArgumentException('attachSkewMetrics needs a DataFrame.', {});
  const p = df.plan;
  if (p.kind !== 'Join' && p.kind !== 'Aggregate') {
    throw new IllegalArgumentException(`attachSkewMetrics needs the DataFrame a join or aggregation returned, not one made by ${p.kind}.`, {});
  }
  return new DataFrame(df.sparkSession, withProps(p, { skewMetrics: validateSkewMetrics(metrics, 'attachSkewMetrics') }));
}
