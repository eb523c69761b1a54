import { describe, expect, it } from 'vitest';
import { ArrayType, DOUBLE, INT, LONG, MapType, STRING } from '../../../src/types/data-types.js';
import { schemaOf } from '../../../src/plan/nodes.js';
import { call, dedup, generate, join, joinRef, ref, rel, run, runBatch, runWithReport, setOp } from './helpers.js';

const L = rel(
  [
    ['id', INT],
    ['name', STRING],
  ],
  [
    [1, 'a'],
    [2, 'b'],
    [null, 'c'],
    [3, 'd'],
    [1, 'e'],
  ],
);
const R = rel(
  [
    ['id', INT],
    ['tag', STRING],
  ],
  [
    [1, 'x'],
    [null, 'y'],
    [3, 'z'],
    [1, 'w'],
    [9, 'v'],
  ],
);

/** Rows in a canonical order, to compare results whose order Spark leaves open. */
const sortedRows = (rows: readonly (readonly unknown[])[]): string[] => rows.map((r) => JSON.stringify(r)).sort();

describe('polars backend: joins', () => {
  // Spark promises no order for inner joins (and Polars' native inner join picks its own), so they compare as multisets.
  it('inner join: every matching pair once, null keys never match', () => {
    expect(sortedRows(run(join(L, R, 'inner', [['id', 'id']])))).toEqual(sortedRows([
      [1, 'a', 1, 'x'],
      [1, 'a', 1, 'w'],
      [3, 'd', 3, 'z'],
      [1, 'e', 1, 'x'],
      [1, 'e', 1, 'w'],
    ]));
  });

  it('keeps duplicate output names apart', () => {
    const b = runBatch(join(L, R, 'inner', [['id', 'id']]));
    expect(b.schema.fields.map((f) => f.name)).toEqual(['id', 'name', 'id', 'tag']);
    expect([...b.columns[0]!].sort()).toEqual([1, 1, 1, 1, 3]);
    expect(b.columns[2]).toEqual(b.columns[0]);
  });

  it('left, right and full outer joins', () => {
    expect(run(join(L, R, 'left', [['id', 'id']]))).toEqual([
      [1, 'a', 1, 'x'],
      [1, 'a', 1, 'w'],
      [2, 'b', null, null],
      [null, 'c', null, null],
      [3, 'd', 3, 'z'],
      [1, 'e', 1, 'x'],
      [1, 'e', 1, 'w'],
    ]);
    expect(run(join(L, R, 'right', [['id', 'id']]))).toEqual([
      [1, 'a', 1, 'x'],
      [1, 'e', 1, 'x'],
      [null, null, null, 'y'],
      [3, 'd', 3, 'z'],
      [1, 'a', 1, 'w'],
      [1, 'e', 1, 'w'],
      [null, null, 9, 'v'],
    ]);
    expect(run(join(L, R, 'full', [['id', 'id']]))).toEqual([
      [1, 'a', 1, 'x'],
      [1, 'a', 1, 'w'],
      [2, 'b', null, null],
      [null, 'c', null, null],
      [3, 'd', 3, 'z'],
      [1, 'e', 1, 'x'],
      [1, 'e', 1, 'w'],
      [null, null, null, 'y'],
      [null, null, 9, 'v'],
    ]);
  });

  it('semi, anti and cross joins', () => {
    expect(run(join(L, R, 'left_semi', [['id', 'id']]))).toEqual([
      [1, 'a'],
      [3, 'd'],
      [1, 'e'],
    ]);
    expect(run(join(L, R, 'left_anti', [['id', 'id']]))).toEqual([
      [2, 'b'],
      [null, 'c'],
    ]);
    const cross = run(join(L, R, 'cross'));
    expect(cross).toHaveLength(25);
    expect(cross.slice(0, 2)).toEqual([
      [1, 'a', 1, 'x'],
      [1, 'a', null, 'y'],
    ]);
  });

  it('null-safe keys match nulls to nulls', () => {
    expect(sortedRows(run(join(L, R, 'inner', [['id', 'id']], { nullSafe: [true] })))).toEqual(sortedRows([
      [1, 'a', 1, 'x'],
      [1, 'a', 1, 'w'],
      [null, 'c', null, 'y'],
      [3, 'd', 3, 'z'],
      [1, 'e', 1, 'x'],
      [1, 'e', 1, 'w'],
    ]));
  });

  it('residual conditions decide matching for outer, semi and anti joins', () => {
    // ON l.id = r.id AND r.tag <> 'x'
    const cond = call('not', [call('eq', [joinRef(L, R, 'r', 'tag'), { kind: 'Literal', value: 'x', dataType: STRING, nullable: false }])]);
    expect(run(join(L, R, 'left', [['id', 'id']], { condition: cond }))).toEqual([
      [1, 'a', 1, 'w'],
      [2, 'b', null, null],
      [null, 'c', null, null],
      [3, 'd', 3, 'z'],
      [1, 'e', 1, 'w'],
    ]);
    expect(run(join(L, R, 'full', [['id', 'id']], { condition: cond }))).toEqual([
      [1, 'a', 1, 'w'],
      [2, 'b', null, null],
      [null, 'c', null, null],
      [3, 'd', 3, 'z'],
      [1, 'e', 1, 'w'],
      [null, null, 1, 'x'],
      [null, null, null, 'y'],
      [null, null, 9, 'v'],
    ]);
    expect(run(join(L, R, 'left_anti', [['id', 'id']], { condition: cond }))).toEqual([
      [2, 'b'],
      [null, 'c'],
    ]);
    // Theta join without equi keys: l.id < r.id
    const lt = call('lt', [joinRef(L, R, 'l', 'id'), joinRef(L, R, 'r', 'id')]);
    expect(run(join(L, R, 'inner', [], { condition: lt }))).toEqual([
      [1, 'a', 3, 'z'],
      [1, 'a', 9, 'v'],
      [2, 'b', 3, 'z'],
      [2, 'b', 9, 'v'],
      [3, 'd', 9, 'v'],
      [1, 'e', 3, 'z'],
      [1, 'e', 9, 'v'],
    ]);
  });

  it('joins on double keys with NaN = NaN and -0.0 = 0.0', () => {
    const a = rel([['x', DOUBLE]], [[NaN], [-0], [1]]);
    const b = rel([['y', DOUBLE]], [[0], [NaN]]);
    const out = run(join(a, b, 'inner', [['x', 'y']]));
    expect(out).toHaveLength(2);
    expect(out[0]![0]).toBeNaN();
  });
});

describe('polars backend: set operations and dedup', () => {
  const A = rel([['v', INT], ['s', STRING]], [[1, 'a'], [2, null], [1, 'a'], [null, null], [3, 'c'], [1, 'a']]);
  const B = rel([['v', INT], ['s', STRING]], [[1, 'a'], [null, null], [4, 'd'], [1, 'a']]);

  it('union all / distinct', () => {
    expect(run(setOp(A, B, 'union', true))).toHaveLength(10);
    expect(run(setOp(A, B, 'union', false))).toEqual([[1, 'a'], [2, null], [null, null], [3, 'c'], [4, 'd']]);
  });

  it('intersect / except, distinct and all, null-safe', () => {
    expect(run(setOp(A, B, 'intersect', false))).toEqual([[1, 'a'], [null, null]]);
    expect(run(setOp(A, B, 'intersect', true))).toEqual([[1, 'a'], [1, 'a'], [null, null]]);
    expect(run(setOp(A, B, 'except', false))).toEqual([[2, null], [3, 'c']]);
    expect(run(setOp(A, B, 'except', true))).toEqual([[2, null], [3, 'c'], [1, 'a']]);
  });

  it('deduplicates keeping the first row, in order', () => {
    expect(run(dedup(A))).toEqual([[1, 'a'], [2, null], [null, null], [3, 'c']]);
    expect(run(dedup(A, [1]))).toEqual([[1, 'a'], [2, null], [3, 'c']]);
  });
});

describe('polars backend: generators', () => {
  const T = rel(
    [
      ['id', INT],
      ['xs', new ArrayType(LONG)],
      ['m', new MapType(STRING, INT)],
    ],
    [
      [1, [10, 20], new Map([['a', 1], ['b', 2]])],
      [2, [], new Map()],
      [3, null, null],
      [4, [null, 5], new Map([['c', null]])],
    ],
  );
  it('explode / explode_outer / posexplode of arrays', () => {
    const xs = ref(T, 'xs');
    const ex = generate(T, call('explode', [xs]), false, [['col', LONG]]);
    expect(run(ex).map((r) => [r[0], r[3]])).toEqual([[1, 10], [1, 20], [4, null], [4, 5]]);
    const exo = generate(T, call('explode_outer', [xs]), false, [['col', LONG]]);
    expect(run(exo).map((r) => [r[0], r[3]])).toEqual([[1, 10], [1, 20], [2, null], [3, null], [4, null], [4, 5]]);
    const pos = generate(T, call('posexplode', [xs]), false, [['pos', INT], ['col', LONG]]);
    expect(run(pos).map((r) => [r[0], r[3], r[4]])).toEqual([[1, 0, 10], [1, 1, 20], [4, 0, null], [4, 1, 5]]);
    const poso = generate(T, call('posexplode_outer', [xs]), false, [['pos', INT], ['col', LONG]]);
    expect(run(poso).map((r) => [r[0], r[3], r[4]])).toEqual([[1, 0, 10], [1, 1, 20], [2, null, null], [3, null, null], [4, 0, null], [4, 1, 5]]);
  });

  it('explodes maps into key and value', () => {
    const ex = generate(T, call('explode', [ref(T, 'm')]), false, [['key', STRING], ['value', INT]]);
    const { rows, delegated } = runWithReport(ex);
    expect(delegated).toEqual([]);
    expect(rows.map((r) => [r[0], r[3], r[4]])).toEqual([[1, 'a', 1], [1, 'b', 2], [4, 'c', null]]);
    expect(schemaOf(ex).names).toEqual(['id', 'xs', 'm', 'key', 'value']);
  });

  it('round-trips arrays and maps', () => {
    expect(run(T)).toEqual([
      [1, [10, 20], new Map([['a', 1], ['b', 2]])],
      [2, [], new Map()],
      [3, null, null],
      [4, [null, 5], new Map([['c', null]])],
    ]);
  });
});

describe('polars backend: join order on large inputs (guards against Polars reordering)', () => {
  const n = 200_000;
  const lrows: unknown[][] = [];
  const rrows: unknown[][] = [];
  for (let i = 0; i < n; i++) lrows.push([(i * 7919 + 13) % 3000, i]);
  for (let j = 0; j < 4000; j++) rrows.push([(j * 31 + 7) % 2000, j]);
  const BL = rel([['k', INT], ['i', INT]], lrows);
  const BR = rel([['k', INT], ['j', INT]], rrows);
  const byKey = new Map<number, number[]>();
  for (const [k, j] of rrows as [number, number][]) byKey.set(k, [...(byKey.get(k) ?? []), j]);

  it('inner joins give every matching pair; left joins list left rows in order, matches in right order', () => {
    const expectInner: number[][] = [];
    const expectLeft: (number | null)[][] = [];
    for (const [k, i] of lrows as [number, number][]) {
      const ms = byKey.get(k) ?? [];
      for (const j of ms) expectInner.push([i, j]);
      if (ms.length === 0) expectLeft.push([i, null]);
      else for (const j of ms) expectLeft.push([i, j]);
    }
    const inner = runBatch(join(BL, BR, 'inner', [['k', 'k']]));
    expect(inner.numRows).toBe(expectInner.length);
    // (i, j) pairs as sorted numbers: a multiset comparison cheap enough for 400k rows.
    const got = Float64Array.from(inner.columns[1]!, (v, r) => (v as number) * 4096 + (inner.columns[3]![r] as number)).sort();
    const want = Float64Array.from(expectInner, ([i, j]) => i! * 4096 + j!).sort();
    expect(got.every((x, r) => x === want[r])).toBe(true);
    const left = runBatch(join(BL, BR, 'left', [['k', 'k']]));
    expect(left.numRows).toBe(expectLeft.length);
    expect(left.columns[1]!.every((v, r) => v === expectLeft[r]![0] && left.columns[3]![r] === expectLeft[r]![1])).toBe(true);
  }, 60_000);

  it('a group-by above a join counts every matching pair', async () => {
    const { aggregate, alias, call, lit: l } = await import('./helpers.js');
    const j = join(BL, BR, 'inner', [['k', 'k']]);
    const g = aggregate(j, [ref(j, 3)], [alias(call('count', [l(1, INT)]), 'n')]);
    const out = runBatch(g);
    const counts = new Map<number, number>();
    for (const [k] of lrows as [number, number][]) for (const jj of byKey.get(k) ?? []) counts.set(jj, (counts.get(jj) ?? 0) + 1);
    const got = new Map(out.columns[0]!.map((jj, r) => [jj as number, Number(out.columns[1]![r])]));
    expect(got).toEqual(counts);
  });
});
