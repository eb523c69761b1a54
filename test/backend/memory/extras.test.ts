import { describe, expect, it } from 'vitest';
import {
  ArrayType,
  BOOLEAN,
  DATE,
  DecimalType,
  DOUBLE,
  INT,
  LONG,
  MapType,
  STRING,
  StructField,
  StructType,
  TIMESTAMP,
} from '../../../src/types/data-types.js';
import { aggregate, alias, col, evalOne, generate, lit, relation, run, schema, typedCall } from '../../helpers/resolved.js';

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000;
const ts = (iso: string) => Date.parse(iso) * 1000;

describe('arithmetic extras', () => {
  it('pmod is never negative; try_* give null on overflow', () => {
    expect(evalOne(typedCall('pmod', [lit(-7), lit(3)], INT))).toBe(2);
    expect(evalOne(typedCall('pmod', [lit(7), lit(0)], INT))).toBeNull();
    expect(evalOne(typedCall('pmod', [lit(-7.5, DOUBLE), lit(2.0, DOUBLE)], DOUBLE))).toBe(0.5);
    expect(evalOne(typedCall('try_add', [lit(2147483647), lit(1)], INT))).toBeNull();
    expect(evalOne(typedCall('try_multiply', [lit(3, LONG), lit(4, LONG)], LONG))).toBe(12);
  });

  it('shifts, bit_count, bin, conv, width_bucket', () => {
    expect(evalOne(typedCall('shiftleft', [lit(1), lit(33)], INT))).toBe(2);
    expect(evalOne(typedCall('shiftrightunsigned', [lit(-1), lit(28)], INT))).toBe(15);
    expect(evalOne(typedCall('shiftright', [lit(-8, LONG), lit(1)], LONG))).toBe(-4);
    expect(evalOne(typedCall('bit_count', [lit(-1)], INT))).toBe(64);
    expect(evalOne(typedCall('bin', [lit(5, LONG)], STRING))).toBe('101');
    expect(evalOne(typedCall('conv', [lit('100'), lit(2), lit(10)], STRING))).toBe('4');
    expect(evalOne(typedCall('conv', [lit('-10'), lit(16), lit(-10)], STRING))).toBe('-16');
    expect(evalOne(typedCall('conv', [lit('-1'), lit(10), lit(16)], STRING))).toBe('FFFFFFFFFFFFFFFF');
    expect(evalOne(typedCall('width_bucket', [lit(5.3, DOUBLE), lit(0.2, DOUBLE), lit(10.6, DOUBLE), lit(5, LONG)], LONG))).toBe(3);
    expect(evalOne(typedCall('width_bucket', [lit(-2.1, DOUBLE), lit(1.3, DOUBLE), lit(3.4, DOUBLE), lit(3, LONG)], LONG))).toBe(0);
  });
});

describe('string extras', () => {
  it('regexp family and split_part', () => {
    expect(evalOne(typedCall('regexp_count', [lit('abcabc'), lit('b')], INT))).toBe(2);
    expect(evalOne(typedCall('regexp_substr', [lit('1a 2b 14m'), lit('\\d+')], STRING))).toBe('1');
    expect(evalOne(typedCall('regexp_substr', [lit('abc'), lit('\\d+')], STRING))).toBeNull();
    expect(evalOne(typedCall('regexp_instr', [lit('user@spark.apache.org'), lit('@[^.]*')], INT))).toBe(5);
    expect(evalOne(typedCall('split_part', [lit('11.12.13'), lit('.'), lit(3)], STRING))).toBe('13');
    expect(evalOne(typedCall('split_part', [lit('11.12.13'), lit('.'), lit(-1)], STRING))).toBe('13');
    expect(evalOne(typedCall('split_part', [lit('11.12.13'), lit('.'), lit(5)], STRING))).toBe('');
  });

  it('format_number and format_string', () => {
    expect(evalOne(typedCall('format_number', [lit(12332.123456, DOUBLE), lit(4)], STRING))).toBe('12,332.1235');
    expect(evalOne(typedCall('format_number', [lit(0.125, DOUBLE), lit(2)], STRING))).toBe('0.12');
    expect(evalOne(typedCall('format_number', [lit(1234567, INT), lit(0)], STRING))).toBe('1,234,567');
    expect(evalOne(typedCall('format_string', [lit('Hello World %d %s'), lit(100), lit('days')], STRING))).toBe('Hello World 100 days');
    expect(evalOne(typedCall('format_string', [lit('%5.2f|%-4s|%05d'), lit(3.14159, DOUBLE), lit('a'), lit(42)], STRING))).toBe(' 3.14|a   |00042');
  });

  it('elt, find_in_set, replace, mask, urls', () => {
    expect(evalOne(typedCall('elt', [lit(2), lit('a'), lit('b')], STRING))).toBe('b');
    expect(evalOne(typedCall('elt', [lit(3), lit('a'), lit('b')], STRING))).toBeNull();
    expect(evalOne(typedCall('find_in_set', [lit('ab'), lit('abc,b,ab,c,def')], INT))).toBe(3);
    expect(evalOne(typedCall('replace', [lit('ABCabc'), lit('abc'), lit('DEF')], STRING))).toBe('ABCDEF');
    expect(evalOne(typedCall('mask', [lit('AbCD123-@$#')], STRING))).toBe('XxXXnnn-@$#');
    expect(evalOne(typedCall('url_encode', [lit('https://spark.apache.org/a b')], STRING))).toBe('https%3A%2F%2Fspark.apache.org%2Fa+b');
    expect(evalOne(typedCall('parse_url', [lit('http://spark.apache.org/path?query=1'), lit('HOST')], STRING))).toBe('spark.apache.org');
    expect(evalOne(typedCall('parse_url', [lit('http://spark.apache.org/path?query=1'), lit('QUERY'), lit('query')], STRING))).toBe('1');
    expect(evalOne(typedCall('str_to_map', [lit('a:1,b:2,c:3'), lit(','), lit(':')], new MapType(STRING, STRING)))).toEqual(
      new Map([['a', '1'], ['b', '2'], ['c', '3']]),
    );
  });
});

describe('json', () => {
  it('get_json_object keeps number text and unwraps strings', () => {
    const j = lit('{"a":{"b":[1.0,2,{"c":"x"}]},"d":null}');
    expect(evalOne(typedCall('get_json_object', [j, lit('$.a.b[0]')], STRING))).toBe('1.0');
    expect(evalOne(typedCall('get_json_object', [j, lit('$.a.b[2].c')], STRING))).toBe('x');
    expect(evalOne(typedCall('get_json_object', [j, lit('$.a')], STRING))).toBe('{"b":[1.0,2,{"c":"x"}]}');
    expect(evalOne(typedCall('get_json_object', [j, lit('$.d')], STRING))).toBeNull();
    expect(evalOne(typedCall('get_json_object', [lit('{bad'), lit('$.a')], STRING))).toBeNull();
  });

  it('to_json / from_json round trip', () => {
    const st = new StructType([new StructField('a', INT), new StructField('b', STRING), new StructField('c', new ArrayType(DOUBLE))]);
    const v = typedCall('named_struct', [lit('a'), lit(1), lit('b'), lit(null, STRING), lit('c'), typedCall('array', [lit(1.5, DOUBLE)], new ArrayType(DOUBLE))], st);
    expect(evalOne(typedCall('to_json', [v], STRING))).toBe('{"a":1,"c":[1.5]}');
    expect(evalOne(typedCall('from_json', [lit('{"a":7,"b":"x","c":[1,2.5]}')], st))).toEqual([7, 'x', [1, 2.5]]);
    expect(evalOne(typedCall('from_json', [lit('{"a":"oops"}')], st))).toEqual([null, null, null]);
    expect(evalOne(typedCall('from_json', [lit('not json')], st))).toEqual([null, null, null]);
  });

  it('json_tuple generates one row of strings', () => {
    const r = relation(schema(['j', STRING]), [['{"a":1,"b":"x"}'], ['bad']]);
    const p = generate(r, typedCall('json_tuple', [col(r, 0), lit('a'), lit('b'), lit('z')], STRING), false, [
      ['c0', STRING],
      ['c1', STRING],
      ['c2', STRING],
    ]);
    expect(run(p).map((x) => x.slice(1))).toEqual([
      ['1', 'x', null],
      [null, null, null],
    ]);
  });
});

describe('datetime extras', () => {
  it('date_part / extract', () => {
    const t = lit(ts('2024-03-05T10:11:12.5Z'), TIMESTAMP);
    expect(evalOne(typedCall('date_part', [lit('YEAR'), t], INT))).toBe(2024);
    expect(evalOne(typedCall('date_part', [lit('dow'), t], INT))).toBe(3);
    expect(evalOne(typedCall('date_part', [lit('minute'), t], INT))).toBe(11);
    expect(evalOne(typedCall('date_part', [lit('SECOND'), t], new DecimalType(8, 6)))).toBe(12_500_000n);
    expect(evalOne(typedCall('date_part', [lit('doy'), lit(day(2024, 2, 1), DATE)], INT))).toBe(32);
  });

  it('make_timestamp', () => {
    const sec = (s: string) => lit(BigInt(s.replace('.', '')), new DecimalType(8, 6));
    expect(evalOne(typedCall('make_timestamp', [lit(2014), lit(12), lit(28), lit(6), lit(30), sec('45.887000')], TIMESTAMP))).toBe(
      ts('2014-12-28T06:30:45.887Z'),
    );
    expect(evalOne(typedCall('make_timestamp', [lit(2019), lit(6), lit(30), lit(23), lit(59), sec('60.000000')], TIMESTAMP))).toBe(
      ts('2019-07-01T00:00:00Z'),
    );
    expect(evalOne(typedCall('make_timestamp', [lit(2019), lit(13), lit(1), lit(10), lit(11), sec('12.000000')], TIMESTAMP))).toBeNull();
  });
});

describe('collections and misc extras', () => {
  it('array_insert (3.5 semantics), typeof', () => {
    const arr = typedCall('array', [lit(5), lit(3), lit(2), lit(1)], new ArrayType(INT));
    expect(evalOne(typedCall('array_insert', [arr, lit(-4), lit(4)], new ArrayType(INT)))).toEqual([5, 4, 3, 2, 1]);
    expect(evalOne(typedCall('array_insert', [arr, lit(2), lit(9)], new ArrayType(INT)))).toEqual([5, 9, 3, 2, 1]);
    expect(evalOne(typedCall('array_insert', [arr, lit(7), lit(9)], new ArrayType(INT)))).toEqual([5, 3, 2, 1, null, null, 9]);
    expect(evalOne(typedCall('typeof', [arr], STRING))).toBe('array<int>');
    expect(evalOne(typedCall('typeof', [lit(true, BOOLEAN)], STRING))).toBe('boolean');
  });

  it('regression and bitwise aggregates', () => {
    const r = relation(schema(['y', DOUBLE], ['x', DOUBLE], ['b', INT]), [
      [1, 1, 3],
      [2, 2, 5],
      [3, 3, 6],
      [null, 4, null],
    ]);
    const p = aggregate(r, [], [
      alias(typedCall('regr_slope', [col(r, 0), col(r, 1)], DOUBLE), 's'),
      alias(typedCall('regr_count', [col(r, 0), col(r, 1)], LONG), 'n'),
      alias(typedCall('bit_and', [col(r, 2)], INT), 'ba'),
      alias(typedCall('bit_or', [col(r, 2)], INT), 'bo'),
    ]);
    expect(run(p)).toEqual([[1, 3, 0, 7]]);
  });

  it('raise_error throws', () => {
    expect(() => evalOne(typedCall('raise_error', [lit('boom')], STRING))).toThrow(/boom/);
  });
});
