/**
 * Spark 3.5's default spark.sql.legacy.ctePrecedencePolicy=EXCEPTION: a WITH
 * that starts a query (a CTE definition's query or a subquery expression)
 * may not redefine a CTE name in scope (AMBIGUOUS_ALIAS_IN_NESTED_CTE); a WITH
 * in a FROM subquery or a LATERAL subquery may, and shadows it; CORRECTED
 * lets the inner name win everywhere. Checked against Spark 3.5.7 (sql-tests cte.sql).
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError } from '../helpers/sql-errors.js';

function rows(spark: SparkSession, sql: string): string[] {
  return spark
    .sql(sql)
    .collect()
    .map((r) => [...r].join(','));
}

const AMBIGUOUS = [
  'WITH t AS (SELECT 1), t2 AS (WITH t AS (SELECT 2) SELECT * FROM t) SELECT * FROM t2',
  'WITH t AS (SELECT 1), t2 AS (WITH t AS (SELECT 2), t2 AS (WITH t AS (SELECT 3) SELECT * FROM t) SELECT * FROM t2) SELECT * FROM t2',
  'WITH t AS (SELECT 1) SELECT (WITH t AS (SELECT 2) SELECT * FROM t)',
  'WITH t AS (SELECT 1) SELECT (SELECT (WITH t AS (SELECT 2) SELECT * FROM t))',
  'WITH T AS (SELECT 1) SELECT * FROM T WHERE EXISTS (WITH t AS (SELECT 2) SELECT * FROM t)',
  'WITH t AS (SELECT 1) SELECT * FROM (WITH u AS (WITH t AS (SELECT 2) SELECT * FROM t) SELECT * FROM u)',
];

forEachBackend('nested CTE names', (session) => {
  it('a WITH starting a CTE definition or a subquery expression may not redefine an outer CTE name', () => {
    const spark = session();
    for (const q of AMBIGUOUS) {
      expect(firstLineError(() => spark.sql(q).collect()), q).toEqual({
        errorClass: 'AMBIGUOUS_ALIAS_IN_NESTED_CTE',
        message: expect.stringMatching(/Name `[tT]` is ambiguous in nested CTE\.$/),
      });
    }
  });

  it('a WITH in a FROM or LATERAL subquery shadows the outer name; a later sibling name does not conflict', () => {
    const spark = session();
    expect(rows(spark, 'WITH t(c) AS (SELECT 1) SELECT max(c) FROM (WITH t(c) AS (SELECT 2) SELECT * FROM t)')).toEqual(['2']);
    expect(rows(spark, 'WITH t(c) AS (SELECT 1) SELECT sum(c) FROM (WITH t(c) AS (SELECT 2) SELECT max(c) AS c FROM (WITH t(c) AS (SELECT 3) SELECT * FROM t))')).toEqual(['3']);
    expect(rows(spark, 'WITH t AS (SELECT 1 AS c) SELECT * FROM t, LATERAL (WITH t AS (SELECT 2) SELECT * FROM t)')).toEqual(['1,2']);
    expect(rows(spark, 'WITH u AS (WITH t AS (SELECT 2) SELECT * FROM t), t AS (SELECT 1) SELECT * FROM u')).toEqual(['2']);
  });

  it('spark.sql.legacy.ctePrecedencePolicy=CORRECTED lets the inner definition win', () => {
    const spark = session();
    spark.sql('SET spark.sql.legacy.ctePrecedencePolicy=CORRECTED');
    expect(rows(spark, 'WITH t AS (SELECT 1) SELECT (WITH t AS (SELECT 2) SELECT * FROM t)')).toEqual(['2']);
    expect(rows(spark, 'WITH t AS (SELECT 1), t2 AS (WITH t AS (SELECT 2) SELECT * FROM t) SELECT * FROM t2')).toEqual(['2']);
  });
});
