/**
 * Double sums and averages on the Polars backend: inputs up to
 * `spark.sparkless.sql.sequentialSumMaxRows` rows add in row order, bit for
 * bit like the memory interpreter (and Spark on one partition); larger inputs
 * use Polars' native sum, which agrees up to rounding and keeps Spark's
 * null / NaN / Infinity / -0.0 semantics.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { F, SparkSession, Window, type DataFrame } from '../../../src/index.js';

const KEY = 'spark.sparkless.sql.sequentialSumMaxRows';

const polars = new SparkSession('sum-order-polars', { backendType: 'polars' });
const memory = new SparkSession('sum-order-memory', { backendType: 'memory' });
afterAll(() => {
  polars.stop();
  memory.stop();
});

/** Runs `build` on both backends with the threshold set (unset: the default) on the Polars session. */
function onBoth(build: (spark: SparkSession) => DataFrame, maxRows?: string): { pol: unknown[][]; mem: unknown[][]; explain: string } {
  if (maxRows === undefined) polars.conf.unset(KEY);
  else polars.conf.set(KEY, maxRows);
  try {
    const df = build(polars);
    const pol = df.collect().map((r) => Object.values(r.asDict()));
    const explain = df.explainString();
    const mem = build(memory).collect().map((r) => Object.values(r.asDict()));
    return { pol, mem, explain };
  } finally {
    polars.conf.unset(KEY);
  }
}

/** Equal, up to a relative 1e-12 for finite doubles (NaN equals NaN, 0.0 is not -0.0). */
function closeRows(actual: unknown[][], expected: unknown[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) =>
    row.forEach((a, c) => {
      const e = expected[r]![c];
      if (typeof a === 'number' && typeof e === 'number' && Number.isFinite(a) && Number.isFinite(e) && a !== 0 && e !== 0) {
        const rel = Math.abs(a - e) / Math.max(Math.abs(a), Math.abs(e));
        if (rel > 1e-12) expect.fail(`row ${r} column ${c}: ${a} vs ${e} (relative ${rel})`);
      } else {
        expect(a, `row ${r} column ${c}`).toStrictEqual(e);
      }
    }),
  );
}

/** Two-decimal doubles: their sums round differently when added in another order. */
const N = 3000;
const cents = (i: number): number => ((i * 7919) % 100003) / 100 - 250.37;
const valueRows = Array.from({ length: N }, (_, i) => ({ id: i, g: `g${i % 7}`, v: i % 97 === 0 ? null : cents(i) }));
const values = (spark: SparkSession): DataFrame => spark.createDataFrame(valueRows, 'id LONG, g STRING, v DOUBLE');

const grouped = (spark: SparkSession): DataFrame =>
  values(spark).groupBy('g').agg(F.sum('v').alias('s'), F.avg('v').alias('a'), F.count('v').alias('n'), F.count('*').alias('all')).orderBy('g');
const global = (spark: SparkSession): DataFrame => values(spark).agg(F.sum('v').alias('s'), F.avg('v').alias('a'));
const windowed = (spark: SparkSession): DataFrame =>
  values(spark)
    .withColumn('ws', F.sum('v').over(Window.partitionBy('g')))
    .withColumn('wa', F.avg('v').over(Window.partitionBy('g')))
    .orderBy('id');

/** The sequential (row-order) sum of the non-null values. */
const sequential = (xs: readonly (number | null)[]): number => xs.reduce<number>((acc, x) => (x === null ? acc : acc + x), 0);

describe('polars backend: double sums of small inputs are sequential', () => {
  it('the test data sums differently natively (else the tests below would prove nothing)', () => {
    const seq = onBoth(global).pol[0]!;
    const native = onBoth(global, '10').pol[0]!;
    expect(seq[0]).toBe(sequential(valueRows.map((r) => r.v)));
    expect(native[0]).not.toBe(seq[0]);
    expect(Math.abs((native[0] as number) - (seq[0] as number))).toBeLessThan(1e-9);
  });

  it('global, grouped and window sums/averages are bit-identical to the memory backend by default', () => {
    for (const q of [global, grouped, windowed]) {
      const { pol, mem, explain } = onBoth(q);
      expect(pol).toEqual(mem);
      expect(explain).toContain('cum_sum');
    }
    const g0 = valueRows.filter((r) => r.g === 'g0').map((r) => r.v);
    expect(onBoth(grouped).pol[0]!.slice(1, 3)).toEqual([sequential(g0), sequential(g0) / g0.filter((x) => x !== null).length]);
  });

  it('a threshold above the input size keeps the sequential sum; one below switches to Polars sums', () => {
    const big = onBoth(grouped, '1000000000');
    expect(big.pol).toEqual(big.mem);
    expect(big.explain).toContain('cum_sum');
    const exact = onBoth(grouped, String(N));
    expect(exact.pol).toEqual(exact.mem);
    const below = onBoth(grouped, String(N - 1));
    expect(below.explain).not.toContain('cum_sum');
    expect(below.explain).toContain('.sum()');
  });
});

describe('polars backend: double sums of large inputs use Polars sums', () => {
  it('global, grouped and window sums/averages agree with the memory backend within 1e-12', () => {
    for (const q of [global, grouped, windowed]) {
      const { pol, mem, explain } = onBoth(q, '10');
      closeRows(pol, mem);
      expect(explain).not.toContain('cum_sum');
      expect(explain).toContain('.sum()');
    }
    // Some value does differ in its last bits: the comparison above is not trivially exact.
    const g = onBoth(grouped, '10');
    const w = onBoth(windowed, '10');
    expect([...g.pol, ...w.pol]).not.toEqual([...g.mem, ...w.mem]);
  });

  it('integral sums and averages, and DISTINCT ones, stay exact', () => {
    const q = (spark: SparkSession): DataFrame =>
      values(spark)
        .withColumn('i', F.col('id').mod(13))
        .groupBy('g')
        .agg(F.sum('i').alias('si'), F.avg('i').alias('ai'), F.sum_distinct('i').alias('sd'), F.countDistinct('v').alias('cd'), F.avg('id').alias('aid'))
        .orderBy('g');
    const { pol, mem } = onBoth(q, '10');
    expect(pol).toEqual(mem);
  });
});

/** Groups that exercise Spark's special cases; `pad` rows make the input larger than the threshold. */
const specialRows = [
  ...[1.5, null, 2.25].map((v) => ({ g: 'plain', v, l: 1 })),
  ...[null, null].map((v) => ({ g: 'all null', v, l: null })),
  ...[1, NaN, 2, null].map((v) => ({ g: 'nan', v, l: 2 })),
  ...[Infinity, 1, -Infinity].map((v) => ({ g: 'inf - inf', v, l: 3 })),
  ...[Infinity, 5, null].map((v) => ({ g: '+inf', v, l: 4 })),
  ...[-Infinity, -5].map((v) => ({ g: '-inf', v, l: 5 })),
  ...[-0, null].map((v) => ({ g: '-0', v, l: 6 })),
  ...[-0, -0].map((v) => ({ g: '-0 -0', v, l: 7 })),
  { g: '-0 alone', v: -0, l: 9 },
  ...[1e308, 1e308, -1e308].map((v) => ({ g: 'overflow', v, l: 8 })),
];
const special = (spark: SparkSession): DataFrame =>
  spark
    .createDataFrame(specialRows, 'g STRING, v DOUBLE, l LONG')
    .groupBy('g')
    .agg(F.sum('v').alias('s'), F.avg('v').alias('a'), F.count('v').alias('n'), F.sum('l').alias('sl'));

const expectedSpecial = [
  ['plain', 3.75, 1.875, 2, 3],
  ['all null', null, null, 0, null],
  ['nan', NaN, NaN, 3, 8],
  ['inf - inf', NaN, NaN, 3, 9],
  ['+inf', Infinity, Infinity, 2, 12],
  ['-inf', -Infinity, -Infinity, 2, 10],
  ['-0', 0, 0, 1, 12],
  ['-0 -0', 0, 0, 2, 14],
  ['-0 alone', 0, 0, 1, 9],
  ['overflow', Infinity, Infinity, 3, 24],
];

describe('polars backend: sums keep Spark semantics on both paths', () => {
  for (const [label, maxRows] of [
    ['sequential', undefined],
    ['native', '10'],
  ] as const) {
    it(`${label}: null without values, NaN, +Infinity plus -Infinity, -0.0, overflow`, () => {
      const { pol, mem, explain } = onBoth(special, maxRows);
      expect(explain.includes('cum_sum')).toBe(label === 'sequential');
      expect(pol).toStrictEqual(expectedSpecial);
      expect(mem).toStrictEqual(expectedSpecial);
      // toStrictEqual tells -0 from 0 only through Object.is: check explicitly.
      for (const row of pol.filter((r) => String(r[0]).startsWith('-0'))) {
        expect(Object.is(row[1], 0) && Object.is(row[2], 0)).toBe(true);
      }
    });

    it(`${label}: a global aggregate of no rows is null (count 0), and windows of all-null partitions are null`, () => {
      const empty = (spark: SparkSession): DataFrame =>
        special(spark).filter(F.col('g').eqNullSafe('none')).agg(F.sum('s').alias('s'), F.avg('s').alias('a'), F.count('s').alias('n'));
      // The filter sits above the aggregate, so the input still has every row.
      const r = onBoth(empty, maxRows);
      expect(r.pol).toStrictEqual([[null, null, 0]]);
      expect(r.mem).toStrictEqual([[null, null, 0]]);
      const emptyInput = (spark: SparkSession): DataFrame =>
        spark.createDataFrame(specialRows, 'g STRING, v DOUBLE, l LONG').filter(F.col('g').eqNullSafe('none')).agg(F.sum('v').alias('s'), F.avg('v').alias('a'), F.count('v').alias('n'));
      expect(onBoth(emptyInput, maxRows).pol).toStrictEqual([[null, null, 0]]);
      const win = (spark: SparkSession): DataFrame =>
        spark
          .createDataFrame(specialRows, 'g STRING, v DOUBLE, l LONG')
          .select('g', F.sum('v').over(Window.partitionBy('g')).alias('ws'), F.avg('v').over(Window.partitionBy('g')).alias('wa'));
      const w = onBoth(win, maxRows);
      expect(w.pol).toStrictEqual(w.mem);
      expect(w.pol.filter((x) => x[0] === 'all null')).toStrictEqual([
        ['all null', null, null],
        ['all null', null, null],
      ]);
      expect(w.pol.filter((x) => x[0] === 'inf - inf').every((x) => Number.isNaN(x[1]) && Number.isNaN(x[2]))).toBe(true);
    });
  }
});

describe('polars backend: the sequential-sum threshold conf', () => {
  it('rejects a value that is not a number of rows when an action runs', () => {
    polars.conf.set(KEY, 'lots');
    try {
      const df = grouped(polars);
      expect(() => df.collect()).toThrow(`${KEY} must be a number of rows, got 'lots'`);
    } finally {
      polars.conf.unset(KEY);
    }
    expect(grouped(polars).count()).toBe(7);
  });
});

describe('null-free aggregate arguments', () => {
  // v * q over data without nulls: the emptiness check needs only the group length.
  const rows = Array.from({ length: 500 }, (_, i) => ({ g: `g${i % 5}`, v: cents(i), q: (i % 9) + 1 }));
  const withNulls = rows.map((r, i) => (i % 50 === 0 ? { ...r, v: null } : r));
  const agg = (data: typeof rows | typeof withNulls) => (spark: SparkSession): DataFrame =>
    spark
      .createDataFrame(data, 'g STRING, v DOUBLE, q INT')
      .groupBy('g')
      .agg(F.sum(F.col('v').multiply(F.col('q'))).alias('s'), F.avg(F.col('v').plus(1)).alias('a'), F.count('v').alias('n'))
      .orderBy('g');

  it('count rows instead of non-null values when the data proves no null', () => {
    const { pol, mem, explain } = onBoth(agg(rows), '10');
    closeRows(pol, mem);
    expect(explain).toContain('len()');
    expect(explain).not.toContain('.count()');
  });

  it('keep the non-null count when a value is null', () => {
    const { pol, mem, explain } = onBoth(agg(withNulls), '10');
    closeRows(pol, mem);
    expect(explain).toContain('.count()');
  });

  it('keep the non-null count for division, which yields null on a zero divisor', () => {
    const build = (spark: SparkSession): DataFrame =>
      spark
        .createDataFrame(rows.map((r, i) => ({ ...r, q: i % 3 })), 'g STRING, v DOUBLE, q INT')
        .groupBy('g')
        .agg(F.sum(F.col('v').divide(F.col('q'))).alias('s'), F.count(F.col('v').divide(F.col('q'))).alias('n'))
        .orderBy('g');
    const { pol, mem, explain } = onBoth(build, '10');
    closeRows(pol, mem);
    expect(explain).toContain('.count()');
  });
});
