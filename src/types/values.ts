/**
 * Conversions between user JS values and the internal value representation
 * (see the table in data-types.ts), with PySpark's `createDataFrame` type
 * verification errors. The full mapping is documented in docs/types.md.
 *
 * Error names follow PySpark's verifier: a top-level field is `field id`, a
 * nested one `field b in field a`, an array element `element in array field
 * tags`, a map key/value `key of map field m` / `value of map field m`.
 */
import { wellFormed } from './well-formed.js';
import { CalendarIntervalType, DayTimeIntervalType, YearMonthIntervalType } from './data-types.js';
import { CalendarInterval } from './intervals.js';
import { ExecutionException, PySparkTypeError, PySparkValueError } from '../errors/exceptions.js';
import { makeBatch } from '../data/batch.js';
import type { Batch } from '../data/batch.js';
import { ownedRowMaker, Row } from '../data/row.js';
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
  StructField,
  StructType,
  TimestampNTZType,
  TimestampType,
} from './data-types.js';
import { decimalToPlainString } from '../format/value-string.js';
import { jsTypeName } from './infer.js';
import { daysFromCivil, isValidDate, localMicrosOf, localMicrosToUtc, MILLIS_PER_DAY } from './timezone.js';

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
    return (v) => (typeof v === 'bigint' ? (v >= MIN_SAFE_BIG && v <= MAX_SAFE_BIG ? Number(v) : v) : v === undefined ? null : v);
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
    if (typeof value === 'bigint') return value >= MIN_SAFE_BIG && value <= MAX_SAFE_BIG ? Number(value) : value;
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

// ---- conversion with verification ----

const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE_BIG = -MAX_SAFE_BIG;
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
      const key = fromObject ? objectKey(k as string, t.keyType) : k;
      out.set(convert(key, t.keyType, keyName, false, opts), convert(v, t.valueType, valueName, t.valueContainsNull, opts));
    }
    return out;
  }
  if (t instanceof StructType) return convertStruct(value, t, name, opts);
  if (t instanceof NullType) throw unacceptable(t, value, name);
  // Intervals (docs/types.md): months / microseconds as integers, CalendarInterval objects.
  if (t instanceof YearMonthIntervalType && typeof value === 'number' && Number.isInteger(value)) return value;
  if (t instanceof DayTimeIntervalType && ((typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint')) {
    return typeof value === 'bigint' && value >= MIN_SAFE_BIG && value <= MAX_SAFE_BIG ? Number(value) : value;
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
  return n >= MIN_SAFE_BIG && n <= MAX_SAFE_BIG ? Number(n) : n;
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

/** Parses `-12.345e2`-style decimal text exactly; undefined when malformed. */
export function parseDecimal(text: string): { unscaled: bigint; scale: number } | undefined {
  const m = /^\s*([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
  if (!m || (m[2] ?? '') + (m[3] ?? '') === '') return undefined;
  const digits = (m[2] ?? '') + (m[3] ?? '');
  let unscaled = BigInt(digits);
  if (m[1] === '-') unscaled = -unscaled;
  return { unscaled, scale: (m[3] ?? '').length - Number(m[4] ?? 0) };
}

/** `unscaled × 10^-from` re-expressed at scale `to`, rounding HALF_UP (away from zero on ties). */
export function rescaleHalfUp(unscaled: bigint, from: number, to: number): bigint {
  if (from === to) return unscaled;
  if (from < to) return unscaled * 10n ** BigInt(to - from);
  const d = 10n ** BigInt(from - to);
  const neg = unscaled < 0n;
  const abs = neg ? -unscaled : unscaled;
  let q = abs / d;
  if ((abs % d) * 2n >= d) q += 1n;
  return neg ? -q : q;
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

/** Days since the epoch of `YYYY-MM-DD` (1-2 digit month/day allowed); undefined when invalid. */
export function parseDateText(text: string): number | undefined {
  const m = /^\s*([+-]?\d{4,})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (!isValidDate(y, mo, d)) return undefined;
  return daysFromCivil(y, mo, d);
}

const TIMESTAMP_TEXT =
  /^\s*([+-]?\d{4,})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?\s*$/i;

/**
 * Microseconds since the epoch of an ISO-like timestamp text
 * (`2024-01-15 10:30:00.123456`, `2024-01-15T10:30Z`, `2024-01-15+02:00`, `2024-01-15`).
 * Without an offset the text is a wall-clock time in `timeZone`. `ignoreOffset`
 * (TimestampNTZType) reads the wall-clock time and drops any offset, as Spark does.
 */
export function parseTimestampText(text: string, timeZone = 'UTC', ignoreOffset = false): number | undefined {
  const m = TIMESTAMP_TEXT.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4] ?? 0);
  const mi = Number(m[5] ?? 0);
  const s = Number(m[6] ?? 0);
  if (!isValidDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
  const frac = Number((m[7] ?? '').padEnd(6, '0').slice(0, 6) || 0);
  const local = localMicrosOf(y, mo, d, h, mi, s, frac);
  const zone = m[8];
  if (ignoreOffset) return local;
  if (zone === undefined) return localMicrosToUtc(local, timeZone);
  if (zone.toUpperCase() === 'Z') return local;
  const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  const offsetMin = (Number(zm[2]) * 60 + Number(zm[3] ?? 0)) * (zm[1] === '-' ? -1 : 1);
  return local - offsetMin * 60_000_000;
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

/** Object keys are strings: read them as numbers/booleans when the map's key type asks for it. */
function objectKey(key: string, keyType: DataType): unknown {
  if (keyType instanceof ByteType || keyType instanceof ShortType || keyType instanceof IntegerType || keyType instanceof LongType) {
    if (/^-?\d+$/.test(key)) {
      const big = BigInt(key);
      return big >= MIN_SAFE_BIG && big <= MAX_SAFE_BIG ? Number(big) : big;
    }
    return key;
  }
  if (keyType instanceof FloatType || keyType instanceof DoubleType) {
    const n = Number(key);
    return key.trim() !== '' && !Number.isNaN(n) ? n : key;
  }
  if (keyType instanceof BooleanType) return key === 'true' ? true : key === 'false' ? false : key;
  return key;
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

// ---- errors (PySpark 3.5 `_make_type_verifier`) ----

/** A Python-repr-like text of a JS value for error messages: `'a'`, `1.5`, `[1, 'x']`. */
export function jsRepr(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'function') return `[Function ${v.name || 'anonymous'}]`;
  if (typeof v !== 'object') return String(v);
  if (Row.isRow(v)) return v.toString();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (v instanceof Uint8Array) return `Uint8Array [${[...v].join(', ')}]`;
  if (Array.isArray(v)) return `[${v.map(jsRepr).join(', ')}]`;
  if (v instanceof Map) return `Map {${[...v].map(([k, x]) => `${jsRepr(k)} => ${jsRepr(x)}`).join(', ')}}`;
  return `{${Object.entries(v).map(([k, x]) => `${jsRepr(k)}: ${jsRepr(x)}`).join(', ')}}`;
}

function unacceptable(t: DataType, v: unknown, name: string | undefined): PySparkTypeError {
  const params = { data_type: t.toString(), obj: jsRepr(v), obj_type: `<class '${jsTypeName(v)}'>` };
  const text = `${params.data_type} can not accept object ${params.obj} in type ${params.obj_type}.`;
  if (name === undefined) return new PySparkTypeError(text, { errorClass: 'FIELD_DATA_TYPE_UNACCEPTABLE', messageParameters: params });
  return new PySparkTypeError(`${name}: ${text}`, {
    errorClass: 'FIELD_DATA_TYPE_UNACCEPTABLE_WITH_NAME',
    messageParameters: { field_name: name, ...params },
  });
}

function notNullable(name: string | undefined): PySparkValueError {
  if (name === undefined) return new PySparkValueError('Field is not nullable, but got None.', { errorClass: 'FIELD_NOT_NULLABLE' });
  return new PySparkValueError(`${name}: This field is not nullable, but got None.`, {
    errorClass: 'FIELD_NOT_NULLABLE_WITH_NAME',
    messageParameters: { field_name: name },
  });
}

/** PySpark 3.5's VALUE_OUT_OF_BOUND text (it names the upper bound first). */
function outOfBound(v: number | bigint, lower: number | bigint, upper: number | bigint): PySparkValueError {
  return new PySparkValueError(`Value for \`obj\` must be greater than ${upper} or less than ${lower}, got ${v}`, {
    errorClass: 'VALUE_OUT_OF_BOUND',
    messageParameters: { arg_name: 'obj', lower_bound: String(upper), upper_bound: String(lower), actual: String(v) },
  });
}

function lengthMismatch(objLength: number, fieldLength: number): PySparkValueError {
  return new PySparkValueError(`obj and fields should be of the same length, got ${objLength} and ${fieldLength}.`, {
    errorClass: 'LENGTH_SHOULD_BE_THE_SAME',
    messageParameters: { arg1: 'obj', arg2: 'fields', arg1_length: String(objLength), arg2_length: String(fieldLength) },
  });
}
