/**
 * `spark.sql.parser.quotedRegexColumnNames=true`: a backquoted name holding
 * regex characters inside a SELECT item selects the columns whose whole name
 * matches (case-insensitively), optionally under a qualifier; outside SELECT
 * items (WHERE) and with the setting off it is a plain column name. Expected
 * names and rows checked against Spark 3.5.7 (sql-tests query_regex_column.sql).
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';

function setup(spark: SparkSession, on = true): void {
  spark.sql('CREATE OR REPLACE TEMPORARY VIEW testData AS SELECT * FROM VALUES (1, "1", "11"), (2, "2", "22"), (3, "3", "33") AS testData(key, value1, value2)');
  spark.sql('CREATE OR REPLACE TEMPORARY VIEW testData2 AS SELECT * FROM VALUES (1, 1, 1, 2), (1, 2, 1, 2), (2, 1, 2, 3), (2, 2, 2, 3) AS testData2(A, B, c, d)');
  if (on) spark.sql('SET spark.sql.parser.quotedRegexColumnNames=true');
}

function run(spark: SparkSession, sql: string): { names: string[]; rows: string[] } {
  const df = spark.sql(sql);
  return { names: df.columns, rows: df.collect().map((r) => [...r].join(',')).sort() };
}

function errorClass(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as { errorClass?: string }).errorClass;
  }
  throw new Error('expected an error');
}

forEachBackend('quoted regex column names', (session) => {
  it('selects the columns matching a possessive regex, whatever the case of the pattern', () => {
    const spark = session();
    setup(spark);
    expect(run(spark, 'SELECT `(a)?+.+` FROM testData2 WHERE a = 1')).toEqual({ names: ['B', 'c', 'd'], rows: ['1,1,2', '2,1,2'] });
    expect(run(spark, 'SELECT t.`(A)?+.+` FROM testData2 t WHERE a = 1').names).toEqual(['B', 'c', 'd']);
    expect(run(spark, 'SELECT `(a|B)` FROM testData2 WHERE a = 2')).toEqual({ names: ['A', 'B'], rows: ['2,1', '2,2'] });
    expect(run(spark, 'SELECT `(A|b)?+.+` FROM testData2 WHERE a = 2')).toEqual({ names: ['c', 'd'], rows: ['2,3', '2,3'] });
  });

  it('a regex matching nothing selects no column (rows kept), even under an unknown qualifier', () => {
    const spark = session();
    setup(spark);
    for (const q of ['SELECT `(e|f)` FROM testData2', 'SELECT t.`(e|f)` FROM testData2 t', 'SELECT x.`(e)` FROM testData2 t']) {
      const df = spark.sql(q);
      expect(df.columns).toEqual([]);
      expect(df.count()).toBe(4);
    }
  });

  it('mixes qualified regexes with plain columns over a join', () => {
    const spark = session();
    setup(spark);
    const r = run(spark, 'SELECT p.`(key)?+.+`, testdata2.`(b)?+.+` FROM testData p join testData2 ON p.key = testData2.a WHERE key < 3');
    expect(r).toEqual({ names: ['value1', 'value2', 'A', 'c', 'd'], rows: ['1,11,1,1,2', '1,11,1,1,2', '2,22,2,2,3', '2,22,2,2,3'] });
  });

  it('inside a function call the regex stands for its columns, as * does', () => {
    const spark = session();
    setup(spark);
    expect(run(spark, 'SELECT max(`(a|c|d)?+.+`) FROM testData2')).toEqual({ names: ['max(B)'], rows: ['2'] });
  });

  it('is a plain name outside SELECT items, for names without regex characters, and with the setting off', () => {
    const spark = session();
    setup(spark);
    expect(errorClass(() => spark.sql('SELECT a FROM testData2 WHERE `(a)?+.+` = 2').collect())).toBe('UNRESOLVED_COLUMN.WITH_SUGGESTION');
    expect(run(spark, 'SELECT `A`, `t`.`B` FROM testData2 t WHERE a = 1').names).toEqual(['A', 'B']);
    spark.sql('SET spark.sql.parser.quotedRegexColumnNames=false');
    expect(errorClass(() => spark.sql('SELECT `(a)?+.+` FROM testData2').collect())).toBe('UNRESOLVED_COLUMN.WITH_SUGGESTION');
  });
});
