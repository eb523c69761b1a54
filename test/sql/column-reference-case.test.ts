/**
 * A column matched case-insensitively is named as the reference is written
 * (`SELECT ID FROM range(1)` is `ID`), in SQL select lists, grouped select
 * lists and DataFrame select/groupBy; it stays the same column for later
 * references, grouping and ordering. Checked against Spark 3.5.7
 * (sql-tests order-by-nulls-ordering.sql, query_regex_column.sql).
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';

function shape(spark: SparkSession, sql: string): { names: string[]; rows: string[] } {
  const df = spark.sql(sql);
  return { names: df.columns, rows: df.collect().map((r) => [...r].join(',')) };
}

forEachBackend('column references named as written', (session) => {
  it('a projected column takes the spelling of its reference', () => {
    const spark = session();
    expect(shape(spark, 'SELECT ID FROM range(1)')).toEqual({ names: ['ID'], rows: ['0'] });
    expect(shape(spark, 'SELECT b, t.B, `a` FROM VALUES (1, 2) AS t(A, B)')).toEqual({ names: ['b', 'B', 'a'], rows: ['2,2,1'] });
    spark.sql('CREATE OR REPLACE TEMPORARY VIEW s AS SELECT * FROM VALUES (6, 12, 10), (6, 11, 4), (6, 13, null) AS s(col1, col2, col3)');
    expect(shape(spark, 'SELECT COL1, COL2, COL3 FROM s ORDER BY COL3 DESC NULLS FIRST, COL2')).toEqual({ names: ['COL1', 'COL2', 'COL3'], rows: ['6,13,', '6,12,10', '6,11,4'] });
  });

  it('the renamed column is still the same column for outer references, grouping and ordering', () => {
    const spark = session();
    expect(shape(spark, 'SELECT * FROM (SELECT ID FROM range(1))').names).toEqual(['ID']);
    expect(shape(spark, 'SELECT x.id FROM (SELECT ID FROM range(2)) x WHERE x.Id = 1')).toEqual({ names: ['id'], rows: ['1'] });
    expect(shape(spark, 'SELECT ID, count(*) AS n FROM range(3) GROUP BY id ORDER BY Id')).toEqual({ names: ['ID', 'n'], rows: ['0,1', '1,1', '2,1'] });
    expect(shape(spark, 'SELECT Id FROM (SELECT id FROM range(2)) GROUP BY ID ORDER BY iD').names).toEqual(['Id']);
  });

  it('inside an expression the column keeps its written spelling too', () => {
    const spark = session();
    const q = "SELECT max(ID), T.ID + 1, upper(NAME), S.A + 1, S.A FROM VALUES (1, 'x', named_struct('a', 1)) AS t(id, name, s) GROUP BY id, name, s";
    expect(shape(spark, q)).toEqual({ names: ['max(ID)', '(ID + 1)', 'upper(NAME)', '(S.A + 1)', 'A'], rows: ['1,2,X,2,1'] });
    expect(shape(spark, 'SELECT Id + 1 FROM VALUES (1) AS t(id) GROUP BY ID')).toEqual({ names: ['(Id + 1)'], rows: ['2'] });
    expect(shape(spark, 'SELECT sum(ID) FROM VALUES (1) AS t(id) HAVING sum(id) > 0')).toEqual({ names: ['sum(ID)'], rows: ['1'] });
  });

  it('DataFrame select and groupBy name the column as written', () => {
    const spark = session();
    const df = spark.range(2);
    expect(df.select('ID').columns).toEqual(['ID']);
    expect(df.groupBy('ID').count().columns).toEqual(['ID', 'count']);
    const picked = df.select('ID');
    expect(picked.filter(picked.col('id').gt(0)).collect().map((r) => r.ID)).toEqual([1]);
  });
});
