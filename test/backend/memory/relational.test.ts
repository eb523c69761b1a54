import { describe, expect, it } from 'vitest';
import { BOOLEAN, DOUBLE, INT, LONG, STRING } from '../../../src/types/data-types.js';
import {
  alias,
  asc,
  call,
  col,
  dedup,
  desc,
  filter,
  join,
  limit,
  lit,
  offset,
  project,
  range,
  relation,
  run,
  sample,
  schema,
  setOp,
  sort,
} from '../../helpers/resolved.js';

const people = relation(schema(['id', INT], ['name', STRING], ['score', DOUBLE]), [
  [1, 'ann', 3.5],
  [2, 'bob', null],
  [3, 'cid', NaN],
  [4, null, 1.0],
  [5, 'eve', -2.0],
]);

describe('scan, project, filter', () => {
  it('range produces longs', () => {
    expect(run(range(0, 10, 3))).toEqual([[0], [3], [6], [9]]);
    expect(run(range(5, 0, -2))).toEqual([[5], [3], [1]]);
  });

  it('filter keeps only true rows (null drops)', () => {
    const p = filter(people, call('gt', [col(people, 2), lit(0.0)]));
    expect(run(p).map((r) => r[0])).toEqual([1, 3, 4]);
  });

  it('project computes expressions over a filtered selection', () => {
    const f = filter(people, call('gt', [col(people, 0), lit(2)]));
    const p = project(f, [col(f, 1), alias(call('multiply', [col(f, 0), lit(10)]), 'x')]);
    expect(run(p)).toEqual([
      ['cid', 30],
      [null, 40],
      ['eve', 50],
    ]);
  });
});

describe('sort, limit, offset', () => {
  it('sorts ascending with nulls first and NaN last among values', () => {
    expect(run(sort(people, [asc(col(people, 2))])).map((r) => r[0])).toEqual([2, 5, 4, 1, 3]);
  });

  it('sorts descending with nulls last, NaN first', () => {
    expect(run(sort(people, [desc(col(people, 2))])).map((r) => r[0])).toEqual([3, 1, 4, 5, 2]);
  });

  it('is stable and supports several keys', () => {
    const r = relation(schema(['k', INT], ['v', STRING]), [
      [2, 'a'],
      [1, 'b'],
      [2, 'c'],
      [1, 'd'],
    ]);
    expect(run(sort(r, [asc(col(r, 0))])).map((x) => x[1])).toEqual(['b', 'd', 'a', 'c']);
    expect(run(sort(r, [desc(col(r, 0)), desc(col(r, 1))])).map((x) => x[1])).toEqual(['c', 'a', 'd', 'b']);
  });

  it('limit and offset', () => {
    expect(run(limit(sort(people, [desc(col(people, 0))]), 2)).map((r) => r[0])).toEqual([5, 4]);
    expect(run(offset(people, 3)).map((r) => r[0])).toEqual([4, 5]);
    expect(run(limit(people, 0))).toEqual([]);
  });
});

describe('joins', () => {
  const left = relation(schema(['k', INT], ['l', STRING]), [
    [1, 'a'],
    [2, 'b'],
    [null, 'n'],
    [2, 'b2'],
  ]);
  const right = relation(schema(['k', INT], ['r', STRING]), [
    [2, 'x'],
    [3, 'y'],
    [null, 'z'],
    [2, 'x2'],
  ]);
  const keys = { left: [col(left, 0)], right: [col(right, 0)] };

  it('inner: null keys never match', () => {
    expect(run(join(left, right, 'inner', keys))).toEqual([
      [2, 'b', 2, 'x'],
      [2, 'b', 2, 'x2'],
      [2, 'b2', 2, 'x'],
      [2, 'b2', 2, 'x2'],
    ]);
  });

  it('null-safe keys match nulls', () => {
    const rows = run(join(left, right, 'inner', { ...keys, nullSafe: [true] }));
    expect(rows).toContainEqual([null, 'n', null, 'z']);
    expect(rows).toHaveLength(5);
  });

  it('left, right, full outer', () => {
    expect(run(join(left, right, 'left', keys))).toEqual([
      [1, 'a', null, null],
      [2, 'b', 2, 'x'],
      [2, 'b', 2, 'x2'],
      [null, 'n', null, null],
      [2, 'b2', 2, 'x'],
      [2, 'b2', 2, 'x2'],
    ]);
    expect(run(join(left, right, 'right', keys))).toEqual([
      [2, 'b', 2, 'x'],
      [2, 'b2', 2, 'x'],
      [null, null, 3, 'y'],
      [null, null, null, 'z'],
      [2, 'b', 2, 'x2'],
      [2, 'b2', 2, 'x2'],
    ]);
    const full = run(join(left, right, 'full', keys));
    expect(full).toHaveLength(8);
    expect(full.slice(6)).toEqual([
      [null, null, 3, 'y'],
      [null, null, null, 'z'],
    ]);
  });

  it('semi and anti', () => {
    expect(run(join(left, right, 'left_semi', keys))).toEqual([
      [2, 'b'],
      [2, 'b2'],
    ]);
    expect(run(join(left, right, 'left_anti', keys))).toEqual([
      [1, 'a'],
      [null, 'n'],
    ]);
  });

  it('residual condition over left and right columns', () => {
    // ON l.k = r.k AND r.r = 'x2'
    const cond = call('eq', [col(join(left, right, 'inner'), 3), lit('x2')]);
    expect(run(join(left, right, 'left', { ...keys, condition: cond }))).toEqual([
      [1, 'a', null, null],
      [2, 'b', 2, 'x2'],
      [null, 'n', null, null],
      [2, 'b2', 2, 'x2'],
    ]);
  });

  it('cross join and non-equi join', () => {
    expect(run(join(left, right, 'cross'))).toHaveLength(16);
    const j = join(left, right, 'inner');
    const cond = call('lt', [col(j, 0), col(j, 2)]);
    expect(run(join(left, right, 'inner', { condition: cond }))).toEqual([
      [1, 'a', 2, 'x'],
      [1, 'a', 3, 'y'],
      [1, 'a', 2, 'x2'],
      [2, 'b', 3, 'y'],
      [2, 'b2', 3, 'y'],
    ]);
  });

  it('multi-column keys (null-safe on the second)', () => {
    const a = relation(schema(['x', INT], ['y', STRING], ['z', STRING]), [
      [1, 'a', 'l1'],
      [1, null, 'l2'],
      [2, 'a', 'l3'],
    ]);
    const b = relation(schema(['x', INT], ['y', STRING], ['w', STRING]), [
      [1, null, 'r1'],
      [1, 'a', 'r2'],
      [2, 'b', 'r3'],
    ]);
    const k = { left: [col(a, 0), col(a, 1)], right: [col(b, 0), col(b, 1)] };
    expect(run(join(a, b, 'inner', k)).map((r) => `${r[2]}-${r[5]}`)).toEqual(['l1-r2']);
    expect(run(join(a, b, 'inner', { ...k, nullSafe: [false, true] })).map((r) => `${r[2]}-${r[5]}`)).toEqual(['l1-r2', 'l2-r1']);
  });

  it('joins on NaN keys (NaN = NaN in join keys)', () => {
    const a = relation(schema(['d', DOUBLE]), [[NaN], [0.0]]);
    const b = relation(schema(['d', DOUBLE]), [[NaN], [-0.0]]);
    expect(run(join(a, b, 'inner', { left: [col(a, 0)], right: [col(b, 0)] }))).toHaveLength(2);
  });
});

describe('set operations', () => {
  const a = relation(schema(['x', INT], ['y', STRING]), [
    [1, 'a'],
    [1, 'a'],
    [2, null],
    [2, null],
    [3, 'c'],
  ]);
  const b = relation(schema(['x', INT], ['y', STRING]), [
    [1, 'a'],
    [2, null],
    [4, 'd'],
  ]);

  it('union all keeps duplicates; union distinct removes them', () => {
    expect(run(setOp(a, b, 'union', true))).toHaveLength(8);
    expect(run(setOp(a, b, 'union', false))).toEqual([
      [1, 'a'],
      [2, null],
      [3, 'c'],
      [4, 'd'],
    ]);
  });

  it('intersect / intersect all (nulls compare equal)', () => {
    expect(run(setOp(a, b, 'intersect', false))).toEqual([
      [1, 'a'],
      [2, null],
    ]);
    expect(run(setOp(setOp(a, a, 'union', true), a, 'intersect', true))).toHaveLength(5);
    expect(run(setOp(a, b, 'intersect', true))).toEqual([
      [1, 'a'],
      [2, null],
    ]);
  });

  it('except / except all', () => {
    expect(run(setOp(a, b, 'except', false))).toEqual([[3, 'c']]);
    expect(run(setOp(a, b, 'except', true))).toEqual([
      [1, 'a'],
      [2, null],
      [3, 'c'],
    ]);
  });
});

describe('deduplicate and sample', () => {
  it('keeps the first row per key in input order', () => {
    const r = relation(schema(['k', INT], ['v', STRING]), [
      [2, 'a'],
      [1, 'b'],
      [2, 'c'],
      [null, 'd'],
      [null, 'e'],
    ]);
    expect(run(dedup(r, [0]))).toEqual([
      [2, 'a'],
      [1, 'b'],
      [null, 'd'],
    ]);
    expect(run(dedup(r))).toHaveLength(5);
  });

  it('distinct over many columns (ids folded pairwise)', () => {
    const rows = Array.from({ length: 400 }, (_, i) => [i % 3, `s${i % 5}`, i % 7 === 0 ? null : (i % 2) * 1.5, i % 4 === 0]);
    const r = relation(schema(['a', INT], ['b', STRING], ['c', DOUBLE], ['d', BOOLEAN]), rows);
    const expected = new Map<string, unknown[]>();
    for (const row of rows) if (!expected.has(JSON.stringify(row))) expected.set(JSON.stringify(row), row);
    expect(run(dedup(r))).toEqual([...expected.values()]);
  });

  it('sampling is deterministic for a seed', () => {
    const r = range(0, 1000);
    const s1 = run(sample(r, 0.1, 42));
    const s2 = run(sample(r, 0.1, 42));
    expect(s1).toEqual(s2);
    expect(s1.length).toBeGreaterThan(50);
    expect(s1.length).toBeLessThan(150);
    expect(run(sample(r, 0.1, 7))).not.toEqual(s1);
    const withRepl = run(sample(r, 2.0, 1, true));
    expect(withRepl.length).toBeGreaterThan(1700);
  });
});

describe('long values', () => {
  it('keeps bigint longs normalized through the pipeline', () => {
    const r = relation(schema(['v', LONG]), [[9007199254740993n], [1]]);
    const p = project(r, [alias(call('add', [col(r, 0), lit(1, LONG)]), 'w')]);
    expect(run(p)).toEqual([[9007199254740994n], [2]]);
  });
});
