/**
 * Spark SQL literal typing (Spark 3.5 `AstBuilder`, non-legacy settings):
 * - `12` is an INT when it fits, else a BIGINT, else a DECIMAL(n, 0);
 * - `12L` BIGINT, `12S` SMALLINT, `12Y` TINYINT (range-checked);
 * - `1.5` is a DECIMAL(2,1) (precision = max(digits, scale)), `1.5BD` too;
 * - `1.5D`, `1e3`, `1.5e3` are DOUBLE, `1.5F` FLOAT;
 * - `DATE '2020-01-01'`, `TIMESTAMP '...'`, `TIMESTAMP_NTZ '...'`, `X'0A'`.
 */
import { E, type Expr } from '../expr/nodes.js';
import { BINARY, BYTE, DATE, DecimalType, DOUBLE, FLOAT, INT, LONG, SHORT, STRING, TIMESTAMP, TIMESTAMP_NTZ, type DataType } from '../types/data-types.js';
import { formatDate, formatTimestamp } from '../format/value-string.js';
import { daysFromCivil } from '../types/timezone.js';
import { parseDateText, parseTimestampText } from '../types/values.js';
import { sqlParseError } from './errors.js';
import { parseTimestampParts, stringToTimestamp, zoneFromText } from '../backend/memory/runtime/datetime-parse.js';
import { isValidDate } from '../backend/memory/runtime/datetime.js';
import type { Token } from './lexer.js';

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** Internal value of a LongType literal: a number when exactly representable, else a bigint. */
export function longValue(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

function rangeError(src: string, at: number, text: string, typeName: string, min: bigint | string, max: bigint | string): Error {
  return sqlParseError(
    src,
    at,
    'INVALID_NUMERIC_LITERAL_RANGE',
    `Numeric literal ${text} is outside the valid range for ${typeName} with minimum value of ${min} and maximum value of ${max}. Please adjust the value accordingly.`,
    { rawStrippedQualifier: text, typeName, minValue: String(min), maxValue: String(max) },
  );
}

/** Exact decimal from literal text (`1.50` → unscaled 150, scale 2); exponents are applied. */
function decimalOf(text: string): { unscaled: bigint; scale: number } {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text)!;
  const intPart = m[1] ?? '';
  const frac = m[2] ?? '';
  let unscaled = BigInt((intPart + frac) || '0');
  let scale = frac.length - Number(m[3] ?? 0);
  if (scale < 0) {
    unscaled *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { unscaled, scale };
}

function digitCount(v: bigint): number {
  const a = v < 0n ? -v : v;
  return a === 0n ? 1 : a.toString().length;
}

function decimalLiteral(src: string, t: Token, unscaled: bigint, scale: number): Expr {
  const precision = Math.max(digitCount(unscaled), scale);
  if (precision > DecimalType.MAX_PRECISION) {
    throw sqlParseError(src, t.start, 'DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION', `Decimal precision ${precision} exceeds max precision ${DecimalType.MAX_PRECISION}.`, {
      precision: String(precision),
      maxPrecision: String(DecimalType.MAX_PRECISION),
    });
  }
  return E.lit(unscaled, new DecimalType(precision, scale));
}

/** Float.MaxValue as Spark's range message prints it (a double's digits). */
const FLOAT_MAX = 3.4028234663852886e38;
const FLOAT_MAX_TEXT = '3.4028234663852886E+38';
const DOUBLE_MAX_TEXT = '1.7976931348623157E+308';

/** A DOUBLE literal; one beyond the double range (`1E309`) is Spark's INVALID_NUMERIC_LITERAL_RANGE, not Infinity. */
function doubleLiteral(src: string, at: number, text: string): Expr {
  const v = Number(text);
  if (!Number.isFinite(v)) throw rangeError(src, at, text, 'double', `-${DOUBLE_MAX_TEXT}`, DOUBLE_MAX_TEXT);
  return E.lit(v, DOUBLE);
}

/**
 * The literal for a number token, negated when a unary minus was written directly before it;
 * `at` is where the literal starts (the minus), where a range error points as Spark's does.
 */
export function numberLiteral(src: string, t: Token, negative: boolean, at = t.start): Expr {
  const text = (negative ? '-' : '') + t.value;
  const sign = negative ? -1n : 1n;
  switch (t.suffix) {
    case 'D':
      return doubleLiteral(src, at, text);
    case 'F': {
      const v = Number(text);
      if (Math.abs(v) > FLOAT_MAX) throw rangeError(src, at, text, 'float', `-${FLOAT_MAX_TEXT}`, FLOAT_MAX_TEXT);
      return E.lit(Math.fround(v), FLOAT);
    }
    case 'BD': {
      const d = decimalOf(t.value);
      return decimalLiteral(src, t, sign * d.unscaled, d.scale);
    }
    case 'L':
    case 'S':
    case 'Y': {
      if (t.numberForm !== 'int') {
        // `1.5L` is not a valid literal in Spark.
        throw sqlParseError(src, t.start, 'PARSE_SYNTAX_ERROR', `Syntax error at or near '${t.text}'.`, { error: `'${t.text}'`, hint: '' });
      }
      const v = sign * BigInt(t.value);
      const [min, max, type, name]: [bigint, bigint, DataType, string] =
        t.suffix === 'L' ? [LONG_MIN, LONG_MAX, LONG, 'bigint'] : t.suffix === 'S' ? [-32768n, 32767n, SHORT, 'smallint'] : [-128n, 127n, BYTE, 'tinyint'];
      if (v < min || v > max) throw rangeError(src, at, text, name, min, max);
      return E.lit(t.suffix === 'L' ? longValue(v) : Number(v), type);
    }
    default:
      break;
  }
  if (t.numberForm === 'exponent') return doubleLiteral(src, at, text);
  if (t.numberForm === 'decimal') {
    const d = decimalOf(t.value);
    return decimalLiteral(src, t, sign * d.unscaled, d.scale);
  }
  const v = sign * BigInt(t.value);
  if (v >= INT_MIN && v <= INT_MAX) return E.lit(Number(v), INT);
  if (v >= LONG_MIN && v <= LONG_MAX) return E.lit(longValue(v), LONG);
  return decimalLiteral(src, t, v, 0);
}

export function stringLiteral(value: string): Expr {
  return E.lit(value, STRING);
}

/** `X'0A1B'`: an odd number of digits gets a leading zero, as Spark's `Hex.unhex`. */
export function binaryLiteral(src: string, t: Token): Expr {
  let hex = t.value;
  if (!/^[0-9a-fA-F]*$/.test(hex)) {
    throw sqlParseError(src, t.start, 'INVALID_TYPED_LITERAL', `The value of the typed literal "X" is invalid: '${hex}'.`, {
      valueType: '"X"',
      value: `'${hex}'`,
    });
  }
  if (hex.length % 2 === 1) hex = '0' + hex;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return E.lit(bytes, BINARY);
}

/** `DATE 'yyyy[-mm[-dd]]'` as Spark's `stringToDate` reads it. */
function dateDays(text: string): number | undefined {
  const full = parseDateText(text);
  if (full !== undefined) return full;
  const m = /^\s*([+-]?\d{4,})(?:-(\d{1,2}))?\s*$/.exec(text);
  if (!m) {
    // `2020-01-01 12:34` and `2020-01-01T...` keep the date part.
    const withTime = /^\s*([+-]?\d{4,}-\d{1,2}-\d{1,2})[T ]/.exec(text);
    return withTime ? parseDateText(withTime[1]!) : undefined;
  }
  const mo = Number(m[2] ?? 1);
  if (mo < 1 || mo > 12) return undefined;
  return daysFromCivil(Number(m[1]), mo, 1);
}

const SUPPORTED_TYPED_LITERALS = '"DATE", "TIMESTAMP_NTZ", "TIMESTAMP_LTZ", "TIMESTAMP", "INTERVAL", "X"';

/**
 * A typed literal `TYPE 'text'`. TIMESTAMP (session time zone) stays a cast of
 * the text, named as Spark names the literal, so the session zone applies.
 */
export function typedLiteral(src: string, typeToken: Token, valueToken: Token, text: string): Expr {
  const kind = typeToken.upper;
  const invalid = (): Error =>
    sqlParseError(src, typeToken.start, 'INVALID_TYPED_LITERAL', `The value of the typed literal "${kind}" is invalid: '${text}'.`, {
      valueType: `"${kind}"`,
      value: `'${text}'`,
    });
  switch (kind) {
    case 'DATE': {
      const d = dateDays(text);
      if (d === undefined) throw invalid();
      return E.lit(d, DATE);
    }
    case 'TIMESTAMP_NTZ': {
      const us = parseTimestampText(text, 'UTC', true);
      if (us === undefined) throw invalid();
      return E.lit(us, TIMESTAMP_NTZ);
    }
    case 'TIMESTAMP':
    case 'TIMESTAMP_LTZ': {
      // CAST's own string→timestamp scanner, so the literal accepts what the cast does (zone ids, offsets).
      const parts = parseTimestampParts(text);
      if (!parts || parts.justTime || parts.hour > 23 || parts.minute > 59 || parts.second > 59) throw invalid();
      if (!isValidDate(parts.year, parts.month, parts.day)) throw invalid();
      if (parts.zone !== undefined) {
        // The text fixes the instant; only its name depends on the session zone (set by the analyzer).
        const zone = zoneFromText(parts.zone);
        if (!zone) throw invalid();
        const instant = stringToTimestamp(text, zone, 0)!;
        const name = `TIMESTAMP '${formatTimestamp(instant, 'UTC')}'`;
        return Object.freeze({ ...E.alias(E.lit(instant, TIMESTAMP), name), timestampLiteral: instant, typedLiteral: true });
      }
      const cast = Object.freeze({ ...E.cast(E.lit(text, STRING), TIMESTAMP), validLiteral: true });
      // Named from the fields, not from micros: past ±2^53 µs (`timestamp'99999-03-18'`) a double is not exact.
      const fraction = parts.micros > 0 ? '.' + String(parts.micros).padStart(6, '0').replace(/0+$/, '') : '';
      const clock = [parts.hour, parts.minute, parts.second].map((n) => String(n).padStart(2, '0')).join(':');
      const name = `${formatDate(daysFromCivil(parts.year, parts.month, parts.day))} ${clock}${fraction}`;
      return Object.freeze({ ...E.alias(cast, `TIMESTAMP '${name}'`), typedLiteral: true, ...(kind === 'TIMESTAMP' ? { sessionTimestampType: true } : {}) });
    }
    case 'X':
      return binaryLiteral(src, { ...valueToken, start: typeToken.start, value: text });
    default:
      throw sqlParseError(
        src,
        typeToken.start,
        'UNSUPPORTED_TYPED_LITERAL',
        `Literals of the type "${kind}" are not supported. Supported types are ${SUPPORTED_TYPED_LITERALS}.`,
        { unsupportedType: `"${kind}"`, supportedTypes: SUPPORTED_TYPED_LITERALS },
      );
  }
}

/** True for the integer literals GROUP BY / ORDER BY treat as positions. */
export function ordinalOf(e: Expr): number | undefined {
  return e.kind === 'Literal' && e.dataType.equals(INT) && typeof e.value === 'number' ? e.value : undefined;
}
