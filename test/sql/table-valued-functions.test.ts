/**
 * Table-valued functions in FROM: the generator functions (explode, inline,
 * posexplode, json_tuple, stack and their outer variants) as relations, with
 * table and column aliases and `LATERAL gen(...)` over the relations to their
 * left; range() with constant-expression arguments; Spark's error classes.
 * Every expectation was checked against Spark 3.5.7 (more cases in
 * fixtures/spark-recorded/functions/table-valued-functions.json).
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';

const SLOW = 30_000;

function views(spark: SparkSession): void {
  spark.sql('CREATE OR REPLACE TEMP VIEW t1 AS SELECT * FROM VALUES (0, 1), (1, 2) AS t1(c1, c2)');
  spark.sql('CREATE OR REPLACE TEMP VIEW t3 AS SELECT * FROM VALUES (0, array(0, 1)), (1, array(2)), (2, array()), (NULL, array(4)) AS t3(c1, c2)');
  spark.sql("CREATE OR REPLACE TEMP VIEW s AS SELECT * FROM VALUES (1, array(struct(1, 'a'), struct(2, 'b'))), (2, array()) AS s(id, arr)");
}

const rows = (spark: SparkSession, q: string): unknown[][] => spark.sql(q).collect().map((r) => [...r]);
const fields = (spark: SparkSession, q: string): string[] => spark.sql(q).schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}${f.nullable ? '?' : '!'}`);

function errorOf(f: () => unknown): { errorClass?: string; message: string } | undefined {
  try {
    f();
  } catch (e) {
    const err = e as { errorClass?: string; message: string };
    // Spark Connect appends the error's position (`; line 1 pos 14`)
    return { errorClass: err.errorClass, message: err.message.split('\n')[0]!.replace(/; line \d+ pos \d+$/, '') };
  }
  return undefined;
}

forEachBackend('SQL table-valued functions', (session) => {
  it('names generator columns as Spark does (col, key/value, pos, col1.., c0.., col0..)', () => {
    const spark = session();
    expect(fields(spark, 'SELECT * FROM explode(array(1, 2))')).toEqual(['col:int!']);
    expect(rows(spark, 'SELECT * FROM explode(array(1, 2))')).toEqual([[1], [2]]);
    expect(fields(spark, "SELECT * FROM explode(map('a', 1, 'b', 2))")).toEqual(['key:string!', 'value:int!']);
    expect(fields(spark, 'SELECT * FROM posexplode(array(1, 2))')).toEqual(['pos:int!', 'col:int!']);
    expect(rows(spark, "SELECT * FROM inline(array(struct(1, 'a'), struct(2, 'b')))")).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(fields(spark, "SELECT * FROM inline(array(struct(1, 'a'), struct(2, 'b')))")).toEqual(['col1:int!', 'col2:string!']);
    expect(fields(spark, `SELECT * FROM json_tuple('{"a": 1, "b": 2}', 'a', 'c')`)).toEqual(['c0:string?', 'c1:string?']);
    expect(rows(spark, `SELECT * FROM json_tuple('{"a": 1, "b": 2}', 'a', 'c')`)).toEqual([['1', null]]);
    expect(fields(spark, "SELECT * FROM stack(2, 1, 1.1, 'a', 2, 2.2, 'b')")).toEqual(['col0:int?', 'col1:decimal(2,1)?', 'col2:string?']);
  }, SLOW);

  it('renames columns with t(a, b) and keeps the outer variants nullable', () => {
    const spark = session();
    expect(rows(spark, "SELECT t.k, t.v FROM posexplode(map('a', 1, 'b', 2)) t(p, k, v) ORDER BY p")).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(fields(spark, 'SELECT * FROM explode_outer(array())')).toEqual(['col:void?']);
    expect(rows(spark, 'SELECT * FROM explode_outer(array())')).toEqual([[null]]);
    expect(rows(spark, 'SELECT * FROM explode(array())')).toEqual([]);
    expect(fields(spark, 'SELECT * FROM posexplode_outer(array())')).toEqual(['pos:int?', 'col:void?']);
    expect(rows(spark, 'SELECT * FROM range(2) JOIN explode(array(1, 2)) ORDER BY id, col')).toEqual([
      [0, 1],
      [0, 2],
      [1, 1],
      [1, 2],
    ]);
  }, SLOW);

  it('runs LATERAL generators once per row of the relations to their left', () => {
    const spark = session();
    views(spark);
    expect(fields(spark, 'SELECT * FROM t3, LATERAL explode(c2) t2(v)')).toEqual(['c1:int?', 'c2:array<int>!', 'v:int!']);
    expect(rows(spark, 'SELECT c1, v FROM t3, LATERAL explode(c2) t2(v) ORDER BY v')).toEqual([
      [0, 0],
      [0, 1],
      [1, 2],
      [null, 4],
    ]);
    expect(rows(spark, 'SELECT c1, v FROM t3, LATERAL explode_outer(c2) t2(v) WHERE v IS NULL')).toEqual([[2, null]]);
    expect(rows(spark, 'SELECT t2.v FROM t3 JOIN LATERAL explode(c2) t2(v) ON t2.v = t3.c1')).toEqual([[0]]);
    expect(rows(spark, 'SELECT c1, pos, c3 FROM t3 LEFT JOIN LATERAL posexplode(c2) t(pos, c3) ON t3.c1 = c3 ORDER BY c1')).toEqual([
      [null, null, null],
      [0, 0, 0],
      [1, null, null],
      [2, null, null],
    ]);
    expect(rows(spark, 'SELECT id, col1, col2 FROM s JOIN LATERAL inline_outer(arr) ORDER BY id, col1')).toEqual([
      [1, 1, 'a'],
      [1, 2, 'b'],
      [2, null, null],
    ]);
    expect(fields(spark, "SELECT t.* FROM t1, LATERAL stack(2, 'Key', c1, 'Value', c2) t")).toEqual(['col0:string?', 'col1:int?']);
    expect(rows(spark, "SELECT t.* FROM t1, LATERAL stack(2, 'Key', c1, 'Value', c2) t WHERE t1.c1 = 1")).toEqual([
      ['Key', 1],
      ['Value', 2],
    ]);
    // LATERAL VIEW's name qualifies its columns too
    expect(rows(spark, 'SELECT t2.p, t2.v FROM t3 LATERAL VIEW posexplode(c2) t2 AS p, v WHERE t2.v > 1 ORDER BY v')).toEqual([
      [0, 2],
      [0, 4],
    ]);
    // a table-valued function inside a LATERAL subquery sees the outer row
    expect(rows(spark, 'SELECT c1, x FROM t1, LATERAL (SELECT t1.c1 + c3 AS x FROM explode(array(c1, c2)) t(c3)) ORDER BY c1, x')).toEqual([
      [0, 0],
      [0, 1],
      [1, 2],
      [1, 3],
    ]);
  }, SLOW);

  it("reports Spark's error classes for bad generator calls", () => {
    const spark = session();
    views(spark);
    const cls = (q: string): string | undefined => errorOf(() => spark.sql(q).collect())?.errorClass;
    expect(cls('SELECT * FROM explode(null)')).toBe('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE');
    expect(cls('SELECT * FROM explode(1, 2)')).toBe('WRONG_NUM_ARGS.WITHOUT_SUGGESTION');
    expect(errorOf(() => spark.sql('SELECT * FROM explode(explode(array(1)))'))).toEqual({
      errorClass: 'UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS',
      message: '[UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS] The generator is not supported: nested in expressions "explode(explode(array(1)))".',
    });
    expect(cls('SELECT explode(array(1)) + 1')).toBe('UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS');
    expect(errorOf(() => spark.sql('SELECT * FROM explode(array(1, 2)) t(c1, c2)'))?.message).toBe(
      '[NUM_TABLE_VALUE_ALIASES_MISMATCH] Number of given aliases does not match number of output columns. Function name: `explode`; number of aliases: 2; number of output columns: 1.',
    );
    expect(cls('SELECT * FROM t3, LATERAL explode(c2) t2(v, w)')).toBe('NUM_TABLE_VALUE_ALIASES_MISMATCH');
    expect(errorOf(() => spark.sql('SELECT t.* FROM t1, LATERAL stack(c1, c2)'))?.message).toContain(
      '[DATATYPE_MISMATCH.NON_FOLDABLE_INPUT] Cannot resolve "stack(outer(t1.c1), outer(t1.c2))"',
    );
  }, SLOW);

  it('folds range() arguments and reports its errors as Spark does', () => {
    const spark = session();
    expect(rows(spark, 'SELECT * FROM range(6 + cos(3))')).toEqual([[0], [1], [2], [3], [4]]);
    expect(rows(spark, "SELECT * FROM range('3')")).toEqual([[0], [1], [2]]);
    expect(rows(spark, 'SELECT * FROM range(2.7)')).toEqual([[0], [1]]);
    expect(rows(spark, 'SELECT * FROM range(1, 10, 4, 2 + 1)')).toEqual([[1], [5], [9]]);
    const msg = (q: string): string | undefined => errorOf(() => spark.sql(q).collect())?.message;
    expect(msg('SELECT * FROM range(1, null)')).toBe('[UNEXPECTED_INPUT_TYPE] Parameter 2 of function `range` requires the "BIGINT" type, however "NULL" has the type "VOID".');
    expect(msg('SELECT * FROM range(array(1, 2, 3))')).toBe(
      '[UNEXPECTED_INPUT_TYPE] Parameter 2 of function `range` requires the "BIGINT" type, however "array(1, 2, 3)" has the type "ARRAY<INT>".',
    );
    expect(msg("SELECT * FROM range(3, 'x')")).toBe('[UNEXPECTED_INPUT_TYPE] Parameter 2 of function `range` requires the "BIGINT" type, however "x" has the type "STRING".');
    expect(msg('SELECT * FROM range(1, 5, 1, null)')).toBe('[UNEXPECTED_INPUT_TYPE] Parameter 4 of function `range` requires the "INT" type, however "NULL" has the type "VOID".');
    expect(msg('SELECT * FROM range(0, 5, 0)')).toBe("[FAILED_FUNCTION_CALL] Failed preparing of the function `range` for call. Please, double check function's arguments.");
    expect(errorOf(() => spark.sql('SELECT * FROM dummy(3)'))?.errorClass).toBe('UNRESOLVABLE_TABLE_VALUED_FUNCTION');
  }, SLOW);

  it("lists Spark 3.5.7's keywords with sql_keywords(), reserved only under enforced ANSI keywords", () => {
    const spark = session();
    expect(fields(spark, 'SELECT * FROM sql_keywords()')).toEqual(['keyword:string!', 'reserved:boolean!']);
    expect(rows(spark, 'SELECT count(*), count_if(reserved) FROM sql_keywords()')).toEqual([[326, 0]]);
    expect(rows(spark, 'SELECT * FROM sql_keywords() LIMIT 3')).toEqual([['ADD', false], ['AFTER', false], ['ALL', false]]);
    expect(rows(spark, "SELECT * FROM SQL_KEYWORDS() k(w, r) WHERE w IN ('DATEADD', 'ZONE', 'TIMESTAMPADD') ORDER BY w")).toEqual([
      ['DATEADD', false],
      ['TIMESTAMPADD', false],
      ['ZONE', false],
    ]);
    expect(rows(spark, 'SELECT * FROM range(1), LATERAL sql_keywords() LIMIT 1')).toEqual([[0, 'ADD', false]]);
    const msg = (q: string): string | undefined => errorOf(() => spark.sql(q).collect())?.message;
    expect(msg('SELECT * FROM sql_keywords(1)')).toMatch(/^\[WRONG_NUM_ARGS.WITHOUT_SUGGESTION\] The `sql_keywords` requires 0 parameters but the actual number is 1\./);
    expect(msg('SELECT * FROM sql_keywords() k(a)')).toBe(
      '[NUM_TABLE_VALUE_ALIASES_MISMATCH] Number of given aliases does not match number of output columns. Function name: `sql_keywords`; number of aliases: 1; number of output columns: 2.',
    );
    // ANSI mode alone reserves nothing; with spark.sql.ansi.enforceReservedKeywords 73 keywords are reserved
    spark.conf.set('spark.sql.ansi.enabled', 'true');
    expect(rows(spark, 'SELECT count_if(reserved) FROM sql_keywords()')).toEqual([[0]]);
    spark.conf.set('spark.sql.ansi.enforceReservedKeywords', 'true');
    expect(rows(spark, 'SELECT count_if(reserved) FROM sql_keywords()')).toEqual([[73]]);
    expect(rows(spark, "SELECT keyword, reserved FROM sql_keywords() WHERE keyword IN ('ADD', 'ALL', 'WITHIN') ORDER BY keyword")).toEqual([
      ['ADD', false],
      ['ALL', true],
      ['WITHIN', true],
    ]);
    spark.conf.unset('spark.sql.ansi.enforceReservedKeywords');
    spark.conf.unset('spark.sql.ansi.enabled');
  }, SLOW);

  it("types inline tables (VALUES) and rejects bad ones with Spark's INVALID_INLINE_TABLE classes", () => {
    const spark = session();
    expect(fields(spark, 'SELECT * FROM VALUES ("one", 1 AS one), ("two", 2)')).toEqual(['col1:string!', 'col2:int!']);
    expect(rows(spark, 'SELECT * FROM VALUES ("one", 1 one) AS data(a, b)')).toEqual([['one', 1]]);
    expect(fields(spark, "SELECT * FROM VALUES (date '2020-01-01'), (timestamp '2020-01-01 00:00:00')")).toEqual(['col1:timestamp!']);
    const msg = (q: string): string | undefined => errorOf(() => spark.sql(q).collect())?.message;
    expect(msg("SELECT * FROM VALUES (1, 'a'), (2, date '2020-01-01')")).toBe(
      '[INVALID_INLINE_TABLE.INCOMPATIBLE_TYPES_IN_INLINE_TABLE] Invalid inline table. Found incompatible types in the column `col2` for inline table.',
    );
    expect(msg("SELECT * FROM VALUES (array(1)), (array('a'))")).toContain('INCOMPATIBLE_TYPES_IN_INLINE_TABLE');
    expect(msg('SELECT * FROM VALUES ("one"), ("two") AS data(a, b)')).toBe(
      '[INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH] Invalid inline table. Inline table expected 2 columns but found 1 columns in row 0.',
    );
    expect(msg('SELECT * FROM VALUES ("one", count(1)), ("two", 2) AS data(a, b)')).toBe(
      '[INVALID_INLINE_TABLE.CANNOT_EVALUATE_EXPRESSION_IN_INLINE_TABLE] Invalid inline table. Cannot evaluate the expression "count(1)" in inline table definition.',
    );
    expect(msg('SELECT * FROM VALUES ("one", rand(5))')).toContain('Cannot evaluate the expression "rand(5)"');
    expect(msg('SELECT * FROM VALUES (0, 1) AS t1(c1, c2), LATERAL (VALUES (c2 * 10))')).toContain('Cannot evaluate the expression "(outer(t1.c2) * 10)"');
    expect(errorOf(() => spark.sql('SELECT * FROM VALUES (a)'))?.errorClass).toBe('UNRESOLVED_COLUMN.WITHOUT_SUGGESTION');
  }, SLOW);
});
