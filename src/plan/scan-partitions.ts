/**
 * How many partitions Spark reads a plan's rows in, where the plan itself decides it:
 * `range(..., numPartitions)` its own count, `coalesce(1)`/`repartition(1)` one, through
 * projections; a LocalRelation standing in for such an input (a node the Polars backend
 * delegates to the interpreter) carries the count it had. Aggregates whose floating results
 * depend on Spark's per-partition partials split their input the same way.
 */
import type { LogicalPlan } from './nodes.js';

/** The partition count the plan fixes, or undefined when it is the default parallelism's. */
export function ownScanPartitions(p: LogicalPlan): number | undefined {
  switch (p.kind) {
    case 'Project':
      return ownScanPartitions(p.input);
    case 'Range':
      return p.numPartitions;
    case 'Repartition':
      return p.numPartitions === 1 ? 1 : undefined;
    case 'LocalRelation':
      return p.scanPartitions;
    default:
      return undefined;
  }
}

/** The partitions an aggregate's input is read in, given the session's default parallelism. */
export function scanPartitions(p: LogicalPlan, parallelism: number): number {
  return parallelism <= 1 ? 1 : (ownScanPartitions(p) ?? parallelism);
}
