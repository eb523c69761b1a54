/**
 * Spark 3.5 non-ANSI coercion as its errors and date arithmetic show it: a string
 * operand is promoted to DOUBLE before an arithmetic operator rejects it, `date ± string`
 * is date_add/date_sub of that DOUBLE, `x - date` is a date difference, set operations
 * name the incompatible column, and RANGE frames cast their offsets to the order type.
 * Every expectation was checked against Spark 3.5.7 (the typeCoercion sql-tests).
 */
import { describe, expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { ansi, firstLineError } from '../helpers/sql-errors.js';
import type { SparkSession } from '../../src/index.js';

const err = (spark: SparkSession, q: string) => firstLineError(() => spark.sql(q).collect(), true);
const mismatch = (sql: string, detail: string) => `Cannot resolve "${sql}" due to data type mismatch: ${detail}.`;

forEachBackend('coercion seen through its errors', (session) => {
  it('a string operand of + - * / % is a DOUBLE when the other operand is no number', () => {
    const spark = session();
    const diff = (l: string, r: string) => `the left and right operands of the binary operator have incompatible types ("${l}" and "${r}")`;
    expect(err(spark, "SELECT '1' + cast('1' as binary)")).toEqual({
      errorClass: 'DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES',
      message: `[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] ${mismatch('(1 + CAST(1 AS BINARY))', diff('DOUBLE', 'BINARY'))}`,
    });
    expect(err(spark, "SELECT cast(1 as boolean) * '1'").message).toContain(diff('BOOLEAN', 'DOUBLE'));
    expect(err(spark, "SELECT '1' % timestamp'2017-12-12 09:30:00'").message).toContain(diff('DOUBLE', 'TIMESTAMP'));
    expect(err(spark, "SELECT cast(1 as string) / cast(2 as boolean)").message).toContain(diff('DOUBLE', 'BOOLEAN'));
  });

  it('date + string and date - string are date_add / date_sub of a DOUBLE, which they refuse', () => {
    const spark = session();
    const needsInt = (fn: string) =>
      `[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] ${mismatch(`${fn}(DATE '2017-12-12', 1)`, 'Parameter 2 requires the ("INT" or "SMALLINT" or "TINYINT") type, however "1" has the type "DOUBLE"')}`;
    expect(err(spark, "SELECT date'2017-12-12' + '1'")).toEqual({ errorClass: 'DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', message: needsInt('date_add') });
    expect(err(spark, "SELECT '1' + date'2017-12-12'").message).toBe(needsInt('date_add'));
    expect(err(spark, "SELECT date'2017-12-12' - '1'").message).toBe(needsInt('date_sub'));
  });

  it('x - date is a date difference: a string or NULL becomes a date, a number or boolean is refused', () => {
    const spark = session();
    const df = spark.sql("SELECT '2017-12-11' - date'2017-12-12' AS a, '1' - date'2017-12-12', NULL - date'2017-12-12'");
    expect(df.schema.fields.map((f) => `${f.name}: ${f.dataType.simpleString()} ${f.nullable}`)).toEqual([
      'a: interval day true',
      "(1 - DATE '2017-12-12'): interval day true",
      "(NULL - DATE '2017-12-12'): interval day true",
    ]);
    expect(df.showString(20, false)).toContain("|INTERVAL '-1' DAY|NULL                   |NULL                      |");
    expect(err(spark, "SELECT cast(1 as decimal(3, 0)) - date'2017-12-12'")).toEqual({
      errorClass: 'DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE',
      message: `[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] ${mismatch("(CAST(1 AS DECIMAL(3,0)) - DATE '2017-12-12')", 'Parameter 1 requires the "DATE" type, however "CAST(1 AS DECIMAL(3,0))" has the type "DECIMAL(3,0)"')}`,
    });
    expect(err(spark, "SELECT true - date'2017-12-12'").message).toContain('Parameter 1 requires the "DATE" type, however "true" has the type "BOOLEAN"');
  });

  it('a set operation names the incompatible column first/second/third, then 5th, 12th, 21th', () => {
    const spark = session();
    const incompatible = (op: string, nth: string, r: string, l: string) =>
      `[INCOMPATIBLE_COLUMN_TYPE] ${op} can only be performed on tables with compatible column types. The ${nth} column of the second table is "${r}" type which is not compatible with "${l}" at the same column of the first table..`;
    expect(err(spark, "SELECT cast(1 as tinyint) UNION SELECT cast('2' as binary)")).toEqual({
      errorClass: 'INCOMPATIBLE_COLUMN_TYPE',
      message: incompatible('UNION', 'first', 'BINARY', 'TINYINT'),
    });
    expect(err(spark, 'SELECT 1, 2, 3, 4, 5 UNION SELECT 1, 2, 3, 4, true').message).toBe(incompatible('UNION', '5th', 'BOOLEAN', 'INT'));
    const cols = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    const wide = `SELECT ${cols(22).join(', ')} EXCEPT SELECT ${cols(22).map((i) => (i === 21 ? 'true' : i)).join(', ')}`;
    expect(err(spark, wide).message).toBe(incompatible('EXCEPT', '21th', 'BOOLEAN', 'INT'));
  });

  describe('RANGE frames with value offsets', () => {
    const unaccepted = (frame: string, which: string, t: string) =>
      `[DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE] ${mismatch(frame, `The data type of the ${which} bound "${t}" does not match the expected data type ("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH" or "INTERVAL")`)}`;

    it('a string, binary or boolean order key makes the cast offsets that type, which a bound may not have', () => {
      const spark = session();
      expect(err(spark, 'SELECT COUNT(*) OVER (PARTITION BY 1 ORDER BY cast(1 as string) DESC RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM VALUES 1')).toEqual({
        errorClass: 'DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE',
        message: unaccepted('RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING', 'upper', 'STRING'),
      });
      expect(err(spark, "SELECT COUNT(*) OVER (ORDER BY 'a' RANGE BETWEEN 2 PRECEDING AND 1 FOLLOWING) FROM VALUES 1").message).toBe(
        unaccepted('RANGE BETWEEN (- 2) FOLLOWING AND 1 FOLLOWING', 'lower', 'STRING'),
      );
      expect(err(spark, "SELECT COUNT(*) OVER (ORDER BY 'a' RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND CURRENT ROW) FROM VALUES 1").message).toBe(
        unaccepted("RANGE BETWEEN (- INTERVAL '1' DAY) FOLLOWING AND CURRENT ROW", 'lower', 'STRING'),
      );
      expect(err(spark, 'SELECT COUNT(*) OVER (ORDER BY true RANGE BETWEEN UNBOUNDED PRECEDING AND 2 FOLLOWING) FROM VALUES 1').message).toBe(
        unaccepted('RANGE BETWEEN UNBOUNDED PRECEDING AND 2 FOLLOWING', 'upper', 'BOOLEAN'),
      );
    });

    it('a timestamp or complex order key keeps the INT offsets, which do not match it', () => {
      const spark = session();
      const invalid = (spec: string, t: string) =>
        `[DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE] ${mismatch(spec, `The data type "${t}" used in the order specification does not match the data type "INT" which is used in the range frame`)}`;
      expect(err(spark, "SELECT COUNT(*) OVER (PARTITION BY 1 ORDER BY timestamp'2017-12-11 09:30:00' DESC RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM VALUES 1")).toEqual({
        errorClass: 'DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE',
        message: invalid("(PARTITION BY 1 ORDER BY TIMESTAMP '2017-12-11 09:30:00' DESC NULLS LAST RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING)", 'TIMESTAMP'),
      });
      expect(err(spark, 'SELECT COUNT(*) OVER (ORDER BY array(1) RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) FROM VALUES 1').message).toBe(
        invalid('(ORDER BY array(1) ASC NULLS FIRST RANGE BETWEEN 2 PRECEDING AND CURRENT ROW)', 'ARRAY<INT>'),
      );
    });

    // Spark 3.5.7: ANSI casts no number to BINARY, so a BINARY order key keeps the INT offsets.
    it('under ANSI a BINARY order key keeps the INT offsets too', () => {
      const spark = ansi(session());
      expect(err(spark, "SELECT count(*) OVER (ORDER BY b RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM VALUES (X'01') t(b)")).toEqual({
        errorClass: 'DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE',
        message: `[DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE] ${mismatch(
          '(ORDER BY b ASC NULLS FIRST RANGE BETWEEN 1 PRECEDING AND CURRENT ROW)',
          'The data type "BINARY" used in the order specification does not match the data type "INT" which is used in the range frame',
        )}`,
      });
    });

    // Spark 3.5.7 positions each refusal at the window spec's '(' (windowFrameCoercion.sql).
    it('positions the refusals at the window spec', () => {
      const spark = session();
      for (const key of ['cast(1 as string)', "cast('1' as binary)", 'cast(1 as boolean)', "cast('2017-12-11 09:30:00.0' as timestamp)"]) {
        const q = `SELECT COUNT(*) OVER (PARTITION BY 1 ORDER BY ${key} DESC RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM VALUES 1`;
        expect(firstLineError(() => spark.sql(q).collect()).message).toMatch(/; line 1 pos 21$/);
      }
    });
  });

  describe('under ANSI', () => {
    it('an integral type and FLOAT meet at DOUBLE in CASE, IF and arithmetic', () => {
      const df = ansi(session()).sql('SELECT CASE WHEN true THEN 1 ELSE cast(2 as float) END AS c, IF(false, 1L, cast(2.5 as float)) AS d, 1Y + cast(2 as float) AS e');
      expect(df.schema.fields.map((f) => `${f.name}: ${f.dataType.simpleString()}`)).toEqual(['c: double', 'd: double', 'e: double']);
      expect(df.collect().map((r) => [...r])).toEqual([[1, 2.5, 3]]);
    });

    it('decimal + - * are as nullable as their operands (an overflow throws); / and % stay nullable', () => {
      const df = ansi(session()).sql(
        'SELECT cast(1 as decimal(3, 0)) + cast(1 as tinyint) a, cast(1 as decimal(10, 0)) + cast(1 as tinyint) b, cast(1 as decimal(10, 0)) / cast(1 as tinyint) c, ' +
          'cast(1 as decimal(10, 0)) % cast(1 as tinyint) d, cast(id as decimal(10,0)) + 1 e, cast(id as decimal(38,0)) * cast(id as decimal(38,0)) f, cast(2 as decimal(20, 0)) - 1L g FROM range(1)',
      );
      expect(df.schema.fields.map((f) => `${f.name}: ${f.dataType.simpleString()} ${f.nullable}`)).toEqual([
        'a: decimal(4,0) true',
        'b: decimal(11,0) false',
        'c: decimal(16,6) true',
        'd: decimal(3,0) true',
        'e: decimal(11,0) true',
        'f: decimal(38,0) false',
        'g: decimal(21,0) true',
      ]);
      expect(df.collect().map((r) => [...r].map(String))).toEqual([['2', '2', '1.000000', '0', '1', '0', '1']]);
    });

    it('a string next to a timestamp in a subtraction is cast to a timestamp first', () => {
      const df = ansi(session()).sql("SELECT '2017-12-11 09:30:00' - timestamp'2017-12-12 09:30:00' AS a, timestamp'2017-12-12 09:30:00' - '2017-12-11 09:30:00' AS b");
      expect(df.schema.fields.map((f) => `${f.name}: ${f.dataType.simpleString()}`)).toEqual(['a: interval day to second', 'b: interval day to second']);
      expect(df.showString(20, false)).toContain("|INTERVAL '-1 00:00:00' DAY TO SECOND|INTERVAL '1 00:00:00' DAY TO SECOND|");
    });
  });
});
