/**
 * Spark's unit-keyword datetime forms: `timestampadd(UNIT, n, ts)` (also spelled
 * `dateadd`/`date_add`) and `timestampdiff(UNIT, a, b)` (`datediff`/`date_diff`):
 * names, types, every unit, wall-clock results in the session zone across a DST
 * change, the int amount, DATETIME_OVERFLOW and the quoted-unit parse error.
 * PySpark 3.5 has no DataFrame-API counterpart (timestampadd arrived in 4.0).
 * Every expectation checked against Spark 3.5.7.
 */
import { describe, expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { rows, sqlError } from '../helpers/sql-errors.js';
import type { SparkSession } from '../../src/index.js';

const SLOW = 30_000;

/** `name:type` of each output column, `!` marking a non-nullable one. */
const schemaOf = (spark: SparkSession, q: string): string[] =>
  spark.sql(q).schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}${f.nullable ? '' : '!'}`);

/** Every value of the one row of `SELECT <exprs>`, each cast to a string by Spark's rules. */
const strings = (spark: SparkSession, ...exprs: string[]): unknown[] =>
  rows(spark, `SELECT ${exprs.map((e) => `CAST(${e} AS STRING)`).join(', ')}`)[0]!;

const TS = "timestamp'2022-02-14 01:02:03'";
const UNITS = 'YEAR, QUARTER, MONTH, WEEK, DAY, DAYOFYEAR, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND';

describe('timestampadd / timestampdiff with a unit keyword', () => {
  forEachBackend('names and types', (session) => {
    it('every spelling is named after timestampadd / timestampdiff, the unit as written', () => {
      const spark = session();
      expect(
        schemaOf(
          spark,
          `SELECT timestampadd(MONTH, -1, ${TS}), dateadd(MONTH, 2, date'2022-01-31'), date_add(MICROSECOND, 1000000, ${TS}), ` +
            "timestampadd(day, 1, timestamp_ntz'2022-02-14 01:02:03'), timestampadd(SECOND, '7', " + TS + "), timestampadd(DAY, 1, '2022-02-14 01:02:03')",
        ),
      ).toEqual([
        "timestampadd(MONTH, -1, TIMESTAMP '2022-02-14 01:02:03'):timestamp!",
        "timestampadd(MONTH, 2, DATE '2022-01-31'):timestamp!",
        "timestampadd(MICROSECOND, 1000000, TIMESTAMP '2022-02-14 01:02:03'):timestamp!",
        "timestampadd(day, 1, TIMESTAMP_NTZ '2022-02-14 01:02:03'):timestamp_ntz!",
        "timestampadd(SECOND, 7, TIMESTAMP '2022-02-14 01:02:03'):timestamp",
        'timestampadd(DAY, 1, 2022-02-14 01:02:03):timestamp',
      ]);
      expect(
        schemaOf(
          spark,
          "SELECT datediff(QUARTER, date'2022-02-25', date'2023-05-25'), date_diff(MONTH, date'2022-01-31', date'2022-03-30'), " +
            "timestampdiff(WEEK, timestamp'2022-02-14 01:02:03', timestamp'2022-03-14 01:02:03'), timestampdiff(DAY, '2022-02-14', '2022-02-16')",
        ),
      ).toEqual([
        "timestampdiff(QUARTER, DATE '2022-02-25', DATE '2023-05-25'):bigint!",
        "timestampdiff(MONTH, DATE '2022-01-31', DATE '2022-03-30'):bigint!",
        "timestampdiff(WEEK, TIMESTAMP '2022-02-14 01:02:03', TIMESTAMP '2022-03-14 01:02:03'):bigint!",
        'timestampdiff(DAY, 2022-02-14, 2022-02-16):bigint',
      ]);
    }, SLOW);

    it('a quoted unit is INVALID_PARAMETER_VALUE.DATETIME_UNIT naming the function as written', () => {
      const spark = session();
      const e = sqlError(spark, `SELECT timestampadd('MONTH', -1, ${TS})`);
      expect(e.errorClass).toBe('INVALID_PARAMETER_VALUE.DATETIME_UNIT');
      expect(e.message).toContain(
        `The value of parameter(s) \`unit\` in \`timestampadd\` is invalid: expects one of the units without quotes ${UNITS}, but got the string literal 'MONTH'.`,
      );
      expect(sqlError(spark, "SELECT date_add('2022-01-01', 1, 2)").message).toContain("in `date_add` is invalid: expects one of the units without quotes");
      expect(sqlError(spark, "SELECT datediff('YEAR', date'2022-01-01', date'2023-01-01')").errorClass).toBe('INVALID_PARAMETER_VALUE.DATETIME_UNIT');
    }, SLOW);

    it('two-argument date_add / datediff stay the day functions; a plain timestampadd call is unknown', () => {
      const spark = session();
      expect(strings(spark, "date_add(date'2020-01-01', 1)", "datediff(date'2020-01-03', date'2020-01-01')")).toEqual(['2020-01-02', '2']);
      expect(sqlError(spark, 'SELECT timestampadd(1, 2)').errorClass).toBe('UNRESOLVED_ROUTINE');
    }, SLOW);

    it('an unknown unit is UNRESOLVED_ROUTINE before its arguments resolve; dateadd/datediff are the day functions', () => {
      const spark = session();
      const routine = (name: string): string =>
        `[UNRESOLVED_ROUTINE] Cannot resolve function \`${name}\` on search path [\`system\`.\`builtin\`, \`system\`.\`session\`, \`spark_catalog\`.\`default\`].; line 1 pos 7`;
      expect(sqlError(spark, `SELECT timestampadd(FOO, 1, ${TS})`).message).toBe(routine('timestampadd'));
      expect(sqlError(spark, `SELECT timestampdiff(FOO, ${TS}, ${TS})`).message).toBe(routine('timestampdiff'));
      expect(sqlError(spark, 'SELECT timestampadd(FOO, 1)').message).toBe(routine('timestampadd'));
      // registered names resolve their arguments: FOO is an unknown column
      const column = '[UNRESOLVED_COLUMN.WITHOUT_SUGGESTION] A column or function parameter with name `FOO` cannot be resolved. ; line 1 pos ';
      expect(sqlError(spark, `SELECT dateadd(FOO, 1, ${TS})`).message).toBe(`${column}15`);
      expect(sqlError(spark, `SELECT datediff(FOO, ${TS}, ${TS})`).message).toBe(`${column}16`);
      expect(sqlError(spark, 'SELECT timestampadd(DAY, 1, FOO)').message).toBe(`${column}28`);
    }, SLOW);
  });

  forEachBackend('values', (session) => {
    it('adds every unit', () => {
      const spark = session();
      const add = (unit: string, n: number) => `timestampadd(${unit}, ${n}, timestamp'2024-02-29 10:20:30.123456')`;
      expect(
        strings(spark, add('YEAR', -1), add('QUARTER', 1), add('MONTH', 1), add('WEEK', 2), add('DAY', 1), add('DAYOFYEAR', -1), add('HOUR', 25), add('MINUTE', -30), add('SECOND', 90), add('MILLISECOND', 1), add('MICROSECOND', -456)),
      ).toEqual([
        '2023-02-28 10:20:30.123456',
        '2024-05-29 10:20:30.123456',
        '2024-03-29 10:20:30.123456',
        '2024-03-14 10:20:30.123456',
        '2024-03-01 10:20:30.123456',
        '2024-02-28 10:20:30.123456',
        '2024-03-01 11:20:30.123456',
        '2024-02-29 09:50:30.123456',
        '2024-02-29 10:22:00.123456',
        '2024-02-29 10:20:30.124456',
        '2024-02-29 10:20:30.123',
      ]);
      expect(strings(spark, `timestampadd(MONTH, -1, ${TS})`, "dateadd(MONTH, 2, date'2022-01-31')", `date_add(MICROSECOND, 1000000, ${TS})`, `timestampadd(SECOND, 1.5, ${TS})`, `timestampadd(DAY, NULL, ${TS})`)).toEqual([
        '2022-01-14 01:02:03',
        '2022-03-31 00:00:00',
        '2022-02-14 01:02:04',
        '2022-02-14 01:02:04',
        null,
      ]);
    }, SLOW);

    it('diffs every unit: whole units toward zero, a date unit counts once the time of day is reached', () => {
      const spark = session();
      const diff = (unit: string, a: string, b: string) => `timestampdiff(${unit}, timestamp'${a}', timestamp'${b}')`;
      expect(
        strings(
          spark,
          "datediff(QUARTER, date'2022-02-25', date'2023-05-25')",
          "date_diff(MONTH, date'2022-01-31', date'2022-03-30')",
          diff('WEEK', '2022-02-14 01:02:03', '2022-03-14 01:02:03'),
          diff('YEAR', '2024-02-29 10:00:00', '2025-02-28 10:00:00'),
          diff('MONTH', '2022-01-31 10:00:00', '2022-02-28 09:59:59'),
          diff('MONTH', '2022-03-31 10:00:00', '2022-02-28 10:00:01'),
          diff('SECOND', '2022-01-01 00:00:01.9', '2022-01-01 00:00:00'),
          "timestampdiff(MILLISECOND, date'2022-01-01', timestamp'2021-12-31 23:59:59.9995')",
          "timestampdiff(WEEK, date'2022-01-01', date'2021-12-18')",
          diff('DAY', '2022-01-02 00:00:00', '2022-01-01 00:00:01'),
          diff('HOUR', '2022-01-01 00:00:00', '2022-01-02 01:59:59'),
          diff('MINUTE', '2022-01-01 00:00:00', '2021-12-31 23:58:30'),
          diff('MICROSECOND', '2022-01-01 00:00:00', '2022-01-01 00:00:01.000001'),
          "timestampdiff(DAY, timestamp_ntz'2022-02-14 01:02:03', timestamp'2022-02-16 01:02:03')",
        ),
      ).toEqual(['5', '1', '4', '0', '0', '0', '-1', '0', '-2', '0', '25', '-1', '1000001', '2']);
    }, SLOW);

    it('the amount is taken as an int; a result out of range is DATETIME_OVERFLOW', () => {
      const spark = session();
      expect(
        strings(
          spark,
          "timestampadd(MICROSECOND, 9223372036854775807, timestamp'2022-01-01 00:00:00')",
          "timestampadd(MILLISECOND, 9223372036854775807, timestamp'2022-01-01 00:00:00')",
          `timestampadd(SECOND, 3000000000, ${TS})`,
        ),
      ).toEqual(['2021-12-31 23:59:59.999999', '2021-12-31 23:59:59.999', '1981-01-31 23:53:47']);
      for (const [q, operation] of [
        ["SELECT timestampadd(MONTH, 2147483647, timestamp'2022-01-01 00:00:00')", "add 2147483647 MONTH to TIMESTAMP '2022-01-01 00:00:00'"],
        ["SELECT timestampadd(WEEK, 400000000, timestamp'2022-01-01 00:00:00')", "add 400000000 WEEK to TIMESTAMP '2022-01-01 00:00:00'"],
        ["SELECT timestampadd(DAY, 3000000000, timestamp'2022-01-01 00:00:00')", "add -1294967296 DAY to TIMESTAMP '2022-01-01 00:00:00'"],
        ["SELECT timestampadd(DAY, 200000000, date'2022-01-01')", "add 200000000 DAY to TIMESTAMP '2022-01-01 00:00:00'"],
      ] as const) {
        const e = sqlError(spark, q);
        expect(e.errorClass, q).toBe('DATETIME_OVERFLOW');
        expect(e.message, q).toContain(`Datetime operation overflow: ${operation}.`);
      }
    }, SLOW);

    it('works on the wall clock of the session zone across a DST change', () => {
      const spark = session();
      spark.conf.set('spark.sql.session.timeZone', 'America/Los_Angeles');
      expect(
        strings(
          spark,
          "timestampdiff(HOUR, timestamp_ntz'2022-03-13 02:30:00', timestamp_ntz'2022-03-13 04:00:00')",
          "timestampdiff(HOUR, timestamp'2022-03-13 01:30:00', timestamp'2022-03-13 03:30:00')",
          "timestampadd(HOUR, 1, timestamp'2022-03-13 01:30:00')",
          "timestampadd(DAY, 1, timestamp'2022-03-12 02:30:00')",
          "timestampadd(MINUTE, 60, timestamp'2022-03-13 01:30:00')",
          "timestampadd(DAY, 1, timestamp_ntz'2022-03-12 02:30:00')",
          "timestampadd(MONTH, 1, timestamp'2022-02-13 02:30:00')",
          "timestampdiff(DAY, timestamp'2022-03-12 03:00:00', timestamp'2022-03-13 03:00:00')",
          "timestampdiff(SECOND, timestamp'2022-03-12 03:00:00', timestamp'2022-03-13 03:00:00')",
        ),
      ).toEqual(['0', '2', '2022-03-13 03:30:00', '2022-03-13 03:30:00', '2022-03-13 03:30:00', '2022-03-13 02:30:00', '2022-03-13 03:30:00', '1', '86400']);
    }, SLOW);
  });
});
