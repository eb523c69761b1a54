/**
 * LIMIT / OFFSET expressions are checked in Spark 3.5.7's order: foldable,
 * then of type INT (BIGINT, DECIMAL, VOID, STRING, BOOLEAN refused with the
 * type named), then not null, then not negative; every text says "limit like
 * expression", OFFSET included (sql-tests limit.sql).
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';

function error(spark: SparkSession, sql: string): { errorClass?: string; message: string } {
  try {
    spark.sql(sql).collect();
  } catch (e) {
    const err = e as { errorClass?: string; message: string };
    // Spark appends the position of the clause (`; line 1 pos 29`), sparkless does not.
    return { errorClass: err.errorClass, message: err.message.split('\n')[0]!.replace(/;\s*line \d+ pos \d+$/, '') };
  }
  throw new Error('expected an error');
}

forEachBackend('LIMIT and OFFSET expressions', (session) => {
  it('refuses non-INT types before looking at the value', () => {
    const spark = session();
    const cases: [string, string][] = [
      ['select * from range(3) limit null', 'The limit like expression "NULL" is invalid. The limit expression must be integer type, but got "VOID".'],
      ['select * from range(3) limit 2147483648', 'The limit like expression "2147483648" is invalid. The limit expression must be integer type, but got "BIGINT".'],
      ['select * from range(3) limit 1.5', 'The limit like expression "1.5" is invalid. The limit expression must be integer type, but got "DECIMAL(2,1)".'],
      ['select * from range(3) offset 1.5', 'The limit like expression "1.5" is invalid. The offset expression must be integer type, but got "DECIMAL(2,1)".'],
      ['select * from range(3) limit cast(1 as smallint)', 'The limit like expression "CAST(1 AS SMALLINT)" is invalid. The limit expression must be integer type, but got "SMALLINT".'],
      ['select * from range(3) limit true', 'The limit like expression "true" is invalid. The limit expression must be integer type, but got "BOOLEAN".'],
    ];
    for (const [sql, message] of cases) {
      expect(error(spark, sql), sql).toEqual({ errorClass: 'INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE', message: `[INVALID_LIMIT_LIKE_EXPRESSION.DATA_TYPE] ${message}` });
    }
  });

  it('then a null INT, a negative value, an unfoldable expression', () => {
    const spark = session();
    expect(error(spark, 'select * from range(3) limit cast(null as int)')).toEqual({
      errorClass: 'INVALID_LIMIT_LIKE_EXPRESSION.IS_NULL',
      message: '[INVALID_LIMIT_LIKE_EXPRESSION.IS_NULL] The limit like expression "CAST(NULL AS INT)" is invalid. The evaluated limit expression must not be null.',
    });
    expect(error(spark, 'select * from range(3) offset -1')).toEqual({
      errorClass: 'INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE',
      message: '[INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE] The limit like expression "-1" is invalid. The offset expression must be equal to or greater than 0, but got -1.',
    });
    expect(error(spark, 'select * from range(3) offset id')).toEqual({
      errorClass: 'INVALID_LIMIT_LIKE_EXPRESSION.IS_UNFOLDABLE',
      message: '[INVALID_LIMIT_LIKE_EXPRESSION.IS_UNFOLDABLE] The limit like expression "id" is invalid. The offset expression must evaluate to a constant value.',
    });
  });

  it('accepts foldable INT expressions', () => {
    const spark = session();
    expect(spark.sql('select * from range(10) order by id limit 2 + 1 offset cast(1 as int)').collect().map((r) => r.id)).toEqual([1, 2, 3]);
  });
});
