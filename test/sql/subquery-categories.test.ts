/**
 * UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY sub-classes checked one by one
 * against Spark 3.5.7: subqueries in ORDER BY (a Sort), correlated scalar
 * subqueries over MAP columns, and a correlated comparison of maps. Spark's
 * messages end with the operator's plan text (expression ids); sparkless
 * names the operator's kind only.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError, rows } from '../helpers/sql-errors.js';

const SLOW = 30_000;
const PREFIX = 'UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY';

function views(spark: SparkSession): void {
  spark.sql('CREATE OR REPLACE TEMP VIEW subq_x AS SELECT * FROM VALUES (1, 10), (2, 20) AS t(x1, x2)');
  spark.sql('CREATE OR REPLACE TEMP VIEW subq_y AS SELECT * FROM VALUES (1, 1), (2, 2) AS t(y1, y2)');
  spark.sql('CREATE OR REPLACE TEMP VIEW subq_m AS SELECT map(1, 2) m, 1 i');
}

forEachBackend('subquery expression categories', (session) => {
  it('refuses IN/EXISTS and correlated scalar subqueries in ORDER BY', () => {
    const spark = session();
    views(spark);
    const cls = (q: string) => firstLineError(() => spark.sql(q).collect()).errorClass;
    expect(cls('SELECT x1 FROM subq_x ORDER BY EXISTS (SELECT 1 FROM subq_y WHERE y1 = x1)')).toBe(`${PREFIX}.UNSUPPORTED_IN_EXISTS_SUBQUERY`);
    expect(cls('SELECT x1 FROM subq_x ORDER BY x1 IN (SELECT y1 FROM subq_y)')).toBe(`${PREFIX}.UNSUPPORTED_IN_EXISTS_SUBQUERY`);
    expect(cls('SELECT x1, sum(x2) FROM subq_x GROUP BY x1 ORDER BY EXISTS (SELECT max(y2) FROM subq_y WHERE y1 = x1)')).toBe(`${PREFIX}.UNSUPPORTED_IN_EXISTS_SUBQUERY`);
    expect(cls('SELECT x1 FROM subq_x ORDER BY (SELECT max(y2) FROM subq_y WHERE y1 = x1)')).toBe(`${PREFIX}.UNSUPPORTED_CORRELATED_SCALAR_SUBQUERY`);
    expect(cls('SELECT x1, sum(x2) FROM subq_x GROUP BY x1 ORDER BY (SELECT max(y2) FROM subq_y WHERE y1 = x1)')).toBe(`${PREFIX}.UNSUPPORTED_CORRELATED_SCALAR_SUBQUERY`);
    expect(firstLineError(() => spark.sql('SELECT x1 FROM subq_x ORDER BY (SELECT max(y2) FROM subq_y WHERE y1 = x1)').collect()).message).toContain(
      'Unsupported subquery expression: Correlated scalar subqueries can only be used in filters, aggregations, projections, and UPDATE/MERGE/DELETE commandsSort',
    );
    // Uncorrelated scalar subqueries and select-list aliases of correlated ones sort.
    expect(rows(spark, 'SELECT x1 FROM subq_x ORDER BY (SELECT max(y2) FROM subq_y) + x1 DESC')).toEqual([[2], [1]]);
    expect(rows(spark, 'SELECT x1, (SELECT max(y2) FROM subq_y WHERE y1 = x1) s FROM subq_x ORDER BY s DESC')).toEqual([[2, 2], [1, 1]]);
  }, SLOW);

  it('refuses a correlated scalar subquery in an aggregated select list outside an aggregate and the GROUP BY', () => {
    const spark = session();
    views(spark);
    const sq = '(SELECT max(y2) FROM subq_y WHERE y1 = x1)';
    expect(firstLineError(() => spark.sql(`SELECT x1, ${sq} s FROM subq_x GROUP BY x1`).collect(), true).message).toBe(
      "[SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION] The correlated scalar subquery '\"scalarsubquery(x1)\"' is neither present in GROUP BY, nor in an aggregate function. Add it to GROUP BY using ordinal position or wrap it in `first()` (or `first_value`) if you don't care which value you get.",
    );
    expect(firstLineError(() => spark.sql(`SELECT x1, sum(x2) + ${sq} FROM subq_x GROUP BY x1`).collect()).errorClass).toBe('SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION');
    expect(rows(spark, `SELECT x1, sum(${sq}) s FROM subq_x GROUP BY x1 ORDER BY 1`)).toEqual([[1, 1], [2, 2]]);
    expect(rows(spark, `SELECT x1, ${sq} s FROM subq_x GROUP BY x1, 2 ORDER BY 1`)).toEqual([[1, 1], [2, 2]]);
    expect(rows(spark, `SELECT x1, ${sq} s FROM subq_x GROUP BY ALL ORDER BY 1`)).toEqual([[1, 1], [2, 2]]);
    expect(rows(spark, 'SELECT max(x1), (SELECT max(y2) FROM subq_y) FROM subq_x')).toEqual([[2, 2]]);
  }, SLOW);

  it('refuses a correlated scalar subquery over a MAP column, and a comparison of maps', () => {
    const spark = session();
    views(spark);
    expect(firstLineError(() => spark.sql("SELECT (SELECT count(*) FROM subq_m b WHERE b.m['1'] = a.m[1]) FROM subq_m a").collect(), true)).toEqual({
      errorClass: `${PREFIX}.UNSUPPORTED_CORRELATED_REFERENCE_DATA_TYPE`,
      message: `[${PREFIX}.UNSUPPORTED_CORRELATED_REFERENCE_DATA_TYPE] Unsupported subquery expression: Correlated column reference 'a.m' cannot be map type.`,
    });
    expect(firstLineError(() => spark.sql('SELECT * FROM subq_m a WHERE EXISTS (SELECT 1 FROM subq_m b WHERE b.m = a.m)').collect())).toEqual({
      errorClass: 'DATATYPE_MISMATCH.INVALID_ORDERING_TYPE',
      message: '[DATATYPE_MISMATCH.INVALID_ORDERING_TYPE] Cannot resolve "(m = outer(a.m))" due to data type mismatch: The `=` does not support ordering on type "MAP<INT, INT>".; line 1 pos 66',
    });
  }, SLOW);
});
