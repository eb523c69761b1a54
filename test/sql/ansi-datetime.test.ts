/**
 * spark.sql.ansi.enabled=true for integral round/bround, the date/time
 * constructors and parsers, next_day and elt: where Spark without ANSI gives
 * NULL (or wraps), ANSI raises Spark 3.5.7's errors, checked against it.
 */
import { describe, expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { ansi, rows, sqlError } from '../helpers/sql-errors.js';

const SLOW = 30_000;
const BYPASS = 'If necessary set "spark.sql.ansi.enabled" to false to bypass this error.';
const CLASS_BYPASS = 'If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error.';


describe('ANSI mode: rounding, date/time constructors and parsers, elt', () => {
  forEachBackend('rounding integers', (session, backend) => {
    it('round/bround of integers raise ARITHMETIC_OVERFLOW when the result leaves the type', () => {
      const spark = ansi(session());
      for (const q of [
        'SELECT round(a, -1) FROM VALUES (CAST(127 AS TINYINT)) t(a)',
        'SELECT round(a, -1) FROM VALUES (CAST(32767 AS SMALLINT)) t(a)',
        'SELECT round(a, -1) FROM VALUES (2147483647) t(a)',
        'SELECT round(a, -19) FROM VALUES (9223372036854775807L) t(a)',
      ]) {
        const e = sqlError(spark, q);
        if (backend !== 'connect') expect(e.errorClass, q).toBe('ARITHMETIC_OVERFLOW');
        expect(e.name, q).toBe('ArithmeticException');
        expect(e.message, q).toContain(`[ARITHMETIC_OVERFLOW] Overflow. ${CLASS_BYPASS}`);
      }
      expect(rows(spark, 'SELECT round(a, -3), bround(b, -1) FROM VALUES (CAST(127 AS TINYINT), CAST(125 AS TINYINT)) t(a, b)')).toEqual([[0, 120]]);
      expect(rows(spark, 'SELECT round(a, -10), round(a, 2), bround(a, -1), round(b, -2) FROM VALUES (123, -2147483648) t(a, b)')).toEqual([[0, 123, 120, -2147483600]]);
      expect(rows(spark, 'SELECT round(a, -20) FROM VALUES (9223372036854775807L) t(a)').map((r) => r.map(Number))).toEqual([[0]]);
    }, SLOW);
  });

  forEachBackend('constructors', (session) => {
    it('make_date and make_timestamp* raise java.time\'s DateTimeException for out-of-range fields', () => {
      const spark = ansi(session());
      const cases: [string, string][] = [
        ['make_date(2020, a, 1) FROM VALUES (13) t(a)', 'Invalid value for MonthOfYear (valid values 1 - 12): 13'],
        ['make_date(2020, 2, a) FROM VALUES (30) t(a)', "Invalid date 'FEBRUARY 30'"],
        ['make_date(2021, 2, a) FROM VALUES (29) t(a)', "Invalid date 'February 29' as '2021' is not a leap year"],
        ['make_date(2021, 4, a) FROM VALUES (0) t(a)', 'Invalid value for DayOfMonth (valid values 1 - 28/31): 0'],
        ['make_date(a, 1, 1) FROM VALUES (1000000000) t(a)', 'Invalid value for Year (valid values -999999999 - 999999999): 1000000000'],
        ['make_timestamp(2020, 1, 1, a, 0, 0) FROM VALUES (25) t(a)', 'Invalid value for HourOfDay (valid values 0 - 23): 25'],
        ['make_timestamp(2020, 1, 1, 1, a, 0) FROM VALUES (60) t(a)', 'Invalid value for MinuteOfHour (valid values 0 - 59): 60'],
        ['make_timestamp(2020, 1, 1, 1, 0, a) FROM VALUES (61) t(a)', 'Invalid value for SecondOfMinute (valid values 0 - 59): 61'],
        ['make_timestamp(2020, 1, 1, 1, 0, a) FROM VALUES (CAST(-0.5 AS DECIMAL(16,6))) t(a)', 'Invalid value for SecondOfMinute (valid values 0 - 59): -1'],
        ['make_timestamp_ntz(2020, a, 1, 1, 0, 0) FROM VALUES (13) t(a)', 'Invalid value for MonthOfYear (valid values 1 - 12): 13'],
        ['make_timestamp_ltz(2020, 1, a, 1, 0, 0) FROM VALUES (32) t(a)', 'Invalid value for DayOfMonth (valid values 1 - 28/31): 32'],
      ];
      for (const [q, why] of cases) {
        const e = sqlError(spark, `SELECT ${q}`);
        expect(e.name, q).toBe('DateTimeException');
        expect(e.message, q).toBe(`${why}. ${BYPASS}`);
      }
      const frac = sqlError(spark, 'SELECT make_timestamp(2020, 1, 1, 1, 0, a) FROM VALUES (CAST(60.5 AS DECIMAL(16,6))) t(a)');
      expect(frac.name).toBe('DateTimeException');
      expect(frac.message).toContain(`[INVALID_FRACTION_OF_SECOND] The fraction of sec must be zero. Valid range is [0, 60]. ${CLASS_BYPASS}`);
      expect(rows(spark, 'SELECT CAST(make_date(a, 1, 1) AS STRING), CAST(make_timestamp_ntz(2020, 1, 1, 1, 0, 60) AS STRING) FROM VALUES (2020) t(a)')).toEqual([['2020-01-01', '2020-01-01 01:01:00']]);
      expect(rows(spark, 'SELECT make_date(2020, 1, NULL), elt(NULL, \'x\')')).toEqual([[null, null]]);
    }, SLOW);
  });

  forEachBackend('parsers', (session) => {
    it('to_date / to_timestamp* without a pattern raise CAST_INVALID_INPUT, with one CANNOT_PARSE_TIMESTAMP', () => {
      const spark = ansi(session());
      for (const [fn, target] of [['to_date', 'DATE'], ['to_timestamp', 'TIMESTAMP'], ['to_timestamp_ntz', 'TIMESTAMP_NTZ']] as const) {
        const e = sqlError(spark, `SELECT ${fn}(s) FROM VALUES ('x') t(s)`);
        expect(e.name, fn).toBe('DateTimeException');
        expect(e.message, fn).toContain(`[CAST_INVALID_INPUT] The value 'x' of the type "STRING" cannot be cast to "${target}" because it is malformed.`);
      }
      const parse: [string, string][] = [
        ["to_timestamp(s, 'yyyy-MM-dd') FROM VALUES ('2020-02-30') t(s)", "Text '2020-02-30' could not be parsed: Invalid date 'FEBRUARY 30'"],
        ["to_timestamp(s, 'yyyy-MM-dd') FROM VALUES ('2021-02-29') t(s)", "Text '2021-02-29' could not be parsed: Invalid date 'February 29' as '2021' is not a leap year"],
        ["to_timestamp(s, 'yyyy-MM-dd') FROM VALUES ('2020-00-10') t(s)", "Text '2020-00-10' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 0"],
        ["to_timestamp(s, 'yyyy-MM-dd HH:mm') FROM VALUES ('2020-01-01 24:00') t(s)", "Text '2020-01-01 24:00' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 24"],
        ["to_timestamp(s, 'yyyy-MM-dd HH:mm:ss') FROM VALUES ('2020-01-01 10:00:61') t(s)", "Text '2020-01-01 10:00:61' could not be parsed: Invalid value for SecondOfMinute (valid values 0 - 59): 61"],
        ["to_timestamp(s, 'yyyy-MM-dd') FROM VALUES ('2020/01/01') t(s)", "Text '2020/01/01' could not be parsed at index 4"],
        ["to_date(s, 'yyyy-MM-dd') FROM VALUES ('2020-01-0') t(s)", "Text '2020-01-0' could not be parsed at index 8"],
        ["to_date(s, 'yyyy-MM-dd') FROM VALUES ('ab') t(s)", "Text 'ab' could not be parsed at index 0"],
        ["to_timestamp_ntz(s, 'yyyy-MM-dd') FROM VALUES ('2020-13-01') t(s)", "Text '2020-13-01' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 13"],
        ["to_timestamp_ltz(s, 'yyyy') FROM VALUES ('x') t(s)", "Text 'x' could not be parsed at index 0"],
        ["unix_timestamp(s) FROM VALUES ('2020-01-01') t(s)", "Text '2020-01-01' could not be parsed at index 10"],
        ["to_unix_timestamp(s, 'yyyy') FROM VALUES ('x') t(s)", "Text 'x' could not be parsed at index 0"],
      ];
      for (const [q, why] of parse) {
        const e = sqlError(spark, `SELECT ${q}`);
        expect(e.name, q).toBe('DateTimeException');
        expect(e.message, q).toContain(`[CANNOT_PARSE_TIMESTAMP] ${why}. ${CLASS_BYPASS}`);
      }
      // text only Spark 2's parser accepts still raises the upgrade error first
      expect(sqlError(spark, "SELECT to_timestamp(s, 'yyyy-MM-dd') FROM VALUES ('2020-01-01x') t(s)").name).toBe('SparkUpgradeException');
      // without ANSI: NULL for values out of range (Spark 2's parser rejects them too, so no upgrade error)
      spark.conf.set('spark.sql.ansi.enabled', 'false');
      expect(rows(spark, "SELECT to_timestamp(s, 'yyyy-MM-dd'), to_date(t, 'yyyy-MM-dd'), make_date(2020, 2, 30) FROM VALUES ('2020-1-32', '2020-02-30') t(s, t)")).toEqual([[null, null, null]]);
      expect(sqlError(spark, "SELECT to_timestamp(s, 'yyyy-MM-dd HH') FROM VALUES ('2020-01-01 1') t(s)").message).toContain('[INCONSISTENT_BEHAVIOR_CROSS_VERSION.PARSE_DATETIME_BY_NEW_PARSER]');
      ansi(spark);
      expect(rows(spark, "SELECT unix_timestamp(s, 'yyyy-MM-dd'), try_to_timestamp(t, 'yyyy') FROM VALUES ('1970-01-02', 'x') t(s, t)").map((r) => [Number(r[0]), r[1]])).toEqual([[86400, null]]);
    }, SLOW);

    it('day-of-year patterns and two variable-width numbers in a row give java.time\'s reason (Spark 3.5.7)', () => {
      const spark = ansi(session());
      const parse: [string, string][] = [
        // `yyyy` followed by a variable-width number reads its digits greedily; more than four digits without a sign fail at its start
        ["to_date(s, 'yyyyDD') FROM VALUES ('2020') t(s)", "Text '2020' could not be parsed at index 4"],
        ["to_date(s, 'yyyyDD') FROM VALUES ('123456789012') t(s)", "Text '123456789012' could not be parsed at index 0"],
        ["to_date(s, 'yyyyMd') FROM VALUES ('20201') t(s)", "Text '20201' could not be parsed at index 0"],
        ["to_date(s, 'yyyyDDd') FROM VALUES ('2020') t(s)", "Text '2020' could not be parsed at index 4"],
        ["to_timestamp(s, 'yyyy Hm') FROM VALUES ('2020 1') t(s)", "Text '2020 1' could not be parsed at index 6"],
        // a day of year resolves with the year (LocalDate.ofYearDay)
        ["to_date(s, 'yyyyDDD') FROM VALUES ('2021366') t(s)", "Text '2021366' could not be parsed: Invalid date 'DayOfYear 366' as '2021' is not a leap year"],
        ["to_date(s, 'yyyy DDD') FROM VALUES ('2020 367') t(s)", "Text '2020 367' could not be parsed: Invalid value for DayOfYear (valid values 1 - 365/366): 367"],
        ["to_date(s, 'yyyy D') FROM VALUES ('2020 0') t(s)", "Text '2020 0' could not be parsed: Invalid value for DayOfYear (valid values 1 - 365/366): 0"],
        ["to_timestamp(s, 'yyyy DDD HH') FROM VALUES ('2020 100 25') t(s)", "Text '2020 100 25' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 25"],
        ["to_timestamp(s, 'yyyy DDD HH:mm') FROM VALUES ('2021 100 10:61') t(s)", "Text '2021 100 10:61' could not be parsed: Invalid value for MinuteOfHour (valid values 0 - 59): 61"],
      ];
      for (const [q, why] of parse) {
        const e = sqlError(spark, `SELECT ${q}`);
        expect(e.name, q).toBe('DateTimeException');
        expect(e.message, q).toContain(`[CANNOT_PARSE_TIMESTAMP] ${why}. ${CLASS_BYPASS}`);
      }
      expect(rows(spark, "SELECT CAST(to_date(s, 'yyyy DDD') AS STRING), CAST(to_timestamp(t, 'yyyy-DD') AS STRING) FROM VALUES ('2020 366', '2020-123') t(s, t)")).toEqual([
        ['2020-12-31', '2020-05-02 00:00:00'],
      ]);
      // a five-digit year under `yyyy`: only Spark 2's parser reads it (ANSI or not)
      for (const q of ["SELECT to_date(s, 'yyyy-MM-dd') FROM VALUES ('20201-01-01') t(s)", "SELECT to_date(s, 'yyyyDD') FROM VALUES ('2020123') t(s)"]) {
        expect(sqlError(spark, q).message, q).toContain('[INCONSISTENT_BEHAVIOR_CROSS_VERSION.PARSE_DATETIME_BY_NEW_PARSER]');
      }
    }, SLOW);

    it('next_day with a bad day name and elt out of range raise', () => {
      const spark = ansi(session());
      const day = sqlError(spark, "SELECT next_day(d, s) FROM VALUES (DATE'2020-01-01', 'xx') t(d, s)");
      expect(day.name).toBe('IllegalArgumentException');
      expect(day.message).toBe(`Illegal input for day of week: xx. ${BYPASS}`);
      for (const n of [5, 0, -1]) {
        const e = sqlError(spark, `SELECT elt(a, 'x', 'y') FROM VALUES (${n}) t(a)`);
        expect(e.name).toBe('ArrayIndexOutOfBoundsException');
        expect(e.message).toContain(`[INVALID_ARRAY_INDEX] The index ${n} is out of bounds. The array has 2 elements. Use the SQL function \`get()\``);
      }
      expect(rows(spark, "SELECT elt(a, 'x', 'y'), next_day(DATE'2020-01-01', 'MO') FROM VALUES (2) t(a)").map((r) => [r[0], (r[1] as Date).toISOString()])).toEqual([['y', '2020-01-06T00:00:00.000Z']]);
    }, SLOW);
  });
});
