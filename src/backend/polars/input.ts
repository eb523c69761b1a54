/**
 * Batch → native Polars DataFrame, one typed series per column, named by
 * position (`c0`, `c1`, …; see plan-translator.ts).
 *
 * Flat types go through the binding's typed constructors (fast, no copies in
 * JS beyond the value array); decimal, binary, nested and null columns go
 * through one Arrow IPC message built buffer by buffer.
 */
import type { Data } from 'apache-arrow';
import { arrow, type ArrowModule } from '../../data/arrow-lib.js';
import type { Batch } from '../../data/batch.js';
import {
  BooleanType,
  ByteType,
  DataType,
  DateType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  ShortType,
  StringType,
  StructType,
  TimestampNTZType,
  TimestampType,
} from '../../types/data-types.js';
import { toArrowData } from './arrow-build.js';
import { heldFrame, holdableNatively, nativeBatch } from './native-batch.js';
import { native, type NativeDataFrame, type NativeSeries } from './native.js';
import { PL } from './type-mapper.js';

/** Positional Polars column name. */
export const colName = (i: number): string => 'c' + i;

/**
 * The one column of a frame whose Spark schema has no columns: Polars frames
 * without columns have no height, and `df.select().count()` must keep the rows.
 */
export const UNIT_COLUMN = '_unit';

/** Long string columns are cheaper to ship as one Arrow buffer than string by string. */
const STRINGS_VIA_ARROW_MIN_ROWS = 2048;

/**
 * Native copies of batches already shipped to Polars. Batches are immutable
 * (frozen), so a DataFrame queried repeatedly (`df.filter(...).collect()`
 * then `df.groupBy(...).collect()`) converts its data once.
 */
const nativeCache = new WeakMap<Batch, NativeDataFrame>();

/**
 * A native DataFrame holding the batch, columns named `c0..c{n-1}`: the frame
 * itself for a native-backed batch (its `columns` are never read), else
 * converted once per frozen batch.
 */
export function batchToNative(batch: Batch): NativeDataFrame {
  const held = heldFrame(batch);
  if (held) return held;
  if (!Object.isFrozen(batch)) return convertBatch(batch);
  let df = nativeCache.get(batch);
  if (!df) nativeCache.set(batch, (df = convertBatch(batch)));
  return df;
}

function convertBatch(batch: Batch): NativeDataFrame {
  const pl = native();
  const fields = batch.schema.fields;
  if (fields.length === 0) {
    return new pl.JsDataFrame([pl.JsSeries.newOptBool(UNIT_COLUMN, new Array<null>(batch.numRows).fill(null))]);
  }
  const series: NativeSeries[] = new Array(fields.length);
  let viaArrow: number[] | undefined;
  for (let i = 0; i < fields.length; i++) {
    const t = fields[i]!.dataType;
    const values = batch.columns[i]!;
    const s = t instanceof StringType && values.length >= STRINGS_VIA_ARROW_MIN_ROWS ? undefined : valuesToSeries(colName(i), t, values);
    if (s) series[i] = s;
    else (viaArrow ??= []).push(i);
  }
  if (viaArrow) {
    const A = arrow();
    const cols: Record<string, ReturnType<ArrowModule['makeVector']>> = {};
    for (const i of viaArrow) {
      const t = fields[i]!.dataType;
      const values = batch.columns[i]!;
      cols[colName(i)] = A.makeVector(t instanceof StringType ? stringData(values) : toArrowData(t, values));
    }
    const ipc = A.tableToIPC(new A.Table(cols), 'stream');
    // A view, not a copy: Polars copies what it reads, and the message can be as large as the data.
    const df = pl.readIpcStream(Buffer.from(ipc.buffer, ipc.byteOffset, ipc.byteLength), {});
    const got = df.getColumns();
    viaArrow.forEach((i, k) => (series[i] = got[k]!));
  }
  return new pl.JsDataFrame(series);
}

/**
 * The batch held natively only (see native-batch.ts): converted now, so its JS
 * arrays become garbage once the caller drops them. Batches already native,
 * of types Polars cannot hold exactly, or whose values fail to convert stay as
 * they are (a conversion error then surfaces on the first query, as before).
 */
export function ingestNatively(batch: Batch): Batch {
  if (heldFrame(batch) || !holdableNatively(batch.schema)) return batch;
  let df: NativeDataFrame;
  try {
    df = convertBatch(batch);
  } catch {
    return batch;
  }
  return nativeBatch(df, batch.schema);
}

/** An empty native DataFrame of the given schema. */
export function emptyNative(schema: StructType): NativeDataFrame {
  return batchToNative({ schema, columns: schema.fields.map(() => []), numRows: 0 });
}

/** A typed series for a flat Spark type; undefined for types that need Arrow (decimal, binary, nested, null). */
export function valuesToSeries(name: string, t: DataType, values: readonly unknown[]): NativeSeries | undefined {
  const S = native().JsSeries;
  const vals = values as unknown[];
  const dense = denseNumeric(name, t, values);
  if (dense) return dense;
  if (t instanceof IntegerType) return S.newOptI32(name, vals as (number | null)[]);
  if (t instanceof LongType) return longSeries(name, vals);
  if (t instanceof DoubleType) return S.newOptF64(name, vals as (number | null)[]);
  if (t instanceof StringType) return S.newOptStr(name, vals as (string | null)[]);
  if (t instanceof BooleanType) return S.newOptBool(name, vals as (boolean | null)[]);
  if (t instanceof DateType) return S.newOptI32(name, vals as (number | null)[]).cast(PL.Date, true);
  if (t instanceof TimestampType) return longSeries(name, vals).cast(PL.DatetimeUtc, true);
  if (t instanceof TimestampNTZType) return longSeries(name, vals).cast(PL.Datetime, true);
  if (t instanceof ShortType) return S.newOptI32(name, vals as (number | null)[]).cast(PL.Int16, true);
  if (t instanceof ByteType) return S.newOptI32(name, vals as (number | null)[]).cast(PL.Int8, true);
  if (t instanceof FloatType) return S.newOptF64(name, vals as (number | null)[]).cast(PL.Float32, true);
  return undefined;
}

/**
 * The values as a typed array when all are non-null numbers (one pass; the
 * typed-array constructors are ~10x faster than the optional ones), else
 * undefined.
 */
function denseArray<A extends Float64Array | Int32Array>(values: readonly unknown[], make: (n: number) => A): A | undefined {
  const n = values.length;
  const out = make(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== 'number') return undefined;
    out[i] = v;
  }
  return out;
}

const f64 = (n: number): Float64Array => new Float64Array(n);
const i32 = (n: number): Int32Array => new Int32Array(n);

/** Null-free numeric/date/timestamp columns through typed arrays. */
function denseNumeric(name: string, t: DataType, values: readonly unknown[]): NativeSeries | undefined {
  const S = native().JsSeries;
  if (t instanceof DoubleType) {
    const a = denseArray(values, f64);
    return a && S.newFloat64Array(name, a);
  }
  if (t instanceof IntegerType || t instanceof DateType || t instanceof ShortType || t instanceof ByteType) {
    const a = denseArray(values, i32);
    if (!a) return undefined;
    const s = S.newInt32Array(name, a);
    if (t instanceof IntegerType) return s;
    return s.cast(t instanceof DateType ? PL.Date : t instanceof ShortType ? PL.Int16 : PL.Int8, true);
  }
  if (t instanceof LongType || t instanceof TimestampType || t instanceof TimestampNTZType) {
    // Safe integers are exact in a Float64Array; the cast to Int64 is then exact too.
    const a = denseArray(values, f64);
    if (!a) return undefined;
    const s = S.newFloat64Array(name, a).cast(PL.Int64, true);
    if (t instanceof LongType) return s;
    return s.cast(t instanceof TimestampType ? PL.DatetimeUtc : PL.Datetime, true);
  }
  if (t instanceof FloatType) {
    const a = denseArray(values, f64);
    return a && S.newFloat64Array(name, a).cast(PL.Float32, true);
  }
  return undefined;
}

/**
 * Arrow data for a string column: all strings joined and encoded once,
 * offsets from UTF-16 lengths when the text is ASCII, from per-string byte
 * lengths otherwise.
 */
function stringData(values: readonly unknown[]): Data {
  const n = values.length;
  const parts: string[] = new Array(n);
  let nullCount = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v === 'string') parts[i] = v;
    else {
      parts[i] = '';
      nullCount++;
    }
  }
  const joined = parts.join('');
  const bytes = Buffer.from(joined, 'utf8');
  const ascii = bytes.length === joined.length;
  const offsets = new Int32Array(n + 1);
  let o = 0;
  for (let i = 0; i < n; i++) {
    o += ascii ? parts[i]!.length : Buffer.byteLength(parts[i]!, 'utf8');
    offsets[i + 1] = o;
  }
  let nullBitmap: Uint8Array | undefined;
  if (nullCount > 0) {
    nullBitmap = new Uint8Array((n + 7) >> 3);
    for (let i = 0; i < n; i++) if (typeof values[i] === 'string') nullBitmap[i >> 3]! |= 1 << (i & 7);
  }
  const A = arrow();
  return A.makeData({
    type: new A.Utf8(),
    length: n,
    nullCount,
    nullBitmap,
    valueOffsets: offsets,
    data: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
  });
}

/** Int64 series; `newOptI64` takes numbers only, so bigints go through a BigInt64Array. */
function longSeries(name: string, values: readonly unknown[]): NativeSeries {
  const S = native().JsSeries;
  let hasBig = false;
  let hasNull = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'bigint') hasBig = true;
    else if (v === null || v === undefined) hasNull = true;
  }
  if (!hasBig) return S.newOptI64(name, values as (number | null)[]);
  const arr = new BigInt64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    arr[i] = v === null || v === undefined ? 0n : typeof v === 'bigint' ? v : BigInt(v as number);
  }
  const dense = S.newBigint64Array(name, arr);
  if (!hasNull) return dense;
  const mask = S.newOptBool(name, values.map((v) => v !== null && v !== undefined));
  const nulls = S.newOptI64(name, new Array<null>(values.length).fill(null));
  return dense.zipWith(mask, nulls);
}
