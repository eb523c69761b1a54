import { describe, expect, it } from 'vitest';
import { ArrayType, INT, LONG, STRING } from '../../../src/types/data-types.js';
import { alias, aggregate, col, evalOne, lit, project, relation, run, schema, typedCall } from '../../helpers/resolved.js';

describe('hash (Spark Murmur3, seed 42)', () => {
  it('matches Spark for ints and mixed arguments', () => {
    expect(evalOne(typedCall('hash', [lit(1)], INT))).toBe(-559580957);
    // Spark's documented example: hash('Spark', array(123), 2) = -1321691492
    const arr = typedCall('array', [lit(123)], new ArrayType(INT));
    expect(evalOne(typedCall('hash', [lit('Spark'), arr, lit(2)], INT))).toBe(-1321691492);
    expect(evalOne(typedCall('hash', [lit(null, STRING)], INT))).toBe(42);
  });
});

describe('ids and grouping markers', () => {
  it('monotonically_increasing_id counts rows', () => {
    const r = relation(schema(['x', INT]), [[5], [6], [7]]);
    expect(run(project(r, [alias(typedCall('monotonically_increasing_id', [], LONG), 'id')]))).toEqual([[0], [1], [2]]);
  });

  it('grouping() and grouping_id() read the grouping set', () => {
    const r = relation(schema(['a', STRING], ['b', STRING]), [
      ['x', 'p'],
      ['y', 'q'],
    ]);
    const p = aggregate(
      r,
      [col(r, 0), col(r, 1)],
      [alias(typedCall('grouping', [col(r, 0)], INT), 'ga'), alias(typedCall('grouping_id', [], LONG), 'gid')],
      [[0, 1], [0], []],
    );
    expect(run(p).map((row) => row.slice(2))).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 1, 1],
      [0, 1, 1],
      [1, 3, 3],
    ]);
  });
});
