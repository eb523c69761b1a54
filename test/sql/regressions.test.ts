/**
 * Small SQL bugs the golden files and first users exposed, each checked
 * against Spark 3.5.7 on every backend (memory and Polars must agree).
 */
import { expect, it } from 'vitest';
import { ArithmeticException } from '../../src/errors/index.js';
import type { SparkSession } from '../../src/session/session.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

const SLOW = 30_000;
const rows = (spark: SparkSession, sql: string): unknown[][] => spark.sql(sql).collect().map((r) => [...r]);

function errorOf(f: () => unknown): { errorClass?: string; message?: string } | undefined {
  try {
    f();
  } catch (e) {
    return e as { errorClass?: string; message?: string };
  }
  return undefined;
}

forEachBackend('SQL regressions', (session) => {
  it('count(DISTINCT literal) counts one value in a non-empty group, none in an empty one', () => {
    const spark = session();
    const df = spark.sql('SELECT count(DISTINCT 1), count(DISTINCT 1) FILTER (WHERE false), count(DISTINCT NULL) FROM VALUES (1), (2), (2) t(a)');
    expect(df.columns).toEqual(['count(DISTINCT 1)', 'count(DISTINCT 1) FILTER (WHERE false)', 'count(DISTINCT NULL)']);
    expect(df.collect().map((r) => [...r])).toEqual([[1, 0, 0]]);
    expect(rows(spark, 'SELECT a, count(DISTINCT 1) FROM VALUES (1), (2), (2) t(a) GROUP BY a ORDER BY a')).toEqual([
      [1, 1],
      [2, 1],
    ]);
  }, SLOW);

  it('array<array<int>> values are built, read back and indexed twice', () => {
    const spark = session();
    const df = spark.sql('SELECT c, c[0][1], c[1][0] + c[0][0] FROM VALUES (array(array(1, 2), array(3))) AS t(c)');
    expect(df.schema.fields.map((f) => f.dataType.simpleString())).toEqual(['array<array<int>>', 'int', 'int']);
    expect(df.collect().map((r) => [...r])).toEqual([[[[1, 2], [3]], 2, 4]]);
    expect(rows(spark, 'SELECT array(array(1), array(2, NULL)), array(map(1, 2))').map((r) => [r[0], (r[1] as Map<unknown, unknown>[])[0]!.get(1)])).toEqual([
      [[[1], [2, null]], 2],
    ]);
  }, SLOW);

  it('corr over a constant side is NULL (Spark divides by zero as NULL), also over a window', () => {
    const spark = session();
    expect(rows(spark, 'SELECT corr(a, b), covar_samp(a, b), corr(b, b) FROM VALUES (1, 1), (1, 2) t(a, b)')).toEqual([[null, 0, 1]]);
    expect(rows(spark, 'SELECT corr(a, b) OVER () FROM VALUES (1, 1), (1, 2) t(a, b)')).toEqual([[null], [null]]);
  }, SLOW);

  it('avg and sum of NULL over windows are NULL', () => {
    const spark = session();
    expect(rows(spark, 'SELECT a, avg(NULL) OVER (ORDER BY a), sum(NULL) OVER (), avg(CAST(NULL AS INT)) OVER (PARTITION BY a) FROM VALUES (1), (2) t(a) ORDER BY a')).toEqual([
      [1, null, null, null],
      [2, null, null, null],
    ]);
  }, SLOW);

  it("rejects what Spark's type checks reject: string or double DIV, greatest/least over mixed types, date_add with a non-int day count", () => {
    const spark = session();
    const err = (q: string) => errorOf(() => analyzed(spark.sql(q)));
    expect(err("SELECT '7' div 2")?.errorClass).toBe('DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES');
    expect(err('SELECT 7.5D div 2')?.message).toContain('("DOUBLE" and "BIGINT")');
    expect(err("SELECT '7' div '2'")?.errorClass).toBe('DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE');
    expect(err("SELECT greatest(1, '2')")?.errorClass).toBe('DATATYPE_MISMATCH.DATA_DIFF_TYPES');
    expect(err("SELECT least(1, DATE'2020-01-01')")?.errorClass).toBe('DATATYPE_MISMATCH.DATA_DIFF_TYPES');
    expect(err("SELECT date_sub('2020-01-05', 1L)")?.errorClass).toBe('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE');
    expect(err("SELECT date_add(DATE'2020-01-01', 1.5)")?.errorClass).toBe('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE');
    // sort_array's order is a boolean literal: no cast from 'false' or 1, no column
    expect(err("SELECT sort_array(array(2, 1), 'false')")?.errorClass).toBe('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE');
    expect(err('SELECT sort_array(array(2, 1), 1)')?.errorClass).toBe('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE');
    expect(err('SELECT sort_array(array(2, 1), b) FROM VALUES (true) t(b)')?.errorClass).toBe('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE');
    expect(rows(spark, 'SELECT sort_array(array(2, 1, 3), false)')).toEqual([[[3, 2, 1]]]);
  }, SLOW);

  it('DIV truncates toward zero to a bigint over integral and decimal operands; a zero divisor gives NULL', () => {
    const spark = session();
    const df = spark.sql('SELECT 7 div 2, -7 div 2, 7.5 div 2, 7 div 0, CAST(9 AS TINYINT) div 2L, NULL div 2');
    expect(df.columns).toEqual(['(7 div 2)', '(-7 div 2)', '(7.5 div 2)', '(7 div 0)', '(CAST(9 AS TINYINT) div 2)', '(NULL div 2)']);
    expect(df.schema.fields.map((f) => f.dataType.simpleString())).toEqual(['bigint', 'bigint', 'bigint', 'bigint', 'bigint', 'bigint']);
    expect(df.collect().map((r) => [...r])).toEqual([[3, -3, 3, null, 4, null]]);
    // The function form is the same IntegralDivide, named as the operator.
    const fn = spark.sql('SELECT div(7, 2), div(-7L, 2), div(id, 2) FROM range(1)');
    expect(fn.columns).toEqual(['(7 div 2)', '(-7 div 2)', '(id div 2)']);
    expect(fn.collect().map((r) => [...r])).toEqual([[3, -3, 0]]);
  }, SLOW);

  it('greatest/least widen numeric types; date_add takes a date string and a string day count', () => {
    const spark = session();
    const df = spark.sql("SELECT least(1, 2.5), greatest(1L, 2.5D), date_add('2020-01-01', 1), date_add(DATE'2020-01-01', '2')");
    expect(df.schema.fields.map((f) => f.dataType.simpleString())).toEqual(['decimal(11,1)', 'double', 'date', 'date']);
    expect(df.collect().map((r) => [...r].map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v))))).toEqual([['1.0', '2.5', '2020-01-02', '2020-01-03']]);
  }, SLOW);

  it('spark.sql.ansi.enabled=true is never ignored: every engine raises ANSI errors, and unsetting it restores NULL', () => {
    const spark = session();
    spark.conf.set('spark.sql.ansi.enabled', 'true');
    const e = errorOf(() => spark.sql('SELECT 1 / 0').collect());
    expect(e).toBeInstanceOf(ArithmeticException);
    expect(e?.errorClass).toBe('DIVIDE_BY_ZERO');
    spark.conf.set('spark.sql.ansi.enabled', 'false');
    expect(rows(spark, 'SELECT 1 / 0')).toEqual([[null]]);
  }, SLOW);
});
