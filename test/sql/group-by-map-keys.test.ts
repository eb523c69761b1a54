/**
 * Grouping keys that are or hold a MAP (no ordering, no equality in Spark):
 * GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE from SQL and from groupBy(), checked
 * against Spark 3.5.7 on every backend.
 */
import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError } from '../helpers/sql-errors.js';

const SLOW = 30_000;

const refused = (sql: string, type: string) => ({
  errorClass: 'GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE',
  message: `[GROUP_EXPRESSION_TYPE_IS_NOT_ORDERABLE] The expression "${sql}" cannot be used as a grouping expression because its data type "${type}" is not an orderable data type.`,
});

const errorOf = (f: () => unknown) => firstLineError(f, true);

forEachBackend('GROUP BY keys holding maps', (session) => {
  it('refuses a grouping key that is or holds a map, in SQL and in groupBy()', () => {
    const spark = session();
    const q = (sql: string) => errorOf(() => spark.sql(sql).collect());
    expect(q("SELECT count(*) FROM VALUES (named_struct('b', map(1, 2))), (named_struct('b', map(1, 3))) AS t(a) GROUP BY a")).toEqual(refused('a', 'STRUCT<b: MAP<INT, INT>>'));
    expect(q('SELECT count(*) FROM VALUES (map(array(1, 2), 3)) AS t(a) GROUP BY a')).toEqual(refused('a', 'MAP<ARRAY<INT>, INT>'));
    expect(q('SELECT a, count(*) FROM VALUES (array(map(1, 2))) t(a) GROUP BY 1')).toEqual(refused('a', 'ARRAY<MAP<INT, INT>>'));
    expect(q('SELECT count(*) FROM VALUES (map(1, 2), 1) t(a, b) GROUP BY ROLLUP(b, a)')).toEqual(refused('a', 'MAP<INT, INT>'));
    // A key computed from the map is fine.
    expect(spark.sql('SELECT count(*) FROM VALUES (map(1, 2), 1) t(a, b) GROUP BY map_keys(a)').collect().map((r) => [...r])).toEqual([[1]]);
    const df = spark.sql('SELECT map(1, 2) AS m, 1 AS b');
    expect(errorOf(() => df.groupBy('m').count().collect())).toEqual(refused('m', 'MAP<INT, INT>'));
  }, SLOW);
});
