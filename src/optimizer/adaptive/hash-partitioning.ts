/**
 * Spark's HashPartitioning: the shuffle partition of a row is
 * `pmod(hash(keys), n)` with Spark's Murmur3 `hash()` (types/hash.ts), so the
 * simulated partitions are the ones a cluster would use.
 */
import type { DataType } from '../../types/data-types.js';
import { hashRow } from '../../types/hash.js';

export { hashRow };

/** The shuffle partition Spark's HashPartitioning assigns: pmod(hash, n). */
export function partitionOf(values: readonly unknown[], types: readonly DataType[], numPartitions: number): number {
  const h = hashRow(values, types);
  return ((h % numPartitions) + numPartitions) % numPartitions;
}
