/**
 * array_contains and array_position refuse untyped NULL arguments (DATATYPE_MISMATCH.NULL_TYPE):
 * array_contains a bare NULL array or value, array_position a bare NULL array or a value and
 * elements that are both NULL. A NULL that takes the elements' type is just a NULL.
 * Checked on Spark 3.5.7.
 */
import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { errorOf, rows } from '../helpers/sql-errors.js';

const nullType = (sql: string, fn: string): string =>
  `[DATATYPE_MISMATCH.NULL_TYPE] Cannot resolve "${sql}" due to data type mismatch: Null typed values cannot be used as arguments of \`${fn}\`.; line 1 pos 7`;

forEachBackend('untyped NULL arguments of array functions', (session) => {
  it('NULL_TYPE where Spark refuses one', () => {
    const spark = session();
    const cases: [string, string, string][] = [
      ['SELECT array_contains(array(1), null)', 'array_contains(array(1), NULL)', 'array_contains'],
      ['SELECT array_contains(null, 1)', 'array_contains(NULL, 1)', 'array_contains'],
      ['SELECT array_position(array(null), null)', 'array_position(array(NULL), NULL)', 'array_position'],
      ['SELECT array_position(null, 1)', 'array_position(NULL, 1)', 'array_position'],
    ];
    for (const [q, sql, fn] of cases) {
      const e = errorOf(() => spark.sql(q).schema, q);
      expect(e.errorClass, q).toBe('DATATYPE_MISMATCH.NULL_TYPE');
      expect(e.message, q).toBe(nullType(sql, fn));
    }
  });

  it('a NULL coerced to the element type is a NULL value', () => {
    const spark = session();
    expect(rows(spark, 'SELECT array_contains(array(null), 1), array_position(array(1), null), array_position(array(null), 1), array_remove(array(null), null)')).toEqual([
      [null, null, 0, null],
    ]);
  });
});
