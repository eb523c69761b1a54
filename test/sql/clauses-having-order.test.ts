/**
 * ORDER BY above HAVING: Spark 3.5.7 resolves it over the filtered select
 * list only, so a key reading an input column (even inside an aggregate the
 * select list computes) fails with UNRESOLVED_COLUMN.WITH_SUGGESTION.
 */
import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError, rows } from '../helpers/sql-errors.js';

forEachBackend('ORDER BY above HAVING', (session) => {
  it('resolves over the select list only', () => {
    const spark = session();
    spark.sql('CREATE OR REPLACE TEMP VIEW subq_t AS SELECT * FROM VALUES (1, 1), (1, 2), (2, 5), (3, 1) AS t(k, v)');
    const err = (q: string) => firstLineError(() => spark.sql(q).collect());
    for (const q of [
      'SELECT k, sum(v) FROM subq_t GROUP BY k HAVING sum(v) > 2 ORDER BY sum(v)',
      'SELECT k FROM subq_t GROUP BY k HAVING k > 1 ORDER BY sum(v)',
      'SELECT k, sum(v) s FROM subq_t GROUP BY k HAVING s > 2 ORDER BY v',
    ]) {
      expect(err(q).errorClass).toBe('UNRESOLVED_COLUMN.WITH_SUGGESTION');
    }
    expect(err('SELECT k FROM subq_t GROUP BY k HAVING sum(v) > 2 ORDER BY sum(v)').message).toBe(
      '[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `v` cannot be resolved. Did you mean one of the following? [`k`].; line 1 pos 63',
    );
    expect(rows(spark, 'SELECT k, sum(v) s FROM subq_t GROUP BY k HAVING s > 2 ORDER BY s DESC, subq_t.k')).toEqual([[2, 5], [1, 3]]);
    expect(rows(spark, 'SELECT k, sum(v) FROM subq_t GROUP BY k HAVING sum(v) > 2 ORDER BY k + 1 DESC')).toEqual([[2, 5], [1, 3]]);
    expect(rows(spark, 'SELECT k, sum(v) FROM subq_t GROUP BY k HAVING sum(v) > 2 ORDER BY 2')).toEqual([[1, 3], [2, 5]]);
    expect(rows(spark, 'SELECT k, sum(v) FROM subq_t GROUP BY k ORDER BY sum(v)')).toEqual([[3, 1], [1, 3], [2, 5]]);
  });
});
