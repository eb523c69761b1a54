import { describe, expect, it } from 'vitest';
import { F, SparkSession } from '../../src/index.js';
import { hashRow, partitionOf } from '../../src/optimizer/adaptive/index.js';
import { INT, LONG, STRING } from '../../src/types/data-types.js';

describe("Spark's Murmur3 hash", () => {
  it('matches hash() values produced by Spark 3.5', () => {
    // From the PySpark parity corpus (functions/hash.json) and `SELECT hash(1)` in Spark.
    expect(['Alice', 'Bob', 'Charlie'].map((n) => hashRow([n], [STRING]))).toEqual([-1597477876, 549595493, 906014075]);
    expect(hashRow([1], [INT])).toBe(-559580957);
  });

  it('chains the seed across columns and skips nulls', () => {
    expect(hashRow([null, 1], [STRING, INT])).toBe(hashRow([1], [INT]));
    expect(hashRow([1n], [LONG])).not.toBe(hashRow([1], [INT]));
  });
});

describe('adaptive execution simulation', () => {
  const session = (conf: Record<string, string>) => new SparkSession('aqe', { backendType: 'memory', conf });
  const skewedFact = (spark: SparkSession) =>
    spark.createDataFrame(
      Array.from({ length: 1000 }, (_, i) => ({ k: i < 900 ? 1 : i - 898, v: i })),
      'k INT, v INT',
    );
  const dim = (spark: SparkSession) => spark.createDataFrame(Array.from({ length: 101 }, (_, i) => ({ k: i + 1, name: `n${i}` })), 'k INT, name STRING');

  it('finds the skewed shuffle partition of a sort-merge join and splits it', () => {
    const spark = session({
      'spark.sql.autoBroadcastJoinThreshold': '-1',
      'spark.sql.shuffle.partitions': '10',
      'spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes': '1k',
      'spark.sql.adaptive.advisoryPartitionSizeInBytes': '1k',
    });
    const fact = skewedFact(spark);
    const joined = fact.join(dim(spark), 'k');
    const [join] = spark.simulateAdaptiveExecution(joined.plan).joins;
    expect(join!.strategy).toBe('SortMergeJoin');
    const hot = partitionOf([1], [INT], 10);
    const keysInHot = Array.from({ length: 101 }, (_, i) => i + 1).filter((k) => k !== 1 && partitionOf([k], [INT], 10) === hot).length;
    const leftSkew = join!.skewedPartitions.filter((s) => s.side === 'left');
    expect(leftSkew).toHaveLength(1);
    expect(leftSkew[0]!.partition).toBe(hot);
    expect(leftSkew[0]!.rows).toBe(900 + keysInHot);
    // 8-byte row header + two 4-byte ints = 16 bytes per row.
    expect(leftSkew[0]!.bytes).toBe((900 + keysInHot) * 16);
    expect(leftSkew[0]!.splits).toBeGreaterThan(1);
    // The simulation explains; it never changes results.
    expect(joined.count()).toBe(1000);
    expect(joined.explainString('extended')).toContain(`skewed left partition ${hot}: ${900 + keysInHot} rows`);
  });

  it('broadcasts a small side, honours broadcast hints, and never broadcasts a full outer join', () => {
    const spark = session({ 'spark.sql.shuffle.partitions': '4' });
    const fact = skewedFact(spark);
    expect(spark.simulateAdaptiveExecution(fact.join(dim(spark), 'k').plan).joins[0]).toMatchObject({
      strategy: 'BroadcastHashJoin',
      buildSide: 'right',
    });
    expect(spark.simulateAdaptiveExecution(fact.join(dim(spark), 'k', 'full').plan).joins[0]!.strategy).toBe('SortMergeJoin');
    spark.conf.set('spark.sql.autoBroadcastJoinThreshold', '-1');
    expect(spark.simulateAdaptiveExecution(fact.join(dim(spark), 'k').plan).joins[0]!.strategy).toBe('SortMergeJoin');
    expect(spark.simulateAdaptiveExecution(fact.join(F.broadcast(dim(spark)), 'k').plan).joins[0]).toMatchObject({
      strategy: 'BroadcastHashJoin',
      buildSide: 'right',
    });
  });

  it('coalesces small shuffle partitions up to the advisory size', () => {
    const spark = session({ 'spark.sql.autoBroadcastJoinThreshold': '-1', 'spark.sql.shuffle.partitions': '50' });
    const [join] = spark.simulateAdaptiveExecution(skewedFact(spark).join(dim(spark), 'k').plan).joins;
    expect(join!.shufflePartitions).toBe(50);
    expect(join!.coalescedPartitions).toBe(1); // everything fits in one 64 MB partition
    expect(join!.skewedPartitions).toEqual([]); // far below the 256 MB threshold
  });
});
