/**
 * Expression strings (`F.expr`, `selectExpr`, `filter(str)`, `agg(F.expr)`, `withColumn(.., F.expr)`)
 * are read as the same expression in `spark.sql` text is: Spark parses them with the session's parser
 * and SQL conf when the plan is analyzed. Every expectation was asked of Spark 3.5.7 through Spark
 * Connect (the connect backend sends the text, so there Spark itself answers).
 */
import { expect, it } from 'vitest';
import { functions as F, type DataFrame, type SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError } from '../helpers/sql-errors.js';

const SLOW = 30_000;

const result = (df: DataFrame): { names: string[]; rows: unknown[][] } => ({ names: df.columns, rows: df.collect().map((r) => [...r]) });

const four = (spark: SparkSession): DataFrame => spark.sql('SELECT * FROM VALUES (1, 10), (1, 20), (1, 30), (1, 40) t(k, v)');

const PDISC = 'percentile_disc(0.6) WITHIN GROUP (ORDER BY v)';

forEachBackend('expression strings under the session settings', (session, backend) => {
  it(
    'spark.sql.legacy.percentileDiscCalculation applies to percentile_disc in F.expr, selectExpr and agg',
    () => {
      const spark = session();
      const df = four(spark);
      spark.conf.set('spark.sql.legacy.percentileDiscCalculation', 'true');
      const builtWhileOn = F.expr(`${PDISC} AS p`);
      expect(result(df.selectExpr(PDISC))).toEqual({ names: [PDISC], rows: [[20]] });
      expect(result(df.groupBy('k').agg(F.expr(PDISC)))).toEqual({ names: ['k', PDISC], rows: [[1, 20]] });
      // the setting in force when the plan is analyzed decides, not the one when the Column was built
      spark.conf.set('spark.sql.legacy.percentileDiscCalculation', 'false');
      expect(result(df.select(builtWhileOn))).toEqual({ names: ['p'], rows: [[30]] });
      expect(result(df.selectExpr(PDISC)).rows).toEqual([[30]]);
    },
    SLOW,
  );

  it(
    'count() is refused WITH_SUGGESTION unless spark.sql.legacy.allowParameterlessCount, then counts 0',
    () => {
      const spark = session();
      const df = four(spark);
      const refused = {
        errorClass: 'WRONG_NUM_ARGS.WITH_SUGGESTION',
        message:
          '[WRONG_NUM_ARGS.WITH_SUGGESTION] The `count` requires  >= 1 parameters but the actual number is 0. If you have to call this function with 0 parameters, set the legacy configuration "spark.sql.legacy.allowParameterlessCount" to "true".',
      };
      expect(firstLineError(() => df.select(F.expr('count()')).columns)).toEqual(refused);
      expect(firstLineError(() => df.groupBy('k').agg(F.expr('count()')).columns)).toEqual(refused);
      spark.conf.set('spark.sql.legacy.allowParameterlessCount', 'true');
      expect(result(df.selectExpr('count()', 'count() FILTER (WHERE v > 10)'))).toEqual({
        names: ['count()', 'count() FILTER (WHERE (v > 10))'],
        rows: [[0, 0]],
      });
      expect(result(df.groupBy('k').agg(F.expr('count()')))).toEqual({ names: ['k', 'count()'], rows: [[1, 0]] });
    },
    SLOW,
  );

  it(
    'reads an integral-vs-decimal-literal comparison as spark.sql does, named as written (classic PySpark; Connect names it after the rewrite)',
    () => {
      const spark = session();
      const connect = backend === 'connect';
      const df = spark.range(3);
      const rows = [
        [false, false, false, false],
        [false, true, false, false],
        [true, false, true, true],
      ];
      const names = connect ? ['(id > 1)', '(id = 1.0)', '(1 < id)', '(id >= 2)'] : ['(id > 1.1)', '(id = 1.0)', '(1.5 < id)', '(id >= 2.0)'];
      expect(result(df.selectExpr('id > 1.1', 'id = 1.0', '1.5 < id', 'id >= 2.0'))).toEqual({ names, rows });
      expect(result(df.select(F.expr('not(id > 1.1)'), F.expr('(id > 1.1) and true'))).names).toEqual(
        connect ? ['(NOT (id > 1))', '((id > 1) AND true)'] : ['(NOT (id > 1.1))', '((id > 1.1) AND true)'],
      );
      expect(result(df.withColumn('x', F.expr('id > 1.1'))).rows).toEqual([
        [0, false],
        [1, false],
        [2, true],
      ]);
      expect(result(df.filter('id > 1.1')).rows).toEqual([[2]]);
      expect(df.select(F.col('id').gt(1.1)).columns).toEqual(['(id > 1.1)']);
    },
    SLOW,
  );

  it(
    'refuses a reserved word when the plan is analyzed with the ANSI settings on, even in a Column built before',
    () => {
      const spark = session();
      const df = spark.sql('SELECT 1 AS a');
      const builtBefore = F.expr('a AS select');
      expect(df.select(builtBefore).columns).toEqual(['select']);
      spark.conf.set('spark.sql.ansi.enabled', 'true');
      spark.conf.set('spark.sql.ansi.enforceReservedKeywords', 'true');
      expect(firstLineError(() => df.select(builtBefore).columns)).toEqual({
        errorClass: 'PARSE_SYNTAX_ERROR',
        message: "[PARSE_SYNTAX_ERROR] Syntax error at or near 'select'.(line 1, pos 5)",
      });
    },
    SLOW,
  );

  it(
    'spark.sql.parser.quotedRegexColumnNames makes a backquoted regex in selectExpr select the matching columns',
    () => {
      const spark = session();
      const df = spark.sql('SELECT 1 AS k, 2 AS v, 3 AS w');
      spark.conf.set('spark.sql.parser.quotedRegexColumnNames', 'true');
      expect(result(df.selectExpr('`(k|v)`'))).toEqual({ names: ['k', 'v'], rows: [[1, 2]] });
    },
    SLOW,
  );

  it(
    "names the current database in an unknown function's search path",
    () => {
      const spark = session();
      const df = four(spark);
      spark.sql('CREATE DATABASE IF NOT EXISTS exprsession_search_db');
      try {
        spark.sql('USE exprsession_search_db');
        const unresolved = {
          errorClass: 'UNRESOLVED_ROUTINE',
          message:
            '[UNRESOLVED_ROUTINE] Cannot resolve function `nosuchfn` on search path [`system`.`builtin`, `system`.`session`, `spark_catalog`.`exprsession_search_db`].; line 1 pos 0',
        };
        expect(firstLineError(() => df.select(F.expr('nosuchfn(k)')).columns)).toEqual(unresolved);
        expect(firstLineError(() => df.selectExpr('nosuchfn(k)').columns)).toEqual(unresolved);
        expect(firstLineError(() => df.filter('nosuchfn(k)').columns)).toEqual(unresolved);
        // percentile_cont without WITHIN GROUP is unknown to Spark's parser: still an analysis error, at analysis
        const withoutGroup = F.expr('percentile_cont(0.5)');
        expect(firstLineError(() => df.select(withoutGroup).columns).message).toBe(unresolved.message.replace('`nosuchfn`', '`percentile_cont`'));
      } finally {
        spark.sql('USE default');
        spark.sql('DROP DATABASE IF EXISTS exprsession_search_db');
      }
    },
    SLOW,
  );

  it(
    'raises an undefined named window when the plan is analyzed, not when the string is given',
    () => {
      const spark = session();
      const col = F.expr('sum(v) OVER w');
      // Spark 3.5.7's _LEGACY_ERROR_TEMP_1004 (Spark Connect does not report legacy error classes)
      expect(firstLineError(() => four(spark).select(col).columns).message).toBe('Window specification w is not defined in the WINDOW clause.');
      expect(firstLineError(() => spark.sql('SELECT sum(v) OVER w FROM VALUES (1) t(v)').columns).message).toBe(
        'Window specification w is not defined in the WINDOW clause.',
      );
    },
    SLOW,
  );
});
