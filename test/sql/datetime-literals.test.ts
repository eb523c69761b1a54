/**
 * `TIMESTAMP '...'` typed literals accept what CAST(... AS TIMESTAMP) accepts, zone ids and
 * offsets included; a zoned literal is a fixed instant whose name renders it in the session
 * time zone. Every expectation checked against Spark 3.5.7 (session zones UTC and America/Los_Angeles).
 */
import { describe, expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { errorOf, rows } from '../helpers/sql-errors.js';

const SLOW = 30_000;

/** `name:type` of each output column, `!` marking a non-nullable one. */
const schemaOf = (spark: SparkSession, q: string): string[] =>
  spark.sql(q).schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}${f.nullable ? '' : '!'}`);

const ZONED =
  "SELECT timestamp '1970-01-01 00:00:00.000Europe/Paris' AS a, timestamp '2020-01-01 01:33:33 UTC' AS b, " +
  "timestamp '2020-01-01T01:33:33.123 America/Los_Angeles' AS c, timestamp '2020-12-01 14:30:08+08:00' AS d, " +
  "timestamp '2020-12-01 14:30:08Z' AS e, timestamp '2019-01-01 00:00:00.999Asia/Srednekolymsk' AS f, " +
  "timestamp '2019-01-01 00:00:00.123UTC+080000' AS g, timestamp_ltz '2020-01-01 00:00:00 +8:00' AS h";

describe('TIMESTAMP typed literals', () => {
  forEachBackend('zones and offsets', (session) => {
    it(
      'are named by their instant in the session zone (UTC)',
      () => {
        const spark = session();
        const q =
          "SELECT timestamp '1970-01-01 00:00:00.000Europe/Paris', timestamp '2020-01-01 01:33:33 UTC', " +
          "timestamp '2020-01-01T01:33:33.123 America/Los_Angeles', timestamp '2020-12-01 14:30:08+08:00', " +
          "timestamp '2020-12-01 14:30:08Z', timestamp '2019-01-01 00:00:00.999Asia/Srednekolymsk', " +
          "timestamp '2019-01-01 00:00:00.123UTC+080000', timestamp_ltz '2020-01-01 00:00:00Europe/Paris', " +
          "timestamp '2020-1-1', timestamp '2020-01-01 00:00:00.1234567', timestamp '2020'";
        expect(schemaOf(spark, q)).toEqual([
          "TIMESTAMP '1969-12-31 23:00:00':timestamp!",
          "TIMESTAMP '2020-01-01 01:33:33':timestamp!",
          "TIMESTAMP '2020-01-01 09:33:33.123':timestamp!",
          "TIMESTAMP '2020-12-01 06:30:08':timestamp!",
          "TIMESTAMP '2020-12-01 14:30:08':timestamp!",
          "TIMESTAMP '2018-12-31 13:00:00.999':timestamp!",
          "TIMESTAMP '2018-12-31 16:00:00.123':timestamp!",
          "TIMESTAMP '2019-12-31 23:00:00':timestamp!",
          "TIMESTAMP '2020-01-01 00:00:00':timestamp!",
          "TIMESTAMP '2020-01-01 00:00:00.123456':timestamp!",
          "TIMESTAMP '2020-01-01 00:00:00':timestamp!",
        ]);
        expect(rows(spark, `SELECT unix_micros(a), unix_micros(b), unix_micros(c), unix_seconds(d), unix_seconds(e), unix_millis(f), unix_millis(g), unix_seconds(h) FROM (${ZONED})`)).toEqual([
          [-3_600_000_000, 1_577_842_413_000_000, 1_577_871_213_123_000, 1_606_804_208, 1_606_833_008, 1_546_261_200_999, 1_546_272_000_123, 1_577_808_000],
        ]);
      },
      SLOW,
    );

    it(
      'keep their instant and rename in another session zone, nested names included',
      () => {
        const spark = session();
        spark.conf.set('spark.sql.session.timeZone', 'America/Los_Angeles');
        const q =
          "SELECT timestamp '1970-01-01 00:00:00.000Europe/Paris', timestamp '2020-01-01 01:33:33 UTC', " +
          "CAST(timestamp '2020-12-01 14:30:08Z' AS STRING), unix_seconds(TIMESTAMP '2020-12-01 14:30:08Z'), timestamp '2020-01-01 10:00:00'";
        expect(schemaOf(spark, q)).toEqual([
          "TIMESTAMP '1969-12-31 15:00:00':timestamp!",
          "TIMESTAMP '2019-12-31 17:33:33':timestamp!",
          "CAST(TIMESTAMP '2020-12-01 06:30:08' AS STRING):string!",
          "unix_seconds(TIMESTAMP '2020-12-01 06:30:08'):bigint!",
          "TIMESTAMP '2020-01-01 10:00:00':timestamp!",
        ]);
        expect(rows(spark, `SELECT CAST(timestamp '2020-12-01 14:30:08Z' AS STRING), unix_seconds(TIMESTAMP '2020-12-01 14:30:08Z'), unix_seconds(timestamp '2020-01-01 10:00:00')`)).toEqual([
          ['2020-12-01 06:30:08', 1_606_833_008, 1_577_901_600],
        ]);
      },
      SLOW,
    );

    it('an unknown zone is an invalid literal', () => {
      const q = "SELECT timestamp '2020-01-01 00:00:00 Foo/Bar'";
      expect(errorOf(() => session().sql(q).collect())).toMatchObject({
        errorClass: 'INVALID_TYPED_LITERAL',
        message: expect.stringContaining(`The value of the typed literal "TIMESTAMP" is invalid: '2020-01-01 00:00:00 Foo/Bar'.`),
      });
    });
  });
});
