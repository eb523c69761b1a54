/**
 * LATERAL subqueries in FROM: they see the columns of the relations to their
 * left (named `outer(t.col)` inside their own column names), join as INNER,
 * CROSS or LEFT OUTER, and reject the join types Spark rejects. Checked
 * against Spark 3.5.7.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

const SLOW = 30_000;

function views(spark: SparkSession): void {
  spark.sql('CREATE OR REPLACE TEMP VIEW t1 AS SELECT * FROM VALUES (1, 10), (2, 20), (NULL, 30) AS t1(a, b)');
  spark.sql('CREATE OR REPLACE TEMP VIEW t2 AS SELECT * FROM VALUES (1, 100), (1, 200), (3, 300), (NULL, 5) AS t2(a, c)');
}

function errorClassOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as { errorClass?: string }).errorClass;
  }
  return undefined;
}

forEachBackend('LATERAL subqueries', (session) => {
  it('computes per-row columns from the left relation, named with outer(...)', () => {
    const spark = session();
    views(spark);
    const df = spark.sql('SELECT * FROM t1, LATERAL (SELECT b * 2 AS d, t1.a + 1, b + 1) ORDER BY b');
    expect(df.columns).toEqual(['a', 'b', 'd', '(outer(t1.a) + 1)', '(outer(t1.b) + 1)']);
    expect(df.collect().map((r) => [...r])).toEqual([
      [1, 10, 20, 2, 11],
      [2, 20, 40, 3, 21],
      [null, 30, 60, null, 31],
    ]);
  }, SLOW);

  it('joins a correlated lateral relation as INNER (rows per match) or LEFT (NULLs for no match), with qualified access', () => {
    const spark = session();
    views(spark);
    const inner = spark.sql('SELECT t1.a, s.* FROM t1 JOIN LATERAL (SELECT c FROM t2 WHERE t2.a = t1.a) s ORDER BY c');
    expect(inner.columns).toEqual(['a', 'c']);
    expect(inner.collect().map((r) => [...r])).toEqual([
      [1, 100],
      [1, 200],
    ]);
    expect(spark.sql('SELECT * FROM t1 LEFT JOIN LATERAL (SELECT c FROM t2 WHERE t2.a = t1.a) ORDER BY b, c').collect().map((r) => [...r])).toEqual([
      [1, 10, 100],
      [1, 10, 200],
      [2, 20, null],
      [null, 30, null],
    ]);
    expect(spark.sql('SELECT t1.b, s.m FROM t1 LEFT JOIN LATERAL (SELECT max(c) m FROM t2 WHERE t2.a = t1.a) s ON true ORDER BY b').collect().map((r) => [...r])).toEqual([
      [10, 200],
      [20, null],
      [30, null],
    ]);
    expect(spark.sql('SELECT x.b, s.z FROM t1 AS x JOIN LATERAL (SELECT b + 1) AS s(z) ON s.z > 15 ORDER BY z').collect().map((r) => [...r])).toEqual([
      [20, 21],
      [30, 31],
    ]);
  }, SLOW);

  it("rejects RIGHT, NATURAL and USING lateral joins and outer references under LIMIT with Spark's errors", () => {
    const spark = session();
    views(spark);
    const err = (q: string): string | undefined => errorClassOf(() => analyzed(spark.sql(q)));
    expect(err('SELECT * FROM t1 RIGHT JOIN LATERAL (SELECT b + 1) s ON true')).toBe('INVALID_LATERAL_JOIN_TYPE');
    expect(err('SELECT * FROM t1 NATURAL JOIN LATERAL (SELECT b + 1) s')).toBe('INCOMPATIBLE_JOIN_TYPES');
    expect(err('SELECT * FROM t1 JOIN LATERAL (SELECT b + 1) s USING (b)')).toBe('UNSUPPORTED_FEATURE.LATERAL_JOIN_USING');
    expect(err('SELECT * FROM t1, LATERAL (SELECT c FROM t2 WHERE t2.a = t1.a LIMIT 1)')).toBe('UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED');
  }, SLOW);
});
