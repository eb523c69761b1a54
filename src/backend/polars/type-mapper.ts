/**
 * Spark DataType ↔ Polars dtype.
 *
 * | Spark                 | Polars                         | notes                                  |
 * |-----------------------|--------------------------------|----------------------------------------|
 * | Byte/Short/Int/Long   | Int8/Int16/Int32/Int64         |                                        |
 * | Float/Double          | Float32/Float64                |                                        |
 * | Decimal(p,s)          | Decimal(p,s)                   | exact (i128); arithmetic is delegated  |
 * | String                | String                         |                                        |
 * | Binary                | Binary                         | not a cast target in the binding       |
 * | Boolean               | Boolean                        |                                        |
 * | Date                  | Date                           | days since epoch, as internally        |
 * | Timestamp             | Datetime(us, UTC)              | an instant; session-zone functions     |
 * |                       |                                | convert to the session zone first      |
 * | TimestampNTZ          | Datetime(us) (no zone)         | a wall-clock time                      |
 * | Array<T>              | List<T>                        |                                        |
 * | Map<K,V>              | List<Struct<key: K, value: V>> | entries in insertion order             |
 * | Struct                | Struct                         | field order kept                       |
 * | Null                  | Null                           | only from literals / IPC               |
 *
 * Both timestamp kinds hold µs since the epoch, so values round-trip exactly.
 */
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
import type { NativeDType } from './native.js';
import { visitType } from '../../types/visit.js';

const D = {
  Int8: { variant: 'Int8' },
  Int16: { variant: 'Int16' },
  Int32: { variant: 'Int32' },
  Int64: { variant: 'Int64' },
  UInt32: { variant: 'UInt32' },
  Float32: { variant: 'Float32' },
  Float64: { variant: 'Float64' },
  Bool: { variant: 'Bool' },
  String: { variant: 'String' },
  Date: { variant: 'Date' },
  /** TimestampType: an instant, held as UTC. */
  DatetimeUtc: { variant: 'Datetime', timeUnit: 'us', timeZone: 'UTC' },
  /** TimestampNTZType: a wall-clock time. */
  Datetime: { variant: 'Datetime', timeUnit: 'us', timeZone: null },
} as const satisfies Record<string, NativeDType>;

/** Frequently used native dtypes. */
export const PL = D;

/**
 * The Polars dtype for a Spark type, usable as a cast target; undefined when
 * the binding cannot express it (Binary, Null, or a nested type holding one).
 */
export function toPolarsDType(t: DataType): NativeDType | undefined {
  return visitType<NativeDType | undefined>(t, {
    integer: () => D.Int32,
    long: () => D.Int64,
    double: () => D.Float64,
    string: () => D.String,
    boolean: () => D.Bool,
    date: () => D.Date,
    timestamp: () => D.DatetimeUtc,
    timestamp_ntz: () => D.Datetime,
    short: () => D.Int16,
    byte: () => D.Int8,
    float: () => D.Float32,
    decimal: (d) => ({ variant: 'Decimal', inner: [d.precision, d.scale] }),
    array: (a) => {
      const inner = toPolarsDType(a.elementType);
      return inner ? { variant: 'List', inner: [inner] } : undefined;
    },
    map: (m) => {
      const k = toPolarsDType(m.keyType);
      const v = toPolarsDType(m.valueType);
      if (!k || !v) return undefined;
      return {
        variant: 'List',
        inner: [{ variant: 'Struct', fields: [{ name: 'key', dtype: k }, { name: 'value', dtype: v }] }],
      };
    },
    struct: (s) => {
      const fields: { name: string; dtype: NativeDType }[] = [];
      for (const f of s.fields) {
        const d = toPolarsDType(f.dataType);
        if (!d) return undefined;
        fields.push({ name: f.name, dtype: d });
      }
      return { variant: 'Struct', fields };
    },
    // Binary, Null and the interval types have no Polars dtype here.
    default: () => undefined,
  });
}

/** True for types that need no special handling in expressions (flat, castable). */
export function isSimpleType(t: DataType): boolean {
  return (
    t instanceof IntegerType ||
    t instanceof LongType ||
    t instanceof DoubleType ||
    t instanceof StringType ||
    t instanceof BooleanType ||
    t instanceof DateType ||
    t instanceof TimestampType ||
    t instanceof TimestampNTZType ||
    t instanceof ShortType ||
    t instanceof ByteType ||
    t instanceof FloatType
  );
}

/** True when a type contains a decimal anywhere (decimal semantics are delegated). */
export function containsDecimal(t: DataType): boolean {
  if (t instanceof DecimalType) return true;
  if (t instanceof ArrayType) return containsDecimal(t.elementType);
  if (t instanceof MapType) return containsDecimal(t.keyType) || containsDecimal(t.valueType);
  if (t instanceof StructType) return t.fields.some((f) => containsDecimal(f.dataType));
  return false;
}

/** Spark integral types, with their bit width. */
export function integralBits(t: DataType): 8 | 16 | 32 | 64 | undefined {
  if (t instanceof IntegerType) return 32;
  if (t instanceof LongType) return 64;
  if (t instanceof ShortType) return 16;
  if (t instanceof ByteType) return 8;
  return undefined;
}

export const isFloating = (t: DataType): boolean => t instanceof DoubleType || t instanceof FloatType;

/** Short Polars-style name for `describe()` output. */
export function polarsTypeName(t: DataType): string {
  const d = toPolarsDType(t);
  if (!d) return t instanceof BinaryType ? 'binary' : t instanceof NullType ? 'null' : t.simpleString();
  return describeDType(d);
}

function describeDType(d: NativeDType): string {
  switch (d.variant) {
    case 'Datetime':
      return d.timeZone ? `datetime[${d.timeUnit}, ${d.timeZone}]` : `datetime[${d.timeUnit}]`;
    case 'Decimal':
      return `decimal[${d.inner[0]},${d.inner[1]}]`;
    case 'List':
      return `list[${describeDType(d.inner[0])}]`;
    case 'Struct':
      return `struct[${d.fields.map((f) => `${f.name}: ${describeDType(f.dtype)}`).join(', ')}]`;
    default:
      return d.variant.toLowerCase();
  }
}
