/**
 * A simulation of Spark's adaptive query execution (AQE) for joins: what
 * Spark would decide at runtime from shuffle statistics — broadcast instead
 * of shuffle, coalescing small partitions, splitting skewed ones — computed
 * from the real join inputs with Spark's hash partitioning and size rules.
 * Results never change; the report explains how Spark would run the query,
 * so skew can be caught in a unit test before it hurts a cluster.
 */
import { batchRows, type Batch } from '../../data/batch.js';
import { E, typeOf, type Expr } from '../../expr/nodes.js';
import { exprSql } from '../../expr/naming.js';
import { plan, schemaOf, withProps, type JoinType, type LogicalPlan, type PlanOfKind, type SkewMetrics } from '../../plan/nodes.js';
import { transformUp } from '../../plan/transform.js';
import { StructField, StructType } from '../../types/data-types.js';
import type { AdaptiveConf } from './config.js';
import { partitionOf } from './hash-partitioning.js';
import { rowSize } from './row-size.js';

export interface SkewedPartition {
  readonly side: 'left' | 'right';
  readonly partition: number;
  readonly rows: number;
  readonly bytes: number;
  /** How many tasks Spark would split this partition into. */
  readonly splits: number;
}

export interface JoinSimulation {
  /** The join as it appears in `explain()`. */
  readonly join: string;
  /** The Join's plan id: the key of its skew hint (see skewHintsFromSimulation). */
  readonly operationId: number;
  /** Measured partition skew of the more skewed side (sort-merge joins only). */
  readonly skewMetrics?: SkewMetrics;
  readonly joinType: JoinType;
  readonly strategy: 'BroadcastHashJoin' | 'SortMergeJoin' | 'BroadcastNestedLoopJoin' | 'CartesianProduct';
  readonly buildSide?: 'left' | 'right';
  readonly leftBytes: number;
  readonly rightBytes: number;
  /** Shuffle partitions before and after AQE coalescing (sort-merge joins only). */
  readonly shufflePartitions?: number;
  readonly coalescedPartitions?: number;
  readonly medianPartitionBytes?: { readonly left: number; readonly right: number };
  readonly skewedPartitions: readonly SkewedPartition[];
}

export interface AdaptiveReport {
  readonly enabled: boolean;
  readonly joins: readonly JoinSimulation[];
}

/** Which sides Spark may broadcast (build) for each join type. */
function buildableSides(t: JoinType): ('left' | 'right')[] {
  switch (t) {
    case 'inner':
    case 'cross':
      return ['right', 'left'];
    case 'left':
    case 'left_semi':
    case 'left_anti':
      return ['right'];
    case 'right':
      return ['left'];
    case 'full':
      return [];
  }
}

/** Sides whose skewed partitions Spark's OptimizeSkewedJoin may split, per join type. */
function splittableSides(t: JoinType): ('left' | 'right')[] {
  switch (t) {
    case 'inner':
    case 'cross':
      return ['left', 'right'];
    case 'left':
    case 'left_semi':
    case 'left_anti':
      return ['left'];
    case 'right':
      return ['right'];
    case 'full':
      return [];
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 0 ? (s[mid - 1]! + s[mid]!) / 2 : s[mid]!;
}

/** Rows per shuffle partition, hashing the join keys as Spark's HashPartitioning does. */
function partitionRows(input: LogicalPlan, keys: readonly Expr[], n: number, run: (p: LogicalPlan) => Batch): number[] {
  const fields = keys.map((k, i) => new StructField(`k${i}`, typeOf(k), true));
  const project = withProps(plan('Project', { input, exprs: keys.map((k, i) => E.alias(k, `k${i}`)) }), {
    schema: new StructType(fields),
  });
  const types = fields.map((f) => f.dataType);
  const counts = new Array<number>(n).fill(0);
  for (const row of batchRows(run(project))) counts[partitionOf(row, types, n)]!++;
  return counts;
}

/** Spark's CoalesceShufflePartitions: merge adjacent partitions while under the advisory size. */
function coalescedCount(left: readonly number[], right: readonly number[], target: number): number {
  let groups = 0;
  let current = -1;
  for (let i = 0; i < left.length; i++) {
    const size = left[i]! + right[i]!;
    if (current < 0 || current + size > target) {
      groups++;
      current = size;
    } else {
      current += size;
    }
  }
  return Math.max(groups, 1);
}

function simulateJoin(join: PlanOfKind<'Join'>, conf: AdaptiveConf, run: (p: LogicalPlan) => Batch): JoinSimulation {
  const leftRow = rowSize(schemaOf(join.left));
  const rightRow = rowSize(schemaOf(join.right));
  const leftBytes = run(join.left).numRows * leftRow;
  const rightBytes = run(join.right).numRows * rightRow;
  const keys = join.leftKeys ?? [];
  const line = `Join ${join.joinType}${keys.length ? ` on ${keys.map((k, i) => `${exprSql(k)} = ${exprSql(join.rightKeys![i]!)}`).join(' AND ')}` : ''}`;
  const base = { join: line, operationId: join.id, joinType: join.joinType, leftBytes, rightBytes, skewedPartitions: [] as SkewedPartition[] };

  const hinted = join.broadcast ? [join.broadcast] : [];
  const broadcastable = buildableSides(join.joinType).filter(
    (s) => hinted.includes(s) || (s === 'left' ? leftBytes : rightBytes) <= conf.autoBroadcastJoinThreshold,
  );
  if (keys.length === 0) {
    return { ...base, strategy: broadcastable.length > 0 ? 'BroadcastNestedLoopJoin' : 'CartesianProduct', ...(broadcastable[0] ? { buildSide: broadcastable[0] } : {}) };
  }
  if (broadcastable.length > 0) {
    // Spark builds the smaller eligible side.
    const build = broadcastable.sort((a, b) => (a === 'left' ? leftBytes : rightBytes) - (b === 'left' ? leftBytes : rightBytes))[0]!;
    return { ...base, strategy: 'BroadcastHashJoin', buildSide: build };
  }

  const n = conf.shufflePartitions;
  const leftParts = partitionRows(join.left, keys, n, run).map((r) => r * leftRow);
  const rightParts = partitionRows(join.right, join.rightKeys!, n, run).map((r) => r * rightRow);
  const medians = { left: median(leftParts), right: median(rightParts) };
  const skewed: SkewedPartition[] = [];
  if (conf.enabled && conf.skewJoinEnabled) {
    for (const side of splittableSides(join.joinType)) {
      const parts = side === 'left' ? leftParts : rightParts;
      const threshold = Math.max(conf.skewedPartitionThresholdInBytes, medians[side] * conf.skewedPartitionFactor);
      const normal = parts.filter((b) => b <= threshold);
      const target = Math.max(conf.advisoryPartitionSizeInBytes, normal.length ? normal.reduce((a, b) => a + b, 0) / normal.length : 0);
      parts.forEach((bytes, partition) => {
        if (bytes > threshold) {
          skewed.push({ side, partition, rows: bytes / (side === 'left' ? leftRow : rightRow), bytes, splits: Math.ceil(bytes / target) });
        }
      });
    }
  }
  const coalesced = conf.enabled && conf.coalescePartitions ? coalescedCount(leftParts, rightParts, conf.advisoryPartitionSizeInBytes) : n;
  const skewMetrics = measuredSkew(join, { left: leftParts, right: rightParts }, medians, conf.skewedPartitionFactor);
  return {
    ...base,
    ...(skewMetrics ? { skewMetrics } : {}),
    strategy: 'SortMergeJoin',
    shufflePartitions: n,
    coalescedPartitions: coalesced,
    medianPartitionBytes: medians,
    skewedPartitions: skewed,
  };
}

/**
 * The more skewed side's largest partition over its median partition, its
 * key columns, and its partitions above `factor` times the median: the
 * metrics the adaptive optimizer reads (skewHintsFromSimulation).
 */
function measuredSkew(
  join: PlanOfKind<'Join'>,
  parts: { readonly left: readonly number[]; readonly right: readonly number[] },
  medians: { readonly left: number; readonly right: number },
  factor: number,
): SkewMetrics | undefined {
  const ratio = (side: 'left' | 'right'): number => (medians[side] > 0 ? Math.max(...parts[side]) / medians[side] : 0);
  const side = ratio('right') > ratio('left') ? 'right' : 'left';
  const r = ratio(side);
  if (r === 0) return undefined;
  const keys = (side === 'left' ? join.leftKeys : join.rightKeys) ?? [];
  const hot: number[] = [];
  parts[side].forEach((b, i) => {
    if (b > medians[side] * factor) hot.push(i);
  });
  return { maxPartitionRatio: Math.round(r * 100) / 100, partitionColumns: keys.map((k) => exprSql(k)), hotPartitions: hot };
}

/** Skew metrics measured by a simulation, keyed by join: `runtimeStats.skewHints` for QueryOptimizer.optimize. */
export function skewHintsFromSimulation(report: AdaptiveReport): Map<number, SkewMetrics> {
  const hints = new Map<number, SkewMetrics>();
  for (const j of report.joins) if (j.skewMetrics) hints.set(j.operationId, j.skewMetrics);
  return hints;
}

/** Simulates AQE for every join of a resolved plan, inputs first. */
export function simulateAdaptiveExecution(resolved: LogicalPlan, conf: AdaptiveConf, run: (p: LogicalPlan) => Batch): AdaptiveReport {
  const joins: JoinSimulation[] = [];
  // Memoize sub-plan results: each join input is computed once.
  const cache = new Map<LogicalPlan, Batch>();
  const memoRun = (p: LogicalPlan): Batch => {
    let b = cache.get(p);
    if (!b) {
      b = run(p);
      cache.set(p, b);
    }
    return b;
  };
  transformUp(resolved, (node) => {
    if (node.kind === 'Join') joins.push(simulateJoin(node, conf, memoRun));
    return node;
  });
  return { enabled: conf.enabled, joins };
}

/** The report as the text block `explain()` appends. */
export function formatAdaptiveReport(report: AdaptiveReport): string {
  if (!report.enabled) return '== Adaptive Execution (simulated) ==\nspark.sql.adaptive.enabled is false';
  const lines = ['== Adaptive Execution (simulated) =='];
  if (report.joins.length === 0) lines.push('no joins');
  for (const j of report.joins) {
    lines.push(`${j.join}: ${j.strategy}${j.buildSide ? ` (build ${j.buildSide})` : ''}, left ${j.leftBytes} B, right ${j.rightBytes} B`);
    if (j.strategy === 'SortMergeJoin') {
      lines.push(`  shuffle partitions: ${j.shufflePartitions} -> ${j.coalescedPartitions} after coalescing; median partition ${j.medianPartitionBytes!.left} B / ${j.medianPartitionBytes!.right} B`);
      for (const s of j.skewedPartitions) {
        lines.push(`  skewed ${s.side} partition ${s.partition}: ${s.rows} rows, ${s.bytes} B, split into ${s.splits}`);
      }
    }
  }
  return lines.join('\n');
}
