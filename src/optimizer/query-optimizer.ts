/**
 * `QueryOptimizer` (the `sparkless/optimizer` entry point): the rule-based
 * optimizer plus the adaptive, skew-driven repartitioning, configurable per
 * instance. Sessions build one per query from their conf (see skew.ts for
 * the keys), so `spark.conf.set` applies to the next action.
 */
import type { DataFrame } from '../api/dataframe.js';
import { IllegalArgumentException } from '../errors/index.js';
import { planTreeString } from '../plan/explain.js';
import type { LogicalPlan } from '../plan/nodes.js';
import { DEFAULT_RULES, optimize } from './optimizer.js';
import type { OptimizerRule } from './rule.js';
import { skewRepartitionRule } from './rules/skew-repartition.js';
import {
  adaptiveExecutionConfig,
  DEFAULT_ADAPTIVE_EXECUTION,
  validateSkewMetrics,
  type AdaptiveExecutionConfig,
  type AdaptiveExecutionOptions,
  type RuntimeStats,
  type SkewHints,
  type SkewMetrics,
} from './skew.js';

export interface QueryOptimizerOptions {
  /** The rewrite rules, in order (default: DEFAULT_RULES). */
  readonly rules?: readonly OptimizerRule[];
  readonly adaptive?: AdaptiveExecutionOptions;
}

export interface OptimizeOptions {
  readonly runtimeStats?: RuntimeStats;
}

export class QueryOptimizer {
  readonly rules: readonly OptimizerRule[];
  #adaptive: AdaptiveExecutionConfig;

  constructor(options: QueryOptimizerOptions = {}) {
    this.rules = options.rules ?? DEFAULT_RULES;
    this.#adaptive = options.adaptive ? adaptiveExecutionConfig(options.adaptive) : DEFAULT_ADAPTIVE_EXECUTION;
  }

  /** Turns skew-driven repartitioning on or off and sets its threshold and split cap; returns this optimizer. */
  configureAdaptiveExecution(options: AdaptiveExecutionOptions): this {
    this.#adaptive = adaptiveExecutionConfig(options, this.#adaptive);
    return this;
  }

  get adaptiveExecution(): AdaptiveExecutionConfig {
    return this.#adaptive;
  }

  /**
   * The optimized form of a resolved plan, or of a DataFrame's plan (analyzed
   * by its session first). `runtimeStats.skewHints` gives skew metrics per
   * operation: the `df.plan.id` of the DataFrame a join or aggregation made.
   */
  optimize(input: LogicalPlan | DataFrame, options: OptimizeOptions = {}): LogicalPlan {
    return optimizePlan(resolvedPlan(input), this.rules, this.#adaptive, checkedHints(options.runtimeStats?.skewHints));
  }

  /** The optimized plan as explain()'s tree text. */
  explain(input: LogicalPlan | DataFrame, options: OptimizeOptions = {}): string {
    return planTreeString(this.optimize(input, options));
  }
}

/** @internal The rewrites, then (when enabled) the skew repartitioning: what sessions run before every query. */
export function optimizePlan(resolved: LogicalPlan, rules: readonly OptimizerRule[], adaptive: AdaptiveExecutionConfig, hints?: SkewHints): LogicalPlan {
  const rewritten = optimize(resolved, rules);
  if (!adaptive.enabled) return rewritten;
  return optimize(rewritten, [skewRepartitionRule(adaptive, hints)]);
}

function resolvedPlan(input: LogicalPlan | DataFrame): LogicalPlan {
  if (typeof input !== 'object' || input === null) throw new IllegalArgumentException('QueryOptimizer.optimize needs a DataFrame or a resolved LogicalPlan.', {});
  if ('sparkSession' in input && 'plan' in input) return input.sparkSession.analyze(input.plan).plan;
  const p = input as LogicalPlan;
  if (typeof p.kind !== 'string') throw new IllegalArgumentException('QueryOptimizer.optimize needs a DataFrame or a resolved LogicalPlan.', {});
  if (p.kind !== 'LocalRelation' && !p.schema) throw new IllegalArgumentException(`QueryOptimizer.optimize needs a resolved plan: ${p.kind}#${p.id} has no schema (pass the DataFrame instead).`, {});
  return p;
}

function checkedHints(hints: SkewHints | undefined): SkewHints | undefined {
  if (hints === undefined) return undefined;
  const entries: [number, SkewMetrics][] = hints instanceof Map ? [...hints.entries()] : Object.entries(hints).map(([k, v]) => [Number(k), v as SkewMetrics]);
  const out = new Map<number, SkewMetrics>();
  for (const [k, v] of entries) {
    if (!Number.isInteger(k)) throw new IllegalArgumentException(`skewHints are keyed by operation plan id (df.plan.id), got '${String(k)}'.`, {});
    out.set(k, validateSkewMetrics(v, `skewHints[${k}]`));
  }
  return out;
}
