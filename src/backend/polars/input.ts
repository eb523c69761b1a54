/**
 * Batch → native Polars DataFrame, one typed series per column, named by
 * position (`c0`, `c1`, …; see plan-translator.ts).
 *
 * Flat types go through the binding's typed constructors (fast, no copies in
 * JS beyond the value array); decimal, binary, nested and null columns go
 * through one Arrow IPC message built buffer by buffer.
 */
import { tableToIPC, Table, makeVector } from 'apache-arrow';
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
import { toArrowData } from './arrow-data.js';
import { native, type NativeDataFrame, type NativeSeries } from './native.js';
import { PL } from './type-mapper.js';

/** Positional Polars column name. */
export const colName = (i: number): string => 'c' + i;

/** A native DataFrame holding the batch, columns named `c0..c{n-1}`. */
export function batchToNative(batch: Batch): NativeDataFrame {
  const pl = native();
  const fields = batch.schema.fields;
  const series: NativeSeries[] = new Array(fields.length);
  let viaArrow: number[] | undefined;
  for (let i = 0; i < fields.length; i++) {
    const s = valuesToSeries(colName(i), fields[i]!.dataType, batch.columns[i]!);
    if (s) series[i] = s;
    else (viaArrow ??= []).push(i);
  }
  if (viaArrow) {
    const cols: Record<string, ReturnType<typeof makeVector>> = {};
    for (const i of viaArrow) cols[colName(i)] = makeVector(toArrowData(fields[i]!.dataType, batch.columns[i]!));
    const df = pl.readIpcStream(Buffer.from(tableToIPC(new Table(cols), 'stream')), {});
    const got = df.getColumns();
    viaArrow.forEach((i, k) => (series[i] = got[k]!));
  }
  return new pl.JsDataFrame(series);
}

/** An empty native DataFrame of the given schema. */
export function emptyNative(schema: StructType): NativeDataFrame {
  return batchToNative({ schema, columns: schema.fields.map(() => []), numRows: 0 });
}

/** A typed series for a flat Spark type; undefined for types that need Arrow (decimal, binary, nested, null). */
export function valuesToSeries(name: string, t: DataType, values: readonly unknown[]): NativeSeries | undefined {
  const S = native().JsSeries;
  const vals = values as unknown[];
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
