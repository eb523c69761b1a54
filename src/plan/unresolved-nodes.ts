/**
 * Plan nodes of unresolved plans only, which never reach a backend (see
 * `ExecutablePlanKind` in nodes.ts): catalog references (replaced by the table's
 * data before execution), pivots, aliases, hints, repartitions and the API intent
 * nodes the analyzer rewrites into projections.
 */
import type { Expr } from '../expr/nodes.js';
import type { LogicalPlan, PlanBase } from './nodes.js';

/** A catalog table or temp view by name; resolved before execution. */
export interface TableScan extends PlanBase {
  readonly kind: 'TableScan';
  readonly database: string | undefined;
  readonly table: string;
}

/** Unresolved only: `groupBy(...).pivot(col, values).agg(...)`; rewritten into Aggregate. */
export interface Pivot extends PlanBase {
  readonly kind: 'Pivot';
  readonly input: LogicalPlan;
  readonly groupBy: readonly Expr[];
  readonly pivotColumn: Expr;
  /**
   * Absent: the analyzer computes the distinct values (sorted), as Spark does. JS values
   * (`pivot(col, values)`, typed as `lit` types them) unless `valuesOfPivotType`.
   */
  readonly values?: readonly unknown[];
  /** The values are already internal values of the pivot column's type (SQL's PIVOT casts them). */
  readonly valuesOfPivotType?: boolean;
  readonly aggs: readonly Expr[];
}

/** `df.alias(name)`: qualifies output columns (`name.col`). Unresolved only. */
export interface SubqueryAlias extends PlanBase {
  readonly kind: 'SubqueryAlias';
  readonly input: LogicalPlan;
  readonly alias: string;
}

/** `df.hint(...)`: no effect on results. Unresolved only. */
export interface Hint extends PlanBase {
  readonly kind: 'Hint';
  readonly input: LogicalPlan;
  readonly name: string;
  readonly parameters: readonly unknown[];
}

/** `repartition`/`coalesce`: no effect on results in a single process. Unresolved only. */
export interface Repartition extends PlanBase {
  readonly kind: 'Repartition';
  readonly input: LogicalPlan;
  readonly numPartitions: number | undefined;
  readonly partitionExprs: readonly Expr[];
  readonly shuffle: boolean;
  /** `repartitionByRange`: range partitioning on the (sort order) expressions. */
  readonly byRange?: boolean;
}

/**
 * API intent nodes (unresolved only): `withColumns`, `withColumnsRenamed`,
 * `drop` and `toDF` as the user called them. The analyzer rewrites each into
 * a `Project`; Spark Connect sends each as Spark's own relation, since a
 * positional projection would break on duplicate names after joins.
 */
export interface WithColumns extends PlanBase {
  readonly kind: 'WithColumns';
  readonly input: LogicalPlan;
  /** Added (or replaced in place, matched case-insensitively) columns, in call order. */
  readonly names: readonly string[];
  readonly exprs: readonly Expr[];
}

export interface WithColumnsRenamed extends PlanBase {
  readonly kind: 'WithColumnsRenamed';
  readonly input: LogicalPlan;
  /** `[existing, newName]` pairs; a missing existing name is a no-op, as in Spark. */
  readonly renames: readonly (readonly [string, string])[];
}

export interface Drop extends PlanBase {
  readonly kind: 'Drop';
  readonly input: LogicalPlan;
  /** Names to drop (missing names are ignored). */
  readonly columnNames: readonly string[];
  /** Columns to drop (resolved against the input; a nested or non-column expression drops nothing). */
  readonly columns: readonly Expr[];
}

export interface ToDF extends PlanBase {
  readonly kind: 'ToDF';
  readonly input: LogicalPlan;
  readonly names: readonly string[];
}
