/**
 * Interval types and values: SQL literals, make_*_interval, datetime ±
 * interval, interval arithmetic and comparison, casts, extract, show() and
 * collect() (months / microseconds / CalendarInterval, docs/types.md). Names,
 * types and text as Spark 3.5.7 gives them.
 */
import { expect, it } from 'vitest';
import { CalendarInterval, DayTimeIntervalType, F, IllegalArgumentException, YearMonthIntervalType } from '../../src/index.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';
import { errorOf } from '../helpers/sql-errors.js';

const { col, lit } = F;

forEachBackend('intervals', (session, backend) => {
  type DF = ReturnType<ReturnType<typeof session>['sql']>;
  const schemaOf = (df: DF) => df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`);
  /** The cells of the first show() row. */
  const cells = (df: DF) => df.showString(20, 0).split('\n')[3]!.split('|').slice(1, -1).map((x) => x.trim());

  it('SQL literals: ANSI forms, multi-unit sums, their types and text', () => {
    const df = session().sql(
      "SELECT INTERVAL '1' DAY, INTERVAL 2 HOURS 30 MINUTES, INTERVAL '1-2' YEAR TO MONTH, INTERVAL '-1 02:03:04.5' DAY TO SECOND, INTERVAL 3 YEARS, INTERVAL 1 MICROSECOND, INTERVAL '100' HOUR, INTERVAL '1:30' MINUTE TO SECOND",
    );
    expect(schemaOf(df)).toEqual([
      "INTERVAL '1' DAY:interval day:false",
      "INTERVAL '02:30' HOUR TO MINUTE:interval hour to minute:false",
      "INTERVAL '1-2' YEAR TO MONTH:interval year to month:false",
      "INTERVAL '-1 02:03:04.5' DAY TO SECOND:interval day to second:false",
      "INTERVAL '3' YEAR:interval year:false",
      "INTERVAL '00.000001' SECOND:interval second:false",
      "INTERVAL '100' HOUR:interval hour:false",
      "INTERVAL '01:30' MINUTE TO SECOND:interval minute to second:false",
    ]);
    expect(cells(df)).toEqual(df.columns);
    // collect(): months for year-month, microseconds for day-time intervals.
    expect(df.collect()[0]!.toArray()).toEqual([86_400_000_000, 9_000_000_000, 14, -(86_400_000_000 + 7_384_500_000), 36, 1, 360_000_000_000, 90_000_000]);
    expect(df.schema.fields[2]!.dataType).toEqual(new YearMonthIntervalType(0, 1));
    expect(df.schema.fields[1]!.dataType).toEqual(new DayTimeIntervalType(1, 2));
  });

  it('year-month and day-time fields cannot be mixed in one literal', () => {
    expect(() => session().sql('SELECT INTERVAL 1 YEAR 2 MONTHS 3 DAYS')).toThrow('Cannot mix year-month and day-time fields: INTERVAL 1 YEAR 2 MONTHS 3 DAYS.');
  });

  it('make_interval, make_dt_interval and make_ym_interval name their defaults', () => {
    const df = session().sql('SELECT make_dt_interval(1, 2, 3, 4.5), make_ym_interval(1), make_dt_interval(), CAST(make_interval(1, 2, 3, 4, 5, 6, 7.5) AS STRING), typeof(make_interval(1))');
    expect(schemaOf(df)).toEqual([
      'make_dt_interval(1, 2, 3, 4.5):interval day to second:false',
      'make_ym_interval(1, 0):interval year to month:false',
      'make_dt_interval(0, 0, 0, 0.000000):interval day to second:false',
      'CAST(make_interval(1, 2, 3, 4, 5, 6, 7.5) AS STRING):string:true',
      'typeof(make_interval(1, 0, 0, 0, 0, 0, 0.000000)):string:false',
    ]);
    expect(cells(df)).toEqual(["INTERVAL '1 02:03:04.5' DAY TO SECOND", "INTERVAL '1-0' YEAR TO MONTH", "INTERVAL '0 00:00:00' DAY TO SECOND", '1 years 2 months 25 days 5 hours 6 minutes 7.5 seconds', 'interval']);
  });

  it('make_ym_interval / make_dt_interval overflow: integer overflow / long overflow, the extremes exact', () => {
    const spark = session();
    const df = spark.sql(
      'SELECT make_ym_interval(178956970, 7), make_dt_interval(106751991, 4, 0, 54.775807), make_dt_interval(0, 2147483647, 2147483647, 99999999999.999999)',
    );
    expect(cells(df)).toEqual(["INTERVAL '178956970-7' YEAR TO MONTH", "INTERVAL '106751991 04:00:54.775807' DAY TO SECOND", "INTERVAL '92127200 18:53:39.999999' DAY TO SECOND"]);
    for (const [q, message] of [
      ['SELECT make_ym_interval(178956970, 8)', 'integer overflow'],
      ['SELECT make_ym_interval(-178956970, -9)', 'integer overflow'],
      ['SELECT make_dt_interval(2147483647)', 'long overflow'],
      ['SELECT make_dt_interval(106751991, 4, 0, 54.775808)', 'long overflow'],
    ] as const) {
      const e = errorOf(() => spark.sql(q).collect(), q);
      expect(e.name, q).toBe('ArithmeticException');
      expect(e.message, q).toContain(message);
    }
  });

  it('datetime ± interval, date − date, timestamp − timestamp (SQL names after analysis)', () => {
    const df = session().sql(
      "SELECT DATE '2020-01-31' + INTERVAL '1' DAY, DATE '2020-01-31' - INTERVAL '1' MONTH, DATE '2020-01-31' + INTERVAL '1 02' DAY TO HOUR, DATE '2020-03-01' - DATE '2020-01-31', INTERVAL 1 DAY + DATE '2020-01-01', DATE '2020-01-31' + make_interval(0, 1, 0, 1)",
    );
    expect(schemaOf(df)).toEqual([
      "date_add(DATE '2020-01-31', extractansiintervaldays(INTERVAL '1' DAY)):date:false",
      "DATE '2020-01-31' - INTERVAL '1' MONTH:date:false",
      "DATE '2020-01-31' + INTERVAL '1 02' DAY TO HOUR:timestamp:false",
      "(DATE '2020-03-01' - DATE '2020-01-31'):interval day:false",
      "date_add(DATE '2020-01-01', extractansiintervaldays(INTERVAL '1' DAY)):date:false",
      "DATE '2020-01-31' + make_interval(0, 1, 0, 1, 0, 0, 0.000000):date:true",
    ]);
    expect(cells(df)).toEqual(['2020-02-01', '2019-12-31', '2020-02-01 02:00:00', "INTERVAL '30' DAY", '2020-01-02', '2020-03-01']);
    const ts = session().sql(
      "SELECT t + INTERVAL '1-1' YEAR TO MONTH AS a, t - INTERVAL '1 02:00:00' DAY TO SECOND AS b, TIMESTAMP '2020-03-01 00:00:00' - t AS c, t + make_interval(0, 1, 0, 1, 2) AS d FROM VALUES (TIMESTAMP '2020-01-31 01:00:00') AS v(t)",
    );
    expect(ts.schema.fields.map((f) => f.dataType.simpleString())).toEqual(['timestamp', 'timestamp', 'interval day to second', 'timestamp']);
    expect(cells(ts)).toEqual(['2021-02-28 01:00:00', '2020-01-29 23:00:00', "INTERVAL '29 23:00:00' DAY TO SECOND", '2020-03-01 03:00:00']);
  });

  it('interval arithmetic and comparison', () => {
    const df = session().sql(
      "SELECT INTERVAL '1' DAY + INTERVAL '2' HOUR, INTERVAL '1' YEAR - INTERVAL '2' MONTH, 3 * INTERVAL '1' DAY, INTERVAL '-5' MONTH / 2, INTERVAL '1' SECOND / 3, -INTERVAL '1' DAY, INTERVAL '1' DAY > INTERVAL '23' HOUR, INTERVAL '1' DAY = INTERVAL '24' HOUR",
    );
    expect(schemaOf(df)).toEqual([
      "(INTERVAL '1' DAY + INTERVAL '02' HOUR):interval day to hour:false",
      "(INTERVAL '1' YEAR - INTERVAL '2' MONTH):interval year to month:false",
      "(INTERVAL '1' DAY * 3):interval day to second:false",
      "(INTERVAL '-5' MONTH / 2):interval year to month:false",
      "(INTERVAL '01' SECOND / 3):interval day to second:false",
      "(- INTERVAL '1' DAY):interval day:false",
      "(INTERVAL '1' DAY > INTERVAL '23' HOUR):boolean:false",
      "(INTERVAL '1' DAY = INTERVAL '24' HOUR):boolean:false",
    ]);
    expect(cells(df)).toEqual([
      "INTERVAL '1 02' DAY TO HOUR",
      "INTERVAL '0-10' YEAR TO MONTH",
      "INTERVAL '3 00:00:00' DAY TO SECOND",
      "INTERVAL '-0-3' YEAR TO MONTH",
      "INTERVAL '0 00:00:00.333333' DAY TO SECOND",
      "INTERVAL '-1' DAY",
      'true',
      'true',
    ]);
    expect(() => session().sql("SELECT INTERVAL '1' DAY / 0").collect()).toThrow('[INTERVAL_DIVIDED_BY_ZERO] Division by zero.');
  });

  it('casts between strings and intervals', () => {
    const df = session().sql(
      "SELECT CAST('1 02:03:04' AS INTERVAL DAY TO SECOND), CAST(INTERVAL '1-5' YEAR TO MONTH AS INTERVAL YEAR), CAST(INTERVAL '1 02:03:04' DAY TO SECOND AS INTERVAL DAY TO HOUR), CAST(INTERVAL '3' MONTH AS STRING)",
    );
    expect(df.schema.fields.map((f) => f.dataType.simpleString())).toEqual(['interval day to second', 'interval year', 'interval day to hour', 'string']);
    expect(cells(df)).toEqual(["INTERVAL '1 02:03:04' DAY TO SECOND", "INTERVAL '1' YEAR", "INTERVAL '1 02' DAY TO HOUR", "INTERVAL '3' MONTH"]);
    const bad = () => session().sql("SELECT CAST('abc' AS INTERVAL DAY)").collect();
    expect(bad).toThrow('Interval string does not match day-time format of `[+|-]d`, `INTERVAL [+|-]\'[+|-]d\' DAY` when cast to interval day: abc');
    if (backend !== 'connect') expect(bad).toThrow(IllegalArgumentException);
  });

  it('extract of interval fields', () => {
    const df = session().sql(
      "SELECT extract(month FROM INTERVAL '1-2' YEAR TO MONTH), extract(hour FROM INTERVAL '1 02:03:04.5' DAY TO SECOND), extract(second FROM INTERVAL '-1 02:03:04.5' DAY TO SECOND), extract(hour FROM INTERVAL '30' HOUR), extract(year FROM make_interval(1, 14))",
    );
    expect(df.schema.fields.map((f) => f.dataType.simpleString())).toEqual(['tinyint', 'tinyint', 'decimal(8,6)', 'tinyint', 'int']);
    expect(df.collect()[0]!.toArray()).toEqual([2, 2, '-4.500000', 6, 2]);
    expect(() => analyzed(session().sql("SELECT extract(day FROM INTERVAL '30' HOUR)"))).toThrow('[INVALID_EXTRACT_FIELD] Cannot extract `day` from "INTERVAL \'30\' HOUR".');
  });

  it('DataFrame API: interval columns from F.expr and the make_* functions, named as written', () => {
    const base = session().createDataFrame([{ d: new Date('2020-01-31T00:00:00Z'), n: 2 }], 'd DATE NOT NULL, n INT NOT NULL');
    const df = base.select(
      col('d').plus(F.expr("INTERVAL '1' MONTH")),
      F.make_ym_interval(lit(1), 'n'),
      F.make_dt_interval('n'),
      F.expr("INTERVAL '2' DAY * n"),
    );
    // Spark Connect names columns after analysis (Spark's `d + INTERVAL ...` without parentheses); omitted parts are PySpark's lit(0) / lit(Decimal(0)).
    const plusName = backend === 'connect' ? "d + INTERVAL '1' MONTH" : "(d + INTERVAL '1' MONTH)";
    expect(df.columns).toEqual([plusName, 'make_ym_interval(1, n)', 'make_dt_interval(n, 0, 0, 0)', "(INTERVAL '2' DAY * n)"]);
    const row = df.collect()[0]!.toArray();
    expect((row[0] as Date).toISOString().slice(0, 10)).toBe('2020-02-29');
    expect(row.slice(1)).toEqual([14, 2 * 86_400_000_000, 4 * 86_400_000_000]);
    const cal = base.select(F.make_interval(lit(1), null, lit(2)));
    expect(cal.columns).toEqual(['make_interval(1, 0, 2, 0, 0, 0, 0)']);
    // Spark Connect 3.5 cannot send calendar intervals in Arrow results (its own "Unsupported data type" error).
    if (backend === 'connect') expect(() => cal.collect()).toThrow('Unsupported data type "INTERVAL"');
    else expect(cal.collect()[0]!.toArray()).toEqual([new CalendarInterval(12, 14, 0)]);
  });
});
