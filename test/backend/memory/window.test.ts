import { describe, expect, it } from 'vitest';
import type { WindowFrame } from '../../../src/expr/nodes.js';
import { DOUBLE, INT, STRING } from '../../../src/types/data-types.js';
import { alias, asc, call, col, desc, lit, relation, run, schema, window, windowExpr } from '../../helpers/resolved.js';

const ROWS = [
  ['a', 1, 10],
  ['b', 5, 1],
  ['a', 2, 20],
  ['a', 2, 30],
  ['a', 4, 40],
  ['b', null, 2],
];
const t = relation(schema(['g', STRING], ['x', INT], ['v', DOUBLE]), ROWS);
const g = col(t, 0);
const x = col(t, 1);
const v = col(t, 2);

const rows = (lower: WindowFrame['lower'], upper: WindowFrame['upper']): WindowFrame => ({ frameType: 'rows', lower, upper });
const range = (lower: WindowFrame['lower'], upper: WindowFrame['upper']): WindowFrame => ({ frameType: 'range', lower, upper });
const UP = { type: 'unboundedPreceding' } as const;
const UF = { type: 'unboundedFollowing' } as const;
const CUR = { type: 'currentRow' } as const;
const off = (value: number) => ({ type: 'offset', value }) as const;

/**
 * The window column, listed in input-row order: rows leave the operator in Spark's
 * order (sorted by the spec), so each is put back at its input position (`v` is unique).
 */
const INPUT_V = ROWS.map((r) => r[2]);
function w(fn: ReturnType<typeof call>, spec: Parameters<typeof windowExpr>[1]) {
  const out = run(window(t, [alias(windowExpr(fn, spec), 'w')]));
  return INPUT_V.map((value) => out.find((r) => r[2] === value)![3]);
}

describe('output order', () => {
  it("rows leave sorted by the spec's partition keys, then its order keys, ties in input order (Spark's order for one partition)", () => {
    const out = run(window(t, [alias(windowExpr(call('row_number', []), { partitionBy: [g], orderBy: [asc(x)] }), 'w')]));
    expect(out.map((r) => r[2])).toEqual([10, 20, 30, 40, 2, 1]);
    const byDesc = run(window(t, [alias(windowExpr(call('row_number', []), { orderBy: [desc(v)] }), 'w')]));
    expect(byDesc.map((r) => r[2])).toEqual([40, 30, 20, 10, 2, 1]);
  });

  it('without PARTITION BY or ORDER BY the input order stays', () => {
    const out = run(window(t, [alias(windowExpr(call('count', [lit(1)]), {}), 'w')]));
    expect(out.map((r) => r[2])).toEqual(INPUT_V);
  });

  it('the last distinct spec orders the output', () => {
    const a = alias(windowExpr(call('row_number', []), { orderBy: [asc(v)] }), 'a');
    const b = alias(windowExpr(call('row_number', []), { orderBy: [desc(v)] }), 'b');
    const c = alias(windowExpr(call('rank', []), { orderBy: [asc(v)] }), 'c');
    expect(run(window(t, [a, b, c])).map((r) => r[2])).toEqual([40, 30, 20, 10, 2, 1]);
  });
});

describe('ranking', () => {
  const spec = { partitionBy: [g], orderBy: [asc(x)] };
  it('row_number, rank, dense_rank over ties', () => {
    expect(w(call('row_number', []), spec)).toEqual([1, 2, 2, 3, 4, 1]);
    expect(w(call('rank', []), spec)).toEqual([1, 2, 2, 2, 4, 1]);
    expect(w(call('dense_rank', []), spec)).toEqual([1, 2, 2, 2, 3, 1]);
  });

  it('percent_rank, cume_dist, ntile', () => {
    expect(w(call('percent_rank', []), spec)).toEqual([0, 1, 1 / 3, 1 / 3, 1, 0]);
    expect(w(call('cume_dist', []), spec)).toEqual([0.25, 1, 0.75, 0.75, 1, 0.5]);
    expect(w(call('ntile', [lit(3)]), spec)).toEqual([1, 2, 1, 2, 3, 1]);
  });

  it('lag and lead with defaults', () => {
    expect(w(call('lag', [v, lit(1), lit(null)]), spec)).toEqual([null, 2, 10, 20, 30, null]);
    expect(w(call('lead', [v, lit(2), lit(-1.0)]), spec)).toEqual([30, -1, 40, -1, -1, -1]);
  });
});

describe('aggregate frames', () => {
  it('default frame with ORDER BY is a running RANGE (peers included)', () => {
    expect(w(call('sum', [v]), { partitionBy: [g], orderBy: [asc(x)] })).toEqual([10, 3, 60, 60, 100, 2]);
  });

  it('without ORDER BY the frame is the whole partition', () => {
    expect(w(call('sum', [v]), { partitionBy: [g] })).toEqual([100, 3, 100, 100, 100, 3]);
    expect(w(call('count', [lit(1)]), {})).toEqual([6, 6, 6, 6, 6, 6]);
  });

  it('ROWS BETWEEN 1 PRECEDING AND CURRENT ROW', () => {
    expect(w(call('sum', [v]), { partitionBy: [g], orderBy: [asc(x)], frame: rows(off(-1), CUR) })).toEqual([10, 3, 30, 50, 70, 2]);
  });

  it('ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING with min/max', () => {
    expect(w(call('max', [v]), { partitionBy: [g], orderBy: [desc(x)], frame: rows(CUR, UF) })).toEqual([10, 2, 30, 30, 40, 2]);
  });

  it('RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING on values', () => {
    expect(w(call('sum', [v]), { partitionBy: [g], orderBy: [asc(x)], frame: range(off(-1), off(1)) })).toEqual([60, 1, 60, 60, 40, 2]);
  });

  it('RANGE offsets with descending order', () => {
    expect(w(call('sum', [v]), { partitionBy: [g], orderBy: [desc(x)], frame: range(off(-2), CUR) })).toEqual([60, 1, 90, 90, 40, 2]);
  });

  it('sliding count via remove, first/last over frames', () => {
    expect(w(call('count', [v]), { orderBy: [asc(v)], frame: rows(off(-2), off(0)) })).toEqual([3, 1, 3, 3, 3, 2]);
    expect(w(call('first', [v]), { partitionBy: [g], orderBy: [asc(x)], frame: rows(UP, UF) })).toEqual([10, 2, 10, 10, 10, 2]);
    expect(w(call('last', [v]), { partitionBy: [g], orderBy: [asc(x)] })).toEqual([10, 1, 30, 30, 40, 2]);
  });

  it('nth_value uses the frame', () => {
    expect(w(call('nth_value', [v, lit(2)]), { partitionBy: [g], orderBy: [asc(x)] })).toEqual([null, 1, 20, 20, 20, null]);
  });
});

describe('frame edge cases', () => {
  const n = relation(schema(['k', INT], ['v', INT]), [
    [null, 1],
    [1, 2],
    [null, 4],
    [2, 8],
    [4, 16],
  ]);
  const k = col(n, 0);
  const v = col(n, 1);
  // The window column in input-row order (`v` is unique), whatever order the rows leave in.
  const wn = (fn: ReturnType<typeof call>, spec: Parameters<typeof windowExpr>[1]) => {
    const out = run(window(n, [alias(windowExpr(fn, spec), 'w')]));
    return [1, 2, 4, 8, 16].map((value) => out.find((r) => r[1] === value)![2]);
  };

  it('RANGE offsets group null keys together', () => {
    // ascending, nulls first: [null(1), null(4), 1(2), 2(8), 4(16)]
    expect(wn(call('sum', [v]), { orderBy: [asc(k)], frame: range(off(-1), off(0)) })).toEqual([5, 2, 5, 10, 16]);
    expect(wn(call('sum', [v]), { orderBy: [asc(k)], frame: range(UP, off(1)) })).toEqual([5, 15, 5, 15, 31]);
  });

  it('ROWS frames entirely before or after the row are empty at the edges', () => {
    expect(wn(call('sum', [v]), { orderBy: [asc(v)], frame: rows(off(-2), off(-1)) })).toEqual([null, 1, 3, 6, 12]);
    expect(wn(call('count', [v]), { orderBy: [asc(v)], frame: rows(off(1), off(3)) })).toEqual([3, 3, 2, 1, 0]);
  });

  it('whole-partition collect_list is computed once and shared', () => {
    expect(wn(call('collect_list', [v]), {})).toEqual(Array(5).fill([1, 2, 4, 8, 16]));
  });
});
