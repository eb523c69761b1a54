import { describe, expect, it } from 'vitest';
import { DOUBLE, INT, STRING } from '../../../src/types/data-types.js';
import { asc, call, desc, lit, ref, rel, runWithReport, windowNode } from './helpers.js';

/** Input rows, each unique, so results can be put back in input order. */
const INPUT = [
  ['a', 3, 1.5],
  ['b', 1, null],
  ['a', 1, 2.5],
  ['a', 3, 0.5],
  ['b', null, 4.0],
  ['a', 2, null],
];
const T = rel(
  [
    ['g', STRING],
    ['v', INT],
    ['d', DOUBLE],
  ],
  INPUT,
);
const g = ref(T, 'g');
const v = ref(T, 'v');
const d = ref(T, 'd');

/** Runs natively; rows are put back in input order (each input row is unique), as rows leave in Spark's order. */
function native(plan: ReturnType<typeof windowNode>): unknown[][] {
  const { rows, delegated } = runWithReport(plan);
  expect(delegated).toEqual([]);
  return INPUT.map((input) => rows.find((r) => input.every((x, i) => r[i] === x))!);
}

describe('polars backend: windows', () => {
  it("rows leave sorted by the last spec's partition keys, then its order keys (Spark's order for one partition)", () => {
    const spec = { partitionBy: [g], orderBy: [desc(v)] };
    const { rows } = runWithReport(windowNode(T, [['rn', call('row_number', []), spec]]));
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['a', 3, 1.5],
      ['a', 3, 0.5],
      ['a', 2, null],
      ['a', 1, 2.5],
      ['b', 1, null],
      ['b', null, 4.0],
    ]);
  });

  it('ranking functions', () => {
    const spec = { partitionBy: [g], orderBy: [asc(v)] };
    const w = windowNode(T, [
      ['rn', call('row_number', []), spec],
      ['rk', call('rank', []), spec],
      ['dr', call('dense_rank', []), spec],
      ['pr', call('percent_rank', []), spec],
      ['cd', call('cume_dist', []), spec],
      ['nt', call('ntile', [lit(3, INT)]), spec],
    ]);
    const rows = native(w).map((r) => r.slice(3));
    expect(rows).toEqual([
      [3, 3, 3, 2 / 3, 1, 2],
      [2, 2, 2, 1, 1, 2],
      [1, 1, 1, 0, 0.25, 1],
      [4, 3, 3, 2 / 3, 1, 3],
      [1, 1, 1, 0, 0.5, 1],
      [2, 2, 2, 1 / 3, 0.5, 1],
    ]);
  });

  it('descending order and lag/lead with defaults', () => {
    const spec = { partitionBy: [g], orderBy: [desc(v)] };
    const w = windowNode(T, [
      ['rn', call('row_number', []), spec],
      ['lag', call('lag', [v, lit(1, INT), lit(-1, INT)]), spec],
      ['lead', call('lead', [v, lit(2, INT), lit(null, INT)]), spec],
    ]);
    // Partition a sorted by v desc (stable): rows 0 (3), 3 (3), 5 (2), 2 (1); b: 1 (1), 4 (null).
    expect(native(w).map((r) => r.slice(3))).toEqual([
      [1, -1, 2],
      [1, -1, null],
      [4, 2, null],
      [2, 3, 1],
      [2, 1, null],
      [3, 3, null],
    ]);
  });

  it('aggregates over the whole partition and running frames', () => {
    const whole = { partitionBy: [g], orderBy: [] };
    const running = { partitionBy: [g], orderBy: [asc(v)] };
    const rowsFrame = {
      partitionBy: [g],
      orderBy: [asc(v)],
      frame: { frameType: 'rows' as const, lower: { type: 'unboundedPreceding' as const }, upper: { type: 'currentRow' as const } },
    };
    const w = windowNode(T, [
      ['tot', call('sum', [v]), whole],
      ['cnt', call('count', [lit(1, INT)]), whole],
      ['avgd', call('avg', [d]), whole],
      ['run', call('sum', [v]), running],
      ['runrows', call('sum', [v]), rowsFrame],
      ['runmax', call('max', [v]), running],
    ]);
    expect(native(w).map((r) => r.slice(3))).toEqual([
      [9, 4, 1.5, 9, 6, 3],
      [1, 2, 4, 1, 1, 1],
      [9, 4, 1.5, 1, 1, 1],
      [9, 4, 1.5, 9, 9, 3],
      [1, 2, 4, null, null, null],
      [9, 4, 1.5, 3, 3, 2],
    ]);
  });

  it('global window without partitions', () => {
    const w = windowNode(T, [
      ['n', call('count', [v]), { partitionBy: [], orderBy: [] }],
      ['rn', call('row_number', []), { partitionBy: [], orderBy: [asc(d)] }],
    ]);
    expect(native(w).map((r) => r.slice(3))).toEqual([
      [5, 4],
      [5, 1],
      [5, 5],
      [5, 3],
      [5, 6],
      [5, 2],
    ]);
  });

  it('delegates frames with offsets', () => {
    const spec = {
      partitionBy: [g],
      orderBy: [asc(v)],
      frame: { frameType: 'rows' as const, lower: { type: 'offset' as const, value: -1 }, upper: { type: 'currentRow' as const } },
    };
    const w = windowNode(T, [['s', call('sum', [v]), spec]]);
    const { delegated } = runWithReport(w, { fallback: (p) => ({ schema: p.schema!, columns: p.schema!.fields.map(() => new Array(6).fill(null)), numRows: 6 }) });
    expect(delegated).toEqual(['Window']);
  });
});
