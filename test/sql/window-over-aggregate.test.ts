/**
 * A window function in a grouped query runs over the aggregated rows: an
 * aggregate used as the window function (`count(*) OVER ()`) stays a window
 * function even when the same aggregate is also grouped, including under
 * CUBE. Checked against Spark 3.5.7.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';

function rows(spark: SparkSession, sql: string): string[] {
  return spark
    .sql(sql)
    .collect()
    .map((r) => [...r].map((v) => (v === null ? 'NULL' : String(v))).join(','))
    .sort();
}

const T = 'VALUES (1, 1), (1, 2), (2, 3) AS t(a, b)';

forEachBackend('window functions over aggregated rows', (session) => {
  it('count(*) OVER () beside a grouped count counts the groups', () => {
    const spark = session();
    expect(rows(spark, `SELECT a, count(1) AS c, count(*) OVER () AS n FROM ${T} GROUP BY a`)).toEqual(['1,2,2', '2,1,2']);
    expect(rows(spark, `SELECT a, count(*) OVER () AS n FROM ${T} GROUP BY CUBE(a)`)).toEqual(['1,3', '2,3', 'NULL,3']);
  });

  it('window functions over aggregates of the group', () => {
    const spark = session();
    expect(rows(spark, `SELECT a, sum(sum(b)) OVER (ORDER BY a) AS r, rank() OVER (ORDER BY count(*)) AS k FROM ${T} GROUP BY a`)).toEqual(['1,3,2', '2,6,1']);
  });
});
