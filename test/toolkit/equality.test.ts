/** Comparison semantics of assertDataFrameEqual / compareDataFrames and their options. */
import { describe, expect, it } from 'vitest';
import { Row } from '../../src/data/row.js';
import { functions as F } from '../../src/index.js';
import {
  assertDataFrameEqual,
  assertSchemaEqual,
  compareDataFrames,
  DataFrameMismatchError,
  isDataFrameMismatchError,
  useSparkSession,
} from '../../src/vitest/index.js';

describe('assertDataFrameEqual', () => {
  const spark = useSparkSession({ backend: 'memory' });
  const equal = (a: Parameters<typeof compareDataFrames>[0], e: Parameters<typeof compareDataFrames>[1], o = {}): boolean =>
    compareDataFrames(a, e, { color: false, ...o }).equal;

  it('ignores row order by default and checks it on request', () => {
    const df = spark().createDataFrame([[1], [2], [2]], 'x INT');
    expect(equal(df, [[2], [1], [2]])).toBe(true);
    expect(equal(df, [[2], [1], [2]], { checkRowOrder: true })).toBe(false);
    expect(equal(df, [[1], [2], [2]], { checkRowOrder: true })).toBe(true);
    // A multiset: duplicates count.
    expect(equal(df, [[1], [1], [2]])).toBe(false);
  });

  it('ignores row order with array, map and struct columns', () => {
    const schema = 'a ARRAY<INT>, m MAP<STRING, ARRAY<INT>>, s STRUCT<x: INT, y: MAP<INT, STRING>>';
    const rows = [
      [[3, 1], new Map([['k', [1]], ['j', [2, 3]]]), { x: 1, y: new Map([[1, 'one']]) }],
      [[], new Map(), { x: 2, y: new Map() }],
      [null, new Map([['z', null]]), null],
    ];
    const df = spark().createDataFrame(rows, schema);
    const shuffled = [rows[2], rows[0], rows[1]];
    expect(equal(df, shuffled, { schema })).toBe(true);
    // Map entries compare regardless of insertion order; plain objects read as maps.
    expect(equal(df, [[null, { z: null }, null], [[3, 1], { j: [2, 3], k: [1] }, { x: 1, y: { 1: 'one' } }], [[], {}, { x: 2, y: {} }]])).toBe(true);
    // Array order matters inside a value.
    expect(equal(df, [[null, { z: null }, null], [[1, 3], { j: [2, 3], k: [1] }, { x: 1, y: { 1: 'one' } }], [[], {}, { x: 2, y: {} }]])).toBe(false);
  });

  it('compares floats with rtol/atol, NaN as equal by default, infinities exactly', () => {
    const df = spark().createDataFrame([[0.1 + 0.2], [NaN], [Infinity], [-0.0]], 'x DOUBLE');
    expect(equal(df, [[0.3], [NaN], [Infinity], [0]])).toBe(true);
    expect(equal(df, [[0.3], [NaN], [Infinity], [0]], { rtol: 0, atol: 0 })).toBe(false);
    expect(equal(df, [[0.3], [NaN], [Infinity], [0]], { nanEquality: false })).toBe(false);
    expect(equal(df, [[0.3], [NaN], [-Infinity], [0]])).toBe(false);
    const big = spark().createDataFrame([[1000.0]], 'x DOUBLE');
    expect(equal(big, [[1000.5]])).toBe(false);
    expect(equal(big, [[1000.5]], { rtol: 1e-3 })).toBe(true);
    expect(equal(big, [[1000.5]], { atol: 0.5 })).toBe(true);
    // Integers are never compared with a tolerance.
    expect(equal(spark().createDataFrame([[100000]], 'x BIGINT'), [[100001]], { rtol: 0.1 })).toBe(false);
  });

  it('reads plain expected values with the column types: decimals, dates, timestamps, binary, bigints', () => {
    const df = spark().createDataFrame(
      [['12.50', new Date('2024-01-15T00:00:00Z'), '2024-01-15 10:30:00.250', new Uint8Array([1, 2]), 2n ** 60n]],
      'd DECIMAL(10,2), day DATE, ts TIMESTAMP, b BINARY, big BIGINT',
    );
    expect(equal(df, [{ d: 12.5, day: '2024-01-15', ts: '2024-01-15T10:30:00.25Z', b: new Uint8Array([1, 2]), big: 2n ** 60n }])).toBe(true);
    expect(equal(df, [{ d: '12.5', day: new Date('2024-01-15T00:00:00Z'), ts: new Date('2024-01-15T10:30:00.250Z'), b: new Uint8Array([1, 2]), big: 2n ** 60n }])).toBe(true);
    expect(equal(df, [{ d: '12.51', day: '2024-01-15', ts: '2024-01-15T10:30:00.25Z', b: new Uint8Array([1, 2]), big: 2n ** 60n }])).toBe(false);
    // A value of the wrong JS type never matches, even if it prints the same.
    expect(equal(spark().createDataFrame([['1']], 's STRING'), [{ s: 1 }])).toBe(false);
    expect(equal(spark().createDataFrame([[1]], 'n INT'), [{ n: '1' }])).toBe(false);
  });

  it('ignoreCase compares strings case-insensitively', () => {
    const df = spark().createDataFrame([['Alice']], 'name STRING');
    expect(equal(df, [{ name: 'ALICE' }])).toBe(false);
    expect(equal(df, [{ name: 'ALICE' }], { ignoreCase: true })).toBe(true);
  });

  it('column options: order, names, types, nullability, metadata, ignored columns', () => {
    const df = spark().createDataFrame([[1, 'a']], 'id BIGINT NOT NULL, name STRING');
    const swapped = spark().createDataFrame([['a', 1]], 'name STRING, id BIGINT');
    expect(compareDataFrames(df, swapped).kind).toBe('columnOrder');
    expect(equal(df, swapped, { ignoreColumnOrder: true })).toBe(true);
    const renamed = spark().createDataFrame([[1, 'a']], 'key BIGINT, label STRING');
    expect(equal(df, renamed)).toBe(false);
    expect(equal(df, renamed, { ignoreColumnName: true })).toBe(true);
    const ints = spark().createDataFrame([[1, 'a']], 'id INT, name STRING');
    expect(compareDataFrames(df, ints).kind).toBe('schema');
    expect(equal(df, ints, { ignoreColumnType: true })).toBe(true);
    const nullable = spark().createDataFrame([[1, 'a']], 'id BIGINT, name STRING');
    expect(equal(df, nullable)).toBe(true);
    expect(equal(df, nullable, { ignoreNullable: false })).toBe(false);
    const extra = spark().createDataFrame([[1, 'a', 'now']], 'id BIGINT, name STRING, loaded_at STRING');
    expect(equal(extra, df)).toBe(false);
    expect(equal(extra, df, { ignoreColumns: ['loaded_at'] })).toBe(true);
    expect(equal(extra, [{ id: 1, name: 'a' }], { ignoreColumns: ['LOADED_AT'] })).toBe(true);
    expect(() => equal(extra, df, { ignoreColumns: ['nope'] })).toThrow("ignoreColumns names 'nope'");
  });

  it('checks nested nullability and metadata only when asked', () => {
    const a = spark().createDataFrame([[[1]]], 'xs ARRAY<INT>');
    const b = spark().createDataFrame([[[1]]], 'xs ARRAY<INT>').select(F.col('xs'));
    expect(equal(a, b, { ignoreNullable: false })).toBe(true);
    expect(() => assertSchemaEqual('m MAP<STRING, INT>', 'm MAP<STRING, INT>', { ignoreNullable: false })).not.toThrow();
    expect(() => assertSchemaEqual('s STRUCT<a: INT NOT NULL>', 's STRUCT<a: INT>')).not.toThrow();
    expect(() => assertSchemaEqual('s STRUCT<a: INT NOT NULL>', 's STRUCT<a: INT>', { ignoreNullable: false })).toThrow(DataFrameMismatchError);
    expect(() => assertSchemaEqual("a INT COMMENT 'x'", 'a INT')).not.toThrow();
    expect(() => assertSchemaEqual("a INT COMMENT 'x'", 'a INT', { ignoreMetadata: false })).toThrow(/a: int \{"comment":"x"\}/);
  });

  it('transforms run on both sides (expected rows become a DataFrame first)', () => {
    const df = spark().createDataFrame([[1, 'a', [3, 1, 2]]], 'id INT, name STRING, xs ARRAY<INT>');
    const sortArrays = (d: typeof df) => d.withColumn('xs', F.sort_array(F.col('xs')));
    expect(equal(df, [{ id: 1, name: 'a', xs: [1, 2, 3] }])).toBe(false);
    expect(equal(df, [{ id: 1, name: 'a', xs: [2, 1, 3] }], { transforms: sortArrays })).toBe(true);
    expect(equal(df, [[1, 'a', [2, 3, 1]]], { transforms: [sortArrays, (d: typeof df) => d.drop('name')] })).toBe(true);
  });

  it('throws a typed error with the diff rows when includeDiffRows is set', () => {
    const df = spark().createDataFrame([[1, 'a'], [2, 'b'], [3, 'c']], 'id INT, name STRING');
    let error: unknown;
    try {
      assertDataFrameEqual(df, [[1, 'a'], [2, 'B'], [4, 'd']], { schema: 'id INT, name STRING', includeDiffRows: true });
    } catch (err) {
      error = err;
    }
    expect(isDataFrameMismatchError(error)).toBe(true);
    const e = error as DataFrameMismatchError;
    expect(e.name).toBe('DataFrameMismatchError');
    expect(e.kind).toBe('rows');
    expect(e.mismatchedRows).toBe(2);
    expect(e.actualRowCount).toBe(3);
    // (2, b) pairs with (2, B); (3, c) and (4, d) share no value, so each stands alone.
    expect(e.diffRows).toHaveLength(3);
    expect(e.diffRows![0]).toEqual({ actual: new Row([2, 'b'], ['id', 'name']), expected: new Row([2, 'B'], ['id', 'name']), actualIndex: 1, expectedIndex: 1, columns: ['name'] });
    expect(e.diffRows![1]).toMatchObject({ actual: { id: 3, name: 'c' }, expected: null, actualIndex: 2, expectedIndex: null, columns: ['id', 'name'] });
    expect(e.diffRows![2]).toMatchObject({ actual: null, expected: { id: 4, name: 'd' }, expectedIndex: 2 });
    // Without the option the rows are not attached.
    try {
      assertDataFrameEqual(df, [[1, 'a']], { schema: 'id INT, name STRING' });
    } catch (err) {
      expect((err as DataFrameMismatchError).diffRows).toBeUndefined();
      expect((err as DataFrameMismatchError).kind).toBe('rowCount');
    }
  });

  it('matches rows equal only within the tolerance when row order is ignored', () => {
    const df = spark().createDataFrame([[1, 1.0000001], [2, 2.0]], 'k INT, x DOUBLE');
    expect(equal(df, [[2, 2.0000001], [1, 1.0]])).toBe(true);
    const many = spark().range(3000).withColumn('x', F.col('id').cast('double'));
    const rows = Array.from({ length: 3000 }, (_, i) => ({ id: 2999 - i, x: 2999 - i + 1e-9 }));
    expect(equal(many, rows)).toBe(true);
  });

  it('compares two row arrays and rejects what is not rows', () => {
    expect(equal([{ a: 1 }], [{ a: 1 }])).toBe(true);
    expect(() => assertDataFrameEqual([1, 2] as never, [])).toThrow('Row 0 is a number');
    expect(() => assertDataFrameEqual({} as never, [])).toThrow('The actual value must be a DataFrame or an array of rows');
    expect(() => assertDataFrameEqual(spark().range(1), spark().range(1), { schema: 'id INT' })).toThrow("Option 'schema' describes expected rows");
    expect(() => assertDataFrameEqual(spark().range(1), [], { maxErrors: 0 })).toThrow("Option 'maxErrors' must be an integer >= 1");
  });

  it('an empty expected array means no rows', () => {
    expect(equal(spark().range(0), [])).toBe(true);
    expect(compareDataFrames(spark().range(2), []).kind).toBe('rowCount');
  });
});
