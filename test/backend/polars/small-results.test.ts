import { describe, expect, it } from 'vitest';
import { nativeToBatch, PolarsMaterializer, batchToNative } from '../../../src/backend/polars/index.js';
import { batchFromRows, batchRows } from '../../../src/data/batch.js';
import { newPlanId, type LogicalPlan } from '../../../src/plan/nodes.js';
import { BOOLEAN, BYTE, DATE, DOUBLE, FLOAT, INT, LONG, SHORT, STRING, TIMESTAMP, StructField, StructType, type DataType } from '../../../src/types/data-types.js';
import { alias, ref, rel } from './helpers.js';

const struct = (fields: readonly (readonly [string, DataType])[]): StructType => new StructType(fields.map(([n, t]) => new StructField(n, t, true)));

describe('polars backend: reading small results', () => {
  const flat = struct([
    ['i', INT],
    ['l', LONG],
    ['d', DOUBLE],
    ['f', FLOAT],
    ['s', STRING],
    ['b', BOOLEAN],
    ['sh', SHORT],
    ['by', BYTE],
  ]);
  const rows = [
    [1, 2 ** 53 - 1, -0, Math.fround(1.1), 'é😀', true, -32768, 127],
    [null, null, null, null, null, null, null, null],
    [-2147483648, -(2 ** 53 - 1), Number.NaN, Number.POSITIVE_INFINITY, '', false, 1, -128],
  ];

  it('reads numbers, strings and booleans back exactly, nulls included', () => {
    const b = batchFromRows(flat, rows);
    const out = nativeToBatch(batchToNative(b), flat);
    expect(out.schema).toBe(flat);
    expect(batchRows(out)).toStrictEqual(rows);
  });

  it('reads longs beyond 2^53 exactly', () => {
    const s = struct([['l', LONG], ['s', STRING]]);
    const big = [[2n ** 60n + 1n, 'x'], [-(2n ** 62n) - 3n, 'y'], [5, 'z']];
    const out = nativeToBatch(batchToNative(batchFromRows(s, big)), s);
    expect(batchRows(out)).toStrictEqual(big);
  });

  it('keeps dates and microsecond timestamps exact', () => {
    const s = struct([['d', DATE], ['t', TIMESTAMP], ['n', INT]]);
    const data = [[19000, 1_700_000_000_123_456, 1], [null, -1, 2]];
    expect(batchRows(nativeToBatch(batchToNative(batchFromRows(s, data)), s))).toStrictEqual(data);
  });

  it('runs a projection that only renames columns as its input, with the new names', () => {
    const input = rel([['a', LONG], ['b', STRING]], [[1, 'x'], [2, 'y']]);
    const out = struct([['x', LONG], ['b', STRING]]);
    const renamed: LogicalPlan = Object.freeze({ kind: 'Project', id: newPlanId(), input, exprs: [alias(ref(input, 'a'), 'x'), ref(input, 'b')], schema: out });
    const m = new PolarsMaterializer();
    const res = m.materialize(renamed);
    expect(res.schema.names).toEqual(['x', 'b']);
    expect(batchRows(res)).toEqual([[1, 'x'], [2, 'y']]);
    expect(m.describe(renamed)).toMatch(/^Project \[x: .*\] \[polars\]/);
    // Reordering is not an identity.
    const swapped: LogicalPlan = Object.freeze({ kind: 'Project', id: newPlanId(), input, exprs: [ref(input, 'b'), ref(input, 'a')], schema: struct([['b', STRING], ['a', LONG]]) });
    expect(batchRows(m.materialize(swapped))).toEqual([['x', 1], ['y', 2]]);
  });
});
