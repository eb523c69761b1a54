/**
 * Differences found by probing Spark's own datetime sql-tests inputs (date.sql, timestamp.sql,
 * timestampNTZ/, datetime-*.sql) against sparkless. Every expectation checked against Spark 3.5.7.
 */
import { describe, expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { errorOf, rows } from '../helpers/sql-errors.js';

const SLOW = 30_000;

/** `name:type` of each output column, `!` marking a non-nullable one. */
const schemaOf = (spark: SparkSession, q: string): string[] =>
  spark.sql(q).schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}${f.nullable ? '' : '!'}`);

describe('datetime sql-tests', () => {
  forEachBackend('keywords and literals', (session) => {
    it(
      'a bare current_date / current_timestamp / user names an input column of that name first (SPARK-22333)',
      () => {
        const spark = session();
        const q = 'SELECT current_date, current_timestamp, CURRENT_DATE + 1 FROM VALUES (1, 2), (2, 3) AS t(current_date, current_timestamp)';
        expect(schemaOf(spark, q)).toEqual(['current_date:int!', 'current_timestamp:int!', '(CURRENT_DATE + 1):int!']);
        expect(rows(spark, q)).toEqual([[1, 2, 2], [2, 3, 3]]);
        expect(rows(spark, 'SELECT user, session_user FROM VALUES (1, 2) AS t(user, session_user)')).toEqual([[1, 2]]);
        // Without such a column it is the function, named as Spark names it.
        expect(schemaOf(spark, 'SELECT current_date = current_date(), user IS NOT NULL FROM VALUES (1) AS t(a)')).toEqual([
          '(current_date() = current_date()):boolean!',
          '(current_user() IS NOT NULL):boolean!',
        ]);
        expect(rows(spark, 'SELECT a FROM VALUES (2), (1) AS t(a) ORDER BY current_date, a')).toEqual([[1], [2]]);
      },
      SLOW,
    );

    it(
      'a TIMESTAMP literal beyond 2^53 microseconds is named by its exact fields',
      () => {
        const spark = session();
        const q = "SELECT timestamp'99999-03-18T12:03:17', timestamp'-1969-12-31 16:00:00', timestamp'2019-1-2 3:4:5.120'";
        expect(schemaOf(spark, q)).toEqual([
          "TIMESTAMP '+99999-03-18 12:03:17':timestamp!",
          "TIMESTAMP '-1969-12-31 16:00:00':timestamp!",
          "TIMESTAMP '2019-01-02 03:04:05.12':timestamp!",
        ]);
      },
      SLOW,
    );
  });

  forEachBackend('spark.sql.timestampType=TIMESTAMP_NTZ (timestampNTZ/timestamp.sql)', (session) => {
    const ntzSession = (): SparkSession => {
      const spark = session();
      spark.conf.set('spark.sql.session.timeZone', 'America/Los_Angeles');
      spark.conf.set('spark.sql.timestampType', 'TIMESTAMP_NTZ');
      return spark;
    };

    it(
      'types a zone-less TIMESTAMP literal, to_timestamp, try_to_timestamp and make_timestamp as TIMESTAMP_NTZ',
      () => {
        const spark = ntzSession();
        const q =
          "SELECT timestamp'2019-01-01 10:00:00', timestamp'2019-01-01 10:00:00Z', timestamp_ltz'2019-01-01', " +
          "make_timestamp(2021, 07, 11, 6, 30, 45.678, 'CET'), to_timestamp('2016-12-31', 'yyyy-MM-dd'), " +
          "to_timestamp('2019-10-06 10:11:12.123UTC', 'yyyy-MM-dd HH:mm:ss.SSSSSS[zzz]'), try_to_timestamp('2016-12-31 00:12:00')";
        expect(schemaOf(spark, q)).toEqual([
          "TIMESTAMP_NTZ '2019-01-01 10:00:00':timestamp_ntz!",
          "TIMESTAMP '2019-01-01 02:00:00':timestamp!",
          "TIMESTAMP '2019-01-01 00:00:00':timestamp!",
          'make_timestamp(2021, 7, 11, 6, 30, 45.678, CET):timestamp_ntz',
          'to_timestamp(2016-12-31, yyyy-MM-dd):timestamp_ntz',
          'to_timestamp(2019-10-06 10:11:12.123UTC, yyyy-MM-dd HH:mm:ss.SSSSSS[zzz]):timestamp_ntz',
          'try_to_timestamp(2016-12-31 00:12:00):timestamp_ntz',
        ]);
        const text = `SELECT ${spark.sql(q).columns.map((_, i) => `CAST(c${i} AS STRING)`).join(', ')} FROM (${q}) AS t(${spark.sql(q).columns.map((_, i) => `c${i}`).join(', ')})`;
        expect(rows(spark, text)).toEqual([
          ['2019-01-01 10:00:00', '2019-01-01 02:00:00', '2019-01-01 00:00:00', '2021-07-11 06:30:45.678', '2016-12-31 00:00:00', '2019-10-06 10:11:12.123', '2016-12-31 00:12:00'],
        ]);
        expect(schemaOf(spark, "SELECT timestamp'2011-11-11 11:11:11' + interval '2' day, date'2020-01-01' - timestamp'2019-10-06 10:11:12.345678'")).toEqual([
          "TIMESTAMP_NTZ '2011-11-11 11:11:11' + INTERVAL '2' DAY:timestamp_ntz!",
          "(DATE '2020-01-01' - TIMESTAMP_NTZ '2019-10-06 10:11:12.345678'):interval day to second",
        ]);
      },
      SLOW,
    );

    it(
      'a pattern the TIMESTAMP_NTZ parser refuses is one runtime error, without the legacy-parser hint',
      () => {
        const spark = ntzSession();
        for (const [q, pattern] of [
          ["SELECT to_timestamp('22 05 2020 Friday', 'dd MM yyyy EEEEE')", 'dd MM yyyy EEEEE'],
          ["SELECT to_timestamp_ntz('2019-10-06', 'yyyy-MM-dd b')", 'yyyy-MM-dd b'],
        ] as const) {
          expect(errorOf(() => spark.sql(q).collect())).toMatchObject({
            name: 'SparkRuntimeException',
            message: expect.stringContaining(`Fail to recognize ''${pattern}'' pattern in the DateTimeFormatter. You can form a valid datetime pattern`),
          });
        }
      },
      SLOW,
    );
  });

  forEachBackend('interval literals (interval.sql)', (session) => {
    it(
      'a from-to day-time literal is exact up to Long.MaxValue microseconds, and its leading field is bounded',
      () => {
        const spark = session();
        const q =
          "SELECT INTERVAL '106751991 04:00:54.775807' DAY TO SECOND, INTERVAL '-106751991 04:00:54.775808' DAY TO SECOND, " +
          "INTERVAL '2562047788:00' HOUR TO MINUTE, INTERVAL '153722867280:54.775807' MINUTE TO SECOND";
        expect(spark.sql(q).columns).toEqual([
          "INTERVAL '106751991 04:00:54.775807' DAY TO SECOND",
          "INTERVAL '-106751991 04:00:54.775808' DAY TO SECOND",
          "INTERVAL '2562047788:00' HOUR TO MINUTE",
          "INTERVAL '153722867280:54.775807' MINUTE TO SECOND",
        ]);
        expect(rows(spark, `SELECT ${[0, 1, 2, 3].map((i) => `CAST(c${i} AS STRING)`).join(', ')} FROM (${q}) AS t(c0, c1, c2, c3)`)).toEqual([
          [
            "INTERVAL '106751991 04:00:54.775807' DAY TO SECOND",
            "INTERVAL '-106751991 04:00:54.775808' DAY TO SECOND",
            "INTERVAL '2562047788:00' HOUR TO MINUTE",
            "INTERVAL '153722867280:54.775807' MINUTE TO SECOND",
          ],
        ]);
        for (const [text, unit, message] of [
          ['106751992 04', 'DAY TO HOUR', 'requirement failed: day 106751992 outside range [0, 106751991]'],
          ['-2562047789:00', 'HOUR TO MINUTE', 'requirement failed: hour 2562047789 outside range [0, 2562047788]'],
          ['153722867281:54.775808', 'MINUTE TO SECOND', 'requirement failed: minute 153722867281 outside range [0, 153722867280]'],
        ] as const) {
          expect(errorOf(() => spark.sql(`SELECT INTERVAL '${text}' ${unit}`).collect())).toMatchObject({ name: 'ParseException', message: expect.stringContaining(message) });
        }
        expect(errorOf(() => spark.sql("SELECT INTERVAL '106751991 04:00:54.775808' DAY TO SECOND").collect())).toMatchObject({
          name: 'ArithmeticException',
          message: expect.stringContaining('long overflow'),
        });
      },
      SLOW,
    );

    it(
      'a from-to literal ends before a signed string: `+` is then the operator',
      () => {
        const q = "SELECT interval '99 11:22:33.123456789' day to second + '12:12 hour to second'";
        expect(schemaOf(session(), q)).toEqual(["12:12 hour to second + INTERVAL '99 11:22:33.123456' DAY TO SECOND:string"]);
      },
      SLOW,
    );

    it(
      "'-2147483648 months' is Int.MinValue months, not an overflow",
      () => {
        const spark = session();
        const t = "FROM VALUES (interval '-2147483648 months', interval '2147483647 months') t(a, b)";
        expect(schemaOf(spark, `SELECT a, b ${t}`)).toEqual(['a:interval month!', 'b:interval month!']);
        expect(rows(spark, `SELECT CAST(a AS STRING), CAST(b AS STRING) ${t}`)).toEqual([["INTERVAL '-2147483648' MONTH", "INTERVAL '2147483647' MONTH"]]);
        expect(errorOf(() => spark.sql(`SELECT a - b ${t}`).collect())).toMatchObject({ errorClass: 'INTERVAL_ARITHMETIC_OVERFLOW' });
        expect(errorOf(() => spark.sql("SELECT interval '-2147483649 months'").collect())).toMatchObject({ errorClass: 'INVALID_TYPED_LITERAL' });
      },
      SLOW,
    );

    it(
      'from_json reads ANSI intervals from their text and to_json writes their SQL text',
      () => {
        const spark = session();
        const day =
          `SELECT from_json('{"a":"1"}', 'a interval day').a, to_json(from_json('{"a":"1"}', 'a interval day')), ` +
          `to_json(map('a', interval 100 day 130 minute)), from_json(to_json(map('a', interval 100 day 130 minute)), 'a interval day to minute').a, ` +
          `from_json('{"a":"x", "b": 1}', 'a interval day, b interval day').a`;
        expect(rows(spark, day)).toEqual([[86_400_000_000, `{"a":"INTERVAL '1' DAY"}`, `{"a":"INTERVAL '100 02:10' DAY TO MINUTE"}`, 8_647_800_000_000, null]]);
        const year =
          `SELECT CAST(from_json('{"a":"1"}', 'a interval year').a AS STRING), to_json(map('a', interval 32 year 10 month)), ` +
          `CAST(from_json(to_json(map('a', interval 32 year 10 month)), 'a interval year to month').a AS STRING)`;
        expect(rows(spark, year)).toEqual([["INTERVAL '1' YEAR", `{"a":"INTERVAL '32-10' YEAR TO MONTH"}`, "INTERVAL '32-10' YEAR TO MONTH"]]);
      },
      SLOW,
    );
  });

  forEachBackend('date_format (datetime-formatting.sql)', (session) => {
    it('F is the aligned day of week in month (java.time on JDK 17)', () => {
      const q = "SELECT date_format(d, 'F') FROM VALUES (date'2020-01-01'), (date'2020-01-07'), (date'2020-01-08'), (date'2020-01-31') t(d)";
      expect(rows(session(), q)).toEqual([['1'], ['7'], ['1'], ['3']]);
    });
  });

  forEachBackend(
    'spark.sql.legacy.timeParserPolicy=LEGACY (datetime-legacy.sql)',
    (session) => {
      it('the pattern functions refuse it rather than answer with the java.time formatter', () => {
        const spark = session();
        spark.conf.set('spark.sql.legacy.timeParserPolicy', 'LEGACY');
        for (const q of [
          "SELECT to_timestamp('2019-10-06 10:11:12.1', 'yyyy-MM-dd HH:mm:ss.SSSSSS[zzz]')",
          "SELECT date_format(date'2020-01-01', 'yyyy')",
          "SELECT from_csv('26/October/2015', 'd Date', map('dateFormat', 'dd/MMMMM/yyyy'))",
        ]) {
          expect(errorOf(() => spark.sql(q).collect())).toMatchObject({ name: 'NotImplementedException', message: expect.stringContaining('timeParserPolicy=LEGACY') });
        }
        // Functions without patterns are unaffected, and so are JSON/CSV values without dates or timestamps.
        expect(rows(spark, "SELECT year(date'2020-01-01')")).toEqual([[2020]]);
        expect(rows(spark, `SELECT from_json('{"a": 1}', 'a INT').a, to_json(named_struct('b', 'x')), from_csv('1,x', 'a INT, b STRING').b`)).toEqual([[1, '{"b":"x"}', 'x']]);
        expect(errorOf(() => spark.sql("SELECT to_json(named_struct('d', date'2020-01-01'))").collect())).toMatchObject({ name: 'NotImplementedException' });
      });
    },
    { localOnly: 'Spark 3.5.7 runs SimpleDateFormat under LEGACY; sparkless refuses it (a NotImplementedException of its own)' },
  );
});
