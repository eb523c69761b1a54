/**
 * TRY_CAST computes the ANSI cast and makes its malformed-input and overflow errors NULL, in
 * either ANSI mode (checked on Spark 3.5.7): a fraction is malformed for an integral type,
 * narrowing overflows instead of wrapping, and inside arrays, maps and structs each element
 * fails on its own.
 */
import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { errorOf, rows } from '../helpers/sql-errors.js';

forEachBackend('TRY_CAST values', (session) => {
  for (const mode of ['false', 'true']) {
    it(`malformed integral text and overflow give NULL (ansi=${mode})`, () => {
      const spark = session();
      spark.conf.set('spark.sql.ansi.enabled', mode);
      expect(
        rows(
          spark,
          "SELECT try_cast('1.23' AS int), try_cast('1.0' AS bigint), try_cast(' 7 ' AS smallint), try_cast(300 AS tinyint), try_cast(3000000000L AS int), try_cast(1e20D AS bigint), try_cast(CAST('NaN' AS DOUBLE) AS int), try_cast(CAST(1e10 AS DECIMAL(20,0)) AS int), try_cast(timestamp'2021-01-01 00:00:00' AS smallint)",
        ),
      ).toEqual([[null, null, 7, null, null, null, null, null, null]]);
      expect(rows(spark, "SELECT try_cast(c AS tinyint), try_cast(s AS int) FROM VALUES (300, '2.5'), (5, ' 6 ') t(c, s)")).toEqual([
        [null, null],
        [5, 6],
      ]);
    });
  }

  it('inside arrays, maps and structs each element becomes NULL alone', () => {
    const spark = session();
    const [[a, b, m, st]] = rows(
      spark,
      "SELECT try_cast(array('1.5', '2') AS array<int>), try_cast(array(300, 1) AS array<tinyint>), try_cast(map('a', '1.5') AS map<string,int>), try_cast(named_struct('x', 300) AS struct<x:tinyint>)",
    ) as [[unknown[], unknown[], Map<string, unknown>, { x: unknown }]];
    expect(a).toEqual([null, 2]);
    expect(b).toEqual([null, 1]);
    expect([...m]).toEqual([['a', null]]);
    expect(Object.values(st)).toEqual([null]);
  });
  it('an ANSI CAST checks each element of an array, map or struct', () => {
    const spark = session();
    spark.conf.set('spark.sql.ansi.enabled', 'true');
    const e = errorOf(() => rows(spark, "SELECT cast(a AS array<int>) FROM VALUES (array('1', '1.5')) t(a)"));
    expect(e.errorClass).toBe('CAST_INVALID_INPUT');
    expect(e.message).toContain('The value \'1.5\' of the type "STRING" cannot be cast to "INT" because it is malformed.');
    expect(errorOf(() => rows(spark, "SELECT cast(map('a', '300') AS map<string, tinyint>)")).errorClass).toBe('CAST_INVALID_INPUT');
    expect(rows(spark, "SELECT cast(array(' 2 ') AS array<bigint>)")).toEqual([[[2]]]);
  });
});
