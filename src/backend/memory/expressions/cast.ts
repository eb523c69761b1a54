/**
 * Spark 3.5 CAST semantics (non-ANSI): invalid input and overflow give null
 * where Spark gives null, and integral narrowing wraps like Java.
 *
 * `castValue(from, to, ctx)` returns a converter for non-null internal values
 * (its result may be null); converters are built once per expression.
 */
import { DayTimeIntervalType, YearMonthIntervalType } from '../../../types/data-types.js';
import { intervalCaster } from '../../../types/interval-cast.js';
import { intervalNumberCaster, isIntervalNumberCast } from './interval-number-cast.js';
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
} from '../../../types/data-types.js';
import { castToString } from '../../../format/value-string.js';
import { NotImplementedException } from '../../../errors/index.js';
import { sessionZone, type ExecContext } from '../context.js';
import {
  decimalToDouble,
  decimalToLong,
  doubleToDecimal,
  divHalfUp,
  parseDecimal,
  parsedToDecimal,
  pow10,
  toDecimalType,
  fitsPrecision,
} from '../runtime/decimal.js';
import {
  doubleToInt,
  doubleToLong,
  floorDiv,
  floorDivLong,
  longToInt,
  normLong,
  parseLongExact,
  toBigInt,
  toByte,
  toShort,
  type Long,
} from '../runtime/long.js';
import {
  MICROS_PER_DAY,
  MICROS_PER_SECOND,
  daysToTimestamp,
  fromLocalMicros,
  inLongRange,
  timestampToDays,
  toLocalMicros,
} from '../runtime/datetime.js';
import { stringToDate, stringToTimestamp, stringToTimestampNTZ, trimAll } from '../runtime/datetime-parse.js';

/** Converts a non-null internal value; may return null. */
export type Converter = (v: unknown) => unknown;

const identity: Converter = (v) => v;

const isIntegralType = (t: DataType): boolean =>
  t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType;
const isFloating = (t: DataType): boolean => t instanceof FloatType || t instanceof DoubleType;

/** Builds the converter for CAST(from AS to). */
export function castValue(from: DataType, to: DataType, ctx: ExecContext): Converter {
  if (from instanceof NullType) return () => null;
  if (from.equals(to)) return identity;
  if (to instanceof StringType) {
    const tz = ctx.timeZone;
    return (v) => castToString(v, from, tz);
  }
  // Raises on overflow even without ANSI mode (TRY_CAST makes that null: compile.ts).
  if (isIntervalNumberCast(from, to)) return intervalNumberCaster(from, to, ctx.timeZone);
  if (to instanceof BooleanType) return toBoolean(from);
  if (to instanceof ByteType || to instanceof ShortType || to instanceof IntegerType) return toSmallIntegral(from, to, ctx);
  if (to instanceof LongType) return toLong(from, ctx);
  if (to instanceof FloatType) {
    const d = toDouble(from);
    return (v) => {
      const x = d(v);
      return x === null ? null : Math.fround(x as number);
    };
  }
  if (to instanceof DoubleType) return toDouble(from);
  if (to instanceof DecimalType) return toDecimal(from, to);
  if (to instanceof DateType) return toDate(from, ctx);
  if (to instanceof TimestampType) return toTimestamp(from, ctx);
  if (to instanceof TimestampNTZType) return toTimestampNTZ(from, ctx);
  if (to instanceof BinaryType) return toBinary(from);
  if (to instanceof YearMonthIntervalType || to instanceof DayTimeIntervalType) return intervalCaster(from, to);
  if (to instanceof ArrayType && from instanceof ArrayType) {
    const el = nullSafe(castValue(from.elementType, to.elementType, ctx));
    return (v) => (v as unknown[]).map(el);
  }
  if (to instanceof MapType && from instanceof MapType) {
    const k = nullSafe(castValue(from.keyType, to.keyType, ctx));
    const val = nullSafe(castValue(from.valueType, to.valueType, ctx));
    return (v) => {
      const out = new Map<unknown, unknown>();
      for (const [a, b] of v as Map<unknown, unknown>) out.set(k(a), val(b));
      return out;
    };
  }
  if (to instanceof StructType && from instanceof StructType && to.fields.length === from.fields.length) {
    const fs = from.fields.map((f, i) => nullSafe(castValue(f.dataType, to.fields[i]!.dataType, ctx)));
    return (v) => (v as unknown[]).map((x, i) => fs[i]!(x));
  }
  throw new NotImplementedException(`CAST from ${from.simpleString()} to ${to.simpleString()}`);
}

/** Wraps a converter so null passes through. */
export function nullSafe(c: Converter): Converter {
  return (v) => (v === null || v === undefined ? null : c(v));
}

// --- boolean ---------------------------------------------------------------

const TRUE_STRINGS = new Set(['t', 'true', 'y', 'yes', '1']);
const FALSE_STRINGS = new Set(['f', 'false', 'n', 'no', '0']);

function toBoolean(from: DataType): Converter {
  if (from instanceof StringType) {
    return (v) => {
      const s = trimAll(v as string).toLowerCase();
      return TRUE_STRINGS.has(s) ? true : FALSE_STRINGS.has(s) ? false : null;
    };
  }
  if (from instanceof DecimalType) return (v) => v !== 0n;
  if (from instanceof DateType) return () => null;
  // numbers (NaN is non-zero, so true), longs as bigint, timestamps
  return (v) => (typeof v === 'bigint' ? v !== 0n : v !== 0);
}

// --- integral --------------------------------------------------------------

/** Spark's UTF8String.toLong: trimmed, optional sign, digits, optional `.digits` (truncated). */
export function parseIntegralString(text: string): Long | undefined {
  const s = trimAll(text);
  if (s.length === 0) return undefined;
  let i = 0;
  const negative = s[0] === '-';
  if (negative || s[0] === '+') {
    if (s.length === 1) return undefined;
    i = 1;
  }
  const start = i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  const digits = s.slice(start, i);
  if (i < s.length) {
    if (s[i] !== '.') return undefined;
    for (let k = i + 1; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c < 48 || c > 57) return undefined;
    }
  }
  return parseLongExact(digits.length === 0 ? '0' : digits, negative);
}

const INT_RANGE: Record<string, [number, number]> = {
  byte: [-128, 127],
  short: [-32768, 32767],
  integer: [-2147483648, 2147483647],
};

function narrowFor(to: DataType): (x: number) => number {
  if (to instanceof ByteType) return toByte;
  if (to instanceof ShortType) return toShort;
  return (x) => x | 0;
}

function toSmallIntegral(from: DataType, to: DataType, ctx: ExecContext): Converter {
  const narrow = narrowFor(to);
  const [lo, hi] = INT_RANGE[to.typeName()]!;
  if (from instanceof StringType) {
    return (v) => {
      const n = parseIntegralString(v as string);
      if (n === undefined || typeof n === 'bigint' || n < lo || n > hi) return null;
      return n;
    };
  }
  if (from instanceof BooleanType) return (v) => (v ? 1 : 0);
  if (from instanceof ByteType || from instanceof ShortType || from instanceof IntegerType) return (v) => narrow(v as number);
  if (from instanceof LongType) return (v) => narrow(longToInt(v as Long));
  if (isFloating(from)) return (v) => narrow(doubleToInt(v as number));
  if (from instanceof DecimalType) {
    const scale = from.scale;
    return (v) => narrow(longToInt(decimalToLong(v as bigint, scale)));
  }
  if (from instanceof DateType) return () => null;
  if (from instanceof TimestampType) return (v) => narrow(longToInt(floorDivLong(v as number, MICROS_PER_SECOND)));
  return unsupported(from, to, ctx);
}

function toLong(from: DataType, ctx: ExecContext): Converter {
  if (from instanceof StringType) return (v) => parseIntegralString(v as string) ?? null;
  if (from instanceof BooleanType) return (v) => (v ? 1 : 0);
  if (isIntegralType(from)) return identity;
  if (isFloating(from)) return (v) => doubleToLong(v as number);
  if (from instanceof DecimalType) {
    const scale = from.scale;
    return (v) => decimalToLong(v as bigint, scale);
  }
  if (from instanceof DateType) return () => null;
  if (from instanceof TimestampType) return (v) => floorDivLong(v as number, MICROS_PER_SECOND);
  return unsupported(from, new LongType(), ctx);
}

// --- floating --------------------------------------------------------------

const JAVA_DOUBLE = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/;

/** Java's Double.parseDouble after Spark's special literals (`inf`, `nan`, any case); undefined if invalid. */
export function parseDoubleString(text: string): number | undefined {
  const s = javaTrim(text);
  if (JAVA_DOUBLE.test(s)) {
    const last = s[s.length - 1]!;
    return Number(/[fFdD]/.test(last) && !s.endsWith('Infinity') ? s.slice(0, -1) : s);
  }
  switch (s.toLowerCase()) {
    case 'inf':
    case '+inf':
    case 'infinity':
    case '+infinity':
      return Infinity;
    case '-inf':
    case '-infinity':
      return -Infinity;
    case 'nan':
      return NaN;
  }
  return undefined;
}

/** Java's String.trim: strips chars <= U+0020. */
function javaTrim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  return s.slice(a, b);
}

function toDouble(from: DataType): Converter {
  if (from instanceof StringType) return (v) => parseDoubleString(v as string) ?? null;
  if (from instanceof BooleanType) return (v) => (v ? 1 : 0);
  if (from instanceof LongType) return (v) => (typeof v === 'bigint' ? Number(v) : v);
  if (isIntegralType(from) || isFloating(from)) return identity;
  if (from instanceof DecimalType) {
    const scale = from.scale;
    return (v) => decimalToDouble(v as bigint, scale);
  }
  if (from instanceof DateType) return () => null;
  if (from instanceof TimestampType) return (v) => (v as number) / MICROS_PER_SECOND;
  return () => null;
}

// --- decimal ---------------------------------------------------------------

function toDecimal(from: DataType, to: DecimalType): Converter {
  if (from instanceof StringType) {
    return (v) => {
      const p = parseDecimal(trimAll(v as string));
      return p ? parsedToDecimal(p, to) : null;
    };
  }
  if (from instanceof BooleanType) return (v) => toDecimalType(v ? 1n : 0n, 0, to);
  if (isIntegralType(from)) return (v) => toDecimalType(toBigInt(v as Long), 0, to);
  if (isFloating(from)) return (v) => doubleToDecimal(v as number, to);
  if (from instanceof DecimalType) {
    const scale = from.scale;
    return (v) => toDecimalType(v as bigint, scale, to);
  }
  if (from instanceof TimestampType) {
    return (v) => {
      const r = divHalfUp(BigInt(v as number) * pow10(to.scale), BigInt(MICROS_PER_SECOND));
      return fitsPrecision(r, to.precision) ? r : null;
    };
  }
  return () => null;
}

// --- dates and timestamps ----------------------------------------------------

function toDate(from: DataType, ctx: ExecContext): Converter {
  if (from instanceof StringType) return (v) => stringToDate(v as string) ?? null;
  if (from instanceof TimestampType) {
    const zone = sessionZone(ctx);
    return (v) => timestampToDays(v as number, zone);
  }
  if (from instanceof TimestampNTZType) return (v) => floorDiv(v as number, MICROS_PER_DAY);
  return () => null;
}

function toTimestamp(from: DataType, ctx: ExecContext): Converter {
  const zone = sessionZone(ctx);
  if (from instanceof StringType) return (v) => stringToTimestamp(v as string, zone, ctx.now) ?? null;
  if (from instanceof DateType) return (v) => daysToTimestamp(v as number, zone);
  if (from instanceof TimestampNTZType) return (v) => inLongRange(fromLocalMicros(v as number, zone));
  if (from instanceof BooleanType) return (v) => (v ? 1 : 0);
  if (isIntegralType(from)) {
    return (v) => {
      const secs = typeof v === 'bigint' ? Number(v) : (v as number);
      return saturateMicros(secs * MICROS_PER_SECOND);
    };
  }
  if (isFloating(from)) {
    return (v) => {
      const d = v as number;
      if (!Number.isFinite(d)) return null;
      return saturateMicros(Math.trunc(d * MICROS_PER_SECOND));
    };
  }
  if (from instanceof DecimalType) {
    const scale = from.scale;
    return (v) => {
      const micros = ((v as bigint) * BigInt(MICROS_PER_SECOND)) / pow10(scale);
      return Number(normLong(micros));
    };
  }
  return () => null;
}

const saturateMicros = (x: number): number =>
  x > 9223372036854775807 ? 9223372036854775807 : x < -9223372036854775808 ? -9223372036854775808 : x + 0;

function toTimestampNTZ(from: DataType, ctx: ExecContext): Converter {
  if (from instanceof StringType) return (v) => stringToTimestampNTZ(v as string) ?? null;
  if (from instanceof DateType) return (v) => (v as number) * MICROS_PER_DAY;
  if (from instanceof TimestampType) {
    const zone = sessionZone(ctx);
    return (v) => inLongRange(toLocalMicros(v as number, zone));
  }
  return () => null;
}

// --- binary ------------------------------------------------------------------

const encoder = new TextEncoder();

function toBinary(from: DataType): Converter {
  if (from instanceof StringType) return (v) => encoder.encode(v as string);
  const width = from instanceof ByteType ? 1 : from instanceof ShortType ? 2 : from instanceof IntegerType ? 4 : from instanceof LongType ? 8 : 0;
  if (width > 0) {
    return (v) => {
      let b = BigInt.asUintN(width * 8, toBigInt(v as Long));
      const out = new Uint8Array(width);
      for (let i = width - 1; i >= 0; i--) {
        out[i] = Number(b & 0xffn);
        b >>= 8n;
      }
      return out;
    };
  }
  return () => null;
}

function unsupported(from: DataType, to: DataType, _ctx: ExecContext): Converter {
  throw new NotImplementedException(`CAST from ${from.simpleString()} to ${to.simpleString()}`);
}
