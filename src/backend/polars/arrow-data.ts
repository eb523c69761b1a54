/**
 * Internal values ↔ Arrow `Data`, built and read buffer by buffer.
 *
 * Used for the column types the binding's typed series constructors cannot
 * build (decimal, binary, nested, null) on the way in, and for every result
 * read back through Arrow IPC on the way out. Reading buffers directly is
 * several times faster than `Vector.get(i)`.
 */
import type {
  Bool,
  Decimal,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  List,
  Null,
  Struct,
  Utf8,
  Data,
  DataType as ArrowType,
} from 'apache-arrow';
import { arrow } from '../../data/arrow-lib.js';
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
} from '../../types/data-types.js';
import { readIntervalColumn } from '../../data/arrow-intervals.js';
import { isIntervalType } from '../../types/intervals.js';
import { InternalError } from '../../errors/index.js';
import { visitType } from '../../types/visit.js';

/** The Arrow type used to ship a Spark type into Polars (maps as list<struct<key,value>>). */
export function toArrowType(t: DataType): ArrowType {
  return visitType<ArrowType>(t, {
    integer: () => new (arrow().Int32)(),
    long: () => new (arrow().Int64)(),
    double: () => new (arrow().Float64)(),
    string: () => new (arrow().Utf8)(),
    boolean: () => new (arrow().Bool)(),
    date: () => new (arrow().DateDay)(),
    timestamp: () => new (arrow().TimestampMicrosecond)('UTC'),
    timestamp_ntz: () => new (arrow().TimestampMicrosecond)(),
    short: () => new (arrow().Int16)(),
    byte: () => new (arrow().Int8)(),
    float: () => new (arrow().Float32)(),
    decimal: (d) => new (arrow().Decimal)(d.scale, d.precision, 128),
    binary: () => new (arrow().Binary)(),
    null: () => new (arrow().Null)(),
    array: (a) => new (arrow().List)(new (arrow().Field)('item', toArrowType(a.elementType), true)),
    map: (m) => new (arrow().List)(new (arrow().Field)('item', mapEntryType(m), true)),
    struct: (st) => new (arrow().Struct)(st.fields.map((f) => new (arrow().Field)(f.name, toArrowType(f.dataType), true))),
    default: (other) => {
      throw new InternalError(`polars backend: no Arrow type for ${other.simpleString()}`);
    },
  });
}

function mapEntryType(t: MapType): Struct {
  return new (arrow().Struct)([new (arrow().Field)('key', toArrowType(t.keyType), true), new (arrow().Field)('value', toArrowType(t.valueType), true)]);
}

function validity(values: readonly unknown[]): { bitmap: Uint8Array | undefined; nullCount: number } {
  let nullCount = 0;
  const n = values.length;
  for (let i = 0; i < n; i++) if (values[i] === null || values[i] === undefined) nullCount++;
  if (nullCount === 0) return { bitmap: undefined, nullCount };
  const bitmap = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== null && v !== undefined) bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return { bitmap, nullCount };
}

const encoder = new TextEncoder();

/**
 * The UTF-8 bytes of string values (binary values as they are; null: none), one after
 * another in one buffer, with each value's end in `offsets[i + 1]`. ASCII is copied by
 * char code and the rest written in place (`encodeInto`): `encode` per value cost an
 * array per string and most of a string column's export time.
 */
function concatBytes(values: readonly unknown[], offsets: Int32Array): Uint8Array {
  const length = values.length;
  let buf = new Uint8Array(Math.max(64, length * 8));
  let pos = 0;
  const room = (need: number): void => {
    if (pos + need <= buf.length) return;
    const next = new Uint8Array(Math.max(pos + need, buf.length * 2));
    next.set(buf.subarray(0, pos));
    buf = next;
  };
  for (let i = 0; i < length; i++) {
    const v = values[i];
    if (typeof v === 'string') {
      const n = v.length;
      room(n * 3); // at most 3 bytes per UTF-16 unit (a surrogate pair: 4 for 2)
      let j = 0;
      for (; j < n; j++) {
        const c = v.charCodeAt(j);
        if (c >= 0x80) break;
        buf[pos + j] = c;
      }
      pos += j < n ? j + encoder.encodeInto(v.slice(j), buf.subarray(pos + j)).written : n;
    } else if (v !== null && v !== undefined) {
      const bytes = v as Uint8Array;
      room(bytes.length);
      buf.set(bytes, pos);
      pos += bytes.length;
    }
    offsets[i + 1] = pos;
  }
  // An exact copy: the buffer the Arrow data keeps is no larger than its bytes.
  return pos === buf.length ? buf : buf.slice(0, pos);
}

/** Builds Arrow Data for internal values of Spark type `t`. */
export function toArrowData(t: DataType, values: readonly unknown[]): Data {
  const type = toArrowType(t);
  const length = values.length;
  if (t instanceof NullType) return arrow().makeData({ type: type as Null, length });
  const { bitmap, nullCount } = validity(values);
  const base = { length, nullCount, nullBitmap: bitmap };
  if (t instanceof IntegerType || t instanceof DateType) {
    const data = new Int32Array(length);
    for (let i = 0; i < length; i++) data[i] = (values[i] as number | null) ?? 0;
    return arrow().makeData({ type: type as Int32, ...base, data });
  }
  if (t instanceof ShortType) {
    const data = new Int16Array(length);
    for (let i = 0; i < length; i++) data[i] = (values[i] as number | null) ?? 0;
    return arrow().makeData({ type: type as Int16, ...base, data });
  }
  if (t instanceof ByteType) {
    const data = new Int8Array(length);
    for (let i = 0; i < length; i++) data[i] = (values[i] as number | null) ?? 0;
    return arrow().makeData({ type: type as Int8, ...base, data });
  }
  if (t instanceof LongType || t instanceof TimestampType || t instanceof TimestampNTZType) {
    const data = new BigInt64Array(length);
    for (let i = 0; i < length; i++) {
      const v = values[i] as number | bigint | null;
      data[i] = v === null || v === undefined ? 0n : typeof v === 'bigint' ? v : BigInt(Math.trunc(v));
    }
    return arrow().makeData({ type: type as Int64, ...base, data });
  }
  if (t instanceof DoubleType) {
    const data = new Float64Array(length);
    for (let i = 0; i < length; i++) data[i] = (values[i] as number | null) ?? 0;
    return arrow().makeData({ type: type as Float64, ...base, data });
  }
  if (t instanceof FloatType) {
    const data = new Float32Array(length);
    for (let i = 0; i < length; i++) data[i] = (values[i] as number | null) ?? 0;
    return arrow().makeData({ type: type as Float32, ...base, data });
  }
  if (t instanceof BooleanType) {
    const data = new Uint8Array((length + 7) >> 3);
    for (let i = 0; i < length; i++) if (values[i] === true) data[i >> 3]! |= 1 << (i & 7);
    return arrow().makeData({ type: type as Bool, ...base, data });
  }
  if (t instanceof StringType || t instanceof BinaryType) {
    const offsets = new Int32Array(length + 1);
    const data = concatBytes(values, offsets);
    return arrow().makeData({ type: type as Utf8, ...base, valueOffsets: offsets, data });
  }
  if (t instanceof DecimalType) {
    const data = new Uint32Array(length * 4);
    for (let i = 0; i < length; i++) {
      const v = values[i] as bigint | number | null;
      if (v === null || v === undefined) continue;
      let x = BigInt.asUintN(128, BigInt(v));
      for (let w = 0; w < 4; w++) {
        data[i * 4 + w] = Number(x & 0xffffffffn);
        x >>= 32n;
      }
    }
    return arrow().makeData({ type: type as Decimal, ...base, data });
  }
  if (t instanceof ArrayType || t instanceof MapType) {
    const offsets = new Int32Array(length + 1);
    const flat: unknown[] = [];
    for (let i = 0; i < length; i++) {
      const v = values[i];
      if (v !== null && v !== undefined) {
        if (t instanceof MapType) for (const [k, val] of v as Map<unknown, unknown>) flat.push([k, val]);
        else for (const e of v as unknown[]) flat.push(e);
      }
      offsets[i + 1] = flat.length;
    }
    const childType = t instanceof MapType ? new StructType([]) : t.elementType;
    const child =
      t instanceof MapType
        ? structData(mapEntryType(t), [t.keyType, t.valueType], flat)
        : toArrowData(childType, flat);
    return arrow().makeData({ type: type as List, ...base, valueOffsets: offsets, child });
  }
  if (t instanceof StructType) {
    return structData(type as Struct, t.fields.map((f) => f.dataType), values, bitmap, nullCount);
  }
  throw new InternalError(`polars backend: cannot build Arrow data for ${t.simpleString()}`);
}

function structData(type: Struct, fieldTypes: readonly DataType[], values: readonly unknown[], bitmap?: Uint8Array, nullCount = 0): Data {
  const children = fieldTypes.map((ft, fi) => toArrowData(ft, values.map((row) => (row == null ? null : (row as unknown[])[fi] ?? null))));
  return arrow().makeData({ type, length: values.length, nullCount, nullBitmap: bitmap, children });
}

// ---------------------------------------------------------------- reading

const decoder = new TextDecoder();

function isValid(data: Data, i: number): boolean {
  const bm = data.nullBitmap;
  if (data.nullCount === 0 || !bm || bm.length === 0) return true;
  const j = data.offset + i;
  return (bm[j >> 3]! & (1 << (j & 7))) !== 0;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = -MAX_SAFE;

/** A Long's internal value: number when exact, bigint otherwise. */
export function longValue(v: bigint): number | bigint {
  return v <= MAX_SAFE && v >= MIN_SAFE ? Number(v) : v;
}

/** Internal values of a column held in Arrow Data chunks (Spark type `t`). */
export function readArrowChunks(t: DataType, chunks: readonly Data[]): unknown[] {
  if (chunks.length === 1 && chunks[0]!.nullCount === 0 && isPlainNumeric(t)) {
    const vals = chunks[0]!.values as ArrayLike<number>;
    if (!(vals instanceof BigInt64Array)) return Array.from(vals); // a packed double array
  }
  let total = 0;
  for (const d of chunks) total += d.length;
  const out = new Array<unknown>(total);
  let pos = 0;
  for (const d of chunks) {
    fill(t, d, out, pos);
    pos += d.length;
  }
  return out;
}

/**
 * Appends the internal values of one Arrow Data chunk (Spark type `t`) to `out`.
 * `t` drives the conversion; the Arrow type only tells offsets' width.
 */
export function readArrowData(t: DataType, data: Data, out: unknown[]): void {
  const start = out.length;
  out.length = start + data.length;
  fill(t, data, out, start);
}

const isPlainNumeric = (t: DataType): boolean =>
  t instanceof IntegerType || t instanceof DoubleType || t instanceof ShortType || t instanceof ByteType || t instanceof DateType || t instanceof FloatType;

/** Offsets of a variable-width chunk as 32-bit numbers (large offsets: their low halves, < 2^31 here). */
function offsets32(data: Data, n: number): Int32Array {
  const o = data.valueOffsets as Int32Array | BigInt64Array;
  if (!(o instanceof BigInt64Array)) return o;
  const halves = new Int32Array(o.buffer, o.byteOffset, (n + 1) * 2);
  const out = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) out[i] = halves[2 * i]!;
  return out;
}

const TWO32 = 4294967296;
const SAFE = Number.MAX_SAFE_INTEGER;

/** Writes the chunk's values to out[pos..pos+length). */
function fill(t: DataType, data: Data, out: unknown[], pos: number): void {
  const n = data.length;
  // An empty chunk may carry no buffers at all (an exploded empty list column).
  if (n === 0) return;
  const off = data.offset;
  const allValid = data.nullCount === 0;
  // Interval columns come from Spark Connect results (Polars frames never hold them).
  if (isIntervalType(t)) {
    const intervals: unknown[] = [];
    readIntervalColumn(t, data, intervals);
    for (let i = 0; i < n; i++) out[pos + i] = intervals[i];
    return;
  }
  if (t instanceof NullType) {
    for (let i = 0; i < n; i++) out[pos + i] = null;
    return;
  }
  if (
    t instanceof IntegerType ||
    t instanceof DoubleType ||
    t instanceof ShortType ||
    t instanceof ByteType ||
    t instanceof DateType ||
    t instanceof FloatType
  ) {
    const vals = data.values as ArrayLike<number | bigint>;
    if (vals instanceof BigInt64Array) {
      // Date64 or an unexpected 64-bit source.
      for (let i = 0; i < n; i++) out[pos + i] = allValid || isValid(data, i) ? Number(vals[i]!) : null;
      return;
    }
    const nums = vals as ArrayLike<number>;
    if (allValid) for (let i = 0; i < n; i++) out[pos + i] = nums[i];
    else for (let i = 0; i < n; i++) out[pos + i] = isValid(data, i) ? nums[i] : null;
    return;
  }
  if (t instanceof LongType || t instanceof TimestampType || t instanceof TimestampNTZType) {
    const vals = data.values as BigInt64Array | Int32Array;
    if (!(vals instanceof BigInt64Array)) {
      for (let i = 0; i < n; i++) out[pos + i] = allValid || isValid(data, i) ? vals[i]! : null;
      return;
    }
    // Read the two 32-bit halves: exact doubles without BigInt arithmetic.
    const halves = new Int32Array(vals.buffer, vals.byteOffset, n * 2);
    const isLong = t instanceof LongType;
    for (let i = 0; i < n; i++) {
      if (!allValid && !isValid(data, i)) {
        out[pos + i] = null;
        continue;
      }
      const v = halves[2 * i + 1]! * TWO32 + (halves[2 * i]! >>> 0);
      // Timestamps are always numbers internally; longs become bigints beyond 2^53.
      out[pos + i] = !isLong || (v <= SAFE && v >= -SAFE) ? v : vals[i]!;
    }
    return;
  }
  if (t instanceof BooleanType) {
    const vals = data.values as Uint8Array;
    for (let i = 0; i < n; i++) {
      if (!allValid && !isValid(data, i)) out[pos + i] = null;
      else {
        const j = off + i;
        out[pos + i] = (vals[j >> 3]! & (1 << (j & 7))) !== 0;
      }
    }
    return;
  }
  if (t instanceof StringType) {
    fillStrings(data, out, pos);
    return;
  }
  if (t instanceof BinaryType) {
    const offsets = data.valueOffsets as Int32Array | BigInt64Array;
    const bytes = data.values as Uint8Array;
    const big = offsets instanceof BigInt64Array;
    for (let i = 0; i < n; i++) {
      if (!allValid && !isValid(data, i)) {
        out[pos + i] = null;
        continue;
      }
      const s = big ? Number(offsets[i]!) : (offsets[i] as number);
      const e = big ? Number(offsets[i + 1]!) : (offsets[i + 1] as number);
      out[pos + i] = bytes.slice(s, e);
    }
    return;
  }
  if (t instanceof DecimalType) {
    const words = data.values as Uint32Array;
    const stride = data.stride;
    for (let i = 0; i < n; i++) {
      if (!allValid && !isValid(data, i)) {
        out[pos + i] = null;
        continue;
      }
      let x = 0n;
      const base = i * stride;
      for (let w = stride - 1; w >= 0; w--) x = (x << 32n) | BigInt(words[base + w]!);
      out[pos + i] = BigInt.asIntN(stride * 32, x);
    }
    return;
  }
  if (t instanceof ArrayType || t instanceof MapType) {
    const offsets = data.valueOffsets as Int32Array | BigInt64Array;
    const big = offsets instanceof BigInt64Array;
    const child = data.children[0]!;
    const start = big ? Number(offsets[0]!) : (offsets[0] as number);
    const end = big ? Number(offsets[n]!) : (offsets[n] as number);
    const flat: unknown[] = [];
    if (t instanceof MapType) {
      readStructRows([t.keyType, t.valueType], sliceData(child, start, end - start), flat);
    } else {
      readArrowData(t.elementType, sliceData(child, start, end - start), flat);
    }
    for (let i = 0; i < n; i++) {
      if (!allValid && !isValid(data, i)) {
        out[pos + i] = null;
        continue;
      }
      const s = (big ? Number(offsets[i]!) : (offsets[i] as number)) - start;
      const e = (big ? Number(offsets[i + 1]!) : (offsets[i + 1] as number)) - start;
      if (t instanceof MapType) {
        const m = new Map<unknown, unknown>();
        for (let k = s; k < e; k++) {
          const entry = flat[k] as unknown[] | null;
          if (entry) m.set(entry[0], entry[1]);
        }
        out[pos + i] = m;
      } else {
        out[pos + i] = flat.slice(s, e);
      }
    }
    return;
  }
  if (t instanceof StructType) {
    const rows: unknown[] = [];
    readStructRows(
      t.fields.map((f) => f.dataType),
      data,
      rows,
    );
    for (let i = 0; i < n; i++) out[pos + i] = !allValid && !isValid(data, i) ? null : rows[i];
    return;
  }
  throw new InternalError(`polars backend: cannot read Arrow data as ${t.simpleString()}`);
}

/**
 * Strings: the chunk's bytes are decoded once; values are substrings of it.
 * Byte offsets map to UTF-16 offsets directly for ASCII text, and through one
 * forward scan of the bytes otherwise.
 */
function fillStrings(data: Data, out: unknown[], pos: number): void {
  const n = data.length;
  const allValid = data.nullCount === 0;
  const bytes = data.values as Uint8Array;
  const offs = offsets32(data, n);
  const at = (i: number): number => offs[i]!;
  const base = at(0);
  const end = at(n);
  const whole = decoder.decode(bytes.subarray(base, end));
  if (whole.length === end - base) {
    if (allValid) for (let i = 0; i < n; i++) out[pos + i] = whole.substring(offs[i]! - base, offs[i + 1]! - base);
    else for (let i = 0; i < n; i++) out[pos + i] = isValid(data, i) ? whole.substring(offs[i]! - base, offs[i + 1]! - base) : null;
    return;
  }
  let b = base;
  let c = 0;
  let startChar = 0;
  for (let i = 0; i < n; i++) {
    startChar = c;
    const e = at(i + 1);
    for (; b < e; b++) {
      const x = bytes[b]!;
      if ((x & 0xc0) !== 0x80) c += x >= 0xf0 ? 2 : 1;
    }
    out[pos + i] = allValid || isValid(data, i) ? whole.substring(startChar, c) : null;
  }
}

/** Rows of a struct Data as arrays in field order (validity of the struct itself ignored). */
function readStructRows(fieldTypes: readonly DataType[], data: Data, out: unknown[]): void {
  const n = data.length;
  const cols = fieldTypes.map((ft, fi) => {
    const col: unknown[] = [];
    // Children of a sliced struct are sliced with it.
    readArrowData(ft, data.children[fi]!, col);
    return col;
  });
  for (let i = 0; i < n; i++) out.push(cols.map((c) => c[i]));
}

function sliceData(d: Data, offset: number, length: number): Data {
  if (offset === 0 && length === d.length) return d;
  return d.slice(offset, length);
}
