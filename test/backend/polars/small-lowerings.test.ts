/**
 * Per-query shortcuts of the Polars lowering that must not change results:
 * integral literals cast to LONG/DOUBLE become literals of the target type,
 * and sequential double sums over arguments proved null-free skip drop_nulls.
 * Each query is checked against the memory backend (the reference).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { F, SparkSession, type DataFrame } from '../../../src/index.js';

const polars = new SparkSession('small-lowerings-polars', { backendType: 'polars' });
const memory = new SparkSession('small-lowerings-memory', { backendType: 'memory' });
afterAll(() => {
  polars.stop();
  memory.stop();
});

const rows = (df: DataFrame): unknown[][] => df.collect().map((r) => Object.values(r.asDict()));

/** The query's rows on both backends (which must agree) and its Polars plan. */
function onBoth(build: (spark: SparkSession) => DataFrame): { rows: unknown[][]; plan: string } {
  const df = build(polars);
  const pol = rows(df);
  expect(pol).toStrictEqual(rows(build(memory)));
  return { rows: pol, plan: df.explainString() };
}

const data = [
  [1, 'a', 12.5],
  [2, 'b', 9.0],
  [3, 'a', 10.0],
  [4, 'b', 30.25],
  [5, 'c', 10.5],
];

describe('polars backend: integral literals cast to LONG or DOUBLE', () => {
  it('compare against double columns with the literal as a double', () => {
    const { rows: r, plan } = onBoth((s) => s.createDataFrame(data, 'id LONG, g STRING, v DOUBLE').filter(F.col('v').gt(10)).select('id'));
    expect(r.map((x) => Number(x[0]))).toStrictEqual([1, 4, 5]);
    // 0.24's plan prints the literal as `(10.0)`, 0.26's as `10.0`.
    expect(plan).toMatch(/> \(?10\.0\)?/);
  });

  it('widen exactly, and long literals round to the nearest double (ties to even) as Spark does', () => {
    const { rows: r } = onBoth((s) =>
      s
        .createDataFrame([[1, 2.5]], 'id LONG, v DOUBLE')
        .select(
          F.col('id').plus(F.lit(7)).alias('long_plus_int'),
          F.col('v').plus(F.lit(3)).alias('double_plus_int'),
          F.lit(9007199254740993n).cast('double').alias('odd_above_2_53'),
          F.lit(9007199254740995n).cast('double').alias('tie_up_to_even'),
          F.lit(9223372036854775807n).cast('double').alias('max_long'),
          F.lit(-2147483648).cast('double').alias('min_int'),
          F.lit(-2147483648).cast('long').alias('min_int_long'),
          F.lit(null).cast('int').cast('double').alias('null_int'),
        ),
    );
    expect(r[0]!.slice(1)).toStrictEqual([5.5, 9007199254740992, 9007199254740996, 9223372036854775808, -2147483648, expect.anything(), null]);
    expect(Number(r[0]![0])).toBe(8);
    expect(Number(r[0]![6])).toBe(-2147483648);
  });
});

describe('polars backend: decimal literals cast to DOUBLE', () => {
  it('compare against double columns natively, as the nearest double (TPC-H Q6: BETWEEN 0.05 AND 0.07)', () => {
    const build = (s: SparkSession) => {
      s.createDataFrame([[1, 0.05], [2, 0.06], [3, 0.07], [4, 0.071], [5, 0.1]], 'id LONG, d DOUBLE').createOrReplaceTempView('t');
      return s.sql('SELECT id, CAST(0.1 AS DOUBLE) + 0.2 AS x, CAST(-123456789.987654321 AS DOUBLE) AS y FROM t WHERE d BETWEEN 0.05 AND 0.07');
    };
    const { rows: r, plan } = onBoth(build);
    expect(r.map((x) => Number(x[0]))).toStrictEqual([1, 2, 3]);
    // Spark 3.5: 0.30000000000000004 and -1.2345678998765433E8.
    expect(r[0]!.slice(1)).toStrictEqual([0.30000000000000004, -1.2345678998765433e8]);
    expect(plan).not.toContain('delegated');
  });
});

describe('polars backend: sequential sums over null-free arguments', () => {
  const grouped = (spark: SparkSession, input: unknown[][]): DataFrame =>
    spark
      .createDataFrame(input, 'id LONG, g STRING, v DOUBLE')
      .groupBy('g')
      .agg(F.sum('v').alias('s'), F.avg('v').alias('a'), F.count('v').alias('n'), F.sum(F.col('v').plus(F.col('id'))).alias('sp'))
      .orderBy('g');

  it('skip drop_nulls where the data has no nulls, with the same sums', () => {
    const { rows: r, plan } = onBoth((s) => grouped(s, data));
    expect(r.map((x) => x[1])).toStrictEqual([22.5, 39.25, 10.5]);
    expect(plan).toContain('cum_sum');
    expect(plan).not.toContain('drop_nulls');
  });

  it('keep drop_nulls where values may be null (nulls inside and at the end of groups, all-null groups)', () => {
    const withNulls = [...data, [6, 'a', null], [7, 'd', null], [8, 'b', null], [9, 'b', 1.0]];
    const { rows: r, plan } = onBoth((s) => grouped(s, withNulls));
    expect(r.map((x) => x[1])).toStrictEqual([22.5, 40.25, 10.5, null]);
    expect(plan).toContain('drop_nulls');
  });

  it('sum a null-free expression of a nullable column next to the column itself', () => {
    const withNulls = [...data, [6, 'a', null]];
    const { rows: r } = onBoth((s) =>
      s
        .createDataFrame(withNulls, 'id LONG, g STRING, v DOUBLE')
        .groupBy('g')
        .agg(F.sum(F.coalesce(F.col('v'), F.lit(0.0))).alias('s0'), F.sum('v').alias('s'))
        .orderBy('g'),
    );
    expect(r).toStrictEqual([
      ['a', 22.5, 22.5],
      ['b', 39.25, 39.25],
      ['c', 10.5, 10.5],
    ]);
  });
});
