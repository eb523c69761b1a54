/**
 * The optimizer never changes results: random pipelines over random data give
 * the same rows with and without the rewrite rules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { F, SparkSession, type DataFrame } from '../../src/index.js';
import { batchRows } from '../../src/data/batch.js';
import { bindTables } from '../../src/plan/bind-tables.js';

const { col } = F;
const spark = new SparkSession('optimizer-property', { backendType: 'memory' });
const other = spark.createDataFrame(
  [
    { a: 1, x: 'p' },
    { a: 2, x: 'q' },
    { a: null, x: 'r' },
    { a: 1, x: 's' },
    { a: -3, x: null },
  ],
  'a INT, x STRING',
);

type Step = (df: DataFrame) => DataFrame;
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map((n): Step => (df) => df.filter(col('a').gt(n))),
  fc.constantFrom<Step>(
    (df) => df.filter(col('b').isNotNull()),
    (df) => df.select(col('a'), col('b').alias('b'), col('c')),
    (df) => df.select('*'),
    (df) => df.withColumn('a', col('a').plus(1)),
    (df) => df.withColumn('c', col('c').multiply(2)),
    (df) => df.select(col('c'), col('b'), col('a')),
    (df) => df.orderBy('a', 'b', 'c').limit(5),
    (df) => df.filter(col('c').lt(0).or(col('a').eq(0))),
    // Joins, aggregates and unions: the filters above them move below (outer sides stay put).
    (df) => df.join(other, 'a').select('a', 'b', 'c'),
    (df) => df.join(other, 'a', 'left').filter(col('x').isNull().or(col('b').eq('x'))).select('a', 'b', 'c'),
    (df) => df.join(other, 'a', 'right').filter(col('b').isNotNull()).select('a', 'b', 'c'),
    (df) => df.join(other, 'a', 'full').filter(col('a').gt(0).and(col('x').isNotNull())).select('a', 'b', 'c'),
    (df) => df.join(other, 'a', 'left_anti').filter(col('b').eq('y')),
    (df) => df.join(other.select(col('a').alias('a2'), 'x'), col('a').eq(col('a2')).and(col('x').gt('p')), 'left').filter(col('c').gt(0)).select('a', 'b', 'c'),
    (df) => df.groupBy('a', 'b').agg(F.sum('c').alias('c')).filter(col('a').gt(0).and(col('c').gt(1))),
    (df) => df.rollup('a', 'b').agg(F.max('c').alias('c')).filter(col('a').isNull()),
    (df) => df.union(df.filter(col('a').lt(2))).filter(col('c').gt(-5)),
    (df) => df.unionAll(df).limit(4),
    (df) => df.join(other, 'a', 'left').limit(3).select('a', 'b', 'c'),
    (df) => df.select(col('a'), col('b'), col('c').plus(1).alias('c')).select(col('c'), col('a'), col('b')).limit(7),
    // Constant conditions, with null's three-valued logic.
    (df) => df.filter(F.lit(true).and(col('a').gt(0))),
    (df) => df.filter(col('b').isNull().or(F.lit(false))),
    (df) => df.filter(F.lit(null).cast('boolean').or(col('a').lt(1))),
    (df) => df.filter(col('c').gt(0).not().not()),
    (df) => df.filter(F.lit(false).and(col('a').gt(0))),
  ),
);

const rows = fc.array(
  fc.record({
    a: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }),
    b: fc.option(fc.constantFrom('x', 'y', 'z'), { nil: null }),
    c: fc.option(fc.double({ min: -10, max: 10, noNaN: true }), { nil: null }),
  }),
  { maxLength: 20 },
);

const sorted = (xs: unknown[][]): string[] => xs.map((r) => JSON.stringify(r)).sort();

describe('optimizer', () => {
  it('preserves results for random pipelines', () => {
    fc.assert(
      fc.property(rows, fc.array(step, { maxLength: 6 }), (data, steps) => {
        const df = steps.reduce((d, s) => s(d), spark.createDataFrame(data, 'a INT, b STRING, c DOUBLE'));
        const unoptimized = spark.materializer.materialize(bindTables(spark.analyze(df.plan).plan, spark.storage));
        expect(sorted(batchRows(df.executeBatch()))).toEqual(sorted(batchRows(unoptimized)));
      }),
      { numRuns: 250 },
    );
    // 250 random pipelines: generous on a shared machine (this is not a timing test).
  }, 60_000);
});
