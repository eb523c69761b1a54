/**
 * A string next to an interval in arithmetic, as Spark 3.5.7 types it with ANSI on and off:
 * string ± day-time (or calendar) interval reads the string as a TIMESTAMP and gives the sum
 * back as a STRING named `s + INTERVAL ...`; a year-month interval, or interval − string, is
 * BINARY_OP_DIFF_TYPES (the string shown as DOUBLE without ANSI, which promoted it); a string
 * factor of interval × / ÷ is a DOUBLE. Malformed strings are NULL, or CAST_INVALID_INPUT under ANSI.
 */
import { describe, expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { errorOf, rows } from '../helpers/sql-errors.js';

const SLOW = 30_000;

/** `name:type` of each output column, `!` marking a non-nullable one. */
const schemaOf = (spark: SparkSession, q: string): string[] =>
  spark.sql(q).schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}${f.nullable ? '' : '!'}`);

const withAnsi = (spark: SparkSession, enabled: string): SparkSession => {
  spark.conf.set('spark.sql.ansi.enabled', enabled);
  return spark;
};

const diffTypes = (expr: string, left: string, right: string): string =>
  `[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve "${expr}" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("${left}" and "${right}").`;

describe('string and interval arithmetic', () => {
  forEachBackend('string ± interval', (session) => {
    for (const enabled of ['false', 'true']) {
      it(`a string ± day-time interval is a timestamp sum given back as a string (ansi=${enabled})`, () => {
        const spark = withAnsi(session(), enabled);
        const q =
          "SELECT '2020-01-01' + INTERVAL 1 DAY, INTERVAL 1 DAY + '2020-01-01', '2020-01-01' - INTERVAL 1 DAY, '2020-01-01 10:00:00' + INTERVAL '1 02' DAY TO HOUR, " +
          "s + INTERVAL 1 HOUR, s - INTERVAL '1:30' HOUR TO MINUTE, '2020-01-01' + INTERVAL 1 DAY + INTERVAL 1 HOUR, CAST(NULL AS STRING) + INTERVAL 1 DAY, " +
          "'2020-01-01T10:00:00.123456' + INTERVAL 1 MICROSECOND, '2020-01-01' + make_interval(0, 0, 0, 1) FROM VALUES ('2020-01-01') t(s)";
        expect(schemaOf(spark, q)).toEqual([
          "2020-01-01 + INTERVAL '1' DAY:string",
          "2020-01-01 + INTERVAL '1' DAY:string",
          "2020-01-01 - INTERVAL '1' DAY:string",
          "2020-01-01 10:00:00 + INTERVAL '1 02' DAY TO HOUR:string",
          "s + INTERVAL '01' HOUR:string",
          "s - INTERVAL '01:30' HOUR TO MINUTE:string",
          "2020-01-01 + INTERVAL '1' DAY + INTERVAL '01' HOUR:string",
          "CAST(NULL AS STRING) + INTERVAL '1' DAY:string",
          "2020-01-01T10:00:00.123456 + INTERVAL '00.000001' SECOND:string",
          '2020-01-01 + make_interval(0, 0, 0, 1, 0, 0, 0.000000):string',
        ]);
        expect(rows(spark, q)).toEqual([
          [
            '2020-01-02 00:00:00',
            '2020-01-02 00:00:00',
            '2019-12-31 00:00:00',
            '2020-01-02 12:00:00',
            '2020-01-01 01:00:00',
            '2019-12-31 22:30:00',
            '2020-01-02 01:00:00',
            null,
            '2020-01-01 10:00:00.123457',
            '2020-01-02 00:00:00',
          ],
        ]);
      }, SLOW);

      it(`a string factor of an interval is a DOUBLE (ansi=${enabled})`, () => {
        const spark = withAnsi(session(), enabled);
        const q = "SELECT '2' * INTERVAL 1 DAY, INTERVAL 1 DAY / '2', INTERVAL '1' MONTH * '2'";
        expect(schemaOf(spark, q)).toEqual([
          "(INTERVAL '1' DAY * 2):interval day to second",
          "(INTERVAL '1' DAY / 2):interval day to second",
          "(INTERVAL '1' MONTH * 2):interval year to month",
        ]);
        expect(rows(spark, q)).toEqual([[2 * 86_400_000_000, 43_200_000_000, 2]]);
      }, SLOW);

      it(`a year-month interval, or interval − string, is BINARY_OP_DIFF_TYPES (ansi=${enabled})`, () => {
        const spark = withAnsi(session(), enabled);
        const str = enabled === 'true' ? 'STRING' : 'DOUBLE';
        const cases: [string, string][] = [
          ["SELECT '2020-01-01' + INTERVAL '1' MONTH", diffTypes("(2020-01-01 + INTERVAL '1' MONTH)", str, 'INTERVAL MONTH')],
          ["SELECT '2020-01-01' - INTERVAL '1-2' YEAR TO MONTH", diffTypes("(2020-01-01 - INTERVAL '1-2' YEAR TO MONTH)", str, 'INTERVAL YEAR TO MONTH')],
          ["SELECT INTERVAL 1 DAY - '2020-01-01'", diffTypes("(INTERVAL '1' DAY - 2020-01-01)", 'INTERVAL DAY', str)],
        ];
        for (const [q, message] of cases) {
          const e = errorOf(() => spark.sql(q).schema, q);
          expect(e.errorClass, q).toBe('DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES');
          expect(e.message, q).toContain(message);
        }
      }, SLOW);
    }

    it('a malformed string is NULL, or CAST_INVALID_INPUT to TIMESTAMP / DOUBLE under ANSI', () => {
      const spark = withAnsi(session(), 'false');
      expect(rows(spark, "SELECT 'x' + INTERVAL 1 DAY, INTERVAL 1 DAY * 'x'")).toEqual([[null, null]]);
      withAnsi(spark, 'true');
      const cases: [string, string, string, string][] = [
        ["SELECT 'x' + INTERVAL 1 DAY", 'TIMESTAMP', 'DateTimeException', "SELECT 'x' + INTERVAL 1 DAY\n       ^^^^^^^^^^^^^^^^^^^^"],
        ["SELECT INTERVAL 1 DAY * 'x'", 'DOUBLE', 'NumberFormatException', "SELECT INTERVAL 1 DAY * 'x'\n       ^^^^^^^^^^^^^^^^^^^^"],
      ];
      for (const [q, type, name, context] of cases) {
        const e = errorOf(() => spark.sql(q).collect(), q);
        expect([e.errorClass, e.name], q).toEqual(['CAST_INVALID_INPUT', name]);
        expect(e.message, q).toContain(`[CAST_INVALID_INPUT] The value 'x' of the type "STRING" cannot be cast to "${type}" because it is malformed.`);
        expect(e.message, q).toContain(`== SQL(line 1, position 8) ==\n${context}`);
      }
    }, SLOW);
  });
});
