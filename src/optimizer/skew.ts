/**
 * Skew-driven repartitioning: the settings (`configureAdaptiveExecution`, or
 * the session conf keys below), the skew metrics an operation may carry, and
 * the decision whether a join or aggregation gets a synthesized repartition.
 *
 * Metrics come from three places: attached to an operation
 * (`attachSkewMetrics`), passed at optimize time
 * (`optimize(plan, { runtimeStats: { skewHints } })`, keyed by the
 * operation's plan id), or measured by the adaptive simulation from the real
 * join inputs (`skewHintsFromSimulation`).
 */
import { IllegalArgumentException } from '../errors/index.js';
import type { SkewMetrics } from '../plan/nodes.js';

export type { SkewMetrics };

/** Join types whose left (streamed) side Spark's skew handling may split. */
export const LEFT_SPLITTABLE: ReadonlySet<string> = new Set(['inner', 'cross', 'left', 'left_semi', 'left_anti']);

export interface AdaptiveExecutionOptions {
  /** Synthesize repartition steps for skewed operations (default false). */
  readonly enabled?: boolean;
  /** `maxPartitionRatio` above which an operation is skewed (default 5, Spark's skewedPartitionFactor). */
  readonly skewThreshold?: number;
  /** The most ways a skewed operation is split (default 8). */
  readonly maxSplitFactor?: number;
}

export interface AdaptiveExecutionConfig {
  readonly enabled: boolean;
  readonly skewThreshold: number;
  readonly maxSplitFactor: number;
}

export const DEFAULT_ADAPTIVE_EXECUTION: AdaptiveExecutionConfig = Object.freeze({ enabled: false, skewThreshold: 5, maxSplitFactor: 8 });

/** Session conf keys (sparkless-only: Spark's own `spark.sql.adaptive.enabled` is on by default, these are off). */
export const ADAPTIVE_CONF = {
  enabled: 'spark.sparkless.optimizer.adaptive.enabled',
  skewThreshold: 'spark.sparkless.optimizer.adaptive.skewThreshold',
  maxSplitFactor: 'spark.sparkless.optimizer.adaptive.maxSplitFactor',
} as const;

/** Skew metrics keyed by operation: a Join or Aggregate plan id (`df.plan.id` of the DataFrame it made). */
export type SkewHints = ReadonlyMap<number, SkewMetrics> | Readonly<Record<number, SkewMetrics>>;

export interface RuntimeStats {
  readonly skewHints?: SkewHints;
}

/** Validated settings, `base` overridden by `options`; a bad value is an IllegalArgumentException naming it. */
export function adaptiveExecutionConfig(options: AdaptiveExecutionOptions, base: AdaptiveExecutionConfig = DEFAULT_ADAPTIVE_EXECUTION): AdaptiveExecutionConfig {
  const known = new Set(['enabled', 'skewThreshold', 'maxSplitFactor']);
  for (const k of Object.keys(options)) {
    if (!known.has(k)) throw new IllegalArgumentException(`configureAdaptiveExecution: unknown option '${k}' (expected enabled, skewThreshold, maxSplitFactor).`, {});
  }
  const enabled = options.enabled ?? base.enabled;
  const skewThreshold = options.skewThreshold ?? base.skewThreshold;
  const maxSplitFactor = options.maxSplitFactor ?? base.maxSplitFactor;
  if (typeof enabled !== 'boolean') throw new IllegalArgumentException(`adaptive execution 'enabled' must be a boolean, got ${String(enabled)}.`, {});
  if (!(typeof skewThreshold === 'number' && skewThreshold >= 1)) {
    throw new IllegalArgumentException(`skewThreshold must be a number >= 1 (a max/median partition ratio), got ${String(skewThreshold)}.`, {});
  }
  if (!(Number.isInteger(maxSplitFactor) && maxSplitFactor >= 2)) {
    throw new IllegalArgumentException(`maxSplitFactor must be an integer >= 2, got ${String(maxSplitFactor)}.`, {});
  }
  return Object.freeze({ enabled, skewThreshold, maxSplitFactor });
}

/** The settings from a session conf (the keys in ADAPTIVE_CONF; absent keys keep the defaults). */
export function adaptiveExecutionFromConf(get: (key: string) => string | undefined): AdaptiveExecutionConfig {
  const num = (key: string): number | undefined => {
    const raw = get(key);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) throw new IllegalArgumentException(`${key} must be a number, got '${raw}'.`, {});
    return n;
  };
  const rawEnabled = get(ADAPTIVE_CONF.enabled);
  // Read before every action: the common case (nothing set) allocates nothing.
  if (rawEnabled === undefined && get(ADAPTIVE_CONF.skewThreshold) === undefined && get(ADAPTIVE_CONF.maxSplitFactor) === undefined) return DEFAULT_ADAPTIVE_EXECUTION;
  if (rawEnabled !== undefined && !/^(true|false)$/i.test(rawEnabled.trim())) {
    throw new IllegalArgumentException(`${ADAPTIVE_CONF.enabled} must be true or false, got '${rawEnabled}'.`, {});
  }
  const st = num(ADAPTIVE_CONF.skewThreshold);
  const sf = num(ADAPTIVE_CONF.maxSplitFactor);
  return adaptiveExecutionConfig({
    ...(rawEnabled !== undefined ? { enabled: rawEnabled.trim().toLowerCase() === 'true' } : {}),
    ...(st !== undefined ? { skewThreshold: st } : {}),
    ...(sf !== undefined ? { maxSplitFactor: sf } : {}),
  });
}

export function validateSkewMetrics(m: SkewMetrics, where: string): SkewMetrics {
  if (typeof m !== 'object' || m === null || typeof m.maxPartitionRatio !== 'number' || !(m.maxPartitionRatio >= 0)) {
    throw new IllegalArgumentException(`${where}: skew metrics need a non-negative number maxPartitionRatio.`, {});
  }
  if (m.partitionColumns !== undefined && !(Array.isArray(m.partitionColumns) && m.partitionColumns.every((c) => typeof c === 'string'))) {
    throw new IllegalArgumentException(`${where}: partitionColumns must be an array of column names.`, {});
  }
  if (m.hotPartitions !== undefined && !Array.isArray(m.hotPartitions)) {
    throw new IllegalArgumentException(`${where}: hotPartitions must be an array.`, {});
  }
  return Object.freeze({ ...m });
}

export function hintFor(hints: SkewHints | undefined, id: number): SkewMetrics | undefined {
  if (!hints) return undefined;
  return hints instanceof Map ? hints.get(id) : (hints as Readonly<Record<number, SkewMetrics>>)[id];
}

/** How many ways to split an operation with these metrics, or 0 when it is not skewed. */
export function splitFactor(m: SkewMetrics, conf: AdaptiveExecutionConfig): number {
  if (!conf.enabled || !(m.maxPartitionRatio > conf.skewThreshold)) return 0;
  // The hot partition is maxPartitionRatio times the median: split it into that many median-sized pieces.
  return Math.min(conf.maxSplitFactor, Math.max(2, Math.ceil(m.maxPartitionRatio)));
}
