import { describe, expect, it } from 'vitest';
import { BOOLEAN, BYTE, DATE, DOUBLE, FLOAT, INT, LONG, SHORT, STRING, TIMESTAMP, TIMESTAMP_NTZ, ArrayType, StructType, StructField } from '../../../src/types/data-types.js';
import type { Expr } from '../../../src/expr/nodes.js';
import { alias, call, cast, lit, project, ref, rel, runWithReport } from './helpers.js';
import type { LogicalPlan } from '../../../src/plan/nodes.js';

/** Evaluates expressions over a relation natively (asserting nothing was delegated); returns columns. */
function evalCols(input: LogicalPlan, exprs: readonly Expr[], tz = 'UTC'): unknown[][] {
  const p = project(input, exprs.map((e, i) => alias(e, `e${i}`)));
  const { rows, delegated } = runWithReport(p, { timeZone: tz });
  expect(delegated).toEqual([]);
  return exprs.map((_, i) => rows.map((r) => r[i]));
}

describe('polars backend: arithmetic semantics', () => {
  const ints = rel([['a', INT], ['b', INT]], [[7, 3], [-7, 3], [7, -3], [-7, -3], [2147483647, 1], [5, 0], [null, 1], [-2147483648, -1]]);
  it('integer ops wrap; % follows the dividend; / is double and null on zero', () => {
    const a = ref(ints, 'a');
    const b = ref(ints, 'b');
    const [add, mul, rem, div] = evalCols(ints, [
      call('add', [a, b]),
      call('multiply', [a, b]),
      call('remainder', [a, b]),
      call('divide', [cast(a, DOUBLE), cast(b, DOUBLE)]),
    ]);
    expect(add).toEqual([10, -4, 4, -10, -2147483648, 5, null, 2147483647]);
    expect(mul).toEqual([21, -21, -21, 21, 2147483647, 0, null, -2147483648]);
    expect(rem).toEqual([1, -1, 1, -1, 0, null, null, 0]);
    expect(div).toEqual([7 / 3, -7 / 3, -7 / 3, 7 / 3, 2147483647, null, null, 2147483648]);
  });

  it('double remainder is delegated (Polars has no exact fmod)', () => {
    const t = rel([['a', DOUBLE], ['b', DOUBLE]], [[1e17, 3]]);
    const p = project(t, [alias(call('remainder', [ref(t, 'a'), ref(t, 'b')]), 'r')]);
    const { delegated } = runWithReport(p, { fallback: () => ({ schema: p.schema!, columns: [[1]], numRows: 1 }) });
    expect(delegated).toEqual(['Project']);
  });

  it('longs wrap at 64 bits', () => {
    const t = rel([['a', LONG]], [[9223372036854775807n]]);
    const [x] = evalCols(t, [call('add', [ref(t, 'a'), lit(1, LONG)])]);
    expect(x).toEqual([-9223372036854775808n]);
  });

  it('three-valued logic', () => {
    const t = rel([['a', BOOLEAN], ['b', BOOLEAN]], [[true, null], [false, null], [null, null], [true, false]]);
    const [and, or, not, eqns] = evalCols(t, [
      call('and', [ref(t, 'a'), ref(t, 'b')]),
      call('or', [ref(t, 'a'), ref(t, 'b')]),
      call('not', [ref(t, 'a')]),
      call('eq_null_safe', [ref(t, 'a'), ref(t, 'b')]),
    ]);
    expect(and).toEqual([null, false, null, false]);
    expect(or).toEqual([true, null, null, true]);
    expect(not).toEqual([false, true, null, false]);
    expect(eqns).toEqual([false, false, true, false]);
  });

  it('IN with nulls follows SQL', () => {
    const t = rel([['a', INT]], [[1], [2], [null]]);
    const a = ref(t, 'a');
    const [withNull, many] = evalCols(t, [
      call('in', [a, lit(1, INT), lit(null, INT)]),
      call('in', [a, ...[1, 3, 4, 5, 6, 7].map((v) => lit(v, INT))]),
    ]);
    expect(withNull).toEqual([true, null, null]);
    expect(many).toEqual([true, false, null]);
  });
});

describe('polars backend: casts', () => {
  it('string to numbers and booleans (non-ANSI)', () => {
    const t = rel([['s', STRING]], [[' 12 '], ['1.9'], ['-3.'], ['abc'], ['99999999999'], ['+4'], [null], ['1e3'], ['Infinity'], [' nan '], ['2.5d'], ['true'], ['N']]);
    const s = ref(t, 's');
    const [i, l, d, b] = evalCols(t, [cast(s, INT), cast(s, LONG), cast(s, DOUBLE), cast(s, BOOLEAN)]);
    expect(i).toEqual([12, 1, -3, null, null, 4, null, null, null, null, null, null, null]);
    expect(l).toEqual([12, 1, -3, null, 99999999999, 4, null, null, null, null, null, null, null]);
    expect(d.slice(0, 9)).toEqual([12, 1.9, -3, null, 99999999999, 4, null, 1000, Infinity]);
    expect(d[9]).toBeNaN();
    expect(d.slice(10)).toEqual([2.5, null, null]);
    expect(b).toEqual([null, null, null, null, null, null, null, null, null, null, null, true, false]);
  });

  it('narrowing integer casts wrap; double to int truncates and saturates', () => {
    const t = rel([['l', LONG], ['d', DOUBLE]], [[4294967297, 1e20], [-129, -2.9], [128, NaN], [null, -1e20]]);
    const [li, lb, di, dl, ds] = evalCols(t, [
      cast(ref(t, 'l'), INT),
      cast(ref(t, 'l'), BYTE),
      cast(ref(t, 'd'), INT),
      cast(ref(t, 'd'), LONG),
      cast(ref(t, 'd'), SHORT),
    ]);
    expect(li).toEqual([1, -129, 128, null]);
    expect(lb).toEqual([1, 127, -128, null]);
    expect(di).toEqual([2147483647, -2, 0, -2147483648]);
    expect(dl).toEqual([9223372036854775807n, -2, 0, -9223372036854775808n]);
    expect(ds).toEqual([-1, -2, 0, 0]);
  });

  it('dates, timestamps and strings', () => {
    const t = rel([['s', STRING], ['ts', TIMESTAMP]], [['2024-02-29', 1709164800123000], ['2024-1-5 10:00', 0], ['2023-02-30', -1], ['2024', null]]);
    const [d, tsStr, tsDate, tsLong] = evalCols(t, [cast(ref(t, 's'), DATE), cast(ref(t, 'ts'), STRING), cast(ref(t, 'ts'), DATE), cast(ref(t, 'ts'), LONG)]);
    expect(d).toEqual([19782, 19727, null, 19723]);
    expect(tsStr).toEqual(['2024-02-29 00:00:00.123', '1970-01-01 00:00:00', '1969-12-31 23:59:59.999999', null]);
    expect(tsDate).toEqual([19782, 0, -1, null]);
    expect(tsLong).toEqual([1709164800, 0, -1, null]);
  });

  it('timestamp functions use the session time zone', () => {
    const t = rel([['ts', TIMESTAMP], ['d', DATE]], [[1709164800000000, 0]]);
    const [h, asDate, str, dts] = evalCols(
      t,
      [call('hour', [ref(t, 'ts')]), cast(ref(t, 'ts'), DATE), cast(ref(t, 'ts'), STRING), cast(ref(t, 'd'), TIMESTAMP)],
      'America/New_York',
    );
    expect(h).toEqual([19]);
    expect(asDate).toEqual([19781]);
    expect(str).toEqual(['2024-02-28 19:00:00']);
    expect(dts).toEqual([5 * 3600 * 1_000_000]);
  });

  it('timestamp <-> timestamp_ntz through the session zone', () => {
    const t = rel([['ts', TIMESTAMP]], [[0]]);
    const [ntz] = evalCols(t, [cast(ref(t, 'ts'), TIMESTAMP_NTZ)], 'Asia/Kolkata');
    expect(ntz).toEqual([19800 * 1_000_000]);
    const n = rel([['n', TIMESTAMP_NTZ]], [[19800 * 1_000_000]]);
    const [ts] = evalCols(n, [cast(ref(n, 'n'), TIMESTAMP)], 'Asia/Kolkata');
    expect(ts).toEqual([0]);
  });

  it('numbers to string, float to double', () => {
    const t = rel([['i', INT], ['b', BOOLEAN], ['f', FLOAT]], [[-5, true, 0.5], [null, false, null]]);
    const [is, bs, fd] = evalCols(t, [cast(ref(t, 'i'), STRING), cast(ref(t, 'b'), STRING), cast(ref(t, 'f'), DOUBLE)]);
    expect(is).toEqual(['-5', null]);
    expect(bs).toEqual(['true', 'false']);
    expect(fd).toEqual([0.5, null]);
  });
});

describe('polars backend: string functions', () => {
  const t = rel([['s', STRING]], [['Héllo World'], [''], [null], ['a_b%c']]);
  const s = ref(t, 's');
  it('substring follows Spark positions', () => {
    const [a, b, c, d, e] = evalCols(t, [
      call('substring', [s, lit(2, INT), lit(3, INT)]),
      call('substring', [s, lit(0, INT), lit(2, INT)]),
      call('substring', [s, lit(-5, INT), lit(3, INT)]),
      call('substring', [s, lit(-20, INT), lit(12, INT)]),
      call('substring', [s, lit(3, INT), lit(-1, INT)]),
    ]);
    expect(a).toEqual(['éll', '', null, '_b%']);
    expect(b).toEqual(['Hé', '', null, 'a_']);
    expect(c).toEqual(['Wor', '', null, 'a_b']);
    expect(d).toEqual(['Hél', '', null, '']);
    expect(e).toEqual(['', '', null, '']);
  });

  it('length, upper, lower, trim, concat, like', () => {
    const [len, up, cat, like1, like2, ilike, rl] = evalCols(t, [
      call('length', [s]),
      call('upper', [s]),
      call('concat', [s, lit('!', STRING)]),
      call('like', [s, lit('H%o W_rld', STRING)]),
      call('like', [s, lit('a\\_b\\%c', STRING)]),
      call('ilike', [s, lit('héllo%', STRING)]),
      call('rlike', [s, lit('^[A-Z]\\w+', STRING)]),
    ]);
    expect(len).toEqual([11, 0, null, 5]);
    expect(up).toEqual(['HÉLLO WORLD', '', null, 'A_B%C']);
    expect(cat).toEqual(['Héllo World!', '!', null, 'a_b%c!']);
    expect(like1).toEqual([true, false, null, false]);
    expect(like2).toEqual([false, false, null, true]);
    expect(ilike).toEqual([true, false, null, false]);
    // \w is ASCII in Java: 'H' then 'é' does not continue the word.
    expect(rl).toEqual([false, false, null, false]);
  });

  it('concat_ws skips nulls; split by a literal', () => {
    const u = rel([['a', STRING], ['b', STRING]], [['x', null], [null, null], ['p,q', 'r']]);
    const [ws, sp] = evalCols(u, [call('concat_ws', [lit('-', STRING), ref(u, 'a'), ref(u, 'b')]), call('split', [ref(u, 'a'), lit(',', STRING), lit(-1, INT)])]);
    expect(ws).toEqual(['x', '', 'p,q-r']);
    expect(sp).toEqual([['x'], null, ['p', 'q']]);
  });
});

describe('polars backend: structs, arrays, conditionals', () => {
  const st = new StructType([new StructField('x', INT), new StructField('y', STRING)]);
  const t = rel([['s', st], ['a', new ArrayType(INT)]], [[[1, 'a'], [5, 6, 7]], [null, null], [[null, 'b'], []]]);
  it('get_field, get_item, size, struct()', () => {
    const s = ref(t, 's');
    const a = ref(t, 'a');
    const [x, y, i0, i5, sz, made] = evalCols(t, [
      call('get_field', [s], { options: { field: 'x', index: 0 } }),
      call('get_field', [s], { options: { field: 'y', index: 1 } }),
      call('get_item', [a, lit(0, INT)]),
      call('get_item', [a, lit(5, INT)]),
      call('size', [a]),
      call('array', [lit(1, INT), lit(null, INT)]),
    ]);
    expect(x).toEqual([1, null, null]);
    expect(y).toEqual(['a', null, 'b']);
    expect(i0).toEqual([5, null, null]);
    expect(i5).toEqual([null, null, null]);
    expect(sz).toEqual([3, -1, 0]);
    expect(made).toEqual([[1, null], [1, null], [1, null]]);
  });

  it('coalesce, greatest, least, case when', () => {
    const u = rel([['a', DOUBLE], ['b', DOUBLE]], [[1, null], [null, 2], [NaN, 3], [null, null]]);
    const a = ref(u, 'a');
    const b = ref(u, 'b');
    const [co, gr, le, cw] = evalCols(u, [
      call('coalesce', [a, b]),
      call('greatest', [a, b]),
      call('least', [a, b]),
      { kind: 'CaseWhen', branches: [{ when: call('gt', [a, lit(0.5, DOUBLE)]), then: lit('big', STRING) }], dataType: STRING, nullable: true },
    ]);
    expect(co.slice(0, 2)).toEqual([1, 2]);
    expect(co[2]).toBeNaN();
    expect(co[3]).toBeNull();
    expect(gr.slice(0, 2)).toEqual([1, 2]);
    expect(gr[2]).toBeNaN();
    expect(le).toEqual([1, 2, 3, null]);
    expect(cw).toEqual(['big', null, 'big', null]);
  });
});

describe('polars backend: time zones Polars does not know', () => {
  it('delegates offset zones such as +08:00', () => {
    const t = rel([['ts', TIMESTAMP]], [[0]]);
    const p = project(t, [alias(call('hour', [ref(t, 'ts')]), 'h')]);
    const { rows, delegated } = runWithReport(p, { timeZone: '+08:00', fallback: () => ({ schema: p.schema!, columns: [[8]], numRows: 1 }) });
    expect(delegated).toEqual(['Project']);
    expect(rows).toEqual([[8]]);
  });
});
