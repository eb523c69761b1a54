import { describe, expect, it } from 'vitest';
import { type DataType, BOOLEAN, BYTE, DecimalType, DOUBLE, FLOAT, INT, LONG, SHORT, STRING, ArrayType, MapType } from '../../../src/types/data-types.js';
import { E } from '../../../src/expr/nodes.js';
import { call, evalExprs, evalOne, lit, ref, schema } from '../../helpers/resolved.js';

const n = (v: unknown, t: DataType = INT) => lit(v, t);

describe('arithmetic', () => {
  it('wraps int and long overflow like Java', () => {
    expect(evalOne(call('add', [n(2147483647), n(1)]))).toBe(-2147483648);
    expect(evalOne(call('multiply', [n(65536), n(65536)]))).toBe(0);
    expect(evalOne(call('add', [n(9223372036854775807n, LONG), n(1, LONG)]))).toBe(-9223372036854775808n);
    expect(evalOne(call('multiply', [n(4294967296, LONG), n(4294967296, LONG)]))).toBe(0);
    expect(evalOne(call('add', [n(9007199254740991, LONG), n(1, LONG)]))).toBe(9007199254740992n);
    expect(evalOne(call('subtract', [n(9007199254740992n, LONG), n(1, LONG)]))).toBe(9007199254740991);
    expect(evalOne(call('add', [n(127, BYTE), n(1, BYTE)]))).toBe(-128);
    expect(evalOne(call('negate', [n(-2147483648)]))).toBe(-2147483648);
  });

  it('divides to double and gives null on division by zero', () => {
    expect(evalOne(call('divide', [n(7), n(2)]))).toBe(3.5);
    expect(evalOne(call('divide', [n(1), n(0)]))).toBeNull();
    expect(evalOne(call('divide', [n(1.0, DOUBLE), n(0.0, DOUBLE)]))).toBeNull();
    expect(evalOne(call('remainder', [n(7), n(0)]))).toBeNull();
  });

  it('remainder takes the sign of the dividend', () => {
    expect(evalOne(call('remainder', [n(-7), n(3)]))).toBe(-1);
    expect(evalOne(call('remainder', [n(7), n(-3)]))).toBe(1);
    expect(evalOne(call('remainder', [n(-7.5, DOUBLE), n(2, DOUBLE)]))).toBe(-1.5);
  });

  it('adds decimals exactly into the result type', () => {
    const a = lit(1250n, new DecimalType(4, 2)); // 12.50
    const b = lit(5n, new DecimalType(3, 1)); // 0.5
    const r = call('add', [a, b]);
    expect(r.dataType).toEqual(new DecimalType(5, 2));
    expect(evalOne(r)).toBe(1300n);
    expect(evalOne(call('multiply', [a, b]))).toBe(6250n); // 6.250 in decimal(8,3)
    expect(evalOne(call('divide', [lit(1n, new DecimalType(1, 0)), lit(3n, new DecimalType(1, 0))]))).toBe(333333n);
  });

  it('propagates null', () => {
    expect(evalOne(call('add', [n(1), lit(null)]))).toBeNull();
  });
});

describe('comparison', () => {
  it('treats NaN as equal to itself and larger than everything', () => {
    expect(evalOne(call('eq', [n(NaN, DOUBLE), n(NaN, DOUBLE)]))).toBe(true);
    expect(evalOne(call('gt', [n(NaN, DOUBLE), n(Infinity, DOUBLE)]))).toBe(true);
    expect(evalOne(call('lt', [n(1, DOUBLE), n(NaN, DOUBLE)]))).toBe(true);
    expect(evalOne(call('eq', [n(0, DOUBLE), n(-0, DOUBLE)]))).toBe(true);
  });

  it('compares with null to null, null-safe equality never null', () => {
    expect(evalOne(call('eq', [n(1), lit(null)]))).toBeNull();
    expect(evalOne(call('eq_null_safe', [n(1), lit(null)]))).toBe(false);
    expect(evalOne(call('eq_null_safe', [lit(null, INT), lit(null, INT)]))).toBe(true);
  });

  it('orders strings by code point and coerces string to int', () => {
    expect(evalOne(call('lt', [lit('\uFFFF'), lit('\u{1F600}')]))).toBe(true);
    expect(evalOne(call('eq', [lit('1'), n(1)]))).toBe(true);
  });
});

describe('three-valued logic', () => {
  const T = lit(true);
  const F = lit(false);
  const N = lit(null, BOOLEAN);
  it('and/or/not', () => {
    expect(evalOne(call('and', [F, N]))).toBe(false);
    expect(evalOne(call('and', [N, F]))).toBe(false);
    expect(evalOne(call('and', [T, N]))).toBeNull();
    expect(evalOne(call('or', [T, N]))).toBe(true);
    expect(evalOne(call('or', [N, T]))).toBe(true);
    expect(evalOne(call('or', [F, N]))).toBeNull();
    expect(evalOne(call('not', [N]))).toBeNull();
    expect(evalOne(call('not', [F]))).toBe(true);
  });

  it('IN with nulls', () => {
    expect(evalOne(call('in', [n(1), n(1), n(2)]))).toBe(true);
    expect(evalOne(call('in', [n(3), n(1), lit(null, INT)]))).toBeNull();
    expect(evalOne(call('in', [n(3), n(1), n(2)]))).toBe(false);
    expect(evalOne(call('in', [lit(null, INT), n(1)]))).toBeNull();
  });

  it('is_null / is_not_null', () => {
    expect(evalOne(call('is_null', [lit(null, INT)]))).toBe(true);
    expect(evalOne(call('is_not_null', [n(1)]))).toBe(true);
  });
});

describe('string predicates', () => {
  it('like with % _ and escapes', () => {
    expect(evalOne(call('like', [lit('abc'), lit('a%')]))).toBe(true);
    expect(evalOne(call('like', [lit('abc'), lit('a_c')]))).toBe(true);
    expect(evalOne(call('like', [lit('a%c'), lit('a\\%c')]))).toBe(true);
    expect(evalOne(call('like', [lit('abc'), lit('a\\%c')]))).toBe(false);
    expect(evalOne(call('like', [lit('a\nb'), lit('a_b')]))).toBe(true);
    expect(evalOne(call('ilike', [lit('ABC'), lit('a%')]))).toBe(true);
  });

  it('rlike is a Java regex find', () => {
    expect(evalOne(call('rlike', [lit('hello world'), lit('wor')]))).toBe(true);
    expect(evalOne(call('rlike', [lit('Hello'), lit('(?i)^hello$')]))).toBe(true);
    expect(evalOne(call('rlike', [lit('a.b'), lit('\\Q.\\E')]))).toBe(true);
    expect(evalOne(call('rlike', [lit('abc'), lit('\\p{Alpha}+\\z')]))).toBe(true);
  });

  it('substring is 1-based with negative positions from the end', () => {
    expect(evalOne(call('substring', [lit('Spark SQL'), n(1), n(5)]))).toBe('Spark');
    expect(evalOne(call('substring', [lit('Spark SQL'), n(0), n(5)]))).toBe('Spark');
    expect(evalOne(call('substring', [lit('Spark SQL'), n(-3), n(3)]))).toBe('SQL');
    expect(evalOne(call('substring', [lit('Spark SQL'), n(7)]))).toBe('SQL');
    expect(evalOne(call('substring', [lit('abc'), n(-5), n(3)]))).toBe('a');
    expect(evalOne(call('startswith', [lit('Spark'), lit('Sp')]))).toBe(true);
    expect(evalOne(call('contains', [lit('Spark'), lit('ar')]))).toBe(true);
  });
});

describe('nested access', () => {
  const data = {
    schema: schema(['a', new ArrayType(INT)], ['m', new MapType(STRING, INT)]),
    rows: [[[10, 20, null], new Map([['x', 1]])]],
  };
  it('get_item on arrays (0-based, out of range null) and maps', () => {
    const arr = ref(0, 'a', new ArrayType(INT));
    const map = ref(1, 'm', new MapType(STRING, INT));
    const out = evalExprs(
      [() => call('get_item', [arr, n(1)]), () => call('get_item', [arr, n(5)]), () => call('get_item', [arr, n(-1)]), () => call('get_item', [map, lit('x')]), () => call('get_item', [map, lit('y')])],
      data,
    );
    expect(out).toEqual([[20, null, null, 1, null]]);
  });

  it('struct fields: get, with, drop', () => {
    const s = call('struct', [E.alias(n(1), 'a') as never, E.alias(lit('x'), 'b') as never].map((e) => ({ ...(e as object), dataType: (e as { child: { dataType: unknown } }).child.dataType, nullable: false }) as never));
    const get = call('get_field', [s], { options: { field: 'b' } });
    expect(evalOne(get)).toBe('x');
    expect(evalOne(call('with_field', [s, lit(2.5)], { options: { field: 'c' } }))).toEqual([1, 'x', 2.5]);
    expect(evalOne(call('with_field', [s, n(9)], { options: { field: 'a' } }))).toEqual([9, 'x']);
    expect(evalOne(call('drop_fields', [s], { options: { fields: ['a'] } }))).toEqual(['x']);
  });
});

describe('bitwise', () => {
  it('and/or/xor on ints and longs', () => {
    expect(evalOne(call('bitwise_and', [n(12), n(10)]))).toBe(8);
    expect(evalOne(call('bitwise_or', [n(12), n(10)]))).toBe(14);
    expect(evalOne(call('bitwise_xor', [n(12), n(10)]))).toBe(6);
    expect(evalOne(call('bitwise_and', [n(2 ** 40 + 5, LONG), n(2 ** 40 + 4, LONG)]))).toBe(2 ** 40 + 4);
    expect(evalOne(call('bitwise_not', [n(0, LONG)]))).toBe(-1);
  });
});

describe('casts inside arithmetic', () => {
  it('string + int is double', () => {
    expect(evalOne(call('add', [lit('1.5'), n(1)]))).toBe(2.5);
    expect(evalOne(call('add', [lit('x'), n(1)]))).toBeNull();
  });
  it('float arithmetic rounds to float', () => {
    expect(evalOne(call('add', [n(Math.fround(0.1), FLOAT), n(Math.fround(0.2), FLOAT)]))).toBe(Math.fround(Math.fround(0.1) + Math.fround(0.2)));
    expect(evalOne(call('add', [n(1, SHORT), n(32767, SHORT)]))).toBe(-32768);
  });
});
