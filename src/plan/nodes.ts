/**
 * Logical plan IR: one node kind per relational operator, frozen plain objects
 * with a string `kind` and a unique `id` (used by `df.col(name)` to bind a
 * column to the DataFrame it came from).
 *
 * The API layer builds *unresolved* plans. The analyzer returns a *resolved*
 * plan in which:
 *  - every node has `schema` (its output schema);
 *  - every expression is resolved (see expr/nodes.ts) against the node's input:
 *    `BoundRef.index` is an ordinal into the child's output (for `Join`
 *    residual conditions: left columns then right columns);
 *  - `SubqueryAlias`, `Hint`, `Repartition`, `Pivot` and `TableScan` no longer
 *    appear (TableScan is replaced by the table's data before execution); these
 *    and the API intent nodes are declared in unresolved-nodes.ts;
 *  - `Project` contains no window functions, aggregates or generators: they
 *    live in `Window`, `Aggregate` and `Generate` nodes below it;
 *  - `Join` has equi-join keys extracted and no `using` list;
 *  - `SetOperation` is positional with identical column types on both sides.
 *
 * Backends (DataMaterializer implementations) execute resolved plans only.
 */
import type { Batch } from '../data/batch.js';
import type { Alias, Call, Expr, SortOrder } from '../expr/nodes.js';
import type { StructType } from '../types/data-types.js';
import type { Drop, Hint, Pivot, Repartition, SubqueryAlias, TableScan, ToDF, WithColumns, WithColumnsRenamed } from './unresolved-nodes.js';

/** Fields every node has (exported for the node modules). */
export interface PlanBase {
  readonly id: number;
  /** Output schema; present on every node of a resolved plan. */
  readonly schema?: StructType;
}

export interface LocalRelation extends PlanBase {
  readonly kind: 'LocalRelation';
  readonly data: Batch;
  /** The files a reader took the data from (`file:` URIs), for `df.inputFiles()`. */
  readonly inputFiles?: readonly string[];
  /** Where each row came from, in row order: consecutive rows per file (input_file_name()). */
  readonly fileRows?: readonly InputFileRows[];
  /** Spark's partition count of the input this relation stands for, when that input fixed it (plan/scan-partitions.ts). */
  readonly scanPartitions?: number;
}

/** `rows` consecutive rows read from the file `uri` (`file:` URI) of `length` bytes. */
export interface InputFileRows {
  readonly uri: string;
  readonly rows: number;
  readonly length: number;
}

/** `spark.range(start, end, step)`: one LongType column `id`. */
export interface Range extends PlanBase {
  readonly kind: 'Range';
  readonly start: number;
  readonly end: number;
  readonly step: number;
  /**
   * Partitions asked for (`range(start, end, step, numPartitions)`): Spark Connect
   * receives it; the local engines hold one partition, which is what Spark's seeded
   * rand()/randn() and spark_partition_id() see when it is 1.
   */
  readonly numPartitions?: number;
}

export interface Project extends PlanBase {
  readonly kind: 'Project';
  readonly input: LogicalPlan;
  readonly exprs: readonly Expr[];
}

export interface Filter extends PlanBase {
  readonly kind: 'Filter';
  readonly input: LogicalPlan;
  readonly condition: Expr;
}

/**
 * Unresolved: `groupBy` keys and arbitrary `aggs` expressions.
 * Resolved: output = groupBy keys (each an Alias or BoundRef) then `aggs`,
 * each `Alias(Call(aggregate fn))` with arguments bound to the input.
 * `groupingSets` (rollup/cube) lists, per set, the indices of `groupBy` kept;
 * when present, resolved output has one extra trailing IntegerType column
 * `spark_grouping_id` holding Spark's grouping id bitmask.
 */
export interface Aggregate extends PlanBase {
  readonly kind: 'Aggregate';
  readonly input: LogicalPlan;
  readonly groupBy: readonly Expr[];
  readonly aggs: readonly Expr[];
  readonly groupingSets?: readonly (readonly number[])[];
  /**
   * Built by `GroupedData.agg` (DataFrame API): Spark names its unaliased
   * DISTINCT aggregates without the DISTINCT keyword (`count(x)`), while
   * `select(countDistinct(x))` and SQL keep it (`count(DISTINCT x)`).
   */
  readonly groupedDataNames?: boolean;
  /** Attached by `attachSkewMetrics` (sparkless/optimizer): read by the adaptive optimizer only. */
  readonly skewMetrics?: SkewMetrics;
  /** Resolved: the id of the API node (`df.plan.id`) the analyzer made this Aggregate from. */
  readonly operationId?: number;
  /** How the grouping sets were asked for (a one-key cube has a rollup's sets); Spark Connect sends it. */
  readonly groupingKind?: 'rollup' | 'cube';
}

/** Resolved only: appends one column per window expression to the input columns. */
export interface Window extends PlanBase {
  readonly kind: 'Window';
  readonly input: LogicalPlan;
  /** Each an `Alias` of a resolved `WindowExpr`. */
  readonly windowExprs: readonly Alias[];
}

export interface Sort extends PlanBase {
  readonly kind: 'Sort';
  readonly input: LogicalPlan;
  readonly orders: readonly SortOrder[];
  /** False for `sortWithinPartitions` (one process: the same rows; a cluster sorts each partition only). */
  readonly global?: boolean;
}

export interface Limit extends PlanBase {
  readonly kind: 'Limit';
  readonly input: LogicalPlan;
  readonly n: number;
}

export interface Offset extends PlanBase {
  readonly kind: 'Offset';
  readonly input: LogicalPlan;
  readonly n: number;
}

export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'left_semi' | 'left_anti' | 'cross';

/**
 * Unresolved: `condition` (an expression over both sides) and/or `using` (column names).
 * Resolved: `leftKeys[i] = rightKeys[i]` equi-join keys (bound to the left and right
 * outputs respectively; `nullSafeKeys[i]` marks `<=>`), plus an optional residual
 * `condition` bound to left columns followed by right columns. Output: left columns
 * then right columns (semi/anti: left only).
 */
export interface Join extends PlanBase {
  readonly kind: 'Join';
  readonly left: LogicalPlan;
  readonly right: LogicalPlan;
  readonly joinType: JoinType;
  readonly condition?: Expr;
  readonly using?: readonly string[];
  readonly leftKeys?: readonly Expr[];
  readonly rightKeys?: readonly Expr[];
  readonly nullSafeKeys?: readonly boolean[];
  /** From `hint('broadcast')`; informs the skew/broadcast simulation only. */
  readonly broadcast?: 'left' | 'right';
  /** Attached by `attachSkewMetrics` (sparkless/optimizer): read by the adaptive optimizer only. */
  readonly skewMetrics?: SkewMetrics;
}

/** How unevenly an operation's rows spread over partitions (see optimizer/skew.ts). */
export interface SkewMetrics {
  /** The largest partition divided by the median partition (1 = perfectly even). */
  readonly maxPartitionRatio: number;
  /** The columns the operation partitions by (join or grouping keys). */
  readonly partitionColumns?: readonly string[];
  /** The partitions (or key values) found hot, for the record. */
  readonly hotPartitions?: readonly (string | number)[];
}

/**
 * A repartition the adaptive optimizer synthesized below a skewed join or
 * aggregation (resolved plans only). Results never change: local backends
 * pass their input through and record the step; Spark Connect sends a real
 * repartition.
 */
export interface AdaptiveRepartition extends PlanBase {
  readonly kind: 'AdaptiveRepartition';
  readonly input: LogicalPlan;
  /** Hash-partitioning keys, bound to the input. */
  readonly partitionExprs: readonly Expr[];
  readonly reason: string;
  readonly targetSplitFactor: number;
  readonly skewMetrics: SkewMetrics;
  /** The plan id of the Join or Aggregate it serves. */
  readonly operationId: number;
}

/** `union` keeps duplicates only when `all`; Spark's `union()` is UNION ALL. */
export interface SetOperation extends PlanBase {
  readonly kind: 'SetOperation';
  readonly op: 'union' | 'intersect' | 'except';
  readonly all: boolean;
  readonly left: LogicalPlan;
  readonly right: LogicalPlan;
  /** Unresolved only (unionByName). */
  readonly byName?: boolean;
  readonly allowMissingColumns?: boolean;
}

/** `distinct()` (no `keys`) or `dropDuplicates(subset)`: keeps the first row of each key. */
export interface Deduplicate extends PlanBase {
  readonly kind: 'Deduplicate';
  readonly input: LogicalPlan;
  /** Unresolved: column names. */
  readonly subset?: readonly string[];
  /** Resolved: input ordinals forming the key (all columns for distinct). */
  readonly keys?: readonly number[];
}

/**
 * `explode`/`explode_outer`/`posexplode`/`inline`...: output = input columns
 * then the generator's columns (`outputNames`, typed by the generator).
 */
export interface Generate extends PlanBase {
  readonly kind: 'Generate';
  readonly input: LogicalPlan;
  readonly generator: Call;
  readonly outer: boolean;
  readonly outputNames: readonly string[];
}

export interface Sample extends PlanBase {
  readonly kind: 'Sample';
  readonly input: LogicalPlan;
  readonly fraction: number;
  readonly withReplacement: boolean;
  readonly seed: number;
}

/**
 * A relation in Spark Connect's own protobuf form (`spark.sql` and readers on
 * a connect session return one). Only the connect backend executes it.
 */
export interface RemoteRelation extends PlanBase {
  readonly kind: 'RemoteRelation';
  /** A `spark.connect.Relation` as a plain object (see backend/connect/proto). */
  readonly relation: Readonly<Record<string, unknown>>;
}

export type LogicalPlan =
  | LocalRelation
  | Range
  | TableScan
  | Project
  | Filter
  | Aggregate
  | Pivot
  | Window
  | Sort
  | Limit
  | Offset
  | Join
  | SetOperation
  | Deduplicate
  | Generate
  | Sample
  | SubqueryAlias
  | Hint
  | Repartition
  | AdaptiveRepartition
  | WithColumns
  | WithColumnsRenamed
  | Drop
  | ToDF
  | RemoteRelation;

export type PlanKind = LogicalPlan['kind'];
export type PlanOfKind<K extends PlanKind> = Extract<LogicalPlan, { kind: K }>;

/** Node kinds a backend must execute (those that survive analysis). */
export type ExecutablePlanKind = Exclude<
  PlanKind,
  'TableScan' | 'Pivot' | 'SubqueryAlias' | 'Hint' | 'Repartition' | 'WithColumns' | 'WithColumnsRenamed' | 'Drop' | 'ToDF' | 'RemoteRelation'
>;

let nextPlanId = 1;

/** Allocates a process-unique plan id. */
export function newPlanId(): number {
  return nextPlanId++;
}

type Without<T, K extends keyof T> = Omit<T, K>;

/** Creates a frozen node with a fresh id (and no schema: it is unresolved). */
export function plan<K extends PlanKind>(kind: K, props: Without<PlanOfKind<K>, 'kind' | 'id' | 'schema'>): PlanOfKind<K> {
  return Object.freeze({ kind, id: newPlanId(), ...props }) as unknown as PlanOfKind<K>;
}

/** Copy of a node with some fields replaced; keeps `id` (same logical node). */
export function withProps<P extends LogicalPlan>(node: P, props: Partial<Omit<P, 'kind'>>): P {
  return Object.freeze({ ...node, ...props }) as unknown as P;
}

/** Direct inputs of a node. */
/** A leaf's inputs: one shared empty list (walkers call `inputs` on every node of every query). */
const NO_INPUTS: readonly LogicalPlan[] = Object.freeze([]);

export function inputs(p: LogicalPlan): readonly LogicalPlan[] {
  switch (p.kind) {
    case 'LocalRelation':
    case 'Range':
    case 'TableScan':
    case 'RemoteRelation':
      return NO_INPUTS;
    case 'Join':
    case 'SetOperation':
      return [p.left, p.right];
    default:
      return [p.input];
  }
}

/** Output schema of a resolved node. */
export function schemaOf(p: LogicalPlan): StructType {
  if (p.kind === 'LocalRelation') return p.data.schema;
  if (!p.schema) throw new Error(`internal: plan node ${p.kind}#${p.id} is not resolved`);
  return p.schema;
}

/** Rows entering a plan: the sum over its leaves (Range counts its length). */
export function inputRows(p: LogicalPlan): number {
  if (p.kind === 'LocalRelation') return p.data.numRows;
  if (p.kind === 'Range') return Math.max(0, Math.ceil((p.end - p.start) / p.step));
  return inputs(p).reduce((n, c) => n + inputRows(c), 0);
}
