/**
 * Internal values → Arrow `Data`, built buffer by buffer: for the column types the binding's
 * typed series constructors cannot build (decimal, binary, nested, null) on the way into Polars.
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
