import { describe, expect, it } from 'vitest';
import { BOOLEAN, DATE, DOUBLE, FLOAT, INT, LONG, SHORT, BYTE, STRING, TIMESTAMP, TIMESTAMP_NTZ } from '../../../src/types/data-types.js';
import { aggregate, alias, asc, call, desc, filter, limit, lit, offset, project, range, ref, rel, run, runBatch, sortBy } from './helpers.js';

describe('polars backend: basic operators', () => {
  const people = rel(
    [
      ['name', STRING],
      ['age', INT],
      ['score', DOUBLE],
    ],
    [
      ['ann', 30, 1.5],
      ['bob', null, 2.5],
      ['cy', 25, null],
      [null, 41, 4.0],
    ],
  );

  it('round-trips a LocalRelation with nulls', () => {
    expect(run(people)).toEqual([
      ['ann', 30, 1.5],
      ['bob', null, 2.5],
      ['cy', 25, null],
      [null, 41, 4.0],
    ]);
  });

  it('projects, filters, limits and offsets', () => {
    const p = project(people, [ref(people, 'name'), alias(call('add', [ref(people, 'age'), lit(1, INT)]), 'next')]);
    const f = filter(p, call('gt', [ref(p, 'next'), lit(26, INT)]));
    expect(run(f)).toEqual([
      ['ann', 31],
      [null, 42],
    ]);
    expect(run(limit(people, 2))).toHaveLength(2);
    expect(run(offset(people, 3))).toEqual([[null, 41, 4.0]]);
  });

  it('keeps the input height for a select of literals', () => {
    const p = project(people, [alias(lit(7, INT), 'seven')]);
    expect(run(p)).toEqual([[7], [7], [7], [7]]);
  });

  it('sorts with per-column directions, nulls placement and stability', () => {
    const t = rel(
      [
        ['k', STRING],
        ['v', INT],
        ['i', INT],
      ],
      [
        ['b', 1, 0],
        ['a', 2, 1],
        [null, 3, 2],
        ['b', 3, 3],
        ['a', null, 4],
        ['a', 2, 5],
      ],
    );
    // k ascending (nulls first), v descending (nulls last): mixed directions.
    const s = sortBy(t, [asc(ref(t, 'k')), desc(ref(t, 'v'))]);
    expect(run(s).map((r) => r[2])).toEqual([2, 1, 5, 4, 3, 0]);
    // Uniform directions, nulls last ascending.
    const s2 = sortBy(t, [asc(ref(t, 'v'), false)]);
    expect(run(s2).map((r) => r[2])).toEqual([0, 1, 5, 2, 3, 4]);
    // Descending with nulls first.
    const s3 = sortBy(t, [desc(ref(t, 'v'), true)]);
    expect(run(s3).map((r) => r[2])).toEqual([4, 2, 3, 1, 5, 0]);
  });

  it('orders NaN above every double and keeps -0.0 equal to 0.0', () => {
    const t = rel([['x', DOUBLE], ['i', INT]], [[NaN, 0], [1, 1], [-0, 2], [0, 3], [-Infinity, 4], [null, 5], [Infinity, 6]]);
    expect(run(sortBy(t, [asc(ref(t, 'x'))])).map((r) => r[1])).toEqual([5, 4, 2, 3, 1, 6, 0]);
    expect(run(sortBy(t, [desc(ref(t, 'x'))])).map((r) => r[1])).toEqual([0, 6, 1, 2, 3, 4, 5]);
  });

  it('runs spark.range', () => {
    expect(run(range(0, 5, 2))).toEqual([[0], [2], [4]]);
    expect(run(range(10, 0, -4))).toEqual([[10], [6], [2]]);
    expect(run(range(3, 3))).toEqual([]);
  });

  it('aggregates by key in first-appearance order with Spark null rules', () => {
    const t = rel(
      [
        ['k', STRING],
        ['v', INT],
        ['d', DOUBLE],
      ],
      [
        ['x', 1, 0.1],
        ['y', null, null],
        ['x', 2, 0.2],
        [null, 5, 0.7],
        ['y', null, null],
        ['x', 3, 0.3],
      ],
    );
    const v = ref(t, 'v');
    const d = ref(t, 'd');
    const a = aggregate(
      t,
      [ref(t, 'k')],
      [
        alias(call('sum', [v]), 'sum_v'),
        alias(call('count', [v]), 'cnt_v'),
        alias(call('count', [lit(1, INT)]), 'cnt'),
        alias(call('avg', [d]), 'avg_d'),
        alias(call('sum', [d]), 'sum_d'),
        alias(call('max', [v]), 'max_v'),
        alias(call('min', [d]), 'min_d'),
        alias(call('collect_list', [v]), 'vs'),
      ],
    );
    const out = run(a);
    expect(out).toEqual([
      ['x', 6, 3, 3, (0.1 + 0.2 + 0.3) / 3, 0.1 + 0.2 + 0.3, 3, 0.1, [1, 2, 3]],
      ['y', null, 0, 2, null, null, null, null, []],
      [null, 5, 1, 1, 0.7, 0.7, 5, 0.7, [5]],
    ]);
  });

  it('aggregates globally (one row, even for empty input)', () => {
    const t = rel([['v', LONG]], []);
    const a = aggregate(t, [], [alias(call('count', [lit(1, INT)]), 'n'), alias(call('sum', [ref(t, 'v')]), 's')]);
    expect(run(a)).toEqual([[0, null]]);
  });

  it('max of doubles is NaN when any value is NaN; count distinct folds -0.0', () => {
    const t = rel([['x', DOUBLE]], [[1], [NaN], [-0], [0], [null]]);
    const a = aggregate(t, [], [
      alias(call('max', [ref(t, 'x')]), 'mx'),
      alias(call('min', [ref(t, 'x')]), 'mn'),
      alias(call('count', [ref(t, 'x')], { distinct: true }), 'nd'),
    ]);
    const [[mx, mn, nd]] = run(a) as [[number, number, number]];
    expect(mx).toBeNaN();
    expect(Object.is(mn, -0) || mn === 0).toBe(true);
    expect(nd).toBe(3);
  });

  it('round-trips every flat type with nulls and bigints', () => {
    const t = rel(
      [
        ['b', BYTE],
        ['s', SHORT],
        ['i', INT],
        ['l', LONG],
        ['f', FLOAT],
        ['d', DOUBLE],
        ['str', STRING],
        ['bool', BOOLEAN],
        ['date', DATE],
        ['ts', TIMESTAMP],
        ['ntz', TIMESTAMP_NTZ],
      ],
      [
        [-128, 32767, -2147483648, 9223372036854775807n, 1.5, NaN, 'é€😀', true, -1, -1, 1700000000123456],
        [null, null, null, null, null, null, null, null, null, null, null],
        [127, -32768, 2147483647, -9223372036854775808n, -0, -Infinity, '', false, 19000, 1700000000123456, 0],
        [1, 2, 3, 2 ** 53 - 1, Math.fround(0.1), -0, 'x', null, 0, 0, -86400000000],
      ],
    );
    const b = runBatch(t);
    expect(b.schema.fields.map((f) => f.name)).toEqual(['b', 's', 'i', 'l', 'f', 'd', 'str', 'bool', 'date', 'ts', 'ntz']);
    const rows = run(t);
    expect(rows[0]).toEqual([-128, 32767, -2147483648, 9223372036854775807n, 1.5, NaN, 'é€😀', true, -1, -1, 1700000000123456]);
    expect(rows[1]).toEqual(new Array(11).fill(null));
    expect(rows[2]).toEqual([127, -32768, 2147483647, -9223372036854775808n, -0, -Infinity, '', false, 19000, 1700000000123456, 0]);
    expect(rows[3]).toEqual([1, 2, 3, 2 ** 53 - 1, Math.fround(0.1), -0, 'x', null, 0, 0, -86400000000]);
    expect(Object.is(rows[3]![5], -0)).toBe(true);
  });

  it('reads bigints with nulls exactly', () => {
    const t = rel([['l', LONG]], [[2n ** 62n], [null], [-(2n ** 60n) - 1n], [5]]);
    expect(run(t)).toEqual([[2n ** 62n], [null], [-(2n ** 60n) - 1n], [5]]);
  });
});

describe('polars backend: engines and Arrow output', () => {
  const t = rel(
    [
      ['k', STRING],
      ['v', LONG],
    ],
    [
      ['a', 1],
      ['b', 2],
      ['a', 3],
    ],
  );
  it('collects with the streaming engine', () => {
    const a = aggregate(t, [ref(t, 'k')], [alias(call('sum', [ref(t, 'v')]), 's')]);
    expect(run(a, { streaming: true })).toEqual([
      ['a', 4],
      ['b', 2],
    ]);
  });

  it('returns an Arrow table with Spark names, duplicates included', async () => {
    const { PolarsMaterializer } = await import('../../../src/backend/polars/index.js');
    const p = project(t, [ref(t, 'k'), alias(ref(t, 'v'), 'k')]);
    const table = new PolarsMaterializer({ timeZone: 'UTC' }).materializeArrow(p);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['k', 'k']);
    expect(table.numRows).toBe(3);
    expect(table.getChildAt(1)!.toArray()).toEqual(new BigInt64Array([1n, 2n, 3n]));
  });
});
