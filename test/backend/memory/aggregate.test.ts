import { describe, expect, it } from 'vitest';
import { DecimalType, DOUBLE, INT, LONG, STRING } from '../../../src/types/data-types.js';
import { aggregate, alias, call, col, lit, relation, run, schema } from '../../helpers/resolved.js';

const sales = relation(schema(['region', STRING], ['product', STRING], ['qty', INT], ['price', DOUBLE]), [
  ['east', 'a', 1, 10.0],
  ['east', 'b', 2, null],
  ['west', 'a', 3, 30.0],
  ['east', 'a', null, 5.0],
  ['west', 'b', 5, 50.0],
]);

describe('aggregate', () => {
  it('groups in first-appearance order with null-ignoring aggregates', () => {
    const p = aggregate(sales, [col(sales, 0)], [
      alias(call('count', [lit(1)]), 'n'),
      alias(call('count', [col(sales, 2)]), 'nq'),
      alias(call('sum', [col(sales, 2)]), 'sq'),
      alias(call('avg', [col(sales, 3)]), 'ap'),
      alias(call('max', [col(sales, 1)]), 'mp'),
      alias(call('collect_list', [col(sales, 2)]), 'cl'),
    ]);
    expect(run(p)).toEqual([
      ['east', 3, 2, 3, 7.5, 'b', [1, 2]],
      ['west', 2, 2, 8, 40, 'b', [3, 5]],
    ]);
  });

  it('global aggregate over no rows returns one row', () => {
    const empty = relation(schema(['x', INT]), []);
    const p = aggregate(empty, [], [alias(call('count', [lit(1)]), 'n'), alias(call('sum', [col(empty, 0)]), 's'), alias(call('collect_list', [col(empty, 0)]), 'l')]);
    expect(run(p)).toEqual([[0, null, []]]);
  });

  it('grouped aggregate over no rows returns no rows', () => {
    const empty = relation(schema(['x', INT]), []);
    expect(run(aggregate(empty, [col(empty, 0)], [alias(call('count', [lit(1)]), 'n')]))).toEqual([]);
  });

  it('count distinct and sum distinct', () => {
    const r = relation(schema(['x', INT]), [[1], [1], [2], [null], [3]]);
    const p = aggregate(r, [], [
      alias(call('count', [col(r, 0)], { distinct: true }), 'cd'),
      alias(call('sum', [col(r, 0)], { distinct: true }), 'sd'),
    ]);
    expect(run(p)).toEqual([[3, 6]]);
  });

  it('sum of longs wraps, decimals keep precision', () => {
    const r = relation(schema(['x', LONG], ['d', new DecimalType(5, 2)]), [
      [9223372036854775807n, 1234n],
      [1, 1n],
    ]);
    const p = aggregate(r, [], [alias(call('sum', [col(r, 0)]), 's'), alias(call('sum', [col(r, 1)]), 'sd'), alias(call('avg', [col(r, 1)]), 'ad')]);
    expect(run(p)).toEqual([[-9223372036854775808n, 1235n, 6175000n]]);
  });

  it('statistics match Spark (null for a single sample)', () => {
    const r = relation(schema(['g', INT], ['x', DOUBLE]), [
      [1, 1.0],
      [1, 2.0],
      [1, 4.0],
      [2, 5.0],
    ]);
    const p = aggregate(r, [col(r, 0)], [
      alias(call('stddev_samp', [col(r, 1)]), 'sd'),
      alias(call('var_pop', [col(r, 1)]), 'vp'),
      alias(call('var_samp', [col(r, 1)]), 'vs'),
    ]);
    const rows = run(p);
    expect(rows[0]![1]).toBeCloseTo(Math.sqrt(7 / 3), 12);
    expect(rows[0]![2]).toBeCloseTo(14 / 9, 12);
    expect(rows[1]).toEqual([2, null, 0, null]);
  });

  it('first/last respect ignoreNulls', () => {
    const r = relation(schema(['x', INT]), [[null], [1], [2], [null]]);
    const p = aggregate(r, [], [
      alias(call('first', [col(r, 0)]), 'f'),
      alias(call('first', [col(r, 0)], { options: { ignoreNulls: true } }), 'fi'),
      alias(call('last', [col(r, 0)]), 'l'),
      alias(call('last', [col(r, 0)], { options: { ignoreNulls: true } }), 'li'),
    ]);
    expect(run(p)).toEqual([[null, 1, null, 2]]);
  });

  it('rollup: grouping sets with the spark_grouping_id column', () => {
    const p = aggregate(sales, [col(sales, 0), col(sales, 1)], [alias(call('sum', [col(sales, 2)]), 'q')], [[0, 1], [0], []]);
    expect(run(p)).toEqual([
      ['east', 'a', 1, 0],
      ['east', 'b', 2, 0],
      ['west', 'a', 3, 0],
      ['west', 'b', 5, 0],
      ['east', null, 3, 1],
      ['west', null, 8, 1],
      [null, null, 11, 3],
    ]);
  });

  it('cube: every subset, ids as bitmasks with the first key most significant', () => {
    const p = aggregate(sales, [col(sales, 0), col(sales, 1)], [alias(call('count', [lit(1)]), 'n')], [[0, 1], [0], [1], []]);
    const ids = run(p).map((r) => r[3]);
    expect(new Set(ids)).toEqual(new Set([0, 1, 2, 3]));
    expect(run(p).filter((r) => r[3] === 2)).toEqual([
      [null, 'a', 3, 2],
      [null, 'b', 2, 2],
    ]);
  });

  it('output expressions may combine aggregates and grouping keys', () => {
    const p = aggregate(sales, [col(sales, 0)], [alias(call('add', [call('sum', [col(sales, 2)]), call('length', [col(sales, 0)])]), 'z')]);
    expect(run(p)).toEqual([
      ['east', 7],
      ['west', 12],
    ]);
  });
});
