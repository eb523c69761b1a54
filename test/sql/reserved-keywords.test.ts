/**
 * ANSI reserved keywords: with spark.sql.ansi.enabled and spark.sql.ansi.enforceReservedKeywords,
 * Spark's parser takes none of the 73 reserved words as an unquoted identifier (column, alias,
 * table, CTE, lambda variable, field) and fails with PARSE_SYNTAX_ERROR at the word; backquoted
 * they still work, and so do the functions its grammar names by a keyword (left, right, filter).
 * Every expectation was asked of Spark 3.5.7 (sql-tests ansi/keywords.sql and probes).
 */
import { expect, it } from 'vitest';
import { functions as F, type SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError, resultOf } from '../helpers/sql-errors.js';

const enforced = (spark: SparkSession): SparkSession => {
  spark.conf.set('spark.sql.ansi.enabled', 'true');
  spark.conf.set('spark.sql.ansi.enforceReservedKeywords', 'true');
  return spark;
};

const syntaxError = (near: string, pos: number): { errorClass: string; message: string } => ({
  errorClass: 'PARSE_SYNTAX_ERROR',
  message: `[PARSE_SYNTAX_ERROR] Syntax error at or near '${near}'.(line 1, pos ${pos})`,
});

forEachBackend('SQL ANSI reserved keywords', (session) => {
  it('refuses a reserved word wherever an identifier goes, at the word', () => {
    const spark = enforced(session());
    const cases: [string, string, number][] = [
      ['SELECT * FROM VALUES(1) AS t(select)', 'select', 29],
      ['SELECT 1 AS select', 'select', 12],
      ['SELECT 1 select', 'select', 9],
      ['SELECT 1 AS left', 'left', 12],
      ['SELECT 1 AS user', 'user', 12],
      ['SELECT 1 AS x, 2 AS all', 'all', 20],
      ['SELECT from FROM VALUES(1) AS t(a)', 'from', 7],
      ['SELECT time FROM VALUES(1) AS x(time)', 'time', 7],
      ['SELECT t.select FROM VALUES(1) AS t(a)', 'select', 9],
      ["SELECT a.from FROM (SELECT named_struct('from', 1) AS a)", 'from', 9],
      ['SELECT * FROM VALUES(1) AS order', 'order', 27],
      ['WITH select AS (SELECT 1) SELECT * FROM select', 'select', 5],
      ['CREATE TEMP VIEW table AS SELECT 1', 'table', 17],
      ['SELECT struct(1 AS from)', 'from', 19],
      ['SELECT (1 AS case)', 'case', 13],
      ['SELECT transform(array(1), select -> select)', 'select', 27],
      ['SELECT * FROM VALUES(1) AS t(a) WHERE a IN (SELECT 1 AS in)', 'in', 56],
      ['SELECT any(true)', 'any', 7],
      ['SELECT current_date() IS NOT NULL', 'current_date', 7],
      ['SELECT a FROM VALUES (1) AS t(a) GROUP BY ALL', 'ALL', 42],
    ];
    for (const [q, near, pos] of cases) expect(firstLineError(() => spark.sql(q).collect()), q).toEqual(syntaxError(near, pos));
  });

  it('still takes non-reserved keywords, backquoted words and the keyword-named functions', () => {
    const spark = enforced(session());
    expect(resultOf(spark, 'SELECT 1 AS anti, 2 AS semi, 3 AS minus, 4 AS year, 5 AS interval, 6 AS `select`').names).toEqual([
      'anti',
      'semi',
      'minus',
      'year',
      'interval',
      'select',
    ]);
    expect(resultOf(spark, "SELECT left('abc', 1), right('abc', 1), size(filter(array(1), x -> true))").rows).toEqual([['a', 'c', 1]]);
    expect(resultOf(spark, 'SELECT count(*) OVER (PARTITION BY 1) AS over').names).toEqual(['over']);
    expect(resultOf(spark, 'SELECT current_date IS NOT NULL, user IS NOT NULL').rows).toEqual([[true, true]]);
  });

  it('accepts reserved words as identifiers unless both settings are on', () => {
    const spark = session();
    expect(resultOf(spark, 'SELECT 1 AS select').names).toEqual(['select']);
    spark.conf.set('spark.sql.ansi.enforceReservedKeywords', 'true');
    expect(resultOf(spark, 'SELECT 1 AS select').names).toEqual(['select']);
    spark.conf.set('spark.sql.ansi.enforceReservedKeywords', 'false');
    spark.conf.set('spark.sql.ansi.enabled', 'true');
    expect(resultOf(spark, 'SELECT * FROM VALUES(1) AS t(select)').names).toEqual(['select']);
  });

  it('refuses reserved words in expression strings too, when the plan is analyzed under both settings', () => {
    // Spark 3.5.7 through Spark Connect, which parses these strings with the session's settings.
    const spark = enforced(session());
    const df = spark.sql('SELECT 1 AS a, 2 AS b');
    expect(firstLineError(() => df.selectExpr('a AS select').columns)).toEqual(syntaxError('select', 5));
    expect(firstLineError(() => df.select(F.expr('a + 1 AS user')).columns)).toEqual(syntaxError('user', 9));
    expect(firstLineError(() => df.filter('from > 0').columns)).toEqual(syntaxError('from', 0));
    expect(firstLineError(() => df.select(F.expr('transform(array(1), select -> select + 1)')).columns)).toEqual(syntaxError('select', 20));
    expect(firstLineError(() => df.select(F.expr('a AS select').alias('z')).columns)).toEqual(syntaxError('select', 5));
    expect(firstLineError(() => df.orderBy(F.expr('a AS select')).columns)).toEqual(syntaxError('select', 5));
    expect(df.selectExpr('a AS `select`').columns).toEqual(['select']);
    // the same column, built before the settings change, works once they are off
    const col = F.expr('a AS select');
    spark.conf.set('spark.sql.ansi.enforceReservedKeywords', 'false');
    expect(df.select(col).columns).toEqual(['select']);
  });
});
