/**
 * CAST(timestamp AS STRING) on Polars for timestamps beyond chrono's calendar (years past
 * ±262143), which a long of microseconds still holds. Polars used to panic (printing
 * "invalid or out-of-range datetime" to stderr) and the query failed; Spark formats them.
 * Expected values are Spark 3.5.7's answers.
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
