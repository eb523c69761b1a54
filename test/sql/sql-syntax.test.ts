/**
 * Lexical and grammar details of Spark 3.5's SQL parser, each checked against
 * Spark 3.5.7 (names, values, error classes and positions) on every backend:
 * raw strings, hex binary literals, typed literals, `::` (Spark 4.0 only),
 * balanced AND/OR trees and LIKE / ILIKE ... ESCAPE.
 */
import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError, resultOf } from '../helpers/sql-errors.js';

const SLOW = 30_000;

forEachBackend('SQL syntax', (session) => {
  it('reads raw strings r\'..\' and R".." without escape processing, concatenating adjacent literals', () => {
    const spark = session();
    expect(resultOf(spark, String.raw`SELECT regexp_extract('100-200', r'(\d+)-(\d+)', 1), '\\abc' like r'\\abc', r"a\nb", r'a' 'b\n'`)).toEqual({
      names: [String.raw`regexp_extract(100-200, (\d+)-(\d+), 1)`, String.raw`\abc LIKE \\abc`, String.raw`a\nb`, 'ab\n'],
      nullable: [false, false, false, false],
      rows: [['100', true, String.raw`a\nb`, 'ab\n']],
    });
  }, SLOW);

  it('reads hex binary literals with a space, lower case x and odd digit counts', () => {
    const spark = session();
    const r = resultOf(spark, "SELECT X '1010', X '0', x'cafe', X''");
    expect(r.names).toEqual(["X'1010'", "X'00'", "X'CAFE'", "X''"]);
    expect(r.rows[0]!.map((b) => [...(b as Uint8Array)])).toEqual([[0x10, 0x10], [0], [0xca, 0xfe], []]);
    expect(firstLineError(() => spark.sql("SELECT X 'zz'")).message).toBe(`[INVALID_TYPED_LITERAL] The value of the typed literal "X" is invalid: 'zz'.(line 1, pos 7)`);
    expect(firstLineError(() => spark.sql("SELECT X'1' 'a'")).message).toBe(`[PARSE_SYNTAX_ERROR] Syntax error at or near ''a'': extra input ''a''.(line 1, pos 12)`);
  }, SLOW);

  it('rejects typed literals of unsupported types, and a second string after a typed literal', () => {
    const spark = session();
    const supported = 'Supported types are "DATE", "TIMESTAMP_NTZ", "TIMESTAMP_LTZ", "TIMESTAMP", "INTERVAL", "X".';
    expect(firstLineError(() => spark.sql("SELECT TIME '09:08:01'"))).toEqual({
      errorClass: 'UNSUPPORTED_TYPED_LITERAL',
      message: `[UNSUPPORTED_TYPED_LITERAL] Literals of the type "TIME" are not supported. ${supported}(line 1, pos 7)`,
    });
    expect(firstLineError(() => spark.sql("SELECT a 'b' FROM VALUES (1) t(a)")).message).toBe(
      `[UNSUPPORTED_TYPED_LITERAL] Literals of the type "A" are not supported. ${supported}(line 1, pos 7)`,
    );
    expect(firstLineError(() => spark.sql("SELECT DATE '2020-' '01-01'")).message).toBe(
      `[PARSE_SYNTAX_ERROR] Syntax error at or near ''01-01'': extra input ''01-01''.(line 1, pos 20)`,
    );
    expect(firstLineError(() => spark.sql("SELECT (DATE '2020-' '01-01')")).message).toBe(`[PARSE_SYNTAX_ERROR] Syntax error at or near ''01-01''.(line 1, pos 21)`);
    expect(firstLineError(() => spark.sql("SELECT DATE '2020-01-01' 'x' FROM VALUES (1)")).message).toBe(`[PARSE_SYNTAX_ERROR] Syntax error at or near ''x''.(line 1, pos 25)`);
    expect(resultOf(spark, "SELECT CASE 'a' WHEN 'a' THEN 1 END").rows).toEqual([[1]]);
  }, SLOW);

  it('has no :: cast (Spark 4.0 syntax): a syntax error at the first colon', () => {
    const spark = session();
    expect(firstLineError(() => spark.sql("SELECT '10' :: int"))).toEqual({
      errorClass: 'PARSE_SYNTAX_ERROR',
      message: `[PARSE_SYNTAX_ERROR] Syntax error at or near ':'.(line 1, pos 12)`,
    });
    expect(firstLineError(() => spark.sql('SELECT 1 :: int')).message).toBe(`[PARSE_SYNTAX_ERROR] Syntax error at or near ':'.(line 1, pos 9)`);
  }, SLOW);

  it('builds chains of AND / OR as balanced trees, as the column names show', () => {
    const spark = session();
    expect(
      resultOf(
        spark,
        'SELECT 1 == 1 AND 2 == 2 AND 3 == 3, 1 == 1 AND 2 == 2 AND 3 == 3 AND 4 == 4, 1 == 1 AND 2 == 2 AND 3 == 3 AND 4 == 4 AND 5 == 5',
      ).names,
    ).toEqual([
      '(((1 = 1) AND (2 = 2)) AND (3 = 3))',
      '(((1 = 1) AND (2 = 2)) AND ((3 = 3) AND (4 = 4)))',
      '((((1 = 1) AND (2 = 2)) AND (3 = 3)) AND ((4 = 4) AND (5 = 5)))',
    ]);
    expect(
      resultOf(
        spark,
        'SELECT true OR false OR true AND false AND true OR false, true AND false OR true AND false AND true OR false OR true, true AND (true AND true) AND true',
      ),
    ).toEqual({
      names: [
        '((true OR false) OR (((true AND false) AND true) OR false))',
        '(((true AND false) OR ((true AND false) AND true)) OR (false OR true))',
        '((true AND (true AND true)) AND true)',
      ],
      nullable: [false, false, false],
      rows: [[true, true, true]],
    });
  }, SLOW);

  it('reads LIKE / ILIKE ... ESCAPE (the escape character is not in the name) and rejects escapes of other lengths', () => {
    const spark = session();
    expect(
      resultOf(
        spark,
        String.raw`SELECT 'a%b' like 'a#%b' escape '#', 'A%b' ilike 'a#%B' ESCAPE '#', '%SystemDrive%/Users/John' ilike '/%SYSTEMDrive/%//Users%' escape '/', 'axb' not like 'a#%b' escape '#', 'a_' like 'a\\_' escape '\\'`,
      ),
    ).toEqual({
      names: ['a%b LIKE a#%b', 'ilike(A%b, a#%B)', 'ilike(%SystemDrive%/Users/John, /%SYSTEMDrive/%//Users%)', '(NOT axb LIKE a#%b)', String.raw`a_ LIKE a\_`],
      nullable: [false, false, false, false, false],
      rows: [[true, true, true, true, true]],
    });
    expect(resultOf(spark, "SELECT s LIKE 'x#_%' ESCAPE '#' FROM VALUES ('x_1'), ('xa1'), (NULL) t(s)").rows).toEqual([[true], [false], [null]]);
    expect(firstLineError(() => spark.sql("SELECT 'a' like 'a' escape '##'"))).toEqual({
      errorClass: 'INVALID_ESC',
      message: `[INVALID_ESC] Found an invalid escape string: '##'. The escape string must contain only one character.(line 1, pos 11)`,
    });
    expect(firstLineError(() => spark.sql("SELECT 'a' not like 'a' escape ''")).message).toBe(
      `[INVALID_ESC] Found an invalid escape string: ''. The escape string must contain only one character.(line 1, pos 11)`,
    );
  }, SLOW);

  it('SELECT without FROM reads a relation with no columns: nothing internal resolves or is suggested', () => {
    const spark = session();
    expect(firstLineError(() => spark.sql('SELECT a').collect())).toEqual({
      errorClass: 'UNRESOLVED_COLUMN.WITHOUT_SUGGESTION',
      message: '[UNRESOLVED_COLUMN.WITHOUT_SUGGESTION] A column or function parameter with name `a` cannot be resolved. ; line 1 pos 7',
    });
    expect(firstLineError(() => spark.sql('SELECT 1, id').collect()).errorClass).toBe('UNRESOLVED_COLUMN.WITHOUT_SUGGESTION');
    expect(resultOf(spark, 'SELECT 1 + 1, count(*), sum(1)')).toEqual({ names: ['(1 + 1)', 'count(1)', 'sum(1)'], nullable: [false, false, true], rows: [[2, 1, 1]] });
    expect(resultOf(spark, 'SELECT explode(array(1,2)), 1 WHERE true').rows).toEqual([
      [1, 1],
      [2, 1],
    ]);
  }, SLOW);

  it('rank / dense_rank / percent_rank accept arguments that resolve and are replaced by the ORDER BY, as in Spark', () => {
    const spark = session();
    const frame = 'ORDER BY b ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)';
    expect(
      resultOf(
        spark,
        'SELECT rank(a) OVER (PARTITION BY a ORDER BY b), dense_rank(b) OVER (PARTITION BY a ORDER BY b), percent_rank(b, 1/0) OVER (PARTITION BY a ORDER BY b) FROM VALUES (1,2),(1,3),(1,3) t(a,b)',
      ),
    ).toEqual({
      names: [`RANK() OVER (PARTITION BY a ${frame}`, `DENSE_RANK() OVER (PARTITION BY a ${frame}`, `PERCENT_RANK() OVER (PARTITION BY a ${frame}`],
      nullable: [false, false, false],
      rows: [
        [1, 1, 0],
        [2, 2, 0.5],
        [2, 2, 0.5],
      ],
    });
    expect(firstLineError(() => spark.sql('SELECT rank(zz) OVER (ORDER BY b) FROM VALUES (1,2) t(a,b)').collect()).errorClass).toBe('UNRESOLVED_COLUMN.WITH_SUGGESTION');
    // (Spark reports this one at `line 1 pos 0`; the position is not compared here.)
    expect(firstLineError(() => spark.sql('SELECT rank(b) FROM VALUES (1,2) t(a,b)').collect()).message).toContain(
      '[WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE] Window function "RANK()" requires an OVER clause.',
    );
    expect(firstLineError(() => spark.sql('SELECT cume_dist(b) OVER (ORDER BY b) FROM VALUES (1,2) t(a,b)').collect()).errorClass).toBe('WRONG_NUM_ARGS.WITHOUT_SUGGESTION');
  }, SLOW);

  it('binds named arguments of explode / explode_outer / mask / count_min_sketch, and rejects them elsewhere', () => {
    const spark = session();
    expect(resultOf(spark, 'SELECT explode(collection => array(10, 20))')).toEqual({ names: ['col'], nullable: [false], rows: [[10], [20]] });
    expect(resultOf(spark, 'SELECT explode_outer(collection => array(10, 20))')).toEqual({ names: ['col'], nullable: [true], rows: [[10], [20]] });
    expect(
      resultOf(spark, "SELECT mask(str => 'AbCD123-@$#', upperChar => 'Q', lowerChar => 'q', digitChar => 'd', otherChar => 'o'), mask('AbCD123', digitChar => 'd'), MASK(str => 'aB1')"),
    ).toEqual({
      names: ['mask(AbCD123-@$#, Q, q, d, o)', 'mask(AbCD123, X, x, d, NULL)', 'mask(aB1, X, x, n, NULL)'],
      nullable: [true, true, true],
      rows: [['QqQQdddoooo', 'XxXXddd', 'xXn']],
    });
    const err = (q: string) => firstLineError(() => spark.sql(q).collect());
    expect(err("SELECT inline(input => array(struct(1, 'a')))")).toEqual({
      errorClass: 'NAMED_PARAMETERS_NOT_SUPPORTED',
      message:
        '[NAMED_PARAMETERS_NOT_SUPPORTED] Named parameters are not supported for function `inline`; please retry the query with positional arguments to the function call instead.; line 1 pos 7',
    });
    expect(err('SELECT count(DISTINCT x => 1)').errorClass).toBe('NAMED_PARAMETERS_NOT_SUPPORTED');
    expect(err("SELECT mask('a', digitChar => 'd', upperChar => 'u', 'x')").message).toBe(
      '[UNEXPECTED_POSITIONAL_ARGUMENT] Cannot invoke function `mask` because it contains positional argument(s) following the named argument assigned to `upperChar`; please rearrange them so the positional arguments come first and then retry the query again.; line 1 pos 7',
    );
    expect(err('SELECT explode(foo => array(1))').message).toBe(
      '[UNRECOGNIZED_PARAMETER_NAME] Cannot invoke function `explode` because the function call included a named argument reference for the argument named `foo`, but this function does not include any signature containing an argument with this name. Did you mean one of the following? [`collection`].; line 1 pos 7',
    );
    expect(err("SELECT mask(str => 'a', str => 'b')").errorClass).toBe('DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.DOUBLE_NAMED_ARGUMENT_REFERENCE');
    expect(err("SELECT mask('a', str => 'b')").errorClass).toBe('DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.BOTH_POSITIONAL_AND_NAMED');
    expect(err("SELECT mask(upperChar => 'Q')").message).toBe(
      '[REQUIRED_PARAMETER_NOT_FOUND] Cannot invoke function `mask` because the parameter named `str` is required, but the function call did not supply a value. Please update the function call to supply an argument value (either positionally at index 0 or by name) and retry the query again.; line 1 pos 7',
    );
    expect(err('SELECT count_min_sketch(column => a, epsilon => 0.5d) FROM VALUES (1) t(a)').message).toContain('the parameter named `confidence` is required');
  }, SLOW);

  it('compares an integral value with a decimal literal through the bigint bound, as Spark names it (DecimalPrecision)', () => {
    const spark = session();
    expect(resultOf(spark, 'SELECT id > 1.1, id < 1.1, id = 1.0, id >= 1.5, id <= 1.5, 2 > 1.1, 1.1 < id, 1.5 >= id, id <=> 1.5, id > -1.5, id < -1.5 FROM range(3)')).toEqual({
      names: ['(id > 1)', '(id < 2)', '(id = 1.0)', '(id >= 2)', '(id <= 1)', '(2 > 1)', '(1 < id)', '(1 >= id)', '(id <=> 1.5)', '(id > -2)', '(id < -1)'],
      nullable: Array(11).fill(false),
      rows: [
        [false, true, false, false, true, true, false, true, false, true, false],
        [false, true, true, false, true, true, false, true, false, true, false],
        [true, false, false, true, false, true, true, false, false, true, false],
      ],
    });
    // Beyond the bigint range the comparison is a constant, even for a NULL value.
    expect(
      resultOf(spark, 'SELECT a > 1.1, a < -0.5, a >= 9223372036854775807.5, a <= -9223372036854775808.0, a < 99999999999999999999.5, a > CAST(1.1 AS DECIMAL(5,2)) FROM VALUES (1),(NULL) t(a)'),
    ).toEqual({
      names: ['(a > 1)', '(a < 0)', 'false', '(a <= -9223372036854775808)', 'true', '(a > CAST(1.1 AS DECIMAL(5,2)))'],
      nullable: [true, true, false, true, false, true],
      rows: [
        [false, false, false, false, true, false],
        [null, null, false, null, true, null],
      ],
    });
  }, SLOW);

  it('names LIKE / ILIKE ANY / ALL over string constants as Spark\'s LikeAny / LikeAll (always nullable), else the expansion', () => {
    const spark = session();
    expect(
      resultOf(
        spark,
        "SELECT s like any ('x%', '%y'), s not like all ('x%', '%y'), s ilike all ('X%', '%Y'), s not ilike any ('X%'), s like all ('x%', NULL) FROM VALUES ('xay'), ('xa'), ('b'), (NULL) t(s)",
      ),
    ).toEqual({
      names: ['likeany(s)', 'notlikeall(s)', 'likeall(lower(s))', 'notlikeany(lower(s))', '(s LIKE x% AND s LIKE NULL)'],
      nullable: [true, true, true, true, true],
      rows: [
        [true, false, true, false, null],
        [true, false, false, false, null],
        [false, true, false, true, false],
        [null, null, null, null, null],
      ],
    });
    expect(resultOf(spark, "SELECT 'a' like any ('b', CAST(NULL AS STRING)), 'a' like any (upper('a')), 'a' like all ('a', 'b')")).toEqual({
      names: ['likeany(a)', 'a LIKE upper(a)', 'likeall(a)'],
      nullable: [true, false, true],
      rows: [[null, false, false]],
    });
    expect(firstLineError(() => spark.sql("SELECT 'a' not like all ()")).message).toBe('');
    expect(() => spark.sql("SELECT 'a' not like all ()")).toThrow("\nExpected something between '(' and ')'..(line 1, pos 11)");
  }, SLOW);

  it('resolves lateral column aliases of non-aggregating SELECT lists, named lateralAliasReference(x) inside expressions', () => {
    const spark = session();
    expect(resultOf(spark, 'SELECT 1 AS x, x + 1, upper(x) AS y, y, X + 1')).toEqual({
      names: ['x', '(lateralAliasReference(x) + 1)', 'y', 'y', '(lateralAliasReference(X) + 1)'],
      nullable: [false, false, false, false, false],
      rows: [[1, 2, '1', '1', 2]],
    });
    expect(resultOf(spark, String.raw`SELECT '\\abc' AS S, S like r'\\abc'`)).toEqual({
      names: ['S', String.raw`lateralAliasReference(S) LIKE \\abc`],
      nullable: [false, false],
      rows: [[String.raw`\abc`, true]],
    });
    expect(resultOf(spark, 'SELECT id + 10 AS k, k + 1 AS m, m * 2, k FROM range(2) WHERE id > 0')).toEqual({
      names: ['k', 'm', '(lateralAliasReference(m) * 2)', 'k'],
      nullable: [false, false, false, false],
      rows: [[11, 12, 24, 11]],
    });
    // An input column of the same name wins.
    expect(resultOf(spark, 'SELECT id + 10 AS id, id + 1 FROM range(2)').rows).toEqual([
      [10, 1],
      [11, 2],
    ]);
    expect(resultOf(spark, 'SELECT 1 AS x, transform(array(1), v -> v + x)').names[1]).toBe(
      'transform(array(1), lambdafunction((namedlambdavariable() + lateralAliasReference(x)), namedlambdavariable()))',
    );
    expect(firstLineError(() => spark.sql('SELECT 1 AS x, (SELECT x)').collect()).errorClass).toBe('UNRESOLVED_COLUMN.WITHOUT_SUGGESTION');
  }, SLOW);
});
