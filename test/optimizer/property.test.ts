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
      { numRuns: 150 },
    );
  });
});
