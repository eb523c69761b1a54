import { expect, it, vi } from 'vitest';
import { IllegalArgumentException } from '../../src/index.js';
import { dicts, forEachBackend, REFEREE_PARALLELISM } from '../helpers/backends.js';

// Each statistic is a few queries: on a shared Spark server the first can take seconds.
vi.setConfig({ testTimeout: 60_000 });

forEachBackend('df.stat', (session, backend) => {
  const frame = () =>
    session().createDataFrame(
      [
        [1, 2, 'x'],
        [2, 4, 'y'],
        [3, 7, 'x'],
        [null, 1, null],
      ],
      'a double, b double, s string',
    );

  it('corr and cov: Spark corr/covar_samp over the non-null pairs', () => {
    // The referee scans the 4 rows as 2 partitions and merges their partial co-moments: same digits locally.
    if (backend !== 'connect') for (const [k, v] of Object.entries(REFEREE_PARALLELISM)) session().conf.set(k, v);
    const df = frame();
    expect(df.stat.corr('a', 'b')).toBe(0.9933992677987828);
    expect(df.corr('a', 'b')).toBe(df.stat.corr('a', 'b'));
    expect(df.stat.cov('a', 'b')).toBe(2.5);
    expect(df.cov('a', 'b')).toBe(2.5);
    expect(() => df.stat.corr('a', 'b', 'spearman')).toThrow(/VALUE_NOT_PEARSON/);
    expect(() => df.stat.corr('a', 's')).toThrow(IllegalArgumentException);
  });

  it('crosstab: col1_col2, then one bigint column per col2 value, nulls as "null"', () => {
    const df = frame().crosstab('s', 'a');
    expect(df.columns).toEqual(['s_a', '1.0', '2.0', '3.0', 'null']);
    expect(df.dtypes.map((d) => d[1])).toEqual(['string', 'bigint', 'bigint', 'bigint', 'bigint']);
    expect(df.collect().map((r) => r.toArray())).toEqual([
      ['null', 0, 0, 0, 1],
      ['x', 1, 0, 1, 0],
      ['y', 0, 1, 0, 0],
    ]);
  });

  it('freqItems: one row of <col>_freqItems arrays', () => {
    const spark = session();
    const df = spark.createDataFrame([[1, 'a'], [1, 'b'], [1, 'a'], [2, 'a']], 'n int, s string');
    const out = df.freqItems(['n', 's'], 0.5);
    expect(out.columns).toEqual(['n_freqItems', 's_freqItems']);
    expect(out.dtypes.map((d) => d[1])).toEqual(['array<int>', 'array<string>']);
    const row = out.first()!;
    expect([...(row.get(0) as number[])].sort()).toEqual([1, 2]);
    expect([...(row.get(1) as string[])].sort()).toEqual(['a', 'b']);
    expect(() => df.freqItems(['n'], 0)).toThrow(/Support must be in/);
  });

  it('approxQuantile: exact ranks, one list per column, nulls ignored', () => {
    const spark = session();
    const df = spark.range(1, 101).selectExpr('id', 'CASE WHEN id % 10 = 0 THEN NULL ELSE id * 2 END AS d');
    expect(df.approxQuantile('id', [0, 0.25, 0.5, 1], 0)).toEqual([1, 25, 50, 100]);
    expect(df.stat.approxQuantile(['id', 'd'], [0.5], 0)).toEqual([[50], [98]]);
    expect(df.filter('id > 1000').approxQuantile('id', [0.5], 0.1)).toEqual([]);
    expect(() => df.approxQuantile('id', [0.5], -1)).toThrow(/NEGATIVE_VALUE/);
  });

  it('sampleBy keeps only listed strata, in their fractions', () => {
    const spark = session();
    const df = spark.range(0, 1000).selectExpr('id % 3 AS key');
    const sampled = df.sampleBy('key', new Map([[0, 1.0], [1, 0.5]]), 7);
    const counts = dicts(sampled.groupBy('key').count().orderBy('key').collect());
    expect(counts.map((r) => r['key'])).toEqual([0, 1]);
    expect(counts[0]!['count']).toBe(334);
    expect(counts[1]!['count']).toBeGreaterThan(120);
    expect(counts[1]!['count']).toBeLessThan(215);
    expect(() => df.sampleBy('key', { 0: 2 })).toThrow(/Fractions must be in/);
  });
});
