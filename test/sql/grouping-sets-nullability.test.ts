/**
 * Under GROUPING SETS / CUBE / ROLLUP a grouping column is nullable only when
 * some grouping set leaves it out (Spark's Expand nulls it there); a column in
 * every set keeps its input's nullability, also when selected under an alias.
 * Duplicate grouping sets (`GROUP BY a, b, CUBE(a, b)`) each produce their rows.
 * Expected schemas and rows checked against Spark 3.5.7 (sql-tests group-analytics.sql, having.sql).
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';

const DATA = 'VALUES (1, 1), (1, 2), (2, 1), (2, 2), (3, 1), (3, 2) AS testData(a, b)';
const SALES = `VALUES ("dotNET", 2012, 10000), ("Java", 2012, 20000), ("dotNET", 2012, 5000), ("dotNET", 2013, 48000), ("Java", 2013, 30000) AS courseSales(course, year, earnings)`;

function shape(spark: SparkSession, sql: string): { fields: string[]; rows: string[] } {
  const df = spark.sql(sql);
  return {
    fields: df.schema.fields.map((f) => `${f.name}${f.nullable ? '?' : '!'}`),
    rows: df.collect().map((r) => [...r].map((v) => (v === null ? 'NULL' : String(v))).join(',')).sort(),
  };
}

forEachBackend('grouping-set key nullability', (session) => {
  it('a key in every grouping set stays non-nullable; the others become nullable', () => {
    const spark = session();
    expect(shape(spark, `SELECT course, year, SUM(earnings) FROM ${SALES} GROUP BY course, year GROUPING SETS(course)`)).toEqual({
      fields: ['course!', 'year?', 'sum(earnings)?'],
      rows: ['Java,NULL,50000', 'dotNET,NULL,63000'],
    });
    expect(shape(spark, `SELECT course, year, SUM(earnings) FROM ${SALES} GROUP BY course, year GROUPING SETS(year)`).fields).toEqual(['course?', 'year!', 'sum(earnings)?']);
    expect(shape(spark, `SELECT a, b, count(1) FROM ${DATA} GROUP BY a, GROUPING SETS((a, b), (a), ())`).fields).toEqual(['a!', 'b?', 'count(1)!']);
    expect(shape(spark, `SELECT c1 FROM VALUES (1, 2) as t(c1, c2) GROUP BY GROUPING SETS(t.c1) HAVING t.c1 = 1`)).toEqual({ fields: ['c1!'], rows: ['1'] });
  });

  it('duplicate grouping sets each produce their rows, keys still non-nullable', () => {
    const spark = session();
    const r = shape(spark, `SELECT a, b, count(1) FROM ${DATA} GROUP BY a, b, ROLLUP(a, b)`);
    expect(r.fields).toEqual(['a!', 'b!', 'count(1)!']);
    // ROLLUP(a, b) under a, b: three identical sets (a, b), so each (a, b) row three times.
    expect(r.rows).toEqual(['1,1,1', '1,2,1', '2,1,1', '2,2,1', '3,1,1', '3,2,1'].flatMap((x) => [x, x, x]));
  });

  it('a key selected under an alias takes the key nullability (CUBE / ROLLUP over aliases)', () => {
    const spark = session();
    const cube = shape(spark, `SELECT a + b AS k1, b AS k2, SUM(a - b) FROM ${DATA} GROUP BY CUBE(k1, k2)`);
    expect(cube.fields).toEqual(['k1?', 'k2?', 'sum((a - b))?']);
    expect(cube.rows).toContain('NULL,NULL,3');
    expect(shape(spark, `SELECT a + 1 AS k1, sum(b) AS s, 1 AS one FROM ${DATA} GROUP BY CUBE(a + 1)`).fields).toEqual(['k1?', 's?', 'one!']);
    expect(shape(spark, `SELECT a AS k FROM ${DATA} GROUP BY GROUPING SETS((a))`).fields).toEqual(['k!']);
  });
});
