/**
 * Timestamps beyond chrono's calendar (years past ±262143), which a long of microseconds still
 * holds: casts to text, dates and wall clocks, parts, date_format and date_trunc. Polars used to
 * panic (printing "invalid or out-of-range datetime" to stderr) and the query failed, the
 * interpreter failed with "Invalid time value" in zones with DST; Spark answers, or fails with
 * "long overflow" where a result leaves the long range. Expected values are Spark 3.5.7's answers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { F, SparkSession } from '../../../src/index.js';

let spark: SparkSession | undefined;
afterEach(() => {
  spark?.stop();
  spark = undefined;
});

/** Seconds cast to timestamps (saturating at the long range of µs, as Spark), natively on Polars. */
function seconds(timeZone: string, values: readonly (bigint | null)[]) {
  spark = new SparkSession('far-timestamps', { backendType: 'polars', conf: { 'spark.sql.session.timeZone': timeZone } });
  return spark.createDataFrame(values.map((x) => ({ x })), 'x bigint').select(F.col('x').cast('timestamp').alias('ts'));
}

const LONG_MIN = -9223372036854775808n;
const LONG_MAX = 9223372036854775807n;
const texts = (rows: readonly { asDict(): Record<string, unknown> }[]): unknown[] => rows.map((r) => r.asDict().t);

describe('polars backend: timestamps beyond chrono’s calendar', () => {
  it('formats them as Spark does in UTC, next to near values (timestamp and timestamp_ntz)', () => {
    const df = seconds('UTC', [LONG_MIN, LONG_MAX, -7223356484855n, 8223372036854n, -62198755200n, 1n]);
    const expected = [
      '-290308-12-21 19:59:05.224192',
      '+294247-01-10 04:00:54.775807',
      '-226930-12-11 23:32:25',
      '+262558-04-15 02:14:14',
      '-0001-01-01 00:00:00',
      '1970-01-01 00:00:01',
    ];
    expect(texts(df.select(F.col('ts').cast('string').alias('t')).collect())).toEqual(expected);
    expect(texts(df.select(F.col('ts').cast('timestamp_ntz').cast('string').alias('t')).collect())).toEqual(expected);
  });

  it('applies the session zone: local mean time in the far past, the last rules in the far future', () => {
    const df = seconds('America/New_York', [LONG_MIN, LONG_MAX, -7223356484855n, -62135596800n, null]);
    expect(texts(df.select(F.col('ts').cast('string').alias('t')).collect())).toEqual([
      '-290308-12-21 15:03:03.224192',
      '+294247-01-09 23:00:54.775807',
      '-226930-12-11 18:36:23',
      '0000-12-31 19:03:58',
      null,
    ]);
  });

  it('reads date and time parts of them as Spark does (Polars gave NULL or panicked)', () => {
    const parts = (timeZone: string) => {
      const df = seconds(timeZone, [LONG_MIN, LONG_MAX, 1n, null]);
      const ts = F.col('ts');
      const cols = [F.year(ts), F.month(ts), F.dayofmonth(ts), F.dayofweek(ts), F.dayofyear(ts), F.weekofyear(ts), F.quarter(ts), F.hour(ts), F.minute(ts), F.second(ts)];
      return df.select(...cols.map((c, i) => c.alias(`p${i}`))).collect().map((r) => Object.values(r.asDict()));
    };
    const none = Array(10).fill(null);
    expect(parts('UTC')).toEqual([[-290308, 12, 21, 1, 356, 51, 4, 19, 59, 5], [294247, 1, 10, 1, 10, 1, 1, 4, 0, 54], [1970, 1, 1, 5, 1, 1, 1, 0, 0, 1], none]);
    spark?.stop();
    expect(parts('America/New_York')).toEqual([
      [-290308, 12, 21, 1, 356, 51, 4, 15, 3, 3],
      [294247, 1, 9, 7, 9, 1, 1, 23, 0, 54],
      [1969, 12, 31, 4, 365, 1, 4, 19, 0, 1],
      none,
    ]);
  });
});

/** The same timestamps on either local backend. */
function secondsOn(backendType: 'memory' | 'polars', timeZone: string, values: readonly (bigint | null)[]) {
  spark = new SparkSession('far-timestamps', { backendType, conf: { 'spark.sql.session.timeZone': timeZone } });
  return spark.createDataFrame(values.map((x) => ({ x })), 'x bigint').select(F.col('x').cast('timestamp').alias('ts'));
}

const errorOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  return 'no error';
};

// Spark 3.5.7's answers (session zone as in each test).
const SPARK_OVERFLOW = 'ArithmeticException: long overflow';
/** CAST(CAST(ts AS DATE) AS STRING) in UTC for Long.MIN, Long.MAX µs, -7223356484855 s, 1 s, NULL; then in New York for Long.MIN, Long.MAX, 1 s. */
const SPARK_DATES_UTC = ['-290308-12-21', '+294247-01-10', '-226930-12-11', '1970-01-01', null];
const SPARK_DATES_NY = ['-290308-12-21', '+294247-01-09', '1969-12-31'];
/** date_format with yyyy|y|yy|yyy|yyyy G for Long.MIN, Long.MAX µs and the starts of years -1, 0 and 1 (UTC). */
const SPARK_YEARS = [
  '-290308|-290308|08|-290308|+290309 BC',
  '+294247|294247|47|294247|+294247 AD',
  '-0001|-1|01|-001|0002 BC',
  '0000|0|00|000|0001 BC',
  '0001|1|01|001|0001 AD',
];
/** New York: CAST(CAST(ts AS TIMESTAMP_NTZ) AS STRING)|CAST(CAST(CAST(ts AS TIMESTAMP_NTZ) AS TIMESTAMP) AS STRING)|CAST(CAST(ts AS DATE) AS STRING). */
const SPARK_WALLS_NY = [
  '+294247-01-09 23:00:54.775807|+294247-01-09 23:00:54.775807|+294247-01-09',
  '-226930-12-11 18:36:23|-226930-12-11 18:36:23|-226930-12-11',
  '1969-12-31 19:00:01|1969-12-31 19:00:01|1969-12-31',
];

describe.each(['memory', 'polars'] as const)('%s backend: timestamps at the ends of the long range', (backend) => {
  it('casts them to dates and dates to text (Polars panicked: "out-of-range date")', () => {
    const asText = (tz: string, values: readonly (bigint | null)[]) =>
      texts(secondsOn(backend, tz, values).select(F.col('ts').cast('date').cast('string').alias('t')).collect());
    expect(asText('UTC', [LONG_MIN, LONG_MAX, -7223356484855n, 1n, null])).toEqual(SPARK_DATES_UTC);
    spark?.stop();
    expect(asText('America/New_York', [LONG_MIN, LONG_MAX, 1n])).toEqual(SPARK_DATES_NY);
  });

  it('formats their year as Spark (y is the signed proleptic year without an era field)', () => {
    const df = secondsOn(backend, 'UTC', [LONG_MIN, LONG_MAX, -62198755200n, -62167219200n, -62135596800n]);
    const t = F.col('ts');
    const row = F.concat_ws('|', F.date_format(t, 'yyyy'), F.date_format(t, 'y'), F.date_format(t, 'yy'), F.date_format(t, 'yyy'), F.date_format(t, 'yyyy G'));
    expect(texts(df.select(row.alias('t')).collect())).toEqual(SPARK_YEARS);
  });

  it('truncates them in a zone with DST (the interpreter failed: "Invalid time value"), failing below Long.MIN as Spark', () => {
    const t = F.col('ts');
    const row = F.concat_ws('|', F.date_trunc('DAY', t).cast('string'), F.date_trunc('HOUR', t).cast('string'), F.date_format(t, 'yyyy-MM-dd HH:mm'));
    expect(texts(secondsOn(backend, 'America/New_York', [LONG_MAX]).select(row.alias('t')).collect())).toEqual(['+294247-01-09 00:00:00|+294247-01-09 23:00:00|+294247-01-09 23:00']);
    spark?.stop();
    const min = secondsOn(backend, 'America/New_York', [LONG_MIN]);
    expect(texts(min.select(F.date_format(t, 'yyyy-MM-dd HH:mm').alias('t')).collect())).toEqual(['-290308-12-21 15:03']);
    expect(errorOf(() => min.select(F.date_trunc('HOUR', t)).collect())).toBe(SPARK_OVERFLOW);
    expect(errorOf(() => min.select(F.date_trunc('MINUTE', t)).collect())).toBe(SPARK_OVERFLOW);
  });

  it('fails with long overflow where the wall clock leaves the long range (Polars panicked)', () => {
    const ntz = (tz: string, x: bigint) => secondsOn(backend, tz, [x]).select(F.col('ts').cast('timestamp_ntz').alias('t'));
    expect(errorOf(() => ntz('America/New_York', LONG_MIN).collect())).toBe(SPARK_OVERFLOW);
    spark?.stop();
    expect(errorOf(() => ntz('Asia/Kolkata', LONG_MAX).collect())).toBe(SPARK_OVERFLOW);
    spark?.stop();
    // A CASE branch that is not taken does not fail.
    const df = secondsOn(backend, 'America/New_York', [LONG_MIN, 1n]);
    const guarded = F.when(F.col('ts').gt(F.lit('1900-01-01').cast('timestamp')), F.col('ts').cast('timestamp_ntz').cast('string'));
    expect(texts(df.select(guarded.alias('t')).collect())).toEqual([null, '1969-12-31 19:00:01']);
  });
});

describe('polars backend: far timestamps to and from wall clocks', () => {
  it('converts them exactly where the result is a long (Polars panicked)', () => {
    const df = seconds('America/New_York', [LONG_MAX, -7223356484855n, 1n]);
    const ntz = F.col('ts').cast('timestamp_ntz');
    const row = F.concat_ws('|', ntz.cast('string'), ntz.cast('timestamp').cast('string'), F.col('ts').cast('date').cast('string'));
    // Natively: the interpreter holds µs as doubles, inexact this far out.
    expect(texts(df.select(row.alias('t')).collect())).toEqual(SPARK_WALLS_NY);
  });
});
