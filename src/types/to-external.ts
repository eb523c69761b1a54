/**
 * Internal values back to the JS values `collect()` returns (the inverse of `toInternal` in
 * values.ts; the mapping is in docs/types.md). Apart from the verifying conversion because it
 * never fails on user input: it only reshapes values the engine produced.
 */
import { ownedRowMaker, Row } from '../data/row.js';
import type { Batch } from '../data/batch.js';
import { PySparkValueError } from '../errors/exceptions.js';
import { decimalToPlainString } from '../format/value-string.js';
import {
  ArrayType,
  BinaryType,
  BooleanType,
  ByteType,
  DataType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  MapType,
  NullType,
  ShortType,
  StringType,
  StructType,
  TimestampNTZType,
  TimestampType,
} from './data-types.js';
import { MILLIS_PER_DAY } from './timezone.js';

const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE_BIG = -MAX_SAFE_BIG;

/** A long as users see it: a number within ±(2^53-1), a bigint beyond. */
export function narrowLong(v: bigint): number | bigint {
  return v >= MIN_SAFE_BIG && v <= MAX_SAFE_BIG ? Number(v) : v;
}

/** The rows of a batch as `Row`s of external values (what `collect()` returns). */
export function batchToRows(batch: Batch): Row[] {
  const { schema, columns, numRows } = batch;
  const names = structNames(schema); // one frozen array: Rows share a field layout
  const width = columns.length;
  const converters = schema.fields.map((f) => externalConverter(f.dataType));
  const out = new Array<Row>(numRows);
  const makeRow = ownedRowMaker(names);
  for (let r = 0; r < numRows; r++) {
    const values = new Array<unknown>(width);
    for (let c = 0; c < width; c++) {
      const conv = converters[c];
      const v = columns[c]![r];
      values[c] = conv === undefined ? (v === undefined ? null : v) : conv(v);
    }
    out[r] = makeRow(values);
  }
  return out;
}

/**
 * `toExternal` for one column type, chosen once per column: `undefined` where the
 * internal value is already the external one (strings, booleans, float/double),
 * so `collect()` does no per-value type dispatch.
 */
function externalConverter(t: DataType): ((v: unknown) => unknown) | undefined {
  if (t instanceof StringType || t instanceof BooleanType || t instanceof FloatType || t instanceof DoubleType) return undefined;
  if (t instanceof LongType) {
    return (v) => (typeof v === 'bigint' ? narrowLong(v) : v === undefined ? null : v);
  }
  if (t instanceof IntegerType || t instanceof ShortType || t instanceof ByteType) {
    return (v) => (typeof v === 'number' ? v : v === null || v === undefined ? null : Number(v));
  }
  return (v) => toExternal(v, t);
}

/** Largest |milliseconds| a JS Date holds (years -271821 to 275760). */
const MAX_DATE_MILLIS = 8.64e15;

/**
 * A Date, or a typed error for values a Date cannot hold (Spark timestamps
 * reach year ±290308; PySpark's datetime fails the same way, past year 9999).
 */
function jsDate(millis: number, dataType: DataType): Date {
  if (Math.abs(millis) > MAX_DATE_MILLIS) {
    throw new PySparkValueError(
      `${dataType.simpleString()} value ${millis} ms since the epoch is out of the range of a JavaScript Date (years -271821 to 275760).`,
    );
  }
  return new Date(millis);
}

/**
 * The JS value `collect()` returns for an internal value: numbers for
 * byte/short/int/float/double, number or bigint (outside ±2^53-1) for long,
 * a string with exactly `scale` decimals for decimal, Date for date (UTC
 * midnight) and timestamps (ms precision), Uint8Array, arrays, Maps and Rows.
 */
export function toExternal(value: unknown, dataType: DataType): unknown {
  if (value === null || value === undefined) return null;
  if (dataType instanceof LongType) {
    if (typeof value === 'bigint') return narrowLong(value);
    return value;
  }
  if (dataType instanceof ByteType || dataType instanceof ShortType || dataType instanceof IntegerType) return Number(value);
  if (dataType instanceof FloatType || dataType instanceof DoubleType) return value as number;
  if (dataType instanceof DecimalType) {
    return decimalToPlainString(typeof value === 'bigint' ? value : BigInt(value as number), dataType.scale);
  }
  if (dataType instanceof DateType) return jsDate((value as number) * MILLIS_PER_DAY, dataType);
  if (dataType instanceof TimestampType || dataType instanceof TimestampNTZType) return jsDate(Math.floor((value as number) / 1000), dataType);
  if (dataType instanceof BinaryType) return new Uint8Array(value as Uint8Array);
  if (dataType instanceof ArrayType) return (value as readonly unknown[]).map((v) => toExternal(v, dataType.elementType));
  if (dataType instanceof MapType) {
    const out = new Map<unknown, unknown>();
    for (const [k, v] of value as ReadonlyMap<unknown, unknown>) out.set(toExternal(k, dataType.keyType), toExternal(v, dataType.valueType));
    return out;
  }
  if (dataType instanceof StructType) {
    const vals = value as readonly unknown[];
    return new Row(dataType.fields.map((f, i) => toExternal(vals[i], f.dataType)), structNames(dataType));
  }
  if (dataType instanceof NullType) return null;
  return value;
}

const frozenNames = new WeakMap<StructType, readonly string[]>();

/** One frozen names array per struct type, so nested Rows share a field layout. */
function structNames(t: StructType): readonly string[] {
  let names = frozenNames.get(t);
  if (!names) {
    names = Object.freeze(t.names);
    frozenNames.set(t, names);
  }
  return names;
}
