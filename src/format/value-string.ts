/**
 * Text forms of internal values, as Spark prints them:
 * - `castToString`: `CAST(x AS STRING)` (non-ANSI). Nested nulls print as `null`,
 *   binary is decoded as UTF-8, decimals use Java's `BigDecimal.toString`.
 * - `prettyString`: the `ToPrettyString` form `show()` uses. Nulls print as `NULL`
 *   (top level and nested), binary as hex `[01 0A]`, decimals in plain notation.
 * Numbers follow Java's `Double.toString`/`Float.toString`; dates and timestamps
 * are proleptic Gregorian, timestamps rendered in the session time zone.
 */
import { javaUtf8Decode } from './java-utf8.js';
import { jdk17DoubleDigits, jdk17FloatDigits } from './jdk17-double-digits.js';
import {
  ArrayType,
  BinaryType,
  BooleanType,
  DataType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  MapType,
  NullType,
  StringType,
  StructType,
  TimestampNTZType,
  TimestampType,
} from '../types/data-types.js';
import { civilFromDays, MICROS_PER_DAY, MICROS_PER_SECOND, utcMicrosToLocal } from '../types/timezone.js';
import { intervalToString, isIntervalType } from '../types/intervals.js';

export interface ValueStringOptions {
  /** Text for null elements inside arrays, maps and structs (`null` for CAST, `NULL` for show). */
  readonly nullString: string;
  /** Binary as `[0A FF]` (show) instead of UTF-8 decoding (CAST). */
  readonly binaryHex: boolean;
  /** Decimals as `BigDecimal.toPlainString` (show) instead of `toString` (CAST may use `1E-8`). */
  readonly decimalPlain: boolean;
}

const CAST_OPTIONS: ValueStringOptions = { nullString: 'null', binaryHex: false, decimalPlain: false };
const PRETTY_OPTIONS: ValueStringOptions = { nullString: 'NULL', binaryHex: true, decimalPlain: true };

/**
 * Spark's `CAST(value AS STRING)` of a non-null internal value. `timeZone` is the
 * session time zone for TimestampType. (`CAST(NULL AS STRING)` is NULL: callers
 * handle top-level nulls; passing one returns the nested-null text `null`.)
 */
export function castToString(value: unknown, dataType: DataType, timeZone = 'UTC'): string {
  if (value === null || value === undefined) return CAST_OPTIONS.nullString;
  return valueToString(value, dataType, timeZone, CAST_OPTIONS);
}

/** Spark's `ToPrettyString` (the `show()` cell text): a top-level null is `NULL`. */
export function prettyString(value: unknown, dataType: DataType, timeZone = 'UTC'): string {
  if (value === null || value === undefined) return PRETTY_OPTIONS.nullString;
  return valueToString(value, dataType, timeZone, PRETTY_OPTIONS);
}

/** Text of a non-null internal value with explicit options. */
export function valueToString(value: unknown, dataType: DataType, timeZone: string, opts: ValueStringOptions): string {
  if (dataType instanceof StringType) return String(value);
  if (dataType instanceof DoubleType) return javaDoubleToString(value as number);
  if (dataType instanceof FloatType) return javaFloatToString(value as number);
  if (dataType instanceof DecimalType) {
    const unscaled = typeof value === 'bigint' ? value : BigInt(value as number);
    return opts.decimalPlain ? decimalToPlainString(unscaled, dataType.scale) : javaBigDecimalToString(unscaled, dataType.scale);
  }
  if (dataType instanceof BooleanType) return value ? 'true' : 'false';
  if (dataType instanceof DateType) return formatDate(Number(value));
  if (dataType instanceof TimestampType) return formatTimestamp(Number(value), timeZone);
  if (dataType instanceof TimestampNTZType) return formatTimestamp(Number(value), 'UTC');
  if (dataType instanceof BinaryType) {
    const bytes = value as Uint8Array;
    return opts.binaryHex ? binaryToHex(bytes) : javaUtf8Decode(bytes);
  }
  if (dataType instanceof ArrayType) {
    const items = value as readonly unknown[];
    return '[' + items.map((v, i) => nested(v, dataType.elementType, timeZone, opts, i === 0)).join(',') + ']';
  }
  if (dataType instanceof MapType) {
    const parts: string[] = [];
    for (const [k, v] of value as ReadonlyMap<unknown, unknown>) {
      const key = valueToString(k, dataType.keyType, timeZone, opts);
      parts.push(v === null || v === undefined ? `${key} ->${opts.nullString ? ' ' + opts.nullString : ''}` : `${key} -> ${valueToString(v, dataType.valueType, timeZone, opts)}`);
    }
    return '{' + parts.join(', ') + '}';
  }
  if (dataType instanceof StructType) {
    const vals = value as readonly unknown[];
    return '{' + dataType.fields.map((f, i) => nested(vals[i], f.dataType, timeZone, opts, i === 0)).join(',') + '}';
  }
  if (dataType instanceof NullType) return opts.nullString;
  if (isIntervalType(dataType)) return intervalToString(value, dataType);
  // Byte/Short/Integer/Long: numbers or bigints print as Java does.
  return String(value);
}

/** One element of an array/struct: Spark writes `,` then ` value` (or ` null`). */
function nested(v: unknown, t: DataType, timeZone: string, opts: ValueStringOptions, first: boolean): string {
  const text = v === null || v === undefined ? opts.nullString : valueToString(v, t, timeZone, opts);
  if (first) return text;
  return text === '' && (v === null || v === undefined) ? '' : ' ' + text;
}

/** Upper-case hex bytes in brackets, e.g. `[01 02 0A]` (Spark 3.5 `show()`). */
export function binaryToHex(bytes: Uint8Array): string {
  let out = '[';
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0) out += ' ';
    out += bytes[i]!.toString(16).toUpperCase().padStart(2, '0');
  }
  return out + ']';
}

// ---- numbers ----

/** Java's layout: plain for 1e-3 <= |x| < 1e7, else `d.dddE[-]n`; always one fractional digit. */
function javaLayout(negative: boolean, digits: string, exp: number): string {
  const sign = negative ? '-' : '';
  if (exp >= -3 && exp < 7) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
      const frac = digits.slice(exp + 1) || '0';
      return `${sign}${intPart}.${frac}`;
    }
    return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${exp}`;
}

/** Java's `Double.toString` as JDK 17 (Spark 3.5's JVM) prints it (digits: format/jdk17-double-digits.ts). */
export function javaDoubleToString(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const { digits, exp } = jdk17DoubleDigits(Math.abs(x));
  return javaLayout(x < 0, digits, exp);
}

/** Java's `Float.toString` of a float32 value held in a JS number, as JDK 17 prints it. */
export function javaFloatToString(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const { digits, exp } = jdk17FloatDigits(Math.abs(Math.fround(x)));
  return javaLayout(x < 0, digits, exp);
}

// ---- decimals ----

/** Java's `BigDecimal.toPlainString` of unscaled × 10^-scale, e.g. (1250n, 2) → `12.50`. */
export function decimalToPlainString(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const abs = (negative ? -unscaled : unscaled).toString();
  const sign = negative ? '-' : '';
  if (scale <= 0) return sign + abs + '0'.repeat(-scale);
  const padded = abs.padStart(scale + 1, '0');
  return `${sign}${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
}

/**
 * Java's `BigDecimal.toString`: plain unless the scale is negative or the adjusted
 * exponent is below -6, then scientific (`0E-10`, `1.23E-8`, `1.2E+3`).
 */
export function javaBigDecimalToString(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const abs = (negative ? -unscaled : unscaled).toString();
  const adjusted = -scale + (abs.length - 1);
  if (scale >= 0 && adjusted >= -6) return decimalToPlainString(unscaled, scale);
  const mantissa = abs.length > 1 ? `${abs[0]}.${abs.slice(1)}` : abs;
  return `${negative ? '-' : ''}${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
}

// ---- dates and timestamps ----

/** Java `uuuu` year: zero-padded to 4 digits, `+` beyond 9999, `-` before year 0. */
function formatYear(y: number): string {
  if (y > 9999) return '+' + String(y);
  if (y < 0) return '-' + String(-y).padStart(4, '0');
  return String(y).padStart(4, '0');
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

/** `yyyy-MM-dd` of days since the epoch. */
export function formatDate(days: number): string {
  const [year, month, day] = civilFromDays(days);
  return `${formatYear(year)}-${pad2(month)}-${pad2(day)}`;
}

/**
 * `yyyy-MM-dd HH:mm:ss[.ffffff]` of microseconds since the epoch in `timeZone`;
 * the fraction appears only when non-zero, with trailing zeros trimmed.
 */
export function formatTimestamp(micros: number, timeZone = 'UTC'): string {
  const local = utcMicrosToLocal(micros, timeZone);
  const days = Math.floor(local / MICROS_PER_DAY);
  const inDay = local - days * MICROS_PER_DAY;
  const secs = Math.floor(inDay / MICROS_PER_SECOND);
  const frac = inDay - secs * MICROS_PER_SECOND;
  const h = Math.floor(secs / 3600);
  const m = Math.floor((secs % 3600) / 60);
  const s = secs % 60;
  let text = `${formatDate(days)} ${pad2(h)}:${pad2(m)}:${pad2(s)}`;
  if (frac > 0) text += '.' + String(Math.round(frac)).padStart(6, '0').replace(/0+$/, '');
  return text;
}
