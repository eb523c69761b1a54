/**
 * Resource limits (issue 11): a query whose operators would hold more than
 * the memory budget (spark.sparkless.backend.maxMemory, else the engine's
 * default) fails with Spark's UNABLE_TO_ACQUIRE_MEMORY before it runs,
 * instead of exhausting the heap and killing the process.
 */
import { expect, it } from 'vitest';
import { SparkSession } from '../../src/index.js';
import { estimateRows } from '../../src/backend/limits.js';
import { forEachBackend } from '../helpers/backends.js';

const outOfMemory = expect.objectContaining({ errorClass: 'UNABLE_TO_ACQUIRE_MEMORY' });

forEachBackend(
  'resource limits',
  (session, backend) => {
    it('a range with huge bounds is refused, not materialised', () => {
      expect(() => session().range(0, 1e12).count()).toThrow(outOfMemory);
      expect(() => session().range(0, 1e12).count()).toThrow(/Range of about 1\.00e\+12 rows/);
    });

    it('a cross join of large inputs is refused; a small one answers', () => {
      const big = session().range(0, 300_000);
      expect(() => big.crossJoin(big).count()).toThrow(outOfMemory);
      expect(() => big.crossJoin(big).count()).toThrow(/cross join of about 9\.00e\+10 rows/);
      expect(session().range(0, 300).crossJoin(session().range(0, 300)).count()).toBe(90_000);
    });

    it('spark.sparkless.backend.maxMemory sets the budget', () => {
      const spark = new SparkSession('limits', { backendType: backend as 'memory', conf: { 'spark.sparkless.backend.maxMemory': '1m' } });
      try {
        expect(spark.range(0, 1000).count()).toBe(1000);
        expect(() => spark.range(0, 100_000).count()).toThrow(/got 1048576: the Range of about 100000 rows/);
        const df = spark.range(0, 2000);
        expect(() => df.crossJoin(df).count()).toThrow(outOfMemory);
      } finally {
        spark.stop();
      }
    });

    it('a many-to-many keyed join over the budget is refused; ordinary keyed joins answer', () => {
      const spark = new SparkSession('join-limits', { backendType: backend as 'memory', conf: { 'spark.sparkless.backend.maxMemory': '4m' } });
      try {
        // 20,000 rows on 4 keys each side: 10^8 output rows, far beyond 4 MB; on Polars it would run natively.
        const skewed = spark.range(0, 20_000).selectExpr('id % 4 AS k', 'id AS v');
        for (const how of ['inner', 'left', 'right', 'full'] as const) {
          expect(() => skewed.join(skewed.withColumnRenamed('v', 'w'), 'k', how).count()).toThrow(outOfMemory);
        }
        expect(() => skewed.join(skewed.withColumnRenamed('v', 'w'), 'k').count()).toThrow(/Unable to acquire \d+ bytes of memory, got 4194304/);
        // The same inputs on distinct keys: one match per row, within budget.
        const unique = spark.range(0, 20_000).selectExpr('id AS k', 'id AS v');
        expect(unique.join(unique.withColumnRenamed('v', 'w'), 'k').count()).toBe(20_000);
        expect(unique.join(skewed.withColumnRenamed('v', 'w'), 'k', 'left').count()).toBe(20_000 - 4 + 4 * 5_000);
        // Semi and anti joins never produce more rows than their left side.
        expect(skewed.join(skewed, 'k', 'left_semi').count()).toBe(20_000);
      } finally {
        spark.stop();
      }
    });

    it('a join above a join within budget is still refused when it explodes (DataFrame data, whose key repeats are known)', () => {
      const spark = new SparkSession('join-chain-limits', { backendType: backend as 'memory', conf: { 'spark.sparkless.backend.maxMemory': '4m' } });
      try {
        const many = spark.createDataFrame(Array.from({ length: 20_000 }, (_, i) => ({ k: i % 4, v: i })), 'k LONG, v LONG');
        const unique = spark.createDataFrame(Array.from({ length: 20_000 }, (_, i) => ({ k: i, w: i })), 'k LONG, w LONG');
        // One match per row of `many`: 20,000 rows, then again 20,000.
        const bounded = many.join(unique, 'k');
        expect(bounded.count()).toBe(20_000);
        expect(bounded.join(unique.withColumnRenamed('w', 'x'), 'k').count()).toBe(20_000);
        // 5,000 rows per key on both sides of the second join: 10^8 rows.
        expect(() => bounded.join(many.withColumnRenamed('v', 'x'), 'k').count()).toThrow(outOfMemory);
        expect(() => many.join(many.withColumnRenamed('v', 'x'), 'k').count()).toThrow(outOfMemory);
      } finally {
        spark.stop();
      }
    });

    it('with disk spillover allowed, maxMemory is the spill threshold, not a query limit', () => {
      const spark = new SparkSession('spill', {
        backendType: backend as 'memory',
        conf: { 'spark.sparkless.backend.maxMemory': '1k', 'spark.sparkless.backend.allowDiskSpillover': 'true' },
      });
      try {
        expect(spark.range(0, 10_000).count()).toBe(10_000);
      } finally {
        spark.stop();
      }
    });
  },
  { localOnly: 'the budget guards sparkless’s own engines; Spark manages its executors’ memory itself' },
);

it('estimates rows: ranges exactly, cross joins as products, keyed joins by their larger side', () => {
  const spark = new SparkSession('estimate', { backendType: 'memory' });
  try {
    const a = spark.range(0, 10);
    const b = spark.range(0, 7);
    expect(estimateRows(a.plan)).toBe(10);
    expect(estimateRows(a.crossJoin(b).plan)).toBe(70);
    expect(estimateRows(a.join(b, 'id').plan)).toBe(10);
    expect(estimateRows(a.crossJoin(b).limit(5).plan)).toBe(5);
  } finally {
    spark.stop();
  }
});
