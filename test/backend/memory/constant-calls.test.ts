/** The memory interpreter evaluates a deterministic call over literals once per query, with per-row semantics kept. */
import { describe, expect, it } from 'vitest';
import { F, SparkSession } from '../../../src/index.js';

const spark = new SparkSession('constant-calls', { backendType: 'memory', conf: { 'spark.sql.session.timeZone': 'UTC' } });
const df = spark.createDataFrame([[1, 'a'], [2, 'a'], [3, 'b']], 'k INT, g STRING');

describe('memory backend: constant calls', () => {
  it('gives every row the same value of a literal-only call', () => {
    const out = df.select('k', F.to_date(F.lit('1994-01-01')).alias('d'), F.upper(F.concat(F.lit('x'), F.lit('y'))).alias('u')).collect();
    expect(out.map((r) => [r.k, String(r.d), r.u])).toEqual([
      [1, String(new Date(Date.UTC(1994, 0, 1))), 'XY'],
      [2, String(new Date(Date.UTC(1994, 0, 1))), 'XY'],
      [3, String(new Date(Date.UTC(1994, 0, 1))), 'XY'],
    ].map(([k, d, u]) => [k, d, u]));
  });

  it('keeps aggregates over literals per group, and random functions per row', () => {
    const sums = df.groupBy('g').agg(F.sum(F.lit(1)).plus(1).alias('n')).orderBy('g').collect();
    expect(sums.map((r) => [r.g, Number(r.n)])).toEqual([['a', 3], ['b', 2]]);
    const r = spark.range(50).select(F.rand(7).alias('x')).collect().map((row) => row.x);
    expect(new Set(r).size).toBe(50);
  });

  it('still fails only when a row evaluates a failing constant', () => {
    const bad = F.raise_error(F.upper(F.lit('boom'))).alias('c');
    expect(df.filter(F.col('k').gt(10)).select(bad).collect()).toEqual([]);
    expect(() => df.select(bad).collect()).toThrow(/BOOM/);
  });
});
