/**
 * Native DataFrame → Batch (internal representation) or Arrow Table.
 *
 * Large or nested results are read through one Arrow IPC stream (Polars
 * writes it, buffers are decoded directly). Small flat results skip IPC: the
 * binding's per-series `toArray()` costs a few µs where writing and parsing
 * an IPC stream costs ~100 µs.
 */
import type { Field, Table } from 'apache-arrow';
import { arrow } from '../../data/arrow-lib.js';
import { makeBatch, type Batch } from '../../data/batch.js';
import {
  DataType,
  DateType,
  LongType,
  StructField,
  StructType,
  TimestampNTZType,
  TimestampType,
} from '../../types/data-types.js';
import { longValue, readArrowChunks } from './arrow-read.js';
import type { NativeDataFrame, NativeSeries } from './native.js';
import { isSimpleType, PL } from './type-mapper.js';

/**
 * Results with at most this many cells are read series by series: IPC costs
 * ~100 µs up front and ~0.06 µs per value, `toArray` ~0.2 µs per value.
 */
export const SMALL_RESULT_CELLS = 1024;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Serializes a native DataFrame as one Arrow IPC stream. */
export function nativeToIpc(df: NativeDataFrame): Buffer {
  const chunks: Buffer[] = [];
  df.writeIpcStream(
    {
      write(chunk: Buffer): boolean {
        chunks.push(chunk);
        return true;
      },
    },
    'uncompressed',
  );
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/**
 * The rows of `df` (columns positional to `schema`) in the internal
 * representation.
 */
export function nativeToBatch(df: NativeDataFrame, schema: StructType): Batch {
  const fields = schema.fields;
  if (fields.length === 0) return makeBatch(schema, [], df.height);
  const height = df.height;
  if (height * fields.length <= SMALL_RESULT_CELLS && fields.every((f) => isSimpleType(f.dataType))) {
    const byRows = fields.every((f) => isRowReadable(f.dataType)) ? readRows(df, fields) : undefined;
    if (byRows) return makeBatch(schema, byRows);
    const series = df.getColumns();
    const cols: unknown[][] = new Array(fields.length);
    let ok = true;
    for (let i = 0; i < fields.length && ok; i++) {
      const c = readSeries(series[i]!, fields[i]!.dataType);
      if (c) cols[i] = c;
      else ok = false;
    }
    if (ok) return makeBatch(schema, cols);
  }
  return ipcToBatch(nativeToIpc(df), schema);
}

/** Decodes an Arrow IPC stream whose columns are positional to `schema`. */
export function ipcToBatch(buf: Uint8Array, schema: StructType): Batch {
  const table = arrow().tableFromIPC(buf);
  const cols = schema.fields.map((f, i) => readArrowChunks(f.dataType, table.getChildAt(i)?.data ?? []));
  return makeBatch(schema, cols);
}

/** The result as an Arrow Table with Spark's column names (duplicates allowed). */
export function nativeToArrow(df: NativeDataFrame, schema: StructType): Table {
  const A = arrow();
  const table = A.tableFromIPC(nativeToIpc(df));
  const fields = table.schema.fields.map((f: Field, i) => f.clone({ name: schema.fields[i]?.name ?? f.name }));
  const renamed = new A.Schema(fields, table.schema.metadata);
  const batches = table.batches.map(
    (b) => new A.RecordBatch(renamed, A.makeData({ type: new A.Struct(fields), length: b.numRows, nullCount: 0, children: b.data.children })),
  );
  // RecordBatch normalizes its schema (nullability); let the table take it from the batches.
  return batches.length > 0 ? new A.Table(batches) : new A.Table(renamed);
}

/**
 * Types whose values the binding's `toRows()` returns exactly as `toArray()`
 * does (numbers, strings, booleans; not dates or timestamps, which come back as
 * Date objects at millisecond precision).
 */
function isRowReadable(t: DataType): boolean {
  return isSimpleType(t) && !(t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType);
}

/**
 * A small result through one native call (`toRows`) instead of one per column
 * plus one series object per column; undefined when a long is beyond ±(2^53-1)
 * (the row values are doubles: the per-series path reads those exactly).
 */
function readRows(df: NativeDataFrame, fields: readonly StructField[]): unknown[][] | undefined {
  const toRows = (df as { toRows?: () => unknown[][] }).toRows;
  if (typeof toRows !== 'function') return undefined;
  const rows = toRows.call(df);
  const width = fields.length;
  const height = rows.length;
  const cols: unknown[][] = new Array(width);
  for (let c = 0; c < width; c++) {
    const col: unknown[] = new Array(height);
    const long = fields[c]!.dataType instanceof LongType;
    for (let r = 0; r < height; r++) {
      const v = rows[r]![c];
      if (long && v !== null && ((v as number) > MAX_SAFE || (v as number) < -MAX_SAFE)) return undefined;
      col[r] = v;
    }
    cols[c] = col;
  }
  return cols;
}

/** One flat column via the binding, or undefined when only IPC reads it exactly. */
function readSeries(s: NativeSeries, t: DataType): unknown[] | undefined {
  if (t instanceof DateType) return s.cast(PL.Int32, true).toArray();
  if (t instanceof LongType || t instanceof TimestampType || t instanceof TimestampNTZType) {
    const phys = t instanceof LongType ? s : s.cast(PL.Int64, true);
    const vals = phys.toArray() as (number | null)[];
    if (!(t instanceof LongType)) return vals; // timestamps are numbers internally
    for (let i = 0; i < vals.length; i++) {
      const v = vals[i];
      if (v !== null && (v > MAX_SAFE || v < -MAX_SAFE)) return exactLongs(phys);
    }
    return vals;
  }
  return s.toArray();
}

/** Int64 values beyond 2^53: exact through a BigInt64Array when there are no nulls. */
function exactLongs(s: NativeSeries): unknown[] | undefined {
  if (s.nullCount() !== 0) return undefined;
  const typed = s.toTypedArray() as BigInt64Array;
  const out: unknown[] = new Array(typed.length);
  for (let i = 0; i < typed.length; i++) out[i] = longValue(typed[i]!);
  return out;
}
