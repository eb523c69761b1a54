/**
 * The memory budget (issue 11) counts grouping sets: rollup, cube and GROUPING SETS group the
 * whole input once per set, so an aggregate with grouping sets is estimated at rows × sets (a cube
 * of n keys has 2^n sets), not at its input's rows. A cube too large for the budget fails with
 * Spark's UNABLE_TO_ACQUIRE_MEMORY before it runs; a small one answers as Spark does.
 */
import { expect, it } from 'vitest';
import { SparkSession } from '../../src/index.js';
import { estimateRows } from '../../src/backend/limits.js';
import { forEachBackend } from '../helpers/backends.js';

const outOfMemory = expect.objectContaining({ errorClass: 'UNABLE_TO_ACQUIRE_MEMORY' });
const TEN_KEYS = Array.from({ length: 10 }, (_, i) => `c${i}`);

forEachBackend(
  'grouping sets under the memory budget',
  (_session, backend) => {
    it('a cube of ten keys over 2,000 rows is refused; a cube of two keys and a plain groupBy of ten answer', () => {
      const spark = new SparkSession('cube-limits', { backendType: backend as 'memory', conf: { 'spark.sparkless.backend.maxMemory': '4m' } });
      try {
        const wide = spark.range(0, 2000).selectExpr(...TEN_KEYS.map((c, i) => `id % ${i + 2} AS ${c}`));
        // 2^10 grouping sets x 2,000 rows: about 2.05e+6 rows, far beyond 4 MB.
        const cube = wide.cube(...TEN_KEYS).count();
        expect(() => cube.count()).toThrow(outOfMemory);
        expect(() => cube.count()).toThrow(/got 4194304: the Aggregate of about 2\.05e\+6 rows would exceed the memory budget/);
        // The same keys without grouping sets: one pass over 2,000 rows fits.
        expect(wide.groupBy(...TEN_KEYS).count().count()).toBe(2000);
        // Spark: SELECT count(*) FROM (SELECT a, b, count(*) FROM (SELECT id % 10 AS a, id % 7 AS b
        // FROM range(0, 2000)) GROUP BY CUBE(a, b)) = 88 (70 pairs + 10 + 7 + the grand total).
        const small = spark.range(0, 2000).selectExpr('id % 10 AS a', 'id % 7 AS b').cube('a', 'b').count();
        expect(small.count()).toBe(88);
        expect(small.filter('a IS NULL AND b IS NULL').collect()[0]!.get('count')).toBe(2000);
      } finally {
        spark.stop();
      }
    });
  },
  { localOnly: 'the budget guards sparkless’s own engines; Spark manages its executors’ memory itself' },
);

it('estimates an aggregate with grouping sets at rows × sets', () => {
  const spark = new SparkSession('estimate-sets', { backendType: 'memory' });
  try {
    const df = spark.range(0, 10).selectExpr('id AS a', 'id AS b', 'id AS c');
    expect(estimateRows(df.groupBy('a', 'b', 'c').count().plan)).toBe(10);
    expect(estimateRows(df.rollup('a', 'b', 'c').count().plan)).toBe(40);
    expect(estimateRows(df.cube('a', 'b', 'c').count().plan)).toBe(80);
  } finally {
    spark.stop();
  }
});
