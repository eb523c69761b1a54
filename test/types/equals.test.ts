/**
 * Type equality is structural: two types are equal exactly when their JSON
 * forms (Spark's `json()`) are. Struct types compare field by field.
 */
import { describe, expect, it } from 'vitest';
import { ArrayType, DecimalType, INT, LONG, MapType, STRING, StructField, StructType } from '../../src/types/data-types.js';

const struct = (...fields: StructField[]): StructType => new StructType(fields);
const cases: [StructType | ArrayType | MapType, StructType | ArrayType | MapType][] = [
  [struct(new StructField('a', INT)), struct(new StructField('a', INT))],
  [struct(new StructField('a', INT)), struct(new StructField('A', INT))],
  [struct(new StructField('a', INT, true)), struct(new StructField('a', INT, false))],
  [struct(new StructField('a', INT)), struct(new StructField('a', LONG))],
  [struct(new StructField('a', INT)), struct(new StructField('a', INT), new StructField('b', STRING))],
  [struct(new StructField('a', INT, true, { comment: 'x' })), struct(new StructField('a', INT, true, { comment: 'x' }))],
  [struct(new StructField('a', INT, true, { comment: 'x' })), struct(new StructField('a', INT, true, { comment: 'y' }))],
  [struct(new StructField('a', INT, true, {})), struct(new StructField('a', INT, true, { comment: 'x' }))],
  [struct(new StructField('s', struct(new StructField('x', new DecimalType(10, 2))))), struct(new StructField('s', struct(new StructField('x', new DecimalType(10, 2)))))],
  [struct(new StructField('s', struct(new StructField('x', new DecimalType(10, 2))))), struct(new StructField('s', struct(new StructField('x', new DecimalType(10, 3)))))],
  [new ArrayType(struct(new StructField('a', INT))), new ArrayType(struct(new StructField('a', INT)))],
  [new MapType(STRING, struct(new StructField('a', INT, false))), new MapType(STRING, struct(new StructField('a', INT, true)))],
  [struct(), struct()],
];

describe('DataType.equals', () => {
  it.each(cases.map((c, i) => [i, ...c] as const))('case %i agrees with comparing json()', (_i, a, b) => {
    const expected = a.json() === b.json();
    expect(a.equals(b)).toBe(expected);
    expect(b.equals(a)).toBe(expected);
    expect(a.equals(a)).toBe(true);
  });

  it('a struct equals no other kind of type', () => {
    expect(struct(new StructField('a', INT)).equals(new ArrayType(INT))).toBe(false);
    expect(new StructField('a', INT).equals(new StructField('a', INT))).toBe(true);
  });
});
