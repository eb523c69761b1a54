/**
 * sequence over dates and timestamps with an interval step (year-month,
 * day-time, calendar from make_interval): values, element types and Spark's
 * errors for a step going the wrong way or finer than a day over dates.
 * Expectations recorded from Spark 3.5.7 (session time zone UTC).
 */
import { expect, it } from 'vitest';
import { IllegalArgumentException } from '../../src/errors/index.js';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';

const SLOW = 30_000;
/** One row of `sequence` results cast to Spark's string form. */
const seqs = (spark: SparkSession, ...exprs: string[]): unknown[] =>
  [...spark.sql(`SELECT ${exprs.map((e, i) => `CAST(${e} AS STRING) c${i}`).join(', ')}`).first()!];

function failure(spark: SparkSession, expr: string): Error {
  try {
    spark.sql(`SELECT ${expr}`).collect();
  } catch (e) {
    return e as Error;
  }
  throw new Error(`expected ${expr} to fail`);
}

forEachBackend('sequence with an interval step', (session) => {
  it('dates step by months (start + i * step on the calendar), days and fractions of days', () => {
    const spark = session();
    expect(
      seqs(
        spark,
        "sequence(DATE'2018-01-01', DATE'2018-03-01', INTERVAL 1 MONTH)",
        "sequence(DATE'2018-03-01', DATE'2018-01-01', INTERVAL -1 MONTH)",
        "sequence(DATE'2018-01-31', DATE'2018-05-01', INTERVAL 1 MONTH)",
        "sequence(DATE'2018-01-01', DATE'2018-01-10', INTERVAL 3 DAY)",
        "sequence(DATE'2018-01-01', DATE'2018-01-06', INTERVAL '1 12' DAY TO HOUR)",
        "sequence(DATE'2018-01-06', DATE'2018-01-01', INTERVAL '-1 12' DAY TO HOUR)",
        "sequence(DATE'2018-01-01', DATE'2018-01-06', make_interval(0, 0, 0, 1, 12))",
      ),
    ).toEqual([
      '[2018-01-01, 2018-02-01, 2018-03-01]',
      '[2018-03-01, 2018-02-01, 2018-01-01]',
      '[2018-01-31, 2018-02-28, 2018-03-31, 2018-04-30]',
      '[2018-01-01, 2018-01-04, 2018-01-07, 2018-01-10]',
      '[2018-01-01, 2018-01-02, 2018-01-04, 2018-01-05]',
      '[2018-01-06, 2018-01-04, 2018-01-03, 2018-01-01]',
      '[2018-01-01, 2018-01-02, 2018-01-04, 2018-01-05]',
    ]);
    const df = spark.sql("SELECT sequence(DATE'2018-01-01', DATE'2018-03-01', INTERVAL 1 MONTH) a, sequence(DATE'2018-01-01', DATE'2018-01-06', make_interval(0, 0, 0, 1)) b");
    expect(df.schema.simpleString()).toBe('struct<a:array<date>,b:array<date>>');
    expect(df.schema.fields.map((f) => f.nullable)).toEqual([false, true]);
  }, SLOW);

  it('timestamps and timestamp_ntz step by day-time, year-month and calendar intervals', () => {
    const spark = session();
    expect(
      seqs(
        spark,
        "sequence(TIMESTAMP'2018-01-01 10:00:00', TIMESTAMP'2018-01-01 12:30:00', INTERVAL 1 HOUR)",
        "sequence(TIMESTAMP_NTZ'2018-01-01 00:00:00', TIMESTAMP_NTZ'2018-03-01 00:00:00', INTERVAL '1' MONTH)",
        "sequence(TIMESTAMP'2018-01-01 00:00:00', TIMESTAMP'2018-01-03 00:00:00', INTERVAL '1 12' DAY TO HOUR)",
        "sequence(TIMESTAMP'2018-01-01 00:00:00', TIMESTAMP'2018-01-01 00:00:00', INTERVAL 0 HOUR)",
        "sequence(TIMESTAMP'2018-01-31 10:00:00', TIMESTAMP'2018-04-30 10:00:00', make_interval(0, 1, 0, 0, 1))",
      ),
    ).toEqual([
      '[2018-01-01 10:00:00, 2018-01-01 11:00:00, 2018-01-01 12:00:00]',
      '[2018-01-01 00:00:00, 2018-02-01 00:00:00, 2018-03-01 00:00:00]',
      '[2018-01-01 00:00:00, 2018-01-02 12:00:00]',
      '[2018-01-01 00:00:00]',
      '[2018-01-31 10:00:00, 2018-02-28 11:00:00, 2018-03-31 12:00:00]',
    ]);
    const df = spark.sql("SELECT sequence(TIMESTAMP_NTZ'2018-01-01 00:00:00', TIMESTAMP_NTZ'2018-03-01 00:00:00', INTERVAL '1' MONTH) a");
    expect(df.schema.simpleString()).toBe('struct<a:array<timestamp_ntz>>');
  }, SLOW);

  it("a step going away from stop fails with Spark's boundaries message (days, micros, months or the interval)", () => {
    const spark = session();
    const cases: [string, string][] = [
      ["sequence(DATE'2018-01-01', DATE'2018-03-01', INTERVAL -1 MONTH)", '1514764800000000 to 1519862400000000 by -1'],
      ["sequence(DATE'2018-03-01', DATE'2018-01-01', INTERVAL 2 DAY)", '17591 to 17532 by 2'],
      ["sequence(DATE'2018-01-01', DATE'2018-01-06', INTERVAL '-1 12' DAY TO HOUR)", '1514764800000000 to 1515196800000000 by -129600000000'],
      ["sequence(DATE'2018-03-01', DATE'2018-01-01', make_interval(0, 1))", '1519862400000000 to 1514764800000000 by 1 months'],
      ["sequence(TIMESTAMP'2018-01-02 00:00:00', TIMESTAMP'2018-01-01 00:00:00', INTERVAL 1 HOUR)", '1514851200000000 to 1514764800000000 by 3600000000'],
      ["sequence(TIMESTAMP'2018-03-01 00:00:00', TIMESTAMP'2018-01-01 00:00:00', INTERVAL 1 MONTH)", '1519862400000000 to 1514764800000000 by 1'],
      ["sequence(TIMESTAMP'2018-03-01 00:00:00', TIMESTAMP'2018-01-01 00:00:00', make_interval(0, 1, 0, 1))", '1519862400000000 to 1514764800000000 by 1 months 1 days'],
      ["sequence(TIMESTAMP'2018-01-01 00:00:00', TIMESTAMP'2018-01-01 01:00:00', INTERVAL 0 HOUR)", '1514764800000000 to 1514768400000000 by 0'],
    ];
    for (const [expr, bounds] of cases) {
      const e = failure(spark, expr);
      expect(e, expr).toBeInstanceOf(IllegalArgumentException);
      expect(e.message, expr).toContain(`requirement failed: Illegal sequence boundaries: ${bounds}`);
    }
  }, SLOW);

  it('over dates, a step without whole days fails as in Spark', () => {
    const spark = session();
    const cases: [string, string][] = [
      ["sequence(DATE'2018-01-01', DATE'2018-01-02', INTERVAL 12 HOUR)", 'an interval day to second'],
      ["sequence(DATE'2018-01-01', DATE'2018-01-03', INTERVAL 0 DAY)", 'an interval day to second'],
      ["sequence(DATE'2018-01-01', DATE'2018-01-03', INTERVAL 0 MONTH)", 'an interval year to month'],
      ["sequence(DATE'2018-01-01', DATE'2018-01-02', make_interval(0, 0, 0, 0, 12))", 'an interval'],
    ];
    for (const [expr, kind] of cases) {
      const e = failure(spark, expr);
      expect(e, expr).toBeInstanceOf(IllegalArgumentException);
      expect(e.message, expr).toContain(`sequence step must be ${kind} of day granularity if start and end values are dates`);
    }
    expect(() => spark.sql("SELECT sequence(DATE'2018-01-01', DATE'2018-01-03', 1)")).toThrow('SEQUENCE_WRONG_INPUT_TYPES');
  }, SLOW);
});
