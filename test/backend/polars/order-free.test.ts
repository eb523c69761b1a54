import { describe, expect, it } from 'vitest';
import { F, SparkSession, Window } from '../../../src/index.js';
import { orderFreeNodes } from '../../../src/backend/polars/order-free.js';
import type { LogicalPlan } from '../../../src/plan/nodes.js';
import { inputs } from '../../../src/plan/nodes.js';

const { col } = F;
const memory = new SparkSession('order-free-memory', { backendType: 'memory' });
const polars = new SparkSession('order-free-polars', { backendType: 'polars' });
// Ties on (v) inside each partition, so row_number follows the input order there.
const ROWS = Array.from({ length: 200 }, (_, i) => ({ id: i, g: `g${i % 7}`, v: (i * 37) % 11, q: 1 + (i % 5), d: ((i * 13) % 17) / 4 }));
const SCHEMA = 'id LONG, g STRING, v INT, q INT, d DOUBLE';
const w = Window.partitionBy('g').orderBy(col('v').desc());

/** The Window nodes of the resolved plan that the lowering may leave unsorted. */
function freeWindows(spark: SparkSession, build: (df: ReturnType<SparkSession['createDataFrame']>) => ReturnType<SparkSession['createDataFrame']>): number {
  const plan = spark.analyze(build(spark.createDataFrame(ROWS, SCHEMA)).plan).plan;
  const free = orderFreeNodes(plan);
  let n = 0;
  const walk = (p: LogicalPlan): void => {
    if (p.kind === 'Window' && free.has(p)) n++;
    inputs(p).forEach(walk);
  };
  walk(plan);
  return n;
}

describe('polars: nodes whose row order cannot reach the result', () => {
  const windowed = (df: ReturnType<SparkSession['createDataFrame']>) => df.withColumn('rn', F.row_number().over(w));

  it('a window under a global aggregate of counts, integral sums and non-floating min/max', () => {
    expect(freeWindows(memory, (df) => windowed(df).agg(F.count('*'), F.sum(col('rn').multiply(col('q'))), F.max('rn'), F.min('g')))).toBe(1);
    expect(freeWindows(memory, (df) => windowed(df).filter(col('q').gt(1)).select('rn', 'q').agg(F.sum('rn')))).toBe(1);
  });

  it('not when the order can show', () => {
    // Double sums and averages round in summation order; -0.0 and 0.0 tie in min/max of doubles.
    expect(freeWindows(memory, (df) => windowed(df).agg(F.sum('d')))).toBe(0);
    expect(freeWindows(memory, (df) => windowed(df).agg(F.avg('rn')))).toBe(0);
    expect(freeWindows(memory, (df) => windowed(df).agg(F.max('d')))).toBe(0);
    // Groups come out in order of first appearance; first() and collect_list follow the order.
    expect(freeWindows(memory, (df) => windowed(df).groupBy('g').agg(F.count('*')))).toBe(0);
    expect(freeWindows(memory, (df) => windowed(df).agg(F.first('rn')))).toBe(0);
    expect(freeWindows(memory, (df) => windowed(df).agg(F.collect_list('rn')))).toBe(0);
    // A limit, a non-deterministic filter, or the result itself.
    expect(freeWindows(memory, (df) => windowed(df).limit(5).agg(F.count('*')))).toBe(0);
    expect(freeWindows(memory, (df) => windowed(df).filter(F.rand(1).gt(0.5)).agg(F.count('*')))).toBe(0);
    expect(freeWindows(memory, (df) => windowed(df))).toBe(0);
  });

  it('an unsorted window gives the same aggregates on both backends (ties in input order)', () => {
    const run = (spark: SparkSession): unknown[] =>
      windowed(spark.createDataFrame(ROWS, SCHEMA))
        .agg(F.count('*').alias('n'), F.sum(col('rn').multiply(col('q'))).alias('srq'), F.max('rn').alias('mrn'), F.min('g').alias('mg'))
        .collect()
        .map((r) => r.asDict());
    expect(run(polars)).toEqual(run(memory));
  });
});
