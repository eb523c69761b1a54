/** A batch holding every Spark type, with nulls, for round-trip tests. */
import { makeBatch, type Batch } from '../../../src/data/batch.js';
import {
  ArrayType,
  BINARY,
  BOOLEAN,
  BYTE,
  DATE,
  DOUBLE,
  DecimalType,
  FLOAT,
  INT,
  LONG,
  MapType,
  SHORT,
  STRING,
  StructField,
  StructType,
  TIMESTAMP,
  TIMESTAMP_NTZ,
} from '../../../src/types/data-types.js';

export const ALL_TYPES_SCHEMA = new StructType([
  new StructField('b', BYTE),
  new StructField('s', SHORT),
  new StructField('i', INT),
  new StructField('l', LONG),
  new StructField('f', FLOAT),
  new StructField('d', DOUBLE),
  new StructField('dec', new DecimalType(38, 6)),
  new StructField('str', STRING),
  new StructField('bin', BINARY),
  new StructField('bool', BOOLEAN),
  new StructField('date', DATE),
  new StructField('ts', TIMESTAMP),
  new StructField('ntz', TIMESTAMP_NTZ),
  new StructField('arr', new ArrayType(LONG, true)),
  new StructField('m', new MapType(STRING, new ArrayType(INT), true)),
  new StructField('st', new StructType([new StructField('x', INT, false), new StructField('y', new ArrayType(STRING))]), true),
]);

/** 2^53 + 1 and beyond: values a JS number cannot hold exactly. */
export const BIG = 2n ** 53n + 1n;

/** Three rows: typical values, extremes, all nulls. */
export function allTypesBatch(): Batch {
  return makeBatch(ALL_TYPES_SCHEMA, [
    [1, -128, null],
    [2, 32767, null],
    [3, -2147483648, null],
    [BIG, -(2n ** 63n), null],
    [1.5, Math.fround(3.4e38), null],
    [0.1, -1e308, null],
    [123456789012345678901234567890123456n, -1n, null],
    ['héllo, "world"', '', null],
    [new Uint8Array([0, 1, 255]), new Uint8Array([]), null],
    [true, false, null],
    [19737, -719162, null],
    [1_705_314_600_123_456, -1, null],
    [1_705_314_600_000_001, 0, null],
    [[1, null, BIG], [], null],
    [new Map([['k', [1, null]], ['z', null]]), new Map(), null],
    [[7, ['a', null]], [0, null], null],
  ]);
}
