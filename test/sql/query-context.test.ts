/**
 * Spark's query context: runtime errors raised by an expression written in SQL
 * text (a query, a view's query, `F.expr`, `selectExpr`) end with a
 * `== SQL(line L, position P) ==` block quoting the expression with carets under
 * it; analysis errors of such expressions end with `; line L pos P`. Every
 * expected text here is Spark 3.5.7's (live server, ANSI on unless said).
 */
import { describe, expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { contextSummary } from '../../src/errors/query-context.js';
import { forEachBackend } from '../helpers/backends.js';
import { ansi, errorOf, sqlError } from '../helpers/sql-errors.js';

const SLOW = 30_000;
const BYPASS = 'If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error.';
const DIVIDE = `[DIVIDE_BY_ZERO] Division by zero. Use \`try_divide\` to tolerate divisor being 0 and return NULL instead. ${BYPASS}`;
const OVERFLOW = `[ARITHMETIC_OVERFLOW] integer overflow. Use 'try_add' to tolerate overflow and return NULL instead. ${BYPASS}`;

/**
 * The context block of an error message (what follows its first `\n== SQL`), or undefined;
 * on connect, without the JVM stack Spark appends to an error raised in a task.
 */
const contextOf = (message: string | undefined): string | undefined => {
  const at = message?.indexOf('\n== SQL') ?? -1;
  return at < 0 ? undefined : message!.slice(at + 1).split('\n\tat ')[0];
};

describe('contextSummary', () => {
  const summary = (text: string, fragment: string): string => {
    const start = text.indexOf(fragment);
    return contextSummary({ source: { text, base: 0, objectType: '', objectName: '' }, startIndex: start, stopIndex: start + fragment.length - 1 });
  };

  it('shows up to 32 characters either side, with `...` from 32 on (even when nothing is cut)', () => {
    expect(summary("SELECT 'abcdefghijklmnopqrst', 1/0, 'abcdefghijklmnopqrstuvwxyz0'", '1/0')).toBe(
      "== SQL(line 1, position 32) ==\nSELECT 'abcdefghijklmnopqrst', 1/0, 'abcdefghijklmnopqrstuvwxyz0'\n                               ^^^\n",
    );
    expect(summary("SELECT 'abcdefghijklmnopqrstu', 1/0, 'abcdefghijklmnopqrstuvwxyz01'", '1/0')).toBe(
      "== SQL(line 1, position 33) ==\n...SELECT 'abcdefghijklmnopqrstu', 1/0, 'abcdefghijklmnopqrstuvwxyz01'...\n                                   ^^^\n",
    );
    expect(summary("SELECT 'abcdefghijklmnopqrstuv', 1/0, 'abcdefghijklmnopqrstuvwxyz012'", '1/0')).toBe(
      "== SQL(line 1, position 34) ==\n...ELECT 'abcdefghijklmnopqrstuv', 1/0, 'abcdefghijklmnopqrstuvwxyz012...\n                                   ^^^\n",
    );
  });

  it('quotes every line of a fragment spanning lines, carets under its part of each', () => {
    const text = "SELECT 'abcdefghijklmnopqrstuvabcdefghijklmnopqrstuv', 2147483647\n + 1, 'abcdefghijklmnopqrstuvabcdefghijklmnopqrstuv'";
    expect(summary(text, '2147483647\n + 1')).toBe(
      "== SQL(line 1, position 56) ==\n...pqrstuvabcdefghijklmnopqrstuv', 2147483647\n                                   ^^^^^^^^^^\n + 1, 'abcdefghijklmnopqrstuvabcdefg...\n^^^^\n",
    );
  });
});

describe('query context', () => {
  forEachBackend('SQL queries', (session, backend) => {
    it('DIVIDE_BY_ZERO quotes the division: line, 1-based position, carets', () => {
      const spark = ansi(session());
      const e = sqlError(spark, 'SELECT 1/0');
      expect(e.message).toBe(`${DIVIDE}\n== SQL(line 1, position 8) ==\nSELECT 1/0\n       ^^^\n`);
      if (backend !== 'connect') {
        const [ctx] = (e as unknown as { getQueryContext(): { objectType: string; startIndex: number; stopIndex: number; fragment: string }[] }).getQueryContext();
        expect(ctx).toMatchObject({ objectType: '', objectName: '', startIndex: 7, stopIndex: 9, fragment: '1/0' });
      }
    });

    it('counts lines, quotes a fragment spanning lines line by line, leaves parentheses out', () => {
      const spark = ansi(session());
      expect(sqlError(spark, 'SELECT 1,\n  2 + 1/0 AS x').message).toBe(`${DIVIDE}\n== SQL(line 2, position 7) ==\n  2 + 1/0 AS x\n      ^^^\n`);
      expect(sqlError(spark, 'SELECT 1 + (2147483647\n    + 1) FROM range(1)').message).toBe(
        `${OVERFLOW}\n== SQL(line 1, position 13) ==\nSELECT 1 + (2147483647\n            ^^^^^^^^^^\n    + 1) FROM range(1)\n^^^^^^^\n`,
      );
      expect(contextOf(sqlError(spark, "SELECT 1 +    (  2147483647 + 1  ) , 'a'").message)).toBe(
        "== SQL(line 1, position 18) ==\nSELECT 1 +    (  2147483647 + 1  ) , 'a'\n                 ^^^^^^^^^^^^^^\n",
      );
      expect(contextOf(sqlError(spark, "SELECT 'abcdefghijklmnopqrstuvwxyz01234', 1/0, 'abcdefghijklmnopqrstuvwxyz012345'").message)).toBe(
        "== SQL(line 1, position 43) ==\n...cdefghijklmnopqrstuvwxyz01234', 1/0, 'abcdefghijklmnopqrstuvwxyz012...\n                                   ^^^\n",
      );
    }, SLOW);

    it('the errors Spark gives a context, each quoting the expression that raised it', () => {
      const spark = ansi(session());
      const cases: [string, string, string][] = [
        ["SELECT CAST('x' AS INT)", 'CAST_INVALID_INPUT', "CAST('x' AS INT)"],
        ["SELECT CAST(s AS DATE) FROM VALUES ('x') t(s)", 'CAST_INVALID_INPUT', 'CAST(s AS DATE)'],
        // An implicit cast takes the origin of the expression it was added to.
        ["SELECT a = '1.5' FROM VALUES (1) AS t(a)", 'CAST_INVALID_INPUT', "a = '1.5'"],
        ['SELECT CAST(a AS DECIMAL(3,1)) FROM VALUES (1000) t(a)', 'NUMERIC_VALUE_OUT_OF_RANGE', 'CAST(a AS DECIMAL(3,1))'],
        ['SELECT a - 1 FROM VALUES (-2147483648) t(a)', 'ARITHMETIC_OVERFLOW', 'a - 1'],
        ['SELECT round(a, -1) FROM VALUES (2147483647) t(a)', 'ARITHMETIC_OVERFLOW', 'round(a, -1)'],
        ['SELECT a div 0 FROM VALUES (5) t(a)', 'DIVIDE_BY_ZERO', 'a div 0'],
        ['SELECT a % 0 FROM VALUES (5) t(a)', 'DIVIDE_BY_ZERO', 'a % 0'],
        ['SELECT pmod(a, 0) FROM VALUES (5) t(a)', 'DIVIDE_BY_ZERO', 'pmod(a, 0)'],
        ['SELECT element_at(array(1), 5)', 'INVALID_ARRAY_INDEX_IN_ELEMENT_AT', 'element_at(array(1), 5)'],
        ['SELECT element_at(a, 0) FROM VALUES (array(1)) t(a)', 'INVALID_INDEX_OF_ZERO', 'element_at(a, 0)'],
        ['SELECT a[3] FROM VALUES (array(1)) t(a)', 'INVALID_ARRAY_INDEX', 'a[3]'],
        ["SELECT elt(a, 'x') FROM VALUES (3) t(a)", 'INVALID_ARRAY_INDEX', "elt(a, 'x')"],
        ["SELECT INTERVAL '1' DAY / 0", 'INTERVAL_DIVIDED_BY_ZERO', "INTERVAL '1' DAY / 0"],
      ];
      for (const [q, cls, fragment] of cases) {
        const e = sqlError(spark, q);
        expect(e.errorClass, q).toBe(cls);
        const at = q.indexOf(fragment);
        expect(contextOf(e.message), q).toBe(`== SQL(line 1, position ${at + 1}) ==\n${q}\n${' '.repeat(at)}${'^'.repeat(fragment.length)}\n`);
      }
      const decimal = sqlError(spark, 'SELECT a * a FROM VALUES (CAST(99999999999999999999999999999999999999 AS DECIMAL(38,0))) t(a)');
      expect(contextOf(decimal.message)).toBe('== SQL(line 1, position 8) ==\nSELECT a * a FROM VALUES (CAST(9999999999999...\n       ^^^^^\n');
    }, SLOW);

    it('and those it gives none: CAST_OVERFLOW, unary overflow, sum overflow, to_date, java.time errors', () => {
      const spark = ansi(session());
      for (const q of [
        'SELECT CAST(a AS TINYINT) FROM VALUES (300) t(a)',
        'SELECT CAST(a AS INT) FROM VALUES (3000000000L) t(a)',
        'SELECT -a FROM VALUES (-2147483648) t(a)',
        'SELECT abs(a) FROM VALUES (-2147483648) t(a)',
        'SELECT CAST(a AS TINYINT) + CAST(1 AS TINYINT) FROM VALUES (127) t(a)',
        "SELECT to_date('x')",
        'SELECT make_date(2020, 13, 1)',
      ]) {
        const e = sqlError(spark, q);
        expect(e.message, q).not.toContain('== SQL');
      }
    }, SLOW);

    it('without ANSI: INTERVAL_DIVIDED_BY_ZERO has one, element_at(a, 0) none', () => {
      const spark = session();
      const iv = sqlError(spark, "SELECT INTERVAL '1' DAY / 0");
      expect(iv.name).toBe('ArithmeticException');
      expect(iv.message).toBe(
        "[INTERVAL_DIVIDED_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead.\n== SQL(line 1, position 8) ==\nSELECT INTERVAL '1' DAY / 0\n       ^^^^^^^^^^^^^^^^^^^^\n",
      );
      expect(sqlError(spark, 'SELECT element_at(array(1), 0)').message).toBe(
        '[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).',
      );
    }, SLOW);

    it('a predicate is quoted from its keyword; lambdas, aggregates and CASE branches quote the inner expression', () => {
      const spark = ansi(session());
      expect(contextOf(sqlError(spark, "SELECT a NOT BETWEEN 1 AND '1.5x' FROM VALUES (1) t(a)").message)).toBe(
        "== SQL(line 1, position 10) ==\nSELECT a NOT BETWEEN 1 AND '1.5x' FROM VALUES (1) t(a)\n         ^^^^^^^^^^^^^^^^^^^^^^^^\n",
      );
      expect(contextOf(sqlError(spark, 'SELECT a FROM VALUES (1) t(a) WHERE a + 1 BETWEEN 1 AND 2147483647 + 1').message)).toBe(
        '== SQL(line 1, position 57) ==\n... t(a) WHERE a + 1 BETWEEN 1 AND 2147483647 + 1\n                                   ^^^^^^^^^^^^^^\n',
      );
      expect(contextOf(sqlError(spark, 'SELECT transform(array(1), x -> x / 0)').message)).toBe(
        '== SQL(line 1, position 33) ==\n...SELECT transform(array(1), x -> x / 0)\n                                   ^^^^^\n',
      );
      expect(contextOf(sqlError(spark, 'SELECT sum(a / 0) FROM VALUES (1) t(a)').message)).toBe('== SQL(line 1, position 12) ==\nSELECT sum(a / 0) FROM VALUES (1) t(a)\n           ^^^^^\n');
      expect(contextOf(sqlError(spark, 'SELECT sum(a) / 0 FROM VALUES (1) t(a)').message)).toBe('== SQL(line 1, position 8) ==\nSELECT sum(a) / 0 FROM VALUES (1) t(a)\n       ^^^^^^^^^^\n');
      expect(contextOf(sqlError(spark, 'SELECT CASE WHEN a > 0 THEN a / 0 END FROM VALUES (1) t(a)').message)).toBe(
        '== SQL(line 1, position 29) ==\nSELECT CASE WHEN a > 0 THEN a / 0 END FROM VALUES (1) t(a)\n                            ^^^^^\n',
      );
    }, SLOW);

    it('in a CTE or a subquery the position is in the whole query', () => {
      const spark = ansi(session());
      expect(contextOf(sqlError(spark, 'WITH c AS (SELECT 1/0 AS x) SELECT x FROM c').message)).toBe(
        '== SQL(line 1, position 19) ==\nWITH c AS (SELECT 1/0 AS x) SELECT x FROM c\n                  ^^^\n',
      );
      expect(contextOf(sqlError(spark, 'SELECT (SELECT 1/0)').message)).toBe('== SQL(line 1, position 16) ==\nSELECT (SELECT 1/0)\n               ^^^\n');
    }, SLOW);

    it("in a view the context is the view's query text, named after the view", () => {
      const spark = ansi(session());
      spark.sql('CREATE OR REPLACE TEMP VIEW VCtx AS\n  SELECT a / 0 AS x FROM VALUES (1) t(a)  ');
      const quoted = '\nSELECT a / 0 AS x FROM VALUES (1) t(a)\n       ^^^^^\n';
      expect(contextOf(sqlError(spark, 'SELECT x FROM vctx').message)).toBe(`== SQL of VIEW VCtx(line 1, position 8) ==${quoted}`);
      spark.sql('CREATE OR REPLACE TEMP VIEW vctx_outer AS SELECT x + 1 AS y FROM vctx');
      expect(contextOf(sqlError(spark, 'SELECT y FROM vctx_outer').message)).toBe(`== SQL of VIEW VCtx(line 1, position 8) ==${quoted}`);
      spark.sql('CREATE OR REPLACE GLOBAL TEMP VIEW gctx AS SELECT a / 0 AS x FROM VALUES (1) t(a)');
      expect(contextOf(sqlError(spark, 'SELECT x FROM global_temp.gctx').message)).toBe(`== SQL of VIEW global_temp.gctx(line 1, position 8) ==${quoted}`);
      spark.sql('CREATE OR REPLACE TEMP VIEW vctx_one AS SELECT 1 AS a');
      expect(contextOf(sqlError(spark, 'SELECT a / 0 FROM vctx_one').message)).toBe('== SQL(line 1, position 8) ==\nSELECT a / 0 FROM vctx_one\n       ^^^^^\n');
    }, SLOW);
  });

  forEachBackend('analysis errors', (session) => {
    const SUGGEST = (name: string): string =>
      `[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name \`${name}\` cannot be resolved. Did you mean one of the following? [\`a\`].`;

    it('an expression of SQL text that fails to resolve ends with `; line L pos P` (P 0-based)', () => {
      const spark = session();
      const err = (q: string): string | undefined => errorOf(() => spark.sql(q).collect(), q).message;
      expect(err('SELECT abs(x) FROM VALUES (1) t(a)')).toBe(`${SUGGEST('x')}; line 1 pos 11`);
      expect(err('SELECT 1,\n   abs(x) FROM VALUES (1) t(a)')).toBe(`${SUGGEST('x')}; line 2 pos 7`);
      expect(err('SELECT a FROM VALUES (1) t(a) WHERE b > 1')).toBe(`${SUGGEST('b')}; line 1 pos 36`);
      expect(err('SELECT sum(a) FROM VALUES (1) t(a) GROUP BY b')).toBe(`${SUGGEST('b')}; line 1 pos 44`);
      expect(err('SELECT a FROM VALUES (1) t(a) ORDER BY zz')).toBe(`${SUGGEST('zz')}; line 1 pos 39`);
      expect(err('SELECT a FROM VALUES (1) t(a) GROUP BY a HAVING zz > 1')).toBe(`${SUGGEST('zz')}; line 1 pos 48`);
      expect(err('SELECT nosuchfn(a) FROM VALUES (1) t(a)')).toBe(
        '[UNRESOLVED_ROUTINE] Cannot resolve function `nosuchfn` on search path [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`].; line 1 pos 7',
      );
      expect(err("SELECT a + 'x' + true FROM VALUES (1) t(a)")).toBe(
        '[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve "((a + x) + true)" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("DOUBLE" and "BOOLEAN").; line 1 pos 7',
      );
      expect(err('SELECT CAST(array(1) AS INT)')).toBe(
        '[DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION] Cannot resolve "CAST(array(1) AS INT)" due to data type mismatch: cannot cast "ARRAY<INT>" to "INT".; line 1 pos 7',
      );
      spark.sql('CREATE OR REPLACE TEMP VIEW vpos AS SELECT 1 AS a');
      expect(err('SELECT\n  zz FROM vpos')).toBe(`${SUGGEST('zz')}; line 2 pos 2`);
    }, SLOW);

    it('expression strings count in their own text; the DataFrame API has no position', () => {
      const df = session().createDataFrame([[1]], 'a int');
      expect(errorOf(() => df.selectExpr('a', ' abs(x)').collect()).message).toBe(`${SUGGEST('x')}; line 1 pos 5`);
      expect(errorOf(() => df.filter('x > 1').collect()).message).toBe(`${SUGGEST('x')}; line 1 pos 0`);
      expect(errorOf(() => df.select(F.expr('a + true')).collect()).message).toBe(
        '[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve "(a + true)" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("INT" and "BOOLEAN").; line 1 pos 0',
      );
      expect(errorOf(() => df.select(F.col('x')).collect()).message).toBe(SUGGEST('x'));
    }, SLOW);
  });

  forEachBackend('expression strings and the DataFrame API', (session) => {
    it('F.expr, selectExpr and filter strings quote their own text; Column expressions have no context', () => {
      const spark = ansi(session());
      const df = spark.createDataFrame([[1, 0]], 'a int, b int');
      expect(errorOf(() => df.selectExpr('a + 1', '  a /  b ').collect()).message).toBe(`${DIVIDE}\n== SQL(line 1, position 3) ==\n  a /  b \n  ^^^^^^\n`);
      expect(contextOf(errorOf(() => df.select(F.expr("CAST('x' AS INT)")).collect()).message)).toBe(
        "== SQL(line 1, position 1) ==\nCAST('x' AS INT)\n^^^^^^^^^^^^^^^^\n",
      );
      expect(contextOf(errorOf(() => df.withColumn('x', F.expr('element_at(array(1), 5)')).collect()).message)).toBe(
        '== SQL(line 1, position 1) ==\nelement_at(array(1), 5)\n^^^^^^^^^^^^^^^^^^^^^^^\n',
      );
      expect(contextOf(errorOf(() => df.filter('a / b > 1').collect()).message)).toBe('== SQL(line 1, position 1) ==\na / b > 1\n^^^^^\n');
      expect(errorOf(() => df.select(F.col('a').divide(F.col('b'))).collect()).message).toBe(DIVIDE);
      expect(errorOf(() => df.select(F.lit('x').cast('int')).collect()).message).not.toContain('== SQL');
    }, SLOW);
  });
});
