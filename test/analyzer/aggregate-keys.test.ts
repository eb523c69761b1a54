import { describe, expect, it } from 'vitest';
import { F, SparkSession } from '../../src/index.js';
import type { LogicalPlan, PlanOfKind } from '../../src/plan/nodes.js';

const { col } = F;
const spark = new SparkSession('aggregate-keys', { backendType: 'memory' });
const df = spark.createDataFrame(
  [
    { g: 'a', k: 1, v: 1.5 },
    { g: 'b', k: 2, v: 2.5 },
    { g: 'a', k: 3, v: 4.0 },
  ],
  'g STRING, k INT, v DOUBLE',
);

const aggregateOf = (p: LogicalPlan): PlanOfKind<'Aggregate'> => {
  let n: LogicalPlan = p;
  while (n.kind !== 'Aggregate') n = (n as { input: LogicalPlan }).input;
  return n;
};

describe('analyzer: aggregate calls and grouping expressions by identity', () => {
  it('computes identical aggregate calls once and distinct ones separately', () => {
    const out = df.groupBy('g').agg(F.sum('v').alias('s1'), F.sum(col('v')).alias('s2'), F.avg('v').alias('a'), F.sum('k').alias('sk'), F.sum('v').divide(F.count('*')).alias('m'));
    const agg = aggregateOf(spark.analyze(out.plan).plan);
    expect(agg.aggs.map((a) => (a.kind === 'Alias' && a.child.kind === 'Call' ? a.child.fn : '?'))).toEqual(['sum', 'avg', 'sum', 'count']);
    expect(out.orderBy('g').collect().map((r) => r.asDict())).toEqual([
      { g: 'a', s1: 5.5, s2: 5.5, a: 2.75, sk: 4, m: 2.75 },
      { g: 'b', s1: 2.5, s2: 2.5, a: 2.5, sk: 2, m: 2.5 },
    ]);
  });

  it('matches output expressions against grouping expressions, also computed ones', () => {
    const out = df.groupBy(col('k').plus(1).alias('k1')).agg(F.count('*').alias('n')).select('k1', 'n');
    expect(out.orderBy('k1').collect().map((r) => r.asDict())).toEqual([
      { k1: 2, n: 1 },
      { k1: 3, n: 1 },
      { k1: 4, n: 1 },
    ]);
    const viaExpr = df.groupBy(col('k').plus(1)).agg(F.max(col('k').plus(1)).alias('m'));
    expect(viaExpr.columns).toEqual(['(k + 1)', 'm']);
    expect(() => df.groupBy(col('k').plus(1)).agg(F.max('v')).select(col('k').plus(2))).toThrow(/k/);
  });
});

describe('analyzer: columns stay bound to the DataFrames they came from', () => {
  it('through long chains of transformations', () => {
    let d = df;
    for (let i = 0; i < 200; i++) d = d.withColumn(`c${i % 5}`, col('k').plus(i));
    const out = d.select(df.col('g'), d.col('c4'), df['col']('k')).orderBy('k');
    expect(out.collect().map((r) => r.asDict())).toEqual([
      { g: 'a', c4: 200, k: 1 },
      { g: 'b', c4: 201, k: 2 },
      { g: 'a', c4: 202, k: 3 },
    ]);
    const other = spark.createDataFrame([{ g: 'a' }], 'g STRING');
    expect(() => d.select(other.col('g'))).toThrow(/CANNOT_RESOLVE_DATAFRAME_COLUMN|Cannot resolve dataframe column/);
  });

  it('in self-joins, where each side keeps its own columns', () => {
    const left = df.alias('l');
    const right = df.filter(col('k').gt(1)).alias('r');
    const j = left.join(right, left.col('k').eq(right.col('k').minus(1)));
    expect(j.select(left.col('k'), right.col('k')).orderBy(left.col('k')).collect().map((r) => r.toArray())).toEqual([
      [1, 2],
      [2, 3],
    ]);
  });
});
