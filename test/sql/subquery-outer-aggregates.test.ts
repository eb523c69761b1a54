/**
 * Subqueries reading the enclosing query's aggregates and Spark 3.5.7's
 * analysis of correlated subqueries: aggregates over outer columns in HAVING,
 * mixed outer/local aggregates, outer references in GROUP BY / ORDER BY,
 * grouped scalar subqueries and the outer references' names. Results, names
 * and errors checked against Spark 3.5.7.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError, resultOf, rows } from '../helpers/sql-errors.js';

/** Real Spark answers each query over the network; several queries per test. */
const SLOW = 30_000;

function views(spark: SparkSession): void {
  spark.sql('CREATE OR REPLACE TEMP VIEW emp AS SELECT * FROM VALUES (1, 10, 100.0D), (2, 10, 50.0D), (3, 20, 30.0D), (4, NULL, 5.0D) AS emp(id, dept_id, salary)');
  spark.sql("CREATE OR REPLACE TEMP VIEW bonus AS SELECT * FROM VALUES ('a', 40.0D), ('b', 20.0D) AS bonus(emp_name, bonus_amt)");
  spark.sql('CREATE OR REPLACE TEMP VIEW x AS SELECT * FROM VALUES (1, 1), (2, 2) AS x(x1, x2)');
  spark.sql('CREATE OR REPLACE TEMP VIEW y AS SELECT * FROM VALUES (2, 0), (3, -1), (3, 4) AS y(y1, y2)');
}

const error = (spark: SparkSession, q: string) => firstLineError(() => spark.sql(q).collect(), true);

forEachBackend('subqueries over outer aggregates', (session) => {
  it('a HAVING subquery reads aggregates over the outer columns per group', () => {
    const spark = session();
    views(spark);
    expect(rows(spark, 'SELECT dept_id, count(*) FROM emp GROUP BY dept_id HAVING EXISTS (SELECT 1 FROM bonus WHERE bonus_amt < min(emp.salary)) ORDER BY dept_id')).toEqual([
      [10, 2],
      [20, 1],
    ]);
    expect(rows(spark, 'SELECT dept_id, sum(salary) FROM emp GROUP BY dept_id HAVING (SELECT count(*) FROM bonus WHERE bonus_amt < max(salary)) = 2 ORDER BY dept_id')).toEqual([[10, 150]]);
    expect(rows(spark, 'SELECT dept_id FROM emp GROUP BY dept_id HAVING max(salary) / 2.5 IN (SELECT bonus_amt FROM bonus WHERE bonus_amt >= min(emp.salary) - 60) ORDER BY dept_id')).toEqual([[10]]);
    // No GROUP BY: one group, the whole table.
    expect(rows(spark, 'SELECT count(*) FROM emp HAVING NOT EXISTS (SELECT 1 FROM bonus WHERE bonus_amt > max(salary))')).toEqual([[4]]);
  }, SLOW);

  it('refuses a HAVING subquery reading an outer column neither grouped nor aggregated (missing from the Aggregate)', () => {
    const spark = session();
    views(spark);
    // Spark 3.5.7 prints the Filter with expression ids (`!Filter exists#12 [salary#9]`); the prefix and class agree.
    const missing = (q: string): string => {
      const e = error(spark, q);
      expect(e.errorClass).toBe('MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_MISSING_FROM_INPUT');
      return e.message;
    };
    expect(missing('SELECT dept_id FROM emp GROUP BY dept_id HAVING EXISTS (SELECT 1 FROM bonus WHERE bonus_amt < salary)')).toContain(
      '[MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_MISSING_FROM_INPUT] Resolved attribute(s) "salary" missing from "dept_id" in operator !Filter exists',
    );
    expect(missing('SELECT sum(id) FROM emp HAVING EXISTS (SELECT 1 FROM bonus WHERE bonus_amt < salary)')).toContain('Resolved attribute(s) "salary" missing from "sum(id)" in operator !Filter exists');
    expect(missing('SELECT min(id) FROM emp GROUP BY dept_id HAVING dept_id IN (SELECT max(y1) FROM y GROUP BY y2 HAVING y2 > salary)')).toContain(
      'Resolved attribute(s) "salary" missing from "min(id)", "dept_id" in operator !Filter dept_id',
    );
    expect(rows(spark, 'SELECT dept_id FROM emp GROUP BY dept_id HAVING EXISTS (SELECT 1 FROM bonus WHERE bonus_amt < dept_id * 3) ORDER BY dept_id')).toEqual([[10], [20]]);
  }, SLOW);

  it('refuses an aggregate mixing outer and local columns, and one over outer columns outside HAVING', () => {
    const spark = session();
    views(spark);
    expect(error(spark, 'SELECT dept_id FROM emp GROUP BY dept_id HAVING EXISTS (SELECT 1 FROM bonus WHERE bonus_amt < min(emp.salary + bonus_amt))')).toEqual({
      errorClass: 'UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.AGGREGATE_FUNCTION_MIXED_OUTER_LOCAL_REFERENCES',
      message:
        '[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.AGGREGATE_FUNCTION_MIXED_OUTER_LOCAL_REFERENCES] Unsupported subquery expression: Found an aggregate function in a correlated predicate that has both outer and local references, which is not supported: min((outer(emp.salary) + bonus.bonus_amt)).',
    });
    expect(error(spark, 'SELECT * FROM emp WHERE EXISTS (SELECT 1 FROM bonus WHERE bonus_amt < min(emp.salary))').errorClass).toBe('INVALID_WHERE_CONDITION');
    expect(error(spark, 'SELECT dept_id, (SELECT count(*) FROM bonus WHERE bonus_amt < min(emp.salary)) FROM emp GROUP BY dept_id').errorClass).toBe('INVALID_WHERE_CONDITION');
  }, SLOW);

  it('an outer reference in a subquery’s ORDER BY or GROUP BY is CORRELATED_REFERENCE, naming the clause’s expressions', () => {
    const spark = session();
    views(spark);
    const msg = 'Unsupported subquery expression: Expressions referencing the outer query are not supported outside of WHERE/HAVING clauses:';
    expect(error(spark, 'SELECT * FROM x WHERE EXISTS (SELECT y2 FROM y WHERE y1 = x1 ORDER BY x1)')).toEqual({
      errorClass: 'UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE',
      message: `[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE] ${msg} "x1 ASC NULLS FIRST".`,
    });
    expect(error(spark, 'SELECT * FROM x WHERE EXISTS (SELECT max(y2) FROM y WHERE y1 = x1 GROUP BY x1, y1 + x2)').message).toBe(
      `[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE] ${msg} "x1","(y1 + x2)".`,
    );
    // Only a scalar subquery's select list may read outer columns.
    expect(error(spark, 'SELECT * FROM x WHERE EXISTS (SELECT x2 FROM y WHERE y1 = x1)').message).toBe(`[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE] ${msg} "x2".`);
    expect(error(spark, 'SELECT * FROM x WHERE x1 IN (SELECT y2 + x2 FROM y WHERE y1 = x1)').message).toBe(
      `[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE] ${msg} "(y2 + x2) AS \`(y2 + outer(x.x2))\`".`,
    );
    // A scalar subquery's grouping check comes first.
    expect(error(spark, 'SELECT * FROM x WHERE (SELECT count(*) FROM y WHERE y1 = x1 GROUP BY x1) = 1').message).toBe(`[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE] ${msg} "x1".`);
    expect(error(spark, 'SELECT (SELECT max(y2) FROM y GROUP BY y2 + x1) FROM x').errorClass).toBe('UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.NON_CORRELATED_COLUMNS_IN_GROUP_BY');
  }, SLOW);

  it('a grouped scalar subquery may group by any column its correlated predicates read; every outer reference is named', () => {
    const spark = session();
    views(spark);
    expect(resultOf(spark, 'SELECT x1, (SELECT count(*) FROM y WHERE x1 + 1 = y1 AND y2 > x1 - 2 GROUP BY y2) FROM x ORDER BY x1')).toEqual({
      names: ['x1', 'scalarsubquery(x1, x1)'],
      nullable: [false, true],
      rows: [
        [1, 1],
        [2, 1],
      ],
    });
    expect(resultOf(spark, 'SELECT x1, (SELECT max(y2) FROM y WHERE y1 > x1 + 1 GROUP BY y1) FROM x ORDER BY x1')).toEqual({
      names: ['x1', 'scalarsubquery(x1)'],
      nullable: [false, true],
      rows: [
        [1, 4],
        [2, null],
      ],
    });
    expect(resultOf(spark, 'SELECT x1, (SELECT x1 WHERE x1 = 2) FROM x ORDER BY x1')).toEqual({
      names: ['x1', 'scalarsubquery(x1, x1)'],
      nullable: [false, true],
      rows: [
        [1, null],
        [2, 2],
      ],
    });
  }, SLOW);
});

forEachBackend('subqueries in GROUP BY', (session) => {
  it('groups by a subquery’s value, which the select list reads', () => {
    const spark = session();
    expect(resultOf(spark, 'SELECT a IN (SELECT 1), count(*) FROM VALUES (1), (2) t(a) GROUP BY a IN (SELECT 1) ORDER BY 1')).toEqual({
      names: ['(a IN (listquery()))', 'count(1)'],
      nullable: [false, false],
      rows: [
        [false, 1],
        [true, 1],
      ],
    });
    expect(rows(spark, 'SELECT count(*) FROM VALUES (1), (2) t(a) GROUP BY EXISTS (SELECT 1 FROM VALUES (1) u(b) WHERE b = a)')).toEqual([[1], [1]]);
    expect(rows(spark, 'SELECT (SELECT max(b) FROM VALUES (1) u(b) WHERE b = a) m, count(*) FROM VALUES (1), (2), (1) t(a) GROUP BY 1 ORDER BY 1')).toEqual([
      [null, 1],
      [1, 2],
    ]);
  }, SLOW);
});

forEachBackend('FROM-first queries', (session) => {
  it('reads the FROM before the SELECT; several SELECT bodies are their UNION ALL', () => {
    const spark = session();
    expect(resultOf(spark, 'FROM VALUES (1, 2), (3, 4) AS t(a, b) SELECT a, sum(b) WHERE a > 0 GROUP BY a ORDER BY a DESC')).toEqual({
      names: ['a', 'sum(b)'],
      nullable: [false, true],
      rows: [
        [3, 4],
        [1, 2],
      ],
    });
    expect(resultOf(spark, 'FROM (SELECT * FROM VALUES (1), (2) AS t(a) WHERE a = 1) SELECT * ')).toEqual({ names: ['a'], nullable: [false], rows: [[1]] });
    expect(resultOf(spark, 'FROM VALUES (1) t(a) SELECT a SELECT a + 1 AS b')).toEqual({ names: ['a'], nullable: [false], rows: [[1], [2]] });
  }, SLOW);
});

forEachBackend('IN subqueries where Spark keeps IN semantics', (session) => {
  it('a NULL constant on the left is NULL; a join condition compares three-valued, NULL IN (empty) being NULL', () => {
    const spark = session();
    spark.sql('CREATE OR REPLACE TEMP VIEW v (c) AS VALUES (1), (NULL)');
    spark.sql('CREATE OR REPLACE TEMP VIEW v_empty (e) AS SELECT 1 WHERE false');
    expect(resultOf(spark, 'SELECT null IN (SELECT 1), null NOT IN (SELECT 1), CAST(null AS INT) IN (SELECT e FROM v_empty)')).toEqual({
      names: ['(NULL IN (listquery()))', '(NOT (NULL IN (listquery())))', '(CAST(NULL AS INT) IN (listquery()))'],
      nullable: [true, true, true],
      rows: [[null, null, null]],
    });
    // A NULL known only at run time is matched as Spark's existence join does.
    expect(rows(spark, 'SELECT (SELECT max(c) FROM v WHERE c IS NULL) IN (SELECT e FROM v_empty)')).toEqual([[false]]);
    for (const sub of ['SELECT 1', 'SELECT e FROM v_empty']) {
      expect(rows(spark, `SELECT * FROM v LEFT JOIN v AS t2 ON (v.c IN (${sub})) IS NULL ORDER BY v.c, t2.c`)).toEqual([
        [null, null],
        [null, 1],
        [1, null],
      ]);
    }
    spark.conf.set('spark.sql.legacy.nullInEmptyListBehavior', 'false');
    expect(rows(spark, 'SELECT null IN (SELECT 1), null IN (SELECT 2 WHERE false), null NOT IN (SELECT 2 WHERE false)')).toEqual([[null, false, true]]);
  }, SLOW);
});
