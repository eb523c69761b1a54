/**
 * SQL clauses: GROUP BY ALL, UNPIVOT, IDENTIFIER(...) and TABLESAMPLE, with
 * the names, types, rows and errors Spark 3.5.7 gives for the same queries.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';

const VIEW =
  "CREATE OR REPLACE TEMP VIEW s AS SELECT * FROM VALUES (1, 'a', 10, 20, CAST(NULL AS INT)), (2, 'b', 30, CAST(NULL AS INT), CAST(NULL AS INT)) AS s(id, k, q1, q2, q3)";

function query(spark: SparkSession, sql: string): { fields: string[]; rows: unknown[][] } {
  spark.sql(VIEW);
  spark.sql('CREATE OR REPLACE TEMP VIEW r AS SELECT * FROM range(100)');
  const df = spark.sql(sql);
  return {
    fields: df.schema.fields.map((f) => `${f.name}: ${f.dataType.simpleString()}${f.nullable ? '' : ' not null'}`),
    rows: df.collect().map((r) => [...r].map((v) => (typeof v === 'bigint' ? Number(v) : v))),
  };
}

function errorOf(spark: SparkSession, sql: string): { name: string; errorClass?: string; message: string } {
  try {
    query(spark, sql);
  } catch (e) {
    return e as { name: string; errorClass?: string; message: string };
  }
  throw new Error(`expected ${sql} to fail`);
}

const sorted = (rows: unknown[][]): unknown[][] => [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

forEachBackend('SQL clauses', (session) => {
  it('GROUP BY ALL groups by the select-list expressions without aggregates', () => {
    const r = query(session(), 'SELECT k, id + 1, sum(q1), count(*) FROM s GROUP BY ALL');
    expect(r.fields).toEqual(['k: string not null', '(id + 1): int not null', 'sum(q1): bigint', 'count(1): bigint not null']);
    expect(sorted(r.rows)).toEqual([
      ['a', 2, 10, 1],
      ['b', 3, 30, 1],
    ]);
    expect(query(session(), 'SELECT sum(q1) FROM s GROUP BY ALL').rows).toEqual([[40]]);
    expect(errorOf(session(), 'SELECT k + sum(q1) FROM s GROUP BY ALL').errorClass).toBe('UNRESOLVED_ALL_IN_GROUP_BY');
    expect(errorOf(session(), 'SELECT k AS kk, sum(q1) + id FROM s GROUP BY ALL').errorClass).toBe('MISSING_AGGREGATION');
  });

  it('GROUP BY all groups by an input column, then a select-list alias, named all (sql-tests column-resolution-aggregate.sql)', () => {
    const spark = session();
    spark.sql('CREATE OR REPLACE TEMP VIEW ga1 AS VALUES (1, 1, 1), (2, 2, 1) AS t(a, b, k)');
    spark.sql('CREATE OR REPLACE TEMP VIEW ga2 AS VALUES (1, 1, 1), (2, 2, 1) AS t(x, y, all)');
    expect(errorOf(spark, 'SELECT x FROM ga2 GROUP BY all').errorClass).toBe('MISSING_AGGREGATION');
    expect(query(spark, 'SELECT max(x), all FROM ga2 GROUP BY all').rows).toEqual([[2, 1]]);
    expect(errorOf(spark, 'SELECT a AS all, b FROM ga1 GROUP BY all').errorClass).toBe('MISSING_AGGREGATION');
    expect(sorted(query(spark, 'SELECT a AS all, count(*) FROM ga1 GROUP BY all').rows)).toEqual([
      [1, 1],
      [2, 1],
    ]);
    // Inside a subquery GROUP BY ALL wins over the outer query's column `all`.
    expect(query(spark, 'SELECT * FROM ga2 WHERE EXISTS (SELECT a, b FROM ga1 GROUP BY all)').rows).toHaveLength(2);
  });

  it('ORDER BY ALL sorts by every select-list column unless the input has a column all (sql-tests column-resolution-sort.sql)', () => {
    const spark = session();
    spark.sql('CREATE OR REPLACE TEMP VIEW oa1 AS VALUES (1, 2, 2), (2, 1, 1), (2, 0, 3) AS t(a, b, k)');
    spark.sql('CREATE OR REPLACE TEMP VIEW oa2 AS VALUES (1, 2, 2), (2, 1, 1) AS t(a, b, all)');
    expect(query(spark, 'SELECT a, b FROM oa1 ORDER BY all DESC').rows).toEqual([[2, 1], [2, 0], [1, 2]]);
    expect(query(spark, 'SELECT * FROM oa1 ORDER BY ALL').rows).toEqual([[1, 2, 2], [2, 0, 3], [2, 1, 1]]);
    expect(query(spark, 'SELECT a + 1, b FROM oa1 ORDER BY `all`').rows).toEqual([[2, 2], [3, 0], [3, 1]]);
    expect(query(spark, 'SELECT k % 2 AS m, sum(a) FROM oa1 GROUP BY 1 ORDER BY ALL').rows).toEqual([[0, 1], [1, 4]]);
    // The column `all` wins: grouped by it, ordered by it.
    expect(query(spark, 'SELECT max(a) FROM oa2 GROUP BY all ORDER BY all').rows).toEqual([[2], [1]]);
    // ORDER BY ALL wins over an outer query's column `all`.
    expect(query(spark, 'SELECT (SELECT b FROM oa1 ORDER BY all LIMIT 1) FROM oa2').rows).toEqual([[0], [0]]);
  });

  it('UNPIVOT turns columns into rows, dropping all-null entries unless INCLUDE NULLS', () => {
    const r = query(session(), 'SELECT * FROM s UNPIVOT (val FOR quarter IN (q1, q2, q3))');
    expect(r.fields).toEqual(['id: int not null', 'k: string not null', 'quarter: string not null', 'val: int']);
    expect(r.rows).toEqual([
      [1, 'a', 'q1', 10],
      [1, 'a', 'q2', 20],
      [2, 'b', 'q1', 30],
    ]);
    const inc = query(session(), 'SELECT u.quarter, val FROM s UNPIVOT INCLUDE NULLS (val FOR quarter IN (q1 AS `Q1`, q2, q3)) AS u WHERE id = 2');
    expect(inc.rows).toEqual([
      ['Q1', 30],
      ['q2', null],
      ['q3', null],
    ]);
  });

  it('UNPIVOT with several value columns names entries by alias or joined column names', () => {
    const r = query(session(), 'SELECT * FROM s UNPIVOT ((v1, v2) FOR qs IN ((q1, q2) AS a, (q2, q3)))');
    expect(r.fields).toEqual(['id: int not null', 'k: string not null', 'qs: string not null', 'v1: int', 'v2: int']);
    expect(r.rows).toEqual([
      [1, 'a', 'a', 10, 20],
      [1, 'a', 'q2_q3', 20, null],
      [2, 'b', 'a', 30, null],
    ]);
    expect(errorOf(session(), 'SELECT * FROM s UNPIVOT (val FOR quarter IN (q1, k))').errorClass).toBe('UNPIVOT_VALUE_DATA_TYPE_MISMATCH');
  });

  it('IDENTIFIER(...) names tables, columns and functions from constant strings and parameters', () => {
    expect(query(session(), "SELECT * FROM IDENTIFIER('s') WHERE IDENTIFIER('id') = 1").rows).toEqual([[1, 'a', 10, 20, null]]);
    const r = query(session(), "SELECT IDENTIFIER('s.k'), identifier('`id`'), IDENTIFIER('a' || 'bs')(-1) FROM s");
    expect(r.fields).toEqual(['k: string not null', 'id: int not null', 'abs(-1): int not null']);
    const spark = session();
    spark.sql(VIEW);
    expect(spark.sql('SELECT IDENTIFIER(:c) FROM IDENTIFIER(:t) ORDER BY 1', { c: 'k', t: 's' }).collect().map((x) => [...x][0])).toEqual(['a', 'b']);
    expect(errorOf(session(), 'SELECT IDENTIFIER(1)').errorClass).toBe('NOT_A_CONSTANT_STRING.WRONG_TYPE');
    expect(errorOf(session(), 'SELECT IDENTIFIER(k) FROM s').errorClass).toBe('NOT_A_CONSTANT_STRING.NOT_CONSTANT');
  });

  it('an unknown function named by IDENTIFIER(...) is ROUTINE_NOT_FOUND in its database, as Spark 3.5.7 looks it up in the catalog', () => {
    const notFound = (sql: string): { errorClass?: string; message: string } => errorOf(session(), sql);
    for (const name of ['nosuchf', 'default.nosuchf', 'spark_catalog.default.nosuchf']) {
      const e = notFound(`SELECT IDENTIFIER('${name}')(1)`);
      expect(e.errorClass).toBe('ROUTINE_NOT_FOUND');
      expect(e.message).toContain('The function `default`.`nosuchf` cannot be found. Verify the spelling and correctness of the schema and catalog.');
    }
    // Written without the clause, the same names are UNRESOLVED_ROUTINE.
    expect(notFound('SELECT default.nosuchf(1)').errorClass).toBe('UNRESOLVED_ROUTINE');
    expect(notFound('SELECT nosuchf(1)').errorClass).toBe('UNRESOLVED_ROUTINE');
  });

  it('TABLESAMPLE takes rows, percentages and buckets', () => {
    expect(query(session(), 'SELECT count(*) FROM r TABLESAMPLE (10 ROWS)').rows).toEqual([[10]]);
    expect(query(session(), 'SELECT count(*) FROM r TABLESAMPLE (100 PERCENT) AS x').rows).toEqual([[100]]);
    expect(query(session(), 'SELECT count(*) FROM r TABLESAMPLE (0 PERCENT)').rows).toEqual([[0]]);
    const half = query(session(), 'SELECT count(*) FROM r TABLESAMPLE (50 PERCENT) REPEATABLE (7)').rows[0]![0] as number;
    expect(half).toBeGreaterThan(25);
    expect(half).toBeLessThan(75);
    const bucket = query(session(), 'SELECT count(*) FROM r TABLESAMPLE (BUCKET 1 OUT OF 4)').rows[0]![0] as number;
    expect(bucket).toBeGreaterThan(5);
    expect(bucket).toBeLessThan(50);
    expect(query(session(), 'SELECT * FROM (SELECT id FROM r WHERE id < 5) TABLESAMPLE (2 ROWS)').rows).toEqual([[0], [1]]);
  });

  it('TABLESAMPLE rejects fractions outside [0, 1], bucket columns and negative row counts as Spark does', () => {
    const over = errorOf(session(), 'SELECT count(*) FROM r TABLESAMPLE (101 PERCENT)');
    expect(over.name).toBe('ParseException');
    expect(over.message).toContain('Sampling fraction (1.01) must be on interval [0, 1].(line 1, pos 23)');
    expect(errorOf(session(), 'SELECT count(*) FROM r TABLESAMPLE (BUCKET 5 OUT OF 4)').message).toContain('Sampling fraction (1.25)');
    expect(errorOf(session(), 'SELECT count(*) FROM r TABLESAMPLE (BUCKET 1 OUT OF 4 ON id)').message).toContain(
      'TABLESAMPLE(BUCKET x OUT OF y ON colname) is not supported.(line 1, pos 36)',
    );
    expect(errorOf(session(), 'SELECT count(*) FROM r TABLESAMPLE (-1 ROWS)').errorClass).toBe('INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE');
  });
});
