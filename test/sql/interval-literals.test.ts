/**
 * The SQL interval literal grammar as Spark 3.5.7 parses it: the from-to form, the multi-unit
 * form (quoted or not, signs inside and outside the quotes), the typed literal
 * `INTERVAL '<text>'`, and the errors each raises: Spark's legacy classes (worded without a
 * `[class]` prefix), a class-less ParseException where Spark wraps its interval parser's
 * message, INVALID_TYPED_LITERAL, at the positions Spark reports. The literal is the same
 * with ANSI on or off; every expectation checked against Spark 3.5.7.
 */
import { describe, expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { errorOf, rows } from '../helpers/sql-errors.js';

const SLOW = 30_000;
const DAY = 86_400_000_000;
const HOUR = 3_600_000_000;

/** `name:type` of each output column, `!` marking a non-nullable one. */
const schemaOf = (spark: SparkSession, q: string): string[] =>
  spark.sql(q).schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}${f.nullable ? '' : '!'}`);

/** [errorClass, first line of the message] of the parse error of `q` (Spark's text starts with a newline). */
const parseError = (spark: SparkSession, q: string): [string | undefined, string] => {
  const e = errorOf(() => spark.sql(q).schema, q);
  expect(e.name, q).toBe('ParseException');
  return [e.errorClass, e.message!.trimStart().split('\n')[0]!];
};

const PARSE_ERRORS: [string, string | undefined, string][] = [
  ["SELECT INTERVAL 'x' DAY", '_LEGACY_ERROR_TEMP_0026', 'Can only use numbers in the interval value part for multiple unit value pairs interval form, but got invalid value: x.(line 1, pos 16)'],
  ["SELECT INTERVAL '1 day 2' HOUR", '_LEGACY_ERROR_TEMP_0026', 'Can only use numbers in the interval value part for multiple unit value pairs interval form, but got invalid value: 1 day 2.(line 1, pos 16)'],
  ['SELECT INTERVAL 1 DAY TO HOUR', '_LEGACY_ERROR_TEMP_0027', 'The value of from-to unit must be a string.(line 1, pos 16)'],
  ["SELECT INTERVAL '1' MONTH TO YEAR", '_LEGACY_ERROR_TEMP_0028', 'Intervals FROM month TO year are not supported.(line 1, pos 16)'],
  ["SELECT INTERVAL '1' DAY TO DAY", '_LEGACY_ERROR_TEMP_0028', 'Intervals FROM day TO day are not supported.(line 1, pos 16)'],
  ["SELECT INTERVAL '1' DAY TO HOUR '2' MINUTE", '_LEGACY_ERROR_TEMP_0024', 'Can only have a single from-to unit in the interval literal syntax.(line 1, pos 32)'],
  ["SELECT INTERVAL 1 DAY '1 2' DAY TO HOUR", '_LEGACY_ERROR_TEMP_0024', 'Can only have a single from-to unit in the interval literal syntax.(line 1, pos 22)'],
  ['SELECT INTERVAL 0 YEAR 1 DAY', '_LEGACY_ERROR_TEMP_0029', 'Cannot mix year-month and day-time fields: INTERVAL 0 YEAR 1 DAY.(line 1, pos 7)'],
  ["SELECT INTERVAL '1 year 2 days'", '_LEGACY_ERROR_TEMP_0029', "Cannot mix year-month and day-time fields: INTERVAL '1 year 2 days'.(line 1, pos 7)"],
  ["SELECT INTERVAL '1' FOO", 'INVALID_TYPED_LITERAL', `[INVALID_TYPED_LITERAL] The value of the typed literal "INTERVAL" is invalid: '1'.(line 1, pos 7)`],
  ["SELECT INTERVAL '1 DAY', INTERVAL '1day'", 'INVALID_TYPED_LITERAL', `[INVALID_TYPED_LITERAL] The value of the typed literal "INTERVAL" is invalid: '1day'.(line 1, pos 25)`],
  ["SELECT INTERVAL '1 2:03:04'", 'INVALID_TYPED_LITERAL', `[INVALID_TYPED_LITERAL] The value of the typed literal "INTERVAL" is invalid: '1 2:03:04'.(line 1, pos 7)`],
  ["SELECT INTERVAL 1 DAY 'x'", 'PARSE_SYNTAX_ERROR', '[PARSE_SYNTAX_ERROR] Syntax error at or near end of input.(line 1, pos 25)'],
  // Spark wraps its interval parser's IllegalArgumentException in a ParseException without a class.
  ['SELECT INTERVAL 1.5 DAYS', undefined, "Error parsing ' 1.5 DAYS' to interval, 'days' cannot have fractional part.(line 1, pos 16)"],
  ["SELECT INTERVAL 1 SECOND, INTERVAL '1.5' MILLISECONDS", undefined, "Error parsing ' 1.5 MILLISECONDS' to interval, 'milliseconds' cannot have fractional part.(line 1, pos 35)"],
  ['SELECT INTERVAL 1 NANOSECOND', undefined, "Error parsing ' 1 NANOSECOND' to interval, invalid unit 'nanosecond'.(line 1, pos 16)"],
  ["SELECT INTERVAL '1-2' YEAR", undefined, "Error parsing ' 1-2 YEAR' to interval, invalid value '1-2'.(line 1, pos 16)"],
  ["SELECT INTERVAL '1 2' DAY", undefined, "Error parsing ' 1 2 DAY' to interval, invalid unit '2'.(line 1, pos 16)"],
  ["SELECT INTERVAL '' DAY", undefined, "Error parsing '  DAY' to interval, unrecognized number 'day'.(line 1, pos 16)"],
  ["SELECT INTERVAL '+' DAY", undefined, "Error parsing ' + DAY' to interval, invalid value 'day'.(line 1, pos 16)"],
  ["SELECT INTERVAL '--1' DAY", undefined, "Error parsing ' --1 DAY' to interval, invalid value '--1'.(line 1, pos 16)"],
  ['SELECT INTERVAL 2147483648 DAYS', undefined, "Error parsing ' 2147483648 DAYS' to interval, integer overflow.(line 1, pos 16)"],
  ["SELECT INTERVAL '178956971' YEAR", undefined, "Error parsing ' 178956971 YEAR' to interval, integer overflow.(line 1, pos 16)"],
  [
    "SELECT INTERVAL '1' YEAR TO MONTH",
    undefined,
    "Error parsing interval year-month string: Interval string does not match year-month format of `[+|-]y-m`, `INTERVAL [+|-]'[+|-]y-m' YEAR TO MONTH` when cast to interval year to month: 1.(line 1, pos 16)",
  ],
  [
    "SELECT INTERVAL '1-x' YEAR TO MONTH",
    undefined,
    "Interval string does not match year-month format of `[+|-]y-m`, `INTERVAL [+|-]'[+|-]y-m' YEAR TO MONTH` when cast to interval year to month: 1-x.(line 1, pos 16)",
  ],
  ["SELECT INTERVAL '0-12' YEAR TO MONTH", undefined, 'Error parsing interval year-month string: requirement failed: month 12 outside range [0, 11].(line 1, pos 16)'],
  [
    "SELECT INTERVAL '1-2' DAY TO SECOND",
    undefined,
    "Interval string does not match day-time format of `[+|-]d h:m:s.n`, `INTERVAL [+|-]'[+|-]d h:m:s.n' DAY TO SECOND` when cast to interval day to second: 1-2, set spark.sql.legacy.fromDayTimeString.enabled to true to restore the behavior before Spark 3.0..(line 1, pos 16)",
  ],
  [
    "SELECT INTERVAL '1' DAY TO MINUTE",
    undefined,
    "Error parsing interval day-time string: Interval string does not match day-time format of `[+|-]d h:m`, `INTERVAL [+|-]'[+|-]d h:m' DAY TO MINUTE` when cast to interval day to minute: 1, set spark.sql.legacy.fromDayTimeString.enabled to true to restore the behavior before Spark 3.0..(line 1, pos 16)",
  ],
  [
    "SELECT INTERVAL 'x' HOUR TO MINUTE",
    undefined,
    "Interval string does not match day-time format of `[+|-]h:m`, `INTERVAL [+|-]'[+|-]h:m' HOUR TO MINUTE` when cast to interval hour to minute: x, set spark.sql.legacy.fromDayTimeString.enabled to true to restore the behavior before Spark 3.0..(line 1, pos 16)",
  ],
  ["SELECT INTERVAL '1 24:00:00' DAY TO SECOND", undefined, 'requirement failed: hour 24 outside range [0, 23].(line 1, pos 16)'],
  ["SELECT INTERVAL '1 2:60' DAY TO MINUTE", undefined, 'requirement failed: minute 60 outside range [0, 59].(line 1, pos 16)'],
];

describe('SQL interval literals', () => {
  forEachBackend('grammar', (session, backend) => {
    for (const enabled of ['false', 'true']) {
      it(`signs inside and outside the quotes, units singular or plural (ansi=${enabled})`, () => {
        const spark = session();
        spark.conf.set('spark.sql.ansi.enabled', enabled);
        const q =
          "SELECT INTERVAL -'1' YEAR, INTERVAL -'-1' YEAR, INTERVAL - '1-2' YEAR TO MONTH, INTERVAL -'-1 2:03:04' DAY TO SECOND, INTERVAL +'+1-2' YEAR TO MONTH, " +
          "INTERVAL -1 DAY 2 HOURS, INTERVAL '-1' DAY '2' HOURS, INTERVAL -'1' DAY -'-2' HOURS, INTERVAL '- 1' DAY, INTERVAL '1' DAYS, INTERVAL +1 DAY";
        expect(schemaOf(spark, q)).toEqual([
          "INTERVAL '-1' YEAR:interval year!",
          "INTERVAL '1' YEAR:interval year!",
          "INTERVAL '-1-2' YEAR TO MONTH:interval year to month!",
          "INTERVAL '1 02:03:04' DAY TO SECOND:interval day to second!",
          "INTERVAL '1-2' YEAR TO MONTH:interval year to month!",
          "INTERVAL '-0 22' DAY TO HOUR:interval day to hour!",
          "INTERVAL '-0 22' DAY TO HOUR:interval day to hour!",
          "INTERVAL '-0 22' DAY TO HOUR:interval day to hour!",
          "INTERVAL '-1' DAY:interval day!",
          "INTERVAL '1' DAY:interval day!",
          "INTERVAL '1' DAY:interval day!",
        ]);
        expect(rows(spark, q)).toEqual([[-12, 12, -14, DAY + 2 * HOUR + 184_000_000, 14, -22 * HOUR, -22 * HOUR, -22 * HOUR, -DAY, DAY, DAY]]);
      }, SLOW);
    }

    it('multi-unit sums are typed by the units written; seconds keep six fraction digits', () => {
      const spark = session();
      const q =
        "SELECT INTERVAL 1 HOUR 1 DAY, INTERVAL 3 MONTHS 1 YEAR, INTERVAL 1 DAY 0 HOURS, INTERVAL 1 DAY 1 DAY, INTERVAL '.5' SECOND, INTERVAL '1.' SECOND, " +
        'INTERVAL 1.1234567 SECOND, INTERVAL 1 DAY 2 HOURS 3 MINUTES 4.5 SECONDS';
      expect(schemaOf(spark, q)).toEqual([
        "INTERVAL '1 01' DAY TO HOUR:interval day to hour!",
        "INTERVAL '1-3' YEAR TO MONTH:interval year to month!",
        "INTERVAL '1 00' DAY TO HOUR:interval day to hour!",
        "INTERVAL '2' DAY:interval day!",
        "INTERVAL '00.5' SECOND:interval second!",
        "INTERVAL '01' SECOND:interval second!",
        "INTERVAL '01.123456' SECOND:interval second!",
        "INTERVAL '1 02:03:04.5' DAY TO SECOND:interval day to second!",
      ]);
      expect(rows(spark, q)).toEqual([[DAY + HOUR, 15, DAY, 2 * DAY, 500_000, 1_000_000, 1_123_456, DAY + 2 * HOUR + 184_500_000]]);
    }, SLOW);

    it("the typed literal INTERVAL '<text>' reads Spark's interval text", () => {
      const spark = session();
      const q =
        "SELECT INTERVAL '1 year', INTERVAL '1 year 2 months', INTERVAL '-1 day', INTERVAL 'interval 3 hours 1 second', INTERVAL '1 week', " +
        "INTERVAL '1 days -2 hours 3 minutes', INTERVAL '100 milliseconds', INTERVAL '1 day' a";
      expect(schemaOf(spark, q)).toEqual([
        "INTERVAL '1' YEAR:interval year!",
        "INTERVAL '1-2' YEAR TO MONTH:interval year to month!",
        "INTERVAL '-1' DAY:interval day!",
        "INTERVAL '03:00:01' HOUR TO SECOND:interval hour to second!",
        "INTERVAL '7' DAY:interval day!",
        "INTERVAL '0 22:03' DAY TO MINUTE:interval day to minute!",
        "INTERVAL '00.1' SECOND:interval second!",
        'a:interval day!',
      ]);
      expect(rows(spark, q)).toEqual([[12, 14, -DAY, 3 * HOUR + 1_000_000, 7 * DAY, 22 * HOUR + 180_000_000, 100_000, DAY]]);
    }, SLOW);

    it('the literal ends before a token that is not a unit keyword', () => {
      const spark = session();
      expect(schemaOf(spark, 'SELECT INTERVAL 1 day a')).toEqual(['a:interval day!']);
      expect(rows(spark, "SELECT INTERVAL 1 DAY - INTERVAL '2' HOUR b")).toEqual([[22 * HOUR]]);
    }, SLOW);

    it("bad forms raise Spark's error class and message at Spark's position", () => {
      const spark = session();
      for (const [q, errorClass, message] of PARSE_ERRORS) {
        // Spark Connect's client gets no legacy error class (it fetches no error details).
        const expected = backend === 'connect' && errorClass?.startsWith('_LEGACY_') ? undefined : errorClass;
        expect(parseError(spark, q), q).toEqual([expected, message]);
      }
    }, SLOW);

    // Spark 3.5.7: a sign after INTERVAL starts a literal only when a value and a unit follow.
    it('INTERVAL followed by a sign and no unit is a column named INTERVAL', () => {
      const spark = session();
      expect(errorOf(() => spark.sql('SELECT INTERVAL - 1').collect()).message).toBe(
        '[UNRESOLVED_COLUMN.WITHOUT_SUGGESTION] A column or function parameter with name `INTERVAL` cannot be resolved. ; line 1 pos 7',
      );
      expect(schemaOf(spark, 'SELECT INTERVAL + 1 FROM VALUES (1) t(interval)')).toEqual(['(INTERVAL + 1):int!']);
      expect(rows(spark, 'SELECT INTERVAL - 1 d FROM VALUES (5) t(interval)')).toEqual([[4]]);
      expect(rows(spark, "SELECT INTERVAL -'1' FROM VALUES (5) t(interval)")).toEqual([[4]]);
      expect(schemaOf(spark, "SELECT INTERVAL -'1' day")).toEqual(["INTERVAL '-1' DAY:interval day!"]);
    }, SLOW);
  });
});
