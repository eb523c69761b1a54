/**
 * Differences found by probing Spark's own datetime sql-tests inputs (date.sql, timestamp.sql,
 * timestampNTZ/, datetime-*.sql) against sparkless. Every expectation checked against Spark 3.5.7.
 */
import { describe, expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { rows } from '../helpers/sql-errors.js';

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
});
