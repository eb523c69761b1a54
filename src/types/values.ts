/**
 * User JS values to the internal value representation (see the table in
 * data-types.ts), verified as PySpark's `createDataFrame` verifies them.
 * The full mapping is documented in docs/types.md.
 *
 * Error names follow PySpark's verifier: a top-level field is `field id`, a
 * nested one `field b in field a`, an array element `element in array field
 * tags`, a map key/value `key of map field m` / `value of map field m`.
 */
import { wellFormed } from './well-formed.js';
import { CalendarInterval } from './intervals.js';
import { ExecutionException } from '../errors/exceptions.js';
import { makeBatch } from '../data/batch.js';
import type { Batch } from '../data/batch.js';
import { Row } from '../data/row.js';
import {
  ArrayType,
  BinaryType,
  BooleanType,
  ByteType,
  CalendarIntervalType,
  DataType,
  DateType,
  DayTimeIntervalType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  MapType,
  NullType,
  ShortType,
  StringType,
  StructField,
  StructType,
  TimestampNTZType,
  TimestampType,
  YearMonthIntervalType,
} from './data-types.js';
import { MILLIS_PER_DAY } from './timezone.js';
import { narrowLong } from './to-external.js';
import { parseDateText, parseDecimal, parseTimestampText, readObjectKey, rescaleHalfUp } from './value-text.js';
import { lengthMismatch, notNullable, outOfBound, unacceptable } from './verifier-errors.js';

// The other direction, the value-text readers and the verifier's repr stay importable from here.
export { batchToRows, toExternal } from './to-external.js';
export { parseDateText, parseDecimal, parseTimestampText, readObjectKey, rescaleHalfUp } from './value-text.js';
export { jsRepr } from './verifier-errors.js';

export interface ToInternalOptions {
  /** Session time zone for TimestampType strings without an offset (default `UTC`). */
  readonly timeZone?: string;
}

/**
 * Converts a user value to the internal representation of `dataType`, verifying
 * it as PySpark's `createDataFrame` does. `path` is the verifier's name for the
 * value (e.g. `field id`); omit it for a top-level value. Null/undefined give null.
 */
export function toInternal(value: unknown, dataType: DataType, path?: string, options: ToInternalOptions = {}): unknown {
  return convert(value, dataType, path, true, options);
}

/** Converts rows (objects by field name, arrays by position, Rows by name) into a Batch of `schema`. */
export function rowsToBatch(rows: readonly unknown[], schema: StructType, options: ToInternalOptions = {}): Batch {
  const columns: unknown[][] = schema.fields.map(() => new Array<unknown>(rows.length));
  const names = fieldNamesOf(schema, undefined);
  const converters = schema.fields.map((f, i) => fieldConverter(f, names[i]!, options));
  const width = converters.length;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row === null || row === undefined) throw unacceptable(schema, row, undefined);
    const values = structValues(row, schema, undefined);
    for (let c = 0; c < width; c++) columns[c]![r] = converters[c]!(values[c]);
  }
  return makeBatch(schema, columns);
}

// ---- conversion with verification ----

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

const INTEGRAL_BOUNDS: ReadonlyArray<[new (...a: never[]) => DataType, number, number]> = [
  [ByteType, -128, 127],
  [ShortType, -32768, 32767],
  [IntegerType, -2147483648, 2147483647],
];

function convert(value: unknown, t: DataType, name: string | undefined, nullable: boolean, opts: ToInternalOptions): unknown {
  if (value === null || value === undefined) {
    if (nullable) return null;
    throw notNullable(name);
  }
  if (t instanceof StringType) return toJavaString(value);
  if (t instanceof BooleanType) {
    if (typeof value !== 'boolean') throw unacceptable(t, value, name);
    return value;
  }
  if (t instanceof LongType) return convertLong(value, t, name);
  if (t instanceof DoubleType) {
    if (typeof value !== 'number') throw unacceptable(t, value, name);
    return value;
  }
  for (const [cls, lo, hi] of INTEGRAL_BOUNDS) {
    if (t instanceof cls) {
      const n = integralValue(value, t, name);
      if (n < lo || n > hi) throw outOfBound(n, lo, hi);
      return Number(n) + 0; // + 0 turns -0 into 0
    }
  }
  if (t instanceof FloatType) {
    if (typeof value !== 'number') throw unacceptable(t, value, name);
    return Math.fround(value);
  }
  if (t instanceof DecimalType) return convertDecimal(value, t, name);
  if (t instanceof BinaryType) {
    if (value instanceof Uint8Array) return new Uint8Array(value);
    if (value instanceof ArrayBuffer) return new Uint8Array(value.slice(0));
    throw unacceptable(t, value, name);
  }
  if (t instanceof DateType) return convertDate(value, t, name);
  if (t instanceof TimestampType || t instanceof TimestampNTZType) return convertTimestamp(value, t, name, opts);
  if (t instanceof ArrayType) {
    let items: readonly unknown[];
    if (Array.isArray(value)) items = value;
    else if (ArrayBuffer.isView(value) && !(value instanceof DataView)) items = Array.from(value as unknown as ArrayLike<unknown>);
    else throw unacceptable(t, value, name);
    const elementName = `element in array ${name ?? 'None'}`;
    return items.map((v) => convert(v, t.elementType, elementName, t.containsNull, opts));
  }
  if (t instanceof MapType) {
    let entries: Iterable<[unknown, unknown]>;
    const fromObject = isPlainObject(value);
    if (value instanceof Map) entries = value;
    else if (fromObject) entries = Object.entries(value as object);
    else throw unacceptable(t, value, name);
    const keyName = `key of map ${name ?? 'None'}`;
    const valueName = `value of map ${name ?? 'None'}`;
    const out = new Map<unknown, unknown>();
    for (const [k, v] of entries) {
      const key = fromObject ? readObjectKey(k as string, t.keyType) : k;
      out.set(convert(key, t.keyType, keyName, false, opts), convert(v, t.valueType, valueName, t.valueContainsNull, opts));
    }
    return out;
  }
  if (t instanceof StructType) return convertStruct(value, t, name, opts);
  if (t instanceof NullType) throw unacceptable(t, value, name);
  // Intervals (docs/types.md): months / microseconds as integers, CalendarInterval objects.
  if (t instanceof YearMonthIntervalType && typeof value === 'number' && Number.isInteger(value)) return value;
  if (t instanceof DayTimeIntervalType && ((typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint')) {
    return typeof value === 'bigint' ? narrowLong(value) : value;
  }
  if (t instanceof CalendarIntervalType && value instanceof CalendarInterval) return value;
  throw unacceptable(t, value, name);
}

const topLevelFieldNames = new WeakMap<StructType, readonly string[]>();

/** The verifier's names of a struct's fields (`field a` or `field a in <name>`), computed once for top-level rows. */
function fieldNamesOf(t: StructType, name: string | undefined): readonly string[] {
  if (name !== undefined) return t.fields.map((f) => `field ${f.name} in ${name}`);
  let names = topLevelFieldNames.get(t);
  if (!names) {
    names = t.fields.map((f) => `field ${f.name}`);
    topLevelFieldNames.set(t, names);
  }
  return names;
}

function convertStruct(value: unknown, t: StructType, name: string | undefined, opts: ToInternalOptions): unknown[] {
  const vals = structValues(value, t, name);
  const fields = t.fields;
  const names = fieldNamesOf(t, name);
  const out = new Array<unknown>(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    out[i] = convert(vals[i], f.dataType, names[i], f.nullable, opts);
  }
  return out;
}

/** The user values of a struct's fields, by position (objects and Maps by name, arrays by position, Rows either way). */
function structValues(value: unknown, t: StructType, name: string | undefined): readonly unknown[] {
  const fields = t.fields;
  const n = fields.length;
  if (Row.isRow(value)) {
    const names = value.fields;
    if (fields.every((f) => names.includes(f.name))) return fields.map((f) => value.get(f.name));
    const vals = value.toArray();
    if (vals.length !== n) throw lengthMismatch(vals.length, n);
    return vals;
  }
  if (Array.isArray(value)) {
    if (value.length !== n) throw lengthMismatch(value.length, n);
    return value;
  }
  if (value instanceof Map) return fields.map((f) => value.get(f.name));
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && !ArrayBuffer.isView(value)) {
    const obj = value as Record<string, unknown>;
    const vals = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const k = fields[i]!.name;
      vals[i] = Object.prototype.hasOwnProperty.call(obj, k) || k in obj ? obj[k] : undefined;
    }
    return vals;
  }
  throw unacceptable(t, value, name);
}

/**
 * `convert` for one top-level field, chosen once per `rowsToBatch`: the common
 * already-internal values (strings, doubles, safe-integer longs, ints, booleans)
 * pass straight through; anything else, nulls included, takes the full path.
 */
function fieldConverter(f: StructField, name: string, opts: ToInternalOptions): (v: unknown) => unknown {
  const t = f.dataType;
  const nullable = f.nullable;
  const slow = (v: unknown): unknown => convert(v, t, name, nullable, opts);
  if (t instanceof StringType) return (v) => (typeof v === 'string' ? wellFormed(v) : slow(v));
  if (t instanceof DoubleType) return (v) => (typeof v === 'number' ? v : slow(v));
  if (t instanceof BooleanType) return (v) => (typeof v === 'boolean' ? v : slow(v));
  if (t instanceof LongType) return (v) => (typeof v === 'number' && Number.isSafeInteger(v) ? v + 0 : slow(v));
  if (t instanceof IntegerType) return (v) => (typeof v === 'number' && (v | 0) === v ? v + 0 : slow(v));
  return slow;
}

function integralValue(value: unknown, t: DataType, name: string | undefined): number | bigint {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'bigint') return value;
  throw unacceptable(t, value, name);
}

function convertLong(value: unknown, t: DataType, name: string | undefined): number | bigint {
  const n = integralValue(value, t, name);
  if (typeof n === 'number') {
    if (Number.isSafeInteger(n)) return n === 0 ? 0 : n; // normalise -0
    const big = BigInt(n);
    if (big < LONG_MIN || big > LONG_MAX) throw outOfBound(n, LONG_MIN, LONG_MAX);
    return big;
  }
  if (n < LONG_MIN || n > LONG_MAX) throw outOfBound(n, LONG_MIN, LONG_MAX);
  return narrowLong(n);
}

/** Exact decimal text → unscaled bigint at the type's scale (HALF_UP), checking precision. */
function convertDecimal(value: unknown, t: DecimalType, name: string | undefined): bigint {
  let parsed: { unscaled: bigint; scale: number } | undefined;
  if (typeof value === 'bigint') parsed = { unscaled: value, scale: 0 };
  else if (typeof value === 'number') parsed = Number.isFinite(value) ? parseDecimal(String(value)) : undefined;
  else if (typeof value === 'string') parsed = parseDecimal(value);
  if (!parsed) throw unacceptable(t, value, name);
  const unscaled = rescaleHalfUp(parsed.unscaled, parsed.scale, t.scale);
  const digits = (unscaled < 0n ? -unscaled : unscaled).toString().length;
  if (digits > t.precision) {
    throw new ExecutionException(`Decimal precision ${digits} exceeds max precision ${t.precision}.`, {
      errorClass: 'DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION',
      messageParameters: { precision: String(digits), maxPrecision: String(t.precision) },
    });
  }
  return unscaled;
}

function convertDate(value: unknown, t: DataType, name: string | undefined): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw unacceptable(t, value, name);
    return Math.floor(ms / MILLIS_PER_DAY);
  }
  if (typeof value === 'string') {
    const d = parseDateText(value);
    if (d !== undefined) return d;
  }
  throw unacceptable(t, value, name);
}

function convertTimestamp(value: unknown, t: DataType, name: string | undefined, opts: ToInternalOptions): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw unacceptable(t, value, name);
    return ms * 1000;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return Math.round(value * 1000);
  if (typeof value === 'string') {
    const micros = t instanceof TimestampType ? parseTimestampText(value, opts.timeZone ?? 'UTC') : parseTimestampText(value, 'UTC', true);
    if (micros !== undefined) return micros;
  }
  throw unacceptable(t, value, name);
}

/** StringType accepts any value (PySpark hands it to the JVM, which calls `toString`). */
function toJavaString(v: unknown): string {
  if (typeof v === 'string') return wellFormed(v);
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString();
  if (Row.isRow(v)) return `[${v.toArray().map(toJavaString).join(',')}]`;
  if (Array.isArray(v)) return `[${v.map(toJavaString).join(', ')}]`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${toJavaString(k)}=${toJavaString(x)}`).join(', ')}}`;
  if (typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}=${toJavaString(x)}`).join(', ')}}`;
  return String(v);
}

function isPlainObject(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

