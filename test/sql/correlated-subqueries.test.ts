/**
 * Correlated subqueries (scalar, EXISTS, IN / NOT IN) in WHERE, SELECT and
 * HAVING, and Spark's errors for correlations it does not support. Results,
 * names and nullability checked against Spark 3.5.7.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

const rows = (spark: SparkSession, sql: string): unknown[][] => spark.sql(sql).collect().map((r) => [...r]);

function errorClassOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as { errorClass?: string }).errorClass;
  }
  return undefined;
}

/** Real Spark answers each query over the network; several queries per test. */
const SLOW = 30_000;

function views(spark: SparkSession): void {
  spark.sql('CREATE OR REPLACE TEMP VIEW t1 AS SELECT * FROM VALUES (1, 10), (2, 20), (NULL, 30) AS t1(a, b)');
  spark.sql('CREATE OR REPLACE TEMP VIEW t2 AS SELECT * FROM VALUES (1, 100), (1, 200), (3, 300), (NULL, 5) AS t2(a, c)');
}

/** The message of the analysis error `q` raises, or 'no error'. */
function analysisMessage(spark: SparkSession, q: string): string {
  try {
    analyzed(spark.sql(q));
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

forEachBackend('correlated subqueries', (session) => {
  it('evaluates scalar, EXISTS, IN and NOT IN per outer row in SELECT, named as Spark names them', () => {
    const spark = session();
    views(spark);
    const df = spark.sql(
      'SELECT a, (SELECT max(c) FROM t2 WHERE t2.a = t1.a), EXISTS (SELECT 1 FROM t2 WHERE t2.a = t1.a), a IN (SELECT a FROM t2 WHERE t2.c > t1.b), a NOT IN (SELECT a FROM t2 WHERE t2.c > t1.b) FROM t1 ORDER BY b',
    );
    expect(df.columns).toEqual(['a', 'scalarsubquery(a)', 'exists(a)', '(a IN (listquery(b)))', '(NOT (a IN (listquery(b))))']);
    expect(df.schema.fields.map((f) => [f.dataType.simpleString(), f.nullable])).toEqual([
      ['int', true],
      ['int', true],
      ['boolean', false],
      ['boolean', true],
      ['boolean', true],
    ]);
    expect(df.collect().map((r) => [...r])).toEqual([
      [1, 200, true, true, false],
      [2, null, false, false, true],
      [null, null, false, false, false],
    ]);
  }, SLOW);

  it('IN and NOT IN over a subquery are two-valued: a NULL comparison is no match for IN and a match for NOT IN', () => {
    const spark = session();
    views(spark);
    expect(rows(spark, 'SELECT a, a IN (SELECT a FROM t2), a NOT IN (SELECT a FROM t2), a IN (SELECT a FROM t2 WHERE t2.c < t1.b), a NOT IN (SELECT a FROM t2 WHERE t2.c < t1.b) FROM t1 ORDER BY b')).toEqual([
      [1, true, false, false, false],
      [2, false, false, false, false],
      [null, false, false, false, false],
    ]);
    expect(rows(spark, 'SELECT b FROM t1 WHERE a NOT IN (SELECT a FROM t2 WHERE t2.c > t1.b)')).toEqual([[20]]);
    expect(rows(spark, 'SELECT b FROM t1 WHERE a NOT IN (SELECT a FROM t2 WHERE t2.c > 1000) ORDER BY b')).toEqual([[10], [20], [30]]);
  }, SLOW);

  it('pushes NOT through AND/OR to the IN subqueries first, as Spark simplifies before rewriting them (nested-not-in.sql)', () => {
    const spark = session();
    spark.sql('CREATE OR REPLACE TEMP VIEW s1(a, b) AS VALUES (null, null), (5, 5), (8, 8), (11, 11)');
    spark.sql('CREATE OR REPLACE TEMP VIEW s2(c, d) AS VALUES (7, 7), (8, 8), (11, 11), (null, null)');
    // Answers of Spark 3.5.7: a NULL comparison under NOT (OR ...) is NOT IN's, not a flipped IN's.
    const where = (cond: string): unknown[][] => rows(spark, `SELECT a FROM s1 WHERE ${cond} ORDER BY a`);
    expect(where('NOT (a NOT IN (SELECT c FROM s2))')).toEqual([[8], [11]]);
    expect(where('NOT (a > 5 OR a IN (SELECT c FROM s2))')).toEqual([]);
    expect(where('NOT (a > 5 OR a NOT IN (SELECT c FROM s2))')).toEqual([]);
    expect(where('NOT (a > 5 AND a IN (SELECT c FROM s2))')).toEqual([[5]]);
    expect(where('NOT (a > 5 AND a NOT IN (SELECT c FROM s2))')).toEqual([[5], [8], [11]]);
    expect(where('NOT (NOT (a IN (SELECT c FROM s2 WHERE s2.d >= s1.b OR s2.d IS NULL))) OR a IS NULL')).toEqual([[null], [8], [11]]);
    // `x = true` is read as `x`, `x = false` as `NOT x` (`<=>` is not simplified).
    expect(where('NOT ((a IN (SELECT c FROM s2)) = true)')).toEqual([]);
    expect(where('NOT (true = (a IN (SELECT c FROM s2)) OR a > 20)')).toEqual([]);
    expect(where('(a IN (SELECT c FROM s2)) = false')).toEqual([]);
    expect(where('NOT ((a IN (SELECT c FROM s2)) = false)')).toEqual([[8], [11]]);
    expect(where('NOT ((a IN (SELECT c FROM s2)) <=> true)')).toEqual([[null], [5]]);
    const df = spark.sql(
      'SELECT a, NOT (a > 5 OR a IN (SELECT c FROM s2)), NOT (a NOT IN (SELECT c FROM s2)), NOT (a > 5 AND a IN (SELECT c FROM s2 WHERE s2.d >= s1.b OR s2.d IS NULL)) FROM s1 ORDER BY a',
    );
    expect(df.columns.slice(1)).toEqual(['(NOT ((a > 5) OR (a IN (listquery()))))', '(NOT (NOT (a IN (listquery()))))', '(NOT ((a > 5) AND (a IN (listquery(b)))))']);
    expect(df.collect().map((r) => [...r])).toEqual([
      [null, false, false, null],
      [5, false, false, true],
      [8, false, true, false],
      [11, false, true, false],
    ]);
  }, SLOW);

  it('compares a row (a, b) with a subquery of two columns, uncorrelated in SELECT and correlated NOT IN in WHERE', () => {
    const spark = session();
    views(spark);
    const df = spark.sql('SELECT a, b, (a, b) IN (SELECT a, c / 10 FROM t2) FROM t1 ORDER BY b');
    expect(df.columns[2]).toBe("(named_struct('a', a, 'b', b) IN (listquery()))");
    expect(df.collect().map((r) => [...r])).toEqual([
      [1, 10, true],
      [2, 20, false],
      [null, 30, false],
    ]);
    expect(rows(spark, 'SELECT * FROM t1 WHERE (a, b) NOT IN (SELECT a, c / 10 FROM t2 WHERE t2.a = t1.a) ORDER BY b')).toEqual([
      [2, 20],
      [null, 30],
    ]);
    expect(errorClassOf(() => analyzed(spark.sql('SELECT a IN (SELECT a, c FROM t2) FROM t1')))).toBe('DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH');
  }, SLOW);

  it('filters with EXISTS / NOT EXISTS and compares with a correlated count (0 for no match, not NULL)', () => {
    const spark = session();
    views(spark);
    expect(rows(spark, 'SELECT * FROM t1 WHERE EXISTS (SELECT 1 FROM t2 WHERE t2.a = t1.a) ORDER BY b')).toEqual([[1, 10]]);
    expect(rows(spark, 'SELECT * FROM t1 WHERE NOT EXISTS (SELECT 1 FROM t2 WHERE t2.a = t1.a) ORDER BY b')).toEqual([
      [2, 20],
      [null, 30],
    ]);
    expect(rows(spark, 'SELECT b, (SELECT count(*) FROM t2 WHERE t2.a = t1.a) FROM t1 ORDER BY b')).toEqual([
      [10, 2],
      [20, 0],
      [30, 0],
    ]);
    expect(rows(spark, 'SELECT b FROM t1 WHERE b <= (SELECT count(*) * 5 FROM t2 WHERE t2.a = t1.a OR t1.a IS NULL) ORDER BY b')).toEqual([[10]]);
    expect(rows(spark, 'SELECT a, (SELECT max(c) FROM t2 WHERE t2.a > t1.a) FROM t1 ORDER BY b')).toEqual([
      [1, 300],
      [2, 300],
      [null, null],
    ]);
  }, SLOW);

  it('runs correlated subqueries in HAVING and nested two levels deep', () => {
    const spark = session();
    views(spark);
    expect(rows(spark, 'SELECT a, sum(b) FROM t1 GROUP BY a HAVING sum(b) >= (SELECT min(c) / 10 FROM t2 WHERE t2.a = t1.a)')).toEqual([[1, 10]]);
    expect(
      rows(spark, 'SELECT a, (SELECT max(c) FROM t2 WHERE t2.a = t1.a AND t2.c > (SELECT min(b) * 15 FROM t1 x WHERE x.a = t2.a)) m FROM t1 ORDER BY b'),
    ).toEqual([
      [1, 200],
      [2, null],
      [null, null],
    ]);
  }, SLOW);

  it('accepts an unaggregated correlated scalar subquery over at most one row, listing each outer reference in its name', () => {
    const spark = session();
    const df = spark.sql('SELECT (SELECT a FROM VALUES (1) AS u(b) WHERE b = t.a) FROM VALUES (1), (2) AS t(a)');
    expect(df.columns).toEqual(['scalarsubquery(a, a)']);
    expect(df.collect().map((r) => [...r])).toEqual([[1], [null]]);
  }, SLOW);

  it("rejects the correlations Spark does not support with Spark's error classes", () => {
    const spark = session();
    views(spark);
    const err = (q: string): string | undefined => errorClassOf(() => analyzed(spark.sql(q)));
    expect(err('SELECT (SELECT c FROM t2 WHERE t2.a = t1.a) FROM t1')).toBe('UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY');
    expect(err('SELECT (SELECT max(c) + t1.b FROM t2 WHERE t2.a = t1.a) FROM t1')).toBe('UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE');
    expect(err('SELECT * FROM t1 WHERE EXISTS (SELECT 1 FROM t2 WHERE t2.a = t1.a LIMIT 1)')).toBe('UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED');
    expect(err('SELECT (SELECT max(c) FROM t2 GROUP BY t2.c + t1.a LIMIT 1) x FROM t1')).toBe('UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED');
    expect(err('SELECT (SELECT max(c) FROM t2 WHERE t2.a = t1.zzz) FROM t1')).toBe('UNRESOLVED_COLUMN.WITH_SUGGESTION');
  }, SLOW);

  it('refuses an outer reference below an operator Spark cannot decorrelate through, naming the Filter that holds it', () => {
    const spark = session();
    views(spark);
    spark.sql('CREATE OR REPLACE TEMP VIEW t3 AS SELECT * FROM VALUES (1, 5, 7), (2, 6, 8) AS t3(x, y, z)');
    const message = (q: string): string => {
      try {
        analyzed(spark.sql(q));
      } catch (e) {
        return (e as Error).message.split('\n')[0]!;
      }
      return 'no error';
    };
    // Spark 3.5.7 names the Filter with expression ids (`c#12 > outer(b#9)`), which sparkless has not.
    const refused = '[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED] Unsupported subquery expression: Accessing outer query column is not allowed in this locationFilter';
    const stripIds = (m: string): string => m.replace(/#\d+/g, '');
    expect(stripIds(message('SELECT * FROM t1 WHERE a IN (SELECT a FROM t2 WHERE t2.c > t1.b INTERSECT SELECT x FROM t3)'))).toContain(`${refused} (c > outer(b))`);
    expect(stripIds(message('SELECT * FROM t1 WHERE a NOT IN (SELECT a FROM t2 WHERE t2.c <> t1.b UNION ALL SELECT x FROM t3)'))).toContain(`${refused} NOT (c = outer(b))`);
    expect(stripIds(message('SELECT * FROM t1 WHERE EXISTS (SELECT 1 FROM t2 WHERE t2.a = t1.a LIMIT 1)'))).toContain(`${refused} (a = outer(a))`);
    for (const q of [
      'SELECT * FROM t1 WHERE EXISTS (SELECT 1 FROM t3 LEFT JOIN (SELECT * FROM t2 WHERE t2.a = t1.a) s ON s.a = t3.x)',
      'SELECT * FROM t1 WHERE EXISTS (SELECT 1 FROM (SELECT * FROM t2 WHERE t2.a = t1.a) s RIGHT JOIN t3 ON s.a = t3.x)',
      'SELECT * FROM t1 WHERE EXISTS (SELECT 1 FROM (SELECT * FROM t2 WHERE t2.a = t1.a) s FULL JOIN t3 ON s.a = t3.x)',
      'SELECT * FROM t1 WHERE EXISTS (SELECT x, sum(y) FROM t3 WHERE t3.x = t1.a GROUP BY GROUPING SETS ((x), ()))',
    ]) {
      expect(stripIds(message(q))).toContain(`${refused} (`);
    }
    // A correlated scalar subquery must be aggregated first: Spark says so before looking below a LIMIT or a UNION.
    const mustAggregate = '[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY]';
    expect(message('SELECT (SELECT c FROM t2 WHERE t2.a = t1.a LIMIT 2) FROM t1')).toContain(mustAggregate);
    expect(message('SELECT (SELECT c FROM t2 WHERE t2.a = t1.a UNION ALL SELECT 1) FROM t1')).toContain(mustAggregate);
    // The preserved side of an outer join and an operator below the correlation are fine.
    expect(rows(spark, 'SELECT * FROM t1 WHERE EXISTS (SELECT 1 FROM (SELECT * FROM t2 WHERE t2.a = t1.a) s LEFT JOIN t3 ON s.a = t3.x) ORDER BY b')).toEqual([[1, 10]]);
    expect(rows(spark, 'SELECT * FROM t1 WHERE EXISTS (SELECT 1 FROM (SELECT * FROM t2 LIMIT 10) s WHERE s.a = t1.a) ORDER BY b')).toEqual([[1, 10]]);
  }, SLOW);

  it('lists the aggregated select items that read an outer column, as Spark 3.5.7 prints them', () => {
    const spark = session();
    views(spark);
    const message = (q: string): string => analysisMessage(spark, q);
    const prefix = '[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE] Unsupported subquery expression: Expressions referencing the outer query are not supported outside of WHERE/HAVING clauses:';
    expect(message('SELECT (SELECT max(c) + t1.b FROM t2 WHERE t2.a = t1.a) FROM t1')).toContain(`${prefix} "(max(c) + b) AS \`(max(c) + outer(t1.b))\`".`);
    expect(message('SELECT (SELECT max(c) + b AS m FROM t2 WHERE t2.a = t1.a) FROM t1')).toContain(`${prefix} "(max(c) + b) AS m".`);
    expect(message('SELECT (SELECT sum(d) FROM (SELECT sum(b) AS d FROM t2)) FROM t1')).toContain(`${prefix} "sum(b) AS d".`);
  }, SLOW);

  it('decorrelates set operations in scalar and LATERAL subqueries, and counts correlated filters inside FROM for the grouping check', () => {
    const spark = session();
    spark.sql('CREATE OR REPLACE TEMP VIEW x(x1, x2) AS VALUES (0, 1), (1, 1), (1, 2), (3, 4), (5, 6), (9, 10)');
    spark.sql('CREATE OR REPLACE TEMP VIEW y(y1, y2) AS VALUES (0, 2), (1, 4), (1, 5), (2, 6), (3, 8), (4, 11)');
    // Answers of Spark 3.5.7.
    const scalar = (sub: string): unknown[][] => rows(spark, `SELECT x1, (${sub}) s FROM x ORDER BY x1, x2`);
    expect(scalar('SELECT sum(y2) FROM (SELECT y1, y2 FROM y WHERE y1 = x1) GROUP BY y1')).toEqual([[0, 2], [1, 9], [1, 9], [3, 8], [5, null], [9, null]]);
    expect(scalar('SELECT sum(y2) FROM (SELECT y1, y2 FROM y WHERE y1 = x1 UNION ALL SELECT y1, y2 FROM y WHERE y1 = x1) GROUP BY y1')).toEqual([
      [0, 4],
      [1, 18],
      [1, 18],
      [3, 16],
      [5, null],
      [9, null],
    ]);
    expect(scalar('SELECT max(y2) FROM (SELECT y2 FROM y WHERE y1 = x1 INTERSECT SELECT y2 FROM y WHERE y2 > 4)')).toEqual([[0, null], [1, 5], [1, 5], [3, 8], [5, null], [9, null]]);
    expect(errorClassOf(() => analyzed(spark.sql('SELECT x1, (SELECT sum(y2) FROM (SELECT y1 AS k, y2 FROM y WHERE y1 = x1) GROUP BY k) FROM x')))).toBe(
      'UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.NON_CORRELATED_COLUMNS_IN_GROUP_BY',
    );
    expect(rows(spark, 'SELECT * FROM x, LATERAL (SELECT y2 FROM y WHERE y1 = x1 UNION ALL SELECT 0) WHERE x1 < 3 ORDER BY 1, 2, 3')).toEqual([
      [0, 1, 0],
      [0, 1, 2],
      [1, 1, 0],
      [1, 1, 4],
      [1, 1, 5],
      [1, 2, 0],
      [1, 2, 4],
      [1, 2, 5],
    ]);
    expect(errorClassOf(() => analyzed(spark.sql('SELECT * FROM x WHERE EXISTS (SELECT y2 FROM y WHERE y1 = x1 UNION ALL SELECT 0)')))).toBe(
      'UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED',
    );
  }, SLOW);

  it('a grouped correlated scalar subquery groups only by columns its WHERE equates to outer ones; no outer reference in a join condition', () => {
    const spark = session();
    views(spark);
    spark.sql('CREATE OR REPLACE TEMP VIEW t3 AS SELECT * FROM VALUES (1, 5, 7), (2, 6, 8) AS t3(x, y, z)');
    expect(rows(spark, 'SELECT a, (SELECT sum(y) FROM t3 WHERE t3.x = t1.a GROUP BY t3.x) s FROM t1 ORDER BY b')).toEqual([[1, 5], [2, 6], [null, null]]);
    expect(rows(spark, 'SELECT a, (SELECT sum(y) FROM t3 WHERE t1.a = x GROUP BY x) s FROM t1 ORDER BY b')).toEqual([[1, 5], [2, 6], [null, null]]);
    const message = (q: string): string => analysisMessage(spark, q);
    const prefix = '[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.NON_CORRELATED_COLUMNS_IN_GROUP_BY] Unsupported subquery expression: A GROUP BY clause in a scalar correlated subquery cannot contain non-correlated columns:';
    expect(message('SELECT a, (SELECT sum(y) FROM t3 WHERE t3.x = t1.a GROUP BY t3.z) FROM t1')).toContain(`${prefix} z.`);
    expect(message('SELECT a, (SELECT sum(y) FROM t3 WHERE t3.x = t1.a GROUP BY t3.z, t3.y, t3.x) FROM t1')).toContain(`${prefix} z,y.`);
    expect(message('SELECT a, (SELECT sum(y) FROM t3 WHERE t1.a = t3.x GROUP BY z + 1) s FROM t1')).toContain(`${prefix} z.`);
    // Attributes, not names: an alias carrying a correlated column's name is another column (Spark 3.5.7).
    expect(message('SELECT a, (SELECT sum(w) FROM (SELECT y AS x, x AS w FROM t3 WHERE x = t1.a) GROUP BY x) FROM t1')).toContain(`${prefix} x.`);
    expect(message('SELECT a, (SELECT sum(w) FROM (SELECT x, y AS w FROM t3 WHERE x = t1.a) s JOIN (SELECT x AS x FROM t3) r USING (x) GROUP BY r.x) FROM t1')).toContain(`${prefix} x.`);
    expect(rows(spark, 'SELECT a, (SELECT sum(w) FROM (SELECT x, y AS w FROM t3 s WHERE s.x = t1.a) GROUP BY x) s FROM t1 ORDER BY b')).toEqual([[1, 5], [2, 6], [null, null]]);
    expect(rows(spark, 'SELECT a, (SELECT sum(y) FROM t3 GROUP BY x HAVING x = t1.a) s FROM t1 ORDER BY b')).toEqual([[1, 5], [2, 6], [null, null]]);
    // An outer reference in a join condition inside the subquery (Spark decorrelates WHERE and HAVING only).
    expect(message('SELECT a FROM t1 WHERE EXISTS (SELECT 1 FROM t3 JOIN t3 AS u ON t3.x = u.x AND u.y = t1.b)')).toContain(
      '[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE] Unsupported subquery expression: Expressions referencing the outer query are not supported outside of WHERE/HAVING clauses: "((x = x) AND (y = b))".',
    );
    expect(rows(spark, 'SELECT a FROM t1 WHERE EXISTS (SELECT 1 FROM t3 JOIN t3 AS u ON t3.x = u.x WHERE u.y > t1.b - 6) ORDER BY a')).toEqual([[1]]);
    // IN subqueries may group by any column.
    expect(rows(spark, 'SELECT a FROM t1 WHERE a IN (SELECT sum(y) FROM t3 WHERE t3.x = t1.a GROUP BY t3.z)')).toEqual([]);
  }, SLOW);

  it("groups an aggregate above a correlated predicate by the outer row, compensating only a scalar subquery's top aggregate (Spark's count bug)", () => {
    const spark = session();
    spark.sql('CREATE OR REPLACE TEMP VIEW c1 AS SELECT * FROM VALUES (0, 1), (1, 0) AS c1(a1, a2)');
    spark.sql('CREATE OR REPLACE TEMP VIEW c2 AS SELECT * FROM VALUES (0, 2), (0, 3) AS c2(b1, b2)');
    const q = (e: string): unknown[][] => rows(spark, `SELECT a1, ${e} FROM c1 ORDER BY a1`);
    // No row of c2 matches a1 = 1: the top aggregate of a scalar subquery gives its empty-input value...
    expect(q('(SELECT count(*) FROM c2 WHERE c1.a1 = c2.b1)')).toEqual([[0, 2], [1, 0]]);
    expect(q('(SELECT count(*) + 1 FROM c2 WHERE c1.a1 = c2.b1)')).toEqual([[0, 3], [1, 1]]);
    expect(q('(SELECT count(*) FROM c2 WHERE c1.a1 = c2.b1 HAVING count(*) = 0)')).toEqual([[0, null], [1, 0]]);
    // ... an aggregate below it yields no row, so the top aggregate reads none.
    expect(q('(SELECT sum(cnt) FROM (SELECT count(*) cnt FROM c2 WHERE c1.a1 = c2.b1))')).toEqual([[0, 2], [1, null]]);
    expect(q('(SELECT count(*) FROM (SELECT count(*) cnt FROM c2 WHERE c1.a1 = c2.b1))')).toEqual([[0, 1], [1, 0]]);
    expect(q('(SELECT max(cnt) FROM (SELECT count(*) + 1 cnt FROM c2 WHERE c1.a1 = c2.b1))')).toEqual([[0, 3], [1, null]]);
    expect(q('(SELECT sum(c) FROM (SELECT count(*) c FROM (SELECT b1 FROM c2 WHERE c1.a1 = c2.b1)))')).toEqual([[0, 2], [1, null]]);
    // EXISTS and IN compensate none.
    expect(q('EXISTS (SELECT count(*) FROM c2 WHERE c1.a1 = c2.b1)')).toEqual([[0, true], [1, false]]);
    expect(q('NOT EXISTS (SELECT max(b2) FROM c2 WHERE c1.a1 = c2.b1)')).toEqual([[0, false], [1, true]]);
    expect(q('a2 IN (SELECT count(*) FROM c2 WHERE c1.a1 = c2.b1)')).toEqual([[0, false], [1, false]]);
    // An uncorrelated aggregate below the correlation keeps its row; LATERAL compensates at every level.
    expect(q('(SELECT sum(c) FROM (SELECT count(*) c FROM c2 WHERE b1 > 5) WHERE c >= c1.a1)')).toEqual([[0, 0], [1, null]]);
    expect(rows(spark, 'SELECT * FROM c1, LATERAL (SELECT sum(c) FROM (SELECT count(*) c FROM c2 WHERE c1.a1 = c2.b1)) ORDER BY a1')).toEqual([[0, 1, 2], [1, 0, 0]]);
  }, SLOW);

  it('types IN (subquery) nullable when a value on the left or a subquery column is nullable', () => {
    const spark = session();
    spark.sql('CREATE OR REPLACE TEMP VIEW n1 AS SELECT * FROM VALUES (0, 1), (1, NULL) AS n1(a1, a2)');
    spark.sql('CREATE OR REPLACE TEMP VIEW n2 AS SELECT * FROM VALUES (0, 2), (0, 3) AS n2(b1, b2)');
    const nullable = (e: string): boolean => spark.sql(`SELECT ${e} FROM n1`).schema.fields[0]!.nullable;
    expect(nullable('a1 IN (SELECT b2 FROM n2 WHERE n1.a1 = n2.b1)')).toBe(false);
    expect(nullable('a1 IN (SELECT b2 FROM n2)')).toBe(false);
    expect(nullable('a2 IN (SELECT b2 FROM n2)')).toBe(true);
    expect(nullable('a2 IN (SELECT b2 FROM n2 WHERE n1.a1 = n2.b1)')).toBe(true);
    expect(nullable('a1 IN (SELECT max(b2) FROM n2)')).toBe(true);
    expect(nullable('a1 NOT IN (SELECT max(b2) FROM n2 WHERE n2.b1 = n1.a1)')).toBe(true);
    expect(rows(spark, 'SELECT a1, a2 IN (SELECT b2 FROM n2), a1 NOT IN (SELECT b1 FROM n2) FROM n1 ORDER BY a1')).toEqual([
      [0, false, false],
      [1, false, true],
    ]);
  }, SLOW);
});
