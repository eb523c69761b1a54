/**
 * A HAVING name reads the grouping column of that name before a select-list
 * alias of the same name; an alias whose name is not a grouping column (even
 * if an input column has it) is read as the alias. Checked against Spark 3.5.7
 * (sql-tests having.sql, SPARK-31519 / SPARK-31663).
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';

function rows(spark: SparkSession, sql: string): string[] {
  return spark
    .sql(sql)
    .collect()
    .map((r) => [...r].map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v))).join(','))
    .sort();
}

forEachBackend('HAVING name resolution', (session) => {
  it('a grouping column wins over an alias of the same name', () => {
    const spark = session();
    expect(rows(spark, "SELECT SUM(a) AS b, CAST('2020-01-01' AS DATE) AS fake FROM VALUES (1, 10), (2, 20) AS T(a, b) GROUP BY b HAVING b > 10")).toEqual(['2,2020-01-01']);
    expect(rows(spark, 'SELECT SUM(a) AS b FROM VALUES (1, 10), (2, 20) AS T(a, b) GROUP BY GROUPING SETS ((b), (a, b)) HAVING b > 10')).toEqual(['2', '2']);
    expect(rows(spark, 'SELECT SUM(a) AS b FROM VALUES (1, 10), (2, 20) AS T(a, b) GROUP BY CUBE(a, b) HAVING b > 10')).toEqual(['2', '2']);
    expect(rows(spark, 'SELECT SUM(a) AS b FROM VALUES (1, 10), (2, 20) AS T(a, b) GROUP BY ROLLUP(a, b) HAVING b > 10')).toEqual(['2']);
  });

  it('an alias named like a non-grouped input column is the alias', () => {
    const spark = session();
    expect(rows(spark, "SELECT k, sum(v) AS v FROM VALUES ('a', 1), ('a', 5), ('b', 2) t(k, v) GROUP BY k HAVING v > 2")).toEqual(['a,6']);
    expect(rows(spark, "SELECT k, sum(v) AS k2 FROM VALUES ('a', 1), ('a', 5), ('b', 2) t(k, v) GROUP BY k HAVING k2 > 2")).toEqual(['a,6']);
  });
});
