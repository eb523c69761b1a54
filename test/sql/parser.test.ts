/**
 * The SQL parser on its own: literal typing, operator precedence, function
 * mapping, window specs and Spark's parse errors (no session involved).
 */
import { describe, expect, it } from 'vitest';
import { ParseException, AnalysisException } from '../../src/errors/index.js';
import type { Expr } from '../../src/expr/nodes.js';
import { parseExpression, parseQuery, parseStatement } from '../../src/sql/index.js';
import { DecimalType } from '../../src/types/data-types.js';
import { SparkSession } from '../../src/session/session.js';
import * as F from '../../src/functions/index.js';
import { errorOf } from '../helpers/sql-errors.js';

/** A compact text form of an unresolved expression, for readable assertions. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'ColumnRef':
      return e.name;
    case 'Literal':
      return e.value === null ? `null:${e.dataType.simpleString()}` : `${typeof e.value === 'bigint' ? `${e.value}n` : e.value instanceof Uint8Array ? `0x${[...e.value].map((b) => b.toString(16).padStart(2, '0')).join('')}` : JSON.stringify(e.value)}:${e.dataType.simpleString()}`;
    case 'Alias':
      return `${show(e.child)} AS ${JSON.stringify(e.name)}`;
    case 'Cast':
      return `cast(${show(e.child)}, ${e.to.simpleString()}${e.implicit ? ', implicit' : ''})`;
    case 'Call':
      return `${e.fn}(${e.distinct ? 'DISTINCT ' : ''}${e.args.map(show).join(', ')})${e.filter ? ` filter ${show(e.filter)}` : ''}${e.options && Object.keys(e.options).length ? JSON.stringify(e.options) : ''}`;
    case 'CaseWhen':
      return `case(${e.branches.map((b) => `${show(b.when)} -> ${show(b.then)}`).join('; ')}${e.otherwise ? `; else ${show(e.otherwise)}` : ''})`;
    case 'SortOrder':
      return `${show(e.child)} ${e.ascending ? 'asc' : 'desc'} nulls ${e.nullsFirst ? 'first' : 'last'}`;
    case 'WindowExpr':
      return `${show(e.fn)} over(${e.spec.partitionBy.map(show).join(', ')} | ${e.spec.orderBy.map(show).join(', ')}${e.spec.frame ? ` | ${JSON.stringify(e.spec.frame)}` : ''})`;
    case 'Star':
      return e.target ? `${e.target}.*` : '*';
    case 'Lambda':
      return `(${e.params.join(', ')}) -> ${show(e.body)}`;
    case 'LambdaVar':
      return `$${e.name}`;
    case 'BoundRef':
      return `#${e.index}`;
  }
}

const p = (text: string): string => show(parseExpression(text));

describe('literals', () => {
  it('types integers as Spark does: int, then bigint, then decimal', () => {
    expect(p('1')).toBe('1:int');
    expect(p('2147483647')).toBe('2147483647:int');
    expect(p('2147483648')).toBe('2147483648:bigint');
    expect(p('-2147483648')).toBe('-2147483648:int');
    expect(p('9223372036854775808')).toBe('9223372036854775808n:decimal(19,0)');
    expect(p('10L')).toBe('10:bigint');
    expect(p('10S')).toBe('10:smallint');
    expect(p('10Y')).toBe('10:tinyint');
  });

  it('reads 1.5 as DECIMAL(2,1), and the D/F suffixes and exponents as floating point', () => {
    const d = parseExpression('1.5');
    expect(d.kind === 'Literal' && d.dataType).toEqual(new DecimalType(2, 1));
    expect(p('1.5')).toBe('15n:decimal(2,1)');
    expect(p('0.05')).toBe('5n:decimal(2,2)');
    expect(p('.5')).toBe('5n:decimal(1,1)');
    expect(p('100.')).toBe('100n:decimal(3,0)');
    expect(p('-2.50')).toBe('-250n:decimal(3,2)');
    expect(p('1.5BD')).toBe('15n:decimal(2,1)');
    expect(p('1.5D')).toBe('1.5:double');
    expect(p('1e3')).toBe('1000:double');
    expect(p('1.5E-1')).toBe('0.15:double');
    expect(p('1.5F')).toBe('1.5:float');
  });

  it('rejects out-of-range suffixed literals with INVALID_NUMERIC_LITERAL_RANGE', () => {
    expect(() => parseExpression('128Y')).toThrow(ParseException);
    expect(() => parseExpression('128Y')).toThrow(/INVALID_NUMERIC_LITERAL_RANGE.*outside the valid range for tinyint/);
    expect(() => parseExpression('9223372036854775808L')).toThrow(/bigint/);
  });

  it('rejects doubles and floats beyond their range, pointing at the minus (Spark 3.5.7 messages)', () => {
    const range = (text: string, type: string, min: string, max: string): string =>
      `[INVALID_NUMERIC_LITERAL_RANGE] Numeric literal ${text} is outside the valid range for ${type} with minimum value of ${min} and maximum value of ${max}. Please adjust the value accordingly.(line 1, pos 7)`;
    const [dmin, dmax] = ['-1.7976931348623157E+308', '1.7976931348623157E+308'];
    for (const [sql, message] of [
      ['select 1E309, -1E309', range('1E309', 'double', dmin, dmax)],
      ['select -1E309', range('-1E309', 'double', dmin, dmax)],
      ['select 1e1000', range('1e1000', 'double', dmin, dmax)],
      ['select 1e309D', range('1e309', 'double', dmin, dmax)],
      ['select 3.5e38F', range('3.5e38', 'float', '-3.4028234663852886E+38', '3.4028234663852886E+38')],
      ['select -129Y', range('-129', 'tinyint', '-128', '127')],
    ] as const) {
      const err = errorOf(() => parseQuery(sql), sql) as { errorClass?: string; message?: string };
      expect(err.errorClass, sql).toBe('INVALID_NUMERIC_LITERAL_RANGE');
      expect(err.message, sql).toContain(message);
    }
    expect(p('1E-400')).toBe('0:double');
    expect(p('1.7976931348623157E308')).toBe('1.7976931348623157e+308:double');
  });

  it('reads strings with escapes and concatenates adjacent literals', () => {
    expect(p(`'it''s'`)).toBe('"its":string');
    expect(p(`"a" 'b'`)).toBe('"ab":string');
    expect(p(String.raw`'a\nb\'c\u0041'`)).toBe('"a\\nb\'cA":string');
    expect(p(String.raw`'50\%'`)).toBe('"50\\\\%":string');
  });

  it('reads booleans, NULL, typed and binary literals', () => {
    expect(p('TRUE')).toBe('true:boolean');
    expect(p('null')).toBe('null:void');
    expect(p(`DATE '2020-01-02'`)).toBe('18263:date');
    expect(p(`X'0aFF'`)).toBe('0x0aff:binary');
    // TIMESTAMP literals read the session time zone, so they stay a named cast
    expect(p(`TIMESTAMP '2020-01-02 03:04:05'`)).toBe(`cast("2020-01-02 03:04:05":string, timestamp) AS "TIMESTAMP '2020-01-02 03:04:05'"`);
    expect(() => parseExpression(`DATE '2020-13-01'`)).toThrow(/INVALID_TYPED_LITERAL/);
  });
});

describe('operators', () => {
  it('follows Spark precedence: unary minus > * / % DIV > + - || > & > ^ > | > comparison > NOT > AND > OR', () => {
    expect(p('1 + 2 * 3')).toBe('add(1:int, multiply(2:int, 3:int))');
    expect(p('-a * b')).toBe('multiply(negate(a), b)');
    expect(p('a - -1')).toBe('subtract(a, -1:int)');
    expect(p('a & b | c ^ d')).toBe('bitwise_or(bitwise_and(a, b), bitwise_xor(c, d))');
    expect(p('a + 1 = b')).toBe('eq(add(a, 1:int), b)');
    expect(p('NOT a = b')).toBe('not(eq(a, b))');
    expect(p('a OR b AND c')).toBe('or(a, and(b, c))');
    expect(p('(a OR b) AND c')).toBe('and(or(a, b), c)');
  });

  it('maps comparison operators', () => {
    expect(p('a != b')).toBe('not(eq(a, b))');
    expect(p('a <> b')).toBe('not(eq(a, b))');
    expect(p('a == b')).toBe('eq(a, b)');
    expect(p('a <=> b')).toBe('eq_null_safe(a, b)');
    expect(p('a IS DISTINCT FROM b')).toBe('not(eq_null_safe(a, b))');
  });

  it('reads predicates', () => {
    expect(p('a IS NULL')).toBe('is_null(a)');
    expect(p('a IS NOT NULL')).toBe('is_not_null(a)');
    expect(p('a IN (1, 2)')).toBe('in(a, 1:int, 2:int)');
    expect(p('a NOT IN (1)')).toBe('not(in(a, 1:int))');
    expect(p(`a LIKE 'x%'`)).toBe('like(a, "x%":string)');
    expect(p(`a NOT RLIKE '^x'`)).toBe('not(rlike(a, "^x":string))');
    expect(p('a BETWEEN 1 AND 2')).toBe('and(gte(a, 1:int), lte(a, 2:int))');
  });

  it('reads CASE, CAST, subscripts, fields and concatenation', () => {
    expect(p(`CASE WHEN a > 1 THEN 'x' ELSE 'y' END`)).toBe('case(gt(a, 1:int) -> "x":string; else "y":string)');
    expect(p(`CASE a WHEN 1 THEN 'x' END`)).toBe('case(eq(a, 1:int) -> "x":string)');
    expect(p('CAST(a AS DECIMAL(10, 2))')).toBe('cast(a, decimal(10,2))');
    expect(p('arr[0]')).toBe('get_item(arr, 0:int)');
    expect(p('t.s.f')).toBe('t.s.f');
    expect(p('f(x).y')).toBe('f(x){"field":"y"}'.replace('f(x){"field":"y"}', 'get_field(f(x)){"field":"y"}'));
    expect(p('`a.b`.c')).toBe('`a.b`.c');
    expect(p(`a || 'x'`)).toBe('concat(a, "x":string) AS "concat(a, x)"');
  });
});

describe('functions', () => {
  it('maps SQL names and forms onto registry calls', () => {
    expect(p('count(*)')).toBe('count(1:int)');
    expect(p('count(DISTINCT a, b)')).toBe('count(DISTINCT a, b) AS "count(DISTINCT a, b)"');
    expect(p('avg(x)')).toBe('avg(x)');
    expect(p('mean(x)')).toBe('avg(x) AS "mean(x)"');
    expect(p('stddev(x)')).toBe('stddev_samp(x) AS "stddev(x)"');
    expect(p('log(x)')).toBe('ln(x) AS "LOG(E(), x)"');
    expect(p('lag(x)')).toBe('lag(x, 1:int, null:void)');
    expect(p('int(x)')).toBe('cast(x, int, implicit)');
    expect(p('first(x, true)')).toBe('first(x){"ignoreNulls":true}');
    expect(p('sum(x) FILTER (WHERE y > 0)')).toBe('sum(x) filter gt(y, 0:int) AS "sum(x) FILTER (WHERE (y > 0))"');
    expect(p(`TRIM(BOTH 'x' FROM s)`)).toBe('trim(s, "x":string)');
    expect(p('SUBSTRING(s FROM 2 FOR 3)')).toBe('substring(s, 2:int, 3:int)');
    expect(p('EXTRACT(YEAR FROM d)')).toBe('extract("YEAR":string, d)');
  });

  it('reads window functions with frames', () => {
    expect(p('row_number() OVER (PARTITION BY a ORDER BY b DESC)')).toBe('row_number() over(a | b desc nulls last)');
    expect(p('sum(x) OVER (ORDER BY t ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)')).toBe(
      'sum(x) over( | t asc nulls first | {"frameType":"rows","lower":{"type":"offset","value":-2},"upper":{"type":"currentRow"}})',
    );
    expect(p('sum(x) OVER (ORDER BY t RANGE UNBOUNDED PRECEDING)')).toBe(
      'sum(x) over( | t asc nulls first | {"frameType":"range","lower":{"type":"unboundedPreceding"},"upper":{"type":"currentRow"}})',
    );
    // Both are analysis errors: an expression string raises them when its plan is analyzed, as Spark does.
    const x = new SparkSession('parser', { backendType: 'memory' }).range(1).withColumnRenamed('id', 'x');
    expect(() => parseExpression('sum(x) OVER (ROWS BETWEEN 1 FOLLOWING AND 1 PRECEDING)')).not.toThrow();
    expect(() => x.select(F.expr('sum(x) OVER (ROWS BETWEEN 1 FOLLOWING AND 1 PRECEDING)')).columns).toThrow(AnalysisException);
    expect(() => x.select(F.expr('sum(x) OVER w')).columns).toThrow(/Window specification w is not defined/);
  });

  it('reads lambdas for higher-order functions', () => {
    expect(p('transform(xs, x -> x + 1)')).toBe('transform(xs, (x) -> add($x, 1:int))');
    expect(p('aggregate(xs, 0, (acc, x) -> acc + x)')).toBe('aggregate(xs, 0:int, (acc, x) -> add($acc, $x))');
  });

  it('keeps aliases and stars', () => {
    expect(p('a + 1 AS b')).toBe('add(a, 1:int) AS "b"');
    expect(p('a b')).toBe('a AS "b"');
    expect(p('*')).toBe('*');
    expect(p('t.*')).toBe('t.*');
  });
});

describe('syntax errors', () => {
  it("uses Spark's PARSE_SYNTAX_ERROR layout with line, position and the SQL excerpt", () => {
    let err: unknown;
    try {
      parseQuery('SELECT a FROM t WHERE');
    } catch (e) {
      err = e;
    }
    expect(ParseException.isParseException(err)).toBe(true);
    expect((err as Error).message).toBe(
      "[PARSE_SYNTAX_ERROR] Syntax error at or near end of input.(line 1, pos 21)\n\n== SQL ==\nSELECT a FROM t WHERE\n---------------------^^^\n",
    );
    expect(() => parseQuery('SELECT a FROM t t2 t3')).toThrow(/Syntax error at or near 't3'/);
    expect(() => parseQuery('SELECT a\nFROM t WHERE )')).toThrow(/Syntax error at or near '\)'.\(line 2, pos 13\)/);
    expect(() => parseExpression('a +')).toThrow(ParseException);
  });
});

describe('statements', () => {
  it('returns command objects', () => {
    expect(parseStatement('CREATE OR REPLACE TEMP VIEW v AS SELECT 1')).toMatchObject({ kind: 'createView', name: ['v'], replace: true, temporary: true });
    expect(parseStatement('CREATE TABLE IF NOT EXISTS db.t (a INT, b STRING NOT NULL) USING parquet')).toMatchObject({
      kind: 'createTable',
      name: ['db', 't'],
      ifNotExists: true,
      provider: 'parquet',
      columns: [
        { name: 'a', nullable: true },
        { name: 'b', nullable: false },
      ],
    });
    expect(parseStatement('CREATE TABLE t AS SELECT 1 AS a')).toMatchObject({ kind: 'createTable', name: ['t'] });
    expect(parseStatement('INSERT OVERWRITE TABLE t VALUES (1)')).toMatchObject({ kind: 'insert', overwrite: true });
    expect(parseStatement('INSERT INTO t (a, b) SELECT 1, 2')).toMatchObject({ kind: 'insert', overwrite: false, columns: ['a', 'b'] });
    expect(parseStatement('DROP VIEW IF EXISTS v')).toEqual({ kind: 'dropTable', name: ['v'], ifExists: true, view: true });
    expect(parseStatement('CREATE SCHEMA IF NOT EXISTS s')).toEqual({ kind: 'createDatabase', name: 's', ifNotExists: true });
    expect(parseStatement('USE s')).toEqual({ kind: 'use', name: 's' });
    expect(parseStatement('SHOW TABLES IN s')).toEqual({ kind: 'showTables', database: 's' });
    expect(parseStatement('DESCRIBE TABLE t')).toEqual({ kind: 'describe', name: ['t'], extended: false });
    expect(parseStatement('SET spark.sql.x = 1')).toEqual({ kind: 'set', key: 'spark.sql.x', value: '1' });
    expect(parseStatement('SELECT 1').kind).toBe('query');
  });

  it('builds plans from the same nodes as the DataFrame API', () => {
    const q = parseQuery('SELECT a, count(*) FROM t WHERE b > 1 GROUP BY a ORDER BY a LIMIT 5');
    const kinds: string[] = [];
    let node: { kind: string; input?: unknown } | undefined = q;
    while (node) {
      kinds.push(node.kind);
      node = node.input as typeof node;
    }
    expect(kinds).toEqual(['Limit', 'Project', 'Sort', 'Aggregate', 'Filter', 'TableScan']);
  });
});
