import { describe, expect, it } from 'vitest';
import { ExprMap, exprKey, exprKeyWithNullability } from '../../src/expr/key.js';
import { E, type Expr } from '../../src/expr/nodes.js';
import { DOUBLE, INT, LONG, STRING, DataType } from '../../src/types/data-types.js';

/** A bound reference is its input column: the name it is displayed by is no part of its identity. */
const withoutBoundNames = (e: Expr): unknown =>
  JSON.parse(JSON.stringify(e, function (this: Record<string, unknown>, k, v) {
    return k === 'name' && this.kind === 'BoundRef' ? undefined : typeof v === 'bigint' ? `${v}n` : v instanceof DataType ? v.simpleString() : v;
  }));

/** The key as first defined: JSON of the tree, types by simpleString, bigints as text, nullable dropped. */
const jsonKey = (e: Expr): string => JSON.stringify(withoutBoundNames(e), (k, v) => (k === 'nullable' ? undefined : v));

const typed = <T extends Expr>(e: T, dataType: DataType, nullable = true): T => Object.freeze({ ...e, dataType, nullable });
const v = E.bound(2, 'v', DOUBLE, true);
const sumV = typed(E.call('sum', [v]), DOUBLE);
const samples: Expr[] = [
  v,
  E.bound(0, 'g', STRING, false),
  E.lit(1, INT),
  E.lit(12345678901234567890n, LONG),
  E.lit('it\'s "quoted"\n', STRING),
  E.lit(null, INT),
  E.lit([1, 2, null], INT),
  typed(E.cast(E.lit(10, INT), DOUBLE, true), DOUBLE),
  sumV,
  typed(E.alias(sumV, 's', { comment: 'x' }), DOUBLE),
  typed(E.call('count', [v], { distinct: true }), LONG, false),
  typed(E.call('first', [v], { options: { ignoreNulls: true } }), DOUBLE),
  typed(E.caseWhen([{ when: typed(E.call('gt', [v, E.lit(1.5, DOUBLE)]), INT), then: E.lit('a', STRING) }], E.lit('b', STRING)), STRING),
  E.window(sumV, { partitionBy: [v], orderBy: [E.sort(v, false)] }),
  E.col('a.b', 7, true),
  E.star('t'),
];

describe('exprKey', () => {
  it('is the JSON text of the tree without nullability', () => {
    for (const e of samples) expect(exprKey(e)).toBe(jsonKey(e));
  });

  it('ignores nullability and object identity, and tells apart any other difference', () => {
    expect(exprKey(E.bound(2, 'v', DOUBLE, false))).toBe(exprKey(v));
    // `SELECT V` binds the same input column as `SELECT v`, only displayed as written
    expect(exprKey(E.bound(2, 'V', DOUBLE, true))).toBe(exprKey(v));
    expect(exprKey(E.bound(3, 'v', DOUBLE, true))).not.toBe(exprKey(v));
    expect(exprKey(typed(E.call('sum', [E.bound(2, 'v', DOUBLE, false)]), DOUBLE, false))).toBe(exprKey(sumV));
    const keys = samples.map(exprKey);
    expect(new Set(keys).size).toBe(samples.length);
    expect(exprKey(E.lit(Number.NaN, DOUBLE))).not.toBe(exprKey(E.lit(null, DOUBLE)));
    expect(exprKey(E.lit(Infinity, DOUBLE))).not.toBe(exprKey(E.lit(-Infinity, DOUBLE)));
  });
});

describe('exprKeyWithNullability', () => {
  /** The key as the Polars translator first defined it: JSON of the tree with nullability, types by simpleString. */
  const jsonKeyWithNullability = (e: Expr): string => JSON.stringify(withoutBoundNames(e));

  it('is the JSON text of the whole tree, nullability included', () => {
    for (const e of samples) expect(exprKeyWithNullability(e)).toBe(jsonKeyWithNullability(e));
  });

  it('tells apart nullability marks at any depth, and still ignores object identity', () => {
    const nonNullV = E.bound(2, 'v', DOUBLE, false);
    expect(exprKeyWithNullability(nonNullV)).not.toBe(exprKeyWithNullability(v));
    const sumOf = (a: Expr): Expr => typed(E.call('sum', [a]), DOUBLE);
    expect(exprKeyWithNullability(sumOf(nonNullV))).not.toBe(exprKeyWithNullability(sumV));
    expect(exprKeyWithNullability(sumOf(E.bound(2, 'v', DOUBLE, true)))).toBe(exprKeyWithNullability(sumV));
    // Nested under a window (whose spec is keyed as plain JSON) too.
    const w = (a: Expr): Expr => E.window(sumV, { partitionBy: [a], orderBy: [] });
    expect(exprKeyWithNullability(w(nonNullV))).not.toBe(exprKeyWithNullability(w(v)));
    expect(exprKey(w(nonNullV))).toBe(exprKey(w(v)));
  });
});

describe('ExprMap', () => {
  it('finds structurally identical expressions and keeps the first value', () => {
    const m = new ExprMap<number>();
    samples.forEach((e, i) => m.set(e, i));
    samples.forEach((e, i) => expect(m.get(e)).toBe(i));
    // Rebuilt copies (different objects, other nullability) hit the same entries.
    expect(m.get(typed(E.call('sum', [E.bound(2, 'v', DOUBLE, false)]), DOUBLE, false))).toBe(samples.indexOf(sumV));
    m.set(typed(E.call('sum', [v]), DOUBLE), 99);
    expect(m.get(sumV)).toBe(samples.indexOf(sumV));
  });

  it('misses expressions that differ anywhere, also below the levels it summarizes', () => {
    const m = new ExprMap<string>();
    const deep = (n: number): Expr => typed(E.call('abs', [typed(E.call('negative', [typed(E.call('abs', [E.lit(n, INT)]), INT)]), INT)]), INT);
    m.set(deep(1), 'one');
    m.set(deep(2), 'two');
    expect(m.get(deep(1))).toBe('one');
    expect(m.get(deep(2))).toBe('two');
    expect(m.get(deep(3))).toBeUndefined();
    expect(m.get(typed(E.call('avg', [v]), DOUBLE))).toBeUndefined();
    expect(m.get(E.bound(3, 'v', DOUBLE, true))).toBeUndefined();
  });
});
