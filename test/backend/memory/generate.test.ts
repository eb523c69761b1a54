import { describe, expect, it } from 'vitest';
import { ArrayType, INT, MapType, STRING, StructField, StructType } from '../../../src/types/data-types.js';
import { call, col, generate, relation, run, schema } from '../../helpers/resolved.js';

const r = relation(schema(['id', INT], ['xs', new ArrayType(INT)], ['m', new MapType(STRING, INT)]), [
  [1, [10, 20], new Map([['a', 1]])],
  [2, [], new Map()],
  [3, null, null],
  [4, [null], new Map([['b', 2], ['c', 3]])],
]);

describe('generate', () => {
  it('explode drops rows with null or empty input', () => {
    const p = generate(r, call('explode', [col(r, 1)]), false, [['col', INT]]);
    expect(run(p).map((x) => [x[0], x[3]])).toEqual([
      [1, 10],
      [1, 20],
      [4, null],
    ]);
  });

  it('explode_outer keeps them with nulls', () => {
    const p = generate(r, call('explode_outer', [col(r, 1)]), true, [['col', INT]]);
    expect(run(p).map((x) => [x[0], x[3]])).toEqual([
      [1, 10],
      [1, 20],
      [2, null],
      [3, null],
      [4, null],
    ]);
  });

  it('posexplode on maps gives pos, key, value', () => {
    const p = generate(r, call('posexplode', [col(r, 2)]), false, [
      ['pos', INT],
      ['key', STRING],
      ['value', INT],
    ]);
    expect(run(p).map((x) => x.slice(3))).toEqual([
      [0, 'a', 1],
      [0, 'b', 2],
      [1, 'c', 3],
    ]);
  });

  it('posexplode_outer gives null position for empty input', () => {
    const p = generate(r, call('posexplode_outer', [col(r, 1)]), true, [
      ['pos', INT],
      ['col', INT],
    ]);
    expect(run(p).map((x) => [x[0], x[3], x[4]])).toEqual([
      [1, 0, 10],
      [1, 1, 20],
      [2, null, null],
      [3, null, null],
      [4, 0, null],
    ]);
  });

  it('struct type is kept for nested output', () => {
    expect(new StructType([new StructField('a', INT)]).fields).toHaveLength(1);
  });
});
