/**
 * RANGE frames with INTERVAL offsets over integral and decimal ORDER BY keys: Spark 3.5.7's
 * WindowFrameCoercion casts the (signed) offset to the key's type, counting the interval's end
 * field, and names a cast PRECEDING offset as its negation FOLLOWING (number offsets cast to
 * another numeric key type too). Every expectation was asked
 * of Spark 3.5.7.
 */
import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError, resultOf } from '../helpers/sql-errors.js';

const SLOW = 30_000;
const counts = (r: { rows: unknown[][] }): unknown[] => r.rows.map((x) => Number(x[x.length - 1]));

forEachBackend('SQL RANGE frames with interval offsets over numeric keys', (session) => {
  it('casts a day-time interval to a bigint key, named as the negated interval FOLLOWING', () => {
    const spark = session();
    expect(resultOf(spark, 'SELECT id, sum(id) OVER (ORDER BY id RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND CURRENT ROW) FROM range(5)')).toEqual({
      names: ['id', "sum(id) OVER (ORDER BY id ASC NULLS FIRST RANGE BETWEEN (- INTERVAL '1' DAY) FOLLOWING AND CURRENT ROW)"],
      nullable: [false, true],
      rows: [[0, 0], [1, 1], [2, 3], [3, 5], [4, 7]],
    });
    // DAY TO HOUR counts hours: 26 rows' worth of id.
    const r = resultOf(spark, "SELECT id, count(1) OVER (ORDER BY id RANGE BETWEEN INTERVAL '1 02' DAY TO HOUR PRECEDING AND CURRENT ROW) FROM range(30)");
    expect(r.names[1]).toBe("count(1) OVER (ORDER BY id ASC NULLS FIRST RANGE BETWEEN (- INTERVAL '1 02' DAY TO HOUR) FOLLOWING AND CURRENT ROW)");
    expect(counts(r)).toEqual([...Array.from({ length: 27 }, (_, i) => i + 1), 27, 27, 27]);
    expect(counts(resultOf(spark, 'SELECT id, count(1) OVER (ORDER BY id RANGE BETWEEN INTERVAL 2 HOURS PRECEDING AND CURRENT ROW) c FROM range(5)'))).toEqual([1, 2, 3, 3, 3]);
  }, SLOW);

  it('counts year-month intervals in their end field over int, tinyint and bigint keys', () => {
    const spark = session();
    expect(counts(resultOf(spark, "SELECT a, count(1) OVER (ORDER BY a RANGE BETWEEN INTERVAL '1-2' YEAR TO MONTH PRECEDING AND CURRENT ROW) c FROM (SELECT CAST(id AS INT) a FROM range(16))"))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 15,
    ]);
    const tiny = resultOf(spark, 'SELECT a, count(1) OVER (ORDER BY a RANGE BETWEEN INTERVAL 1 MONTH PRECEDING AND CURRENT ROW) FROM (SELECT CAST(id AS TINYINT) a FROM range(4))');
    expect(tiny.names[1]).toBe("count(1) OVER (ORDER BY a ASC NULLS FIRST RANGE BETWEEN (- INTERVAL '1' MONTH) FOLLOWING AND CURRENT ROW)");
    expect(counts(tiny)).toEqual([1, 2, 2, 2]);
    expect(resultOf(spark, "SELECT a, sum(a) OVER (ORDER BY a RANGE BETWEEN CURRENT ROW AND INTERVAL '0-6' YEAR TO MONTH FOLLOWING) s FROM VALUES (CAST(1 AS BIGINT)), (6), (7), (13) t(a) ORDER BY a").rows).toEqual([
      [1, 14], [6, 13], [7, 20], [13, 13],
    ]);
  }, SLOW);

  it('truncates a SECOND end toward zero over a descending int key, and keeps its fraction over a decimal key', () => {
    const spark = session();
    const desc = "SELECT a, count(1) OVER (ORDER BY a DESC RANGE BETWEEN INTERVAL '1 12' DAY TO HOUR PRECEDING AND INTERVAL '1:30:59.9' HOUR TO SECOND FOLLOWING) c FROM VALUES (0), (20), (36), (37), (5400), (5459), (5460), (NULL) t(a) ORDER BY a";
    expect(resultOf(spark, desc).rows).toEqual([[null, 1], [0, 3], [20, 4], [36, 4], [37, 4], [5400, 5], [5459, 7], [5460, 6]]);
    const dec = resultOf(spark, 'SELECT a, count(1) OVER (ORDER BY a RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND INTERVAL \'1 01\' DAY TO HOUR FOLLOWING) FROM (SELECT CAST(id AS DECIMAL(10,2)) a FROM range(3))');
    expect(dec.names[1]).toBe("count(1) OVER (ORDER BY a ASC NULLS FIRST RANGE BETWEEN (- INTERVAL '1' DAY) FOLLOWING AND INTERVAL '1 01' DAY TO HOUR FOLLOWING)");
    expect(counts(dec)).toEqual([3, 3, 2]);
    expect(counts(resultOf(spark, "SELECT a, count(1) OVER (ORDER BY a RANGE BETWEEN INTERVAL '1.5' SECOND PRECEDING AND CURRENT ROW) c FROM VALUES (CAST(0 AS DECIMAL(4,1))), (1.4), (1.5), (1.6) t(a) ORDER BY a"))).toEqual([1, 2, 3, 3]);
  }, SLOW);

  it('names a number offset cast to another numeric key type as its child, one of the key type as written', () => {
    const spark = session();
    expect(resultOf(spark, 'SELECT sum(id) OVER (ORDER BY id RANGE BETWEEN 1 PRECEDING AND 2 FOLLOWING) FROM range(2)')).toEqual({
      names: ['sum(id) OVER (ORDER BY id ASC NULLS FIRST RANGE BETWEEN (- 1) FOLLOWING AND 2 FOLLOWING)'],
      nullable: [true],
      rows: [[1], [1]],
    });
    expect(resultOf(spark, 'SELECT sum(a) OVER (ORDER BY a RANGE BETWEEN 1.5 PRECEDING AND CURRENT ROW) FROM VALUES (1.5) t(a)').names).toEqual([
      'sum(a) OVER (ORDER BY a ASC NULLS FIRST RANGE BETWEEN 1.5 PRECEDING AND CURRENT ROW)',
    ]);
    expect(resultOf(spark, 'SELECT sum(a) OVER (ORDER BY a RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM VALUES (1.5) t(a)').names).toEqual([
      'sum(a) OVER (ORDER BY a ASC NULLS FIRST RANGE BETWEEN (- 1) FOLLOWING AND CURRENT ROW)',
    ]);
    expect(firstLineError(() => spark.sql('SELECT COUNT(*) OVER (ORDER BY array(1) RANGE BETWEEN 2 PRECEDING AND 3 PRECEDING) FROM VALUES 1').collect()).message).toContain(
      'Cannot resolve "RANGE BETWEEN 2 PRECEDING AND 3 PRECEDING"',
    );
  }, SLOW);

  it('compares the cast offsets: a lower bound past the upper one is refused at the spec', () => {
    const spark = session();
    const wrong = (frame: string) => ({
      errorClass: 'DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON',
      message: `[DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON] Cannot resolve "${frame}" due to data type mismatch: The lower bound of a window frame must be less than or equal to the upper bound.; line 1 pos 25`,
    });
    expect(firstLineError(() => spark.sql('SELECT id, count(1) OVER (ORDER BY id RANGE BETWEEN INTERVAL 2 DAY FOLLOWING AND INTERVAL 1 DAY FOLLOWING) c FROM range(3)').collect())).toEqual(
      wrong("RANGE BETWEEN INTERVAL '2' DAY FOLLOWING AND INTERVAL '1' DAY FOLLOWING"),
    );
    expect(firstLineError(() => spark.sql('SELECT id, count(1) OVER (ORDER BY id RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND INTERVAL 2 DAY PRECEDING) c FROM range(3)').collect())).toEqual(
      wrong("RANGE BETWEEN (- INTERVAL '1' DAY) FOLLOWING AND (- INTERVAL '2' DAY) FOLLOWING"),
    );
  }, SLOW);

  it('raises the cast overflow past the key type (even over no rows), and refuses floating keys', () => {
    const spark = session();
    expect(firstLineError(() => spark.sql('SELECT a, count(1) OVER (ORDER BY a RANGE BETWEEN INTERVAL 1000 DAY PRECEDING AND CURRENT ROW) c FROM (SELECT CAST(id AS TINYINT) a FROM range(0))').collect()).errorClass).toBe(
      'CAST_OVERFLOW',
    );
    expect(firstLineError(() => spark.sql('SELECT a, count(1) OVER (ORDER BY a RANGE BETWEEN INTERVAL 1000 DAY PRECEDING AND CURRENT ROW) c FROM (SELECT CAST(id AS TINYINT) a FROM range(4))').collect())).toEqual({
      errorClass: 'CAST_OVERFLOW',
      message:
        '[CAST_OVERFLOW] The value INTERVAL \'-1000\' DAY of the type "INTERVAL DAY" cannot be cast to "TINYINT" due to an overflow. Use `try_cast` to tolerate overflow and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error.',
    });
    expect(firstLineError(() => spark.sql('SELECT a, count(1) OVER (ORDER BY a RANGE BETWEEN INTERVAL 100 DAY PRECEDING AND CURRENT ROW) c FROM VALUES (CAST(1 AS DECIMAL(3,1))) t(a)').collect())).toEqual({
      errorClass: 'NUMERIC_VALUE_OUT_OF_RANGE',
      message: '[NUMERIC_VALUE_OUT_OF_RANGE] -100 cannot be represented as Decimal(3, 1). If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error, and return NULL instead.',
    });
    expect(firstLineError(() => spark.sql('SELECT a, count(1) OVER (ORDER BY a RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND CURRENT ROW) c FROM (SELECT CAST(id AS DOUBLE) a FROM range(3))').collect())).toEqual({
      errorClass: 'DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE',
      message:
        '[DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE] Cannot resolve "(ORDER BY a ASC NULLS FIRST RANGE BETWEEN INTERVAL \'1\' DAY PRECEDING AND CURRENT ROW)" due to data type mismatch: The data type "DOUBLE" used in the order specification does not match the data type "INTERVAL DAY" which is used in the range frame.; line 1 pos 24',
    });
  }, SLOW);
});
