import { describe, expect, it } from 'vitest';
import { hasNullType, inferSchema, inferSchemaOfRow, inferType, mergeType } from '../../src/types/infer.js';
import {
  ArrayType,
  BINARY,
  BOOLEAN,
  DOUBLE,
  FLOAT,
  INT,
  LONG,
  MapType,
  NULL,
  STRING,
  StructField,
  StructType,
  TIMESTAMP,
  TIMESTAMP_NTZ,
  DataType,
} from '../../src/types/data-types.js';
import { Row, row } from '../../src/data/row.js';
import { PySparkTypeError, PySparkValueError } from '../../src/errors/index.js';
import { SparkSession } from '../../src/session/session.js';

const same = (a: DataType, b: DataType): void => {
  expect(a.simpleString()).toBe(b.simpleString());
  expect(a.equals(b)).toBe(true);
};

function errorOf(fn: () => unknown): Error & { errorClass?: string } {
  try {
    fn();
  } catch (e) {
    return e as Error & { errorClass?: string };
  }
  throw new Error('expected an error');
}

describe('inferType', () => {
  it('maps JS scalars like PySpark maps Python values', () => {
    same(inferType(true), BOOLEAN);
    same(inferType(1), LONG);
    same(inferType(2.0), LONG);
    same(inferType(-0), LONG);
    same(inferType(1.5), DOUBLE);
    same(inferType(NaN), DOUBLE);
    same(inferType(Infinity), DOUBLE);
    same(inferType(10n ** 20n), LONG);
    same(inferType('x'), STRING);
    same(inferType(new Date()), TIMESTAMP);
    same(inferType(new Date(), { preferTimestampNTZ: true }), TIMESTAMP_NTZ);
    same(inferType(new Uint8Array([1])), BINARY);
    same(inferType(Buffer.from('ab')), BINARY);
    same(inferType(null), NULL);
    same(inferType(undefined), NULL);
  });
  it('arrays merge element types', () => {
    same(inferType([1, 2]), new ArrayType(LONG, true));
    same(inferType([null, 'a']), new ArrayType(STRING, true));
    same(inferType([]), new ArrayType(NULL, true));
    same(inferType([[1], []]), new ArrayType(new ArrayType(LONG)));
    same(inferType(new Float32Array(2)), new ArrayType(FLOAT));
    same(inferType(new Int32Array(2)), new ArrayType(INT));
    expect(errorOf(() => inferType([1, 'a'])).errorClass).toBe('CANNOT_MERGE_TYPE');
    same(inferType([1, 'a'], { inferArrayFromFirstElement: true }), new ArrayType(LONG));
  });
  it('objects and Maps are maps typed by the first non-null entry', () => {
    same(inferType({ a: 1, b: 'x' }), new MapType(STRING, LONG, true));
    same(inferType({ a: null, b: 'x' }), new MapType(STRING, STRING, true));
    same(inferType({}), new MapType(NULL, NULL, true));
    same(inferType(new Map([[1, 2.5]])), new MapType(LONG, DOUBLE, true));
    same(inferType({ b: 1, a: 'x' }, { inferDictAsStruct: true }), new StructType([new StructField('b', LONG), new StructField('a', STRING)]));
  });
  it('Rows and class instances are structs', () => {
    same(inferType(row({ z: 1, a: 'x' })), new StructType([new StructField('z', LONG), new StructField('a', STRING)]));
    class P {
      constructor(
        public y: number,
        public x: string,
      ) {}
    }
    same(inferType(new P(1, 'a')), new StructType([new StructField('x', STRING), new StructField('y', LONG)]));
  });
  it('rejects functions and symbols', () => {
    const e = errorOf(() => inferType(() => 1));
    expect(PySparkTypeError.isPySparkTypeError(e)).toBe(true);
    expect(e.message).toBe('[UNSUPPORTED_DATA_TYPE] Unsupported DataType `function`.');
  });
});

describe('inferSchemaOfRow', () => {
  it('sorts object keys, names array positions, keeps Row order', () => {
    expect(inferSchemaOfRow({ name: 'a', id: 1, Zeta: true }).names).toEqual(['Zeta', 'id', 'name']);
    expect(inferSchemaOfRow([1, 'a', null]).names).toEqual(['_1', '_2', '_3']);
    expect(inferSchemaOfRow([1, 'a', null], ['x']).names).toEqual(['x', '_2', '_3']);
    expect(inferSchemaOfRow(row({ name: 'a', id: 1 })).names).toEqual(['name', 'id']);
    expect(inferSchemaOfRow(new Map<string, unknown>([['b', 1], ['a', 2]])).names).toEqual(['a', 'b']);
  });
  it('all fields are nullable', () => {
    expect(inferSchemaOfRow({ a: 1, b: 'x' }).fields.every((f) => f.nullable)).toBe(true);
  });
  it('rejects scalar rows and reports the field that cannot be inferred', () => {
    const e = errorOf(() => inferSchemaOfRow(5));
    expect(e.message).toBe('[CANNOT_INFER_SCHEMA_FOR_TYPE] Can not infer schema for type: `number`.');
    expect(errorOf(() => inferSchemaOfRow(null)).message).toBe('[CANNOT_INFER_SCHEMA_FOR_TYPE] Can not infer schema for type: `null`.');
    const f = errorOf(() => inferSchemaOfRow({ ok: 1, bad: [1, 'x'] }));
    expect(f.message).toBe('[CANNOT_INFER_TYPE_FOR_FIELD] Unable to infer the type of the field `bad`.');
  });
});

describe('mergeType', () => {
  it('follows PySpark _merge_type', () => {
    same(mergeType(NULL, LONG), LONG);
    same(mergeType(STRING, NULL), STRING);
    same(mergeType(TIMESTAMP, TIMESTAMP_NTZ), TIMESTAMP);
    same(mergeType(TIMESTAMP_NTZ, TIMESTAMP), TIMESTAMP);
    same(mergeType(new ArrayType(NULL), new ArrayType(LONG)), new ArrayType(LONG));
    same(mergeType(new MapType(STRING, NULL), new MapType(STRING, DOUBLE)), new MapType(STRING, DOUBLE));
    const a = new StructType([new StructField('b', LONG), new StructField('x', NULL)]);
    const b = new StructType([new StructField('a', STRING), new StructField('x', DOUBLE)]);
    same(mergeType(a, b), new StructType([new StructField('b', LONG), new StructField('x', DOUBLE), new StructField('a', STRING)]));
  });
  it('does not widen long to double', () => {
    const e = errorOf(() => mergeType(LONG, DOUBLE));
    expect(PySparkTypeError.isPySparkTypeError(e)).toBe(true);
    expect(e.message).toBe("[CANNOT_MERGE_TYPE] Can not merge type `LongType` and `DoubleType`. In JavaScript a whole number written 35.0 is the integer 35 (LongType), so rows such as [{ amount: 120.5 }, { amount: 35.0 }] need a schema, e.g. createDataFrame(rows, 'amount DOUBLE').");
    expect(errorOf(() => mergeType(new ArrayType(LONG), STRING)).message).toBe('[CANNOT_MERGE_TYPE] Can not merge type `ArrayType` and `StringType`.');
  });
});

describe('inferSchema', () => {
  it('dict rows give alphabetically sorted columns', () => {
    const s = inferSchema([{ name: 'Alice', age: 1 }, { name: 'Bob', age: 2 }]);
    expect(s.names).toEqual(['age', 'name']);
    same(s, new StructType([new StructField('age', LONG, true), new StructField('name', STRING, true)]));
  });
  it('merges across rows: nulls resolve, new keys are appended', () => {
    const s = inferSchema([{ b: null, c: 1 }, { b: 'x', a: 2.5 }]);
    expect(s.names).toEqual(['b', 'c', 'a']);
    same(s, new StructType([new StructField('b', STRING), new StructField('c', LONG), new StructField('a', DOUBLE)]));
  });
  it('tuple rows and names', () => {
    expect(inferSchema([[1, 'a'], [2, 'b']]).names).toEqual(['_1', '_2']);
    expect(inferSchema([[1, 'a']], ['id', 'name']).names).toEqual(['id', 'name']);
    expect(inferSchema([{ b: 1, a: 2 }], ['x', 'y']).names).toEqual(['x', 'y']);
    expect(inferSchema([new Row([1, 2], ['q', 'p'])]).names).toEqual(['q', 'p']);
  });
  it('nested values', () => {
    const s = inferSchema([{ tags: ['a'], props: { k: 1 }, when: new Date(0), child: row({ z: true }) }]);
    expect(s.simpleString()).toBe('struct<child:struct<z:boolean>,props:map<string,bigint>,tags:array<string>,when:timestamp>');
  });
  it('long and double in one column is an error (JS 2.0 is an integer)', () => {
    expect(() => inferSchema([{ x: 1.5 }, { x: 2 }])).toThrow('[CANNOT_MERGE_TYPE] Can not merge type `DoubleType` and `LongType`. In JavaScript');
  });
  it('the message explains the JS 35.0 trap, and its advice works', () => {
    const rows = [{ amount: 120.5 }, { amount: 35.0 }];
    const spark = new SparkSession('infer-trap', { backendType: 'memory' });
    try {
      expect(() => spark.createDataFrame(rows)).toThrow(
        "[CANNOT_MERGE_TYPE] Can not merge type `DoubleType` and `LongType`. In JavaScript a whole number written 35.0 is the integer 35 (LongType), so rows such as [{ amount: 120.5 }, { amount: 35.0 }] need a schema, e.g. createDataFrame(rows, 'amount DOUBLE').",
      );
      const df = spark.createDataFrame(rows, 'amount DOUBLE');
      expect(df.dtypes).toEqual([['amount', 'double']]);
      expect(df.collect().map((r) => r.get(0))).toEqual([120.5, 35]);
    } finally {
      spark.stop();
    }
  });
  it('all-null columns cannot be determined', () => {
    const e = errorOf(() => inferSchema([{ a: 1, b: null }, { a: 2, b: null }]));
    expect(PySparkValueError.isPySparkValueError(e)).toBe(true);
    expect(e.message).toBe('[CANNOT_DETERMINE_TYPE] Some of types cannot be determined after inferring.');
    expect(() => inferSchema([{ a: [] }])).toThrow(/CANNOT_DETERMINE_TYPE/);
    expect(() => inferSchema([{ a: {} }])).toThrow(/CANNOT_DETERMINE_TYPE/);
    expect(inferSchema([{ a: [] }, { a: [1] }]).simpleString()).toBe('struct<a:array<bigint>>');
  });
  it('empty data', () => {
    expect(() => inferSchema([])).toThrow('[CANNOT_INFER_EMPTY_SCHEMA] Can not infer schema from an empty dataset.');
  });
  it('hasNullType', () => {
    expect(hasNullType(new MapType(STRING, new ArrayType(NULL)))).toBe(true);
    expect(hasNullType(new StructType([new StructField('a', LONG)]))).toBe(false);
  });
});
