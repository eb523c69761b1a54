/**
 * Timestamp subtraction and datetime ± day-time interval typing: wall-clock
 * differences in the session zone, NULL operands, and Spark's TimeAdd /
 * SubtractTimestamps type errors, each checked against Spark 3.5.7 on every
 * backend.
 */
import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError } from '../helpers/sql-errors.js';

const SLOW = 30_000;

const needsTimestamp = (sql: string, index: number, value: string, type: string) => ({
  errorClass: 'DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE',
  message: `[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "${sql}" due to data type mismatch: Parameter ${index} requires the "(TIMESTAMP OR TIMESTAMP WITHOUT TIME ZONE)" type, however "${value}" has the type "${type}".`,
});

const errorOf = (f: () => unknown) => firstLineError(f, true);

forEachBackend('timestamp subtraction', (session) => {
  it('subtracts local date-times in the session zone: a day across a DST change is 24 hours', () => {
    const spark = session();
    spark.sql('SET spark.sql.session.timeZone=America/Los_Angeles');
    const df = spark.sql(
      "SELECT timestamp'2019-11-04 00:00:00' - timestamp'2019-11-02 00:00:00' a, date'2019-11-04' - timestamp'2019-11-02 00:00:00' b, timestamp_ntz'2019-11-04 00:00:00' - timestamp_ntz'2019-11-02 00:00:00' c, date'2020-01-01' - timestamp'2019-10-06 10:11:12.345678' d",
    );
    expect(df.showString(20, false).split('\n')[3]).toBe(
      "|INTERVAL '2 00:00:00' DAY TO SECOND|INTERVAL '2 00:00:00' DAY TO SECOND|INTERVAL '2 00:00:00' DAY TO SECOND|INTERVAL '86 13:48:47.654322' DAY TO SECOND|",
    );
  }, SLOW);

  it('timestamp − NULL either way is a NULL day-time interval', () => {
    const spark = session();
    const df = spark.sql("SELECT timestamp'2011-11-11 11:11:11' - null, null - timestamp_ntz'2011-11-11 11:11:11'");
    expect(df.schema.fields.map((f) => [f.name, f.dataType.simpleString(), f.nullable])).toEqual([
      ["(TIMESTAMP '2011-11-11 11:11:11' - NULL)", 'interval day to second', true],
      ["(NULL - TIMESTAMP_NTZ '2011-11-11 11:11:11')", 'interval day to second', true],
    ]);
    expect(df.collect().map((r) => [...r])).toEqual([[null, null]]);
  }, SLOW);

  it("refuses what is no timestamp where Spark's TimeAdd and SubtractTimestamps want one", () => {
    const spark = session();
    const q = (sql: string) => errorOf(() => spark.sql(sql).collect());
    expect(q("SELECT timestamp'2011-11-11 11:11:11' - '2011'")).toEqual(needsTimestamp("(TIMESTAMP '2011-11-11 11:11:11' - 2011)", 2, '2011', 'STRING'));
    expect(q("SELECT '2011-11-11 11:11:11' - timestamp'2011-11-11 11:11:10'")).toEqual(
      needsTimestamp("(2011-11-11 11:11:11 - TIMESTAMP '2011-11-11 11:11:10')", 1, '2011-11-11 11:11:11', 'STRING'),
    );
    expect(q("SELECT timestamp_ntz'2011-11-11 11:11:11' - 1")).toEqual(needsTimestamp("(TIMESTAMP_NTZ '2011-11-11 11:11:11' - 1)", 2, '1', 'INT'));
    expect(q('SELECT 1 - interval 2 day')).toEqual(needsTimestamp("1 + (- INTERVAL '2' DAY)", 1, '1', 'INT'));
    expect(q("SELECT true - interval '1' hour")).toEqual(needsTimestamp("true + (- INTERVAL '01' HOUR)", 1, 'true', 'BOOLEAN'));
    expect(q('SELECT interval 2 day + cast(1 as tinyint)')).toEqual(needsTimestamp("CAST(1 AS TINYINT) + INTERVAL '2' DAY", 1, 'CAST(1 AS TINYINT)', 'TINYINT'));
    // A year-month interval, or an interval on the left of −, keeps the operator's own error.
    expect(q('SELECT 1 + interval 2 year').errorClass).toBe('DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES');
    expect(q('SELECT interval 2 day - 1').errorClass).toBe('DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES');
  }, SLOW);
});
