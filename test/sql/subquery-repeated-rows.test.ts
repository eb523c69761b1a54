/**
 * A correlated scalar subquery Spark 3.5 accepts but that returns several rows
 * for one outer row (grouped by the column of a non-equality correlated
 * predicate, or over a correlated UNION ALL): Spark's decorrelated left join
 * repeats the outer row once per subquery row (NULL when it has none).
 * Expectations asked of Spark 3.5.7.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';

const SLOW = 30_000;

function views(spark: SparkSession): void {
  spark.sql('CREATE OR REPLACE TEMP VIEW subq_x AS SELECT * FROM VALUES (1, 10), (2, 20), (3, 30), (1, 5) AS t(x1, x2)');
  spark.sql('CREATE OR REPLACE TEMP VIEW subq_y AS SELECT * FROM VALUES (1, 1), (2, 2), (3, 3), (3, 4) AS t(y1, y2)');
}

const SQ = '(SELECT sum(y2) FROM subq_y WHERE y1 > x1 GROUP BY y1)';
const sorted = (spark: SparkSession, q: string): string[] => spark.sql(q).collect().map((r) => JSON.stringify([...r])).sort();

forEachBackend('correlated scalar subqueries returning several rows', (session) => {
  it('repeat the outer row in the select list, `*` keeping the input columns only', () => {
    const spark = session();
    views(spark);
    const df = spark.sql(`SELECT *, ${SQ} FROM subq_x`);
    expect(df.columns).toEqual(['x1', 'x2', 'scalarsubquery(x1)']);
    expect(df.schema.fields.map((f) => [f.dataType.simpleString(), f.nullable])).toEqual([['int', false], ['int', false], ['bigint', true]]);
    expect(sorted(spark, `SELECT *, ${SQ} FROM subq_x`)).toEqual(['[1,10,2]', '[1,10,7]', '[1,5,2]', '[1,5,7]', '[2,20,7]', '[3,30,null]']);
    // Two such subqueries are two joins: every pair of their rows.
    expect(sorted(spark, `SELECT x1, ${SQ} a, ${SQ} b FROM subq_x WHERE x2 > 5`)).toEqual([
      '[1,2,2]', '[1,2,7]', '[1,7,2]', '[1,7,7]', '[2,7,7]', '[3,null,null]',
    ]);
  }, SLOW);

  it('repeat the rows a WHERE keeps, and feed an aggregate below it', () => {
    const spark = session();
    views(spark);
    expect(sorted(spark, `SELECT x1 FROM subq_x WHERE x2 > ${SQ}`)).toEqual(['[1]', '[1]', '[1]', '[2]']);
    expect(sorted(spark, `SELECT x1, sum(${SQ}) s FROM subq_x GROUP BY x1`)).toEqual(['[1,18]', '[2,7]', '[3,null]']);
    expect(sorted(spark, `SELECT sum(${SQ}) s FROM subq_x`)).toEqual(['[25]']);
  }, SLOW);

  it('repeat the outer row for a correlated UNION ALL grouped by a column', () => {
    const spark = session();
    views(spark);
    const q = 'SELECT x1, (SELECT max(y2) FROM (SELECT y1, y2 FROM subq_y WHERE y1 = x1 UNION ALL SELECT y1, y2 FROM subq_y WHERE y1 = x1) GROUP BY y1) s FROM subq_x';
    expect(sorted(spark, q)).toEqual(['[1,1]', '[1,1]', '[2,2]', '[3,4]']);
  }, SLOW);
});
