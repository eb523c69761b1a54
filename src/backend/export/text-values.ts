/**
 * Text forms of values in CSV and JSON files, as Spark's text data sources
 * write and read them: dates and timestamps through `dateFormat` /
 * `timestampFormat` / `timestampNTZFormat` patterns (Spark's defaults below),
 * numbers as Java prints and parses them.
 */
import { formatDateTime } from '../memory/runtime/datetime-format.js';
import { parseDateTime } from '../memory/runtime/datetime-pattern-parse.js';
import { parseDateTimeOrUpgrade } from '../memory/runtime/datetime-legacy-parse.js';
import { parseTimestampParts, stringToDate, stringToTimestamp, stringToTimestampNTZ } from '../memory/runtime/datetime-parse.js';
import { MICROS_PER_DAY, fromLocalMicros, getZone, offsetSecondsAt, toLocalMicros, type Zone } from '../memory/runtime/datetime.js';
import type { SourceOptions } from './options.js';

export const DEFAULT_DATE_FORMAT = 'yyyy-MM-dd';
export const DEFAULT_TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
export const DEFAULT_TIMESTAMP_NTZ_FORMAT = "yyyy-MM-dd'T'HH:mm:ss[.SSS]";

const UTC: Zone = getZone('UTC');

/** Formats and parses the temporal values of one read or write. */
export class TemporalText {
  readonly zone: Zone;
  readonly dateFormat: string | undefined;
  readonly timestampFormat: string | undefined;
  readonly timestampNTZFormat: string | undefined;

  constructor(opts: SourceOptions) {
    this.zone = getZone(opts.timeZone());
    this.dateFormat = opts.get('dateFormat');
    this.timestampFormat = opts.get('timestampFormat');
    this.timestampNTZFormat = opts.get('timestampNTZFormat');
  }

  formatDate(days: number): string {
    const local = days * MICROS_PER_DAY;
    return formatDateTime(this.dateFormat ?? DEFAULT_DATE_FORMAT, { local, utc: local, offsetSeconds: 0, zone: UTC });
  }

  formatTimestamp(micros: number): string {
    const offsetSeconds = offsetSecondsAt(micros, this.zone);
    const local = toLocalMicros(micros, this.zone);
    return formatDateTime(this.timestampFormat ?? DEFAULT_TIMESTAMP_FORMAT, { local, utc: micros, offsetSeconds, zone: this.zone });
  }

  formatTimestampNTZ(micros: number): string {
    return formatDateTime(this.timestampNTZFormat ?? DEFAULT_TIMESTAMP_NTZ_FORMAT, { local: micros, utc: micros, offsetSeconds: 0, zone: UTC });
  }

  /** Days since the epoch, or undefined (malformed). Without `dateFormat`, Spark's lenient date text. */
  parseDate(text: string): number | undefined {
    if (this.dateFormat === undefined) return stringToDate(text);
    const p = parseDateTimeOrUpgrade(text, this.dateFormat);
    return p === undefined ? undefined : Math.floor(p.local / MICROS_PER_DAY);
  }

  /** Microseconds since the epoch; zone-less text is in the session zone. */
  parseTimestamp(text: string): number | undefined {
    if (this.timestampFormat === undefined) return stringToTimestamp(text, this.zone, Date.now() * 1000);
    const p = parseDateTimeOrUpgrade(text, this.timestampFormat);
    return p === undefined ? undefined : fromLocalMicros(p.local, p.zone ?? this.zone);
  }

  /** Local microseconds; text with a zone or offset is rejected, as Spark rejects it for TIMESTAMP_NTZ. */
  parseTimestampNTZ(text: string): number | undefined {
    if (this.timestampNTZFormat === undefined) {
      if (parseTimestampParts(text)?.zone !== undefined) return undefined;
      return stringToTimestampNTZ(text);
    }
    const p = parseDateTimeOrUpgrade(text, this.timestampNTZFormat);
    return p === undefined || p.zone !== undefined ? undefined : p.local;
  }

  /** Inference: is this text a date in the read's date format (strict `yyyy-MM-dd` by default)? */
  isDate(text: string): boolean {
    if (this.dateFormat === undefined) return /^\d{4}-\d{2}-\d{2}$/.test(text) && stringToDate(text) !== undefined;
    return parseDateTime(text, this.dateFormat) !== undefined;
  }
}

// ---------------------------------------------------------------- numbers

const JAVA_INT = /^[+-]?\d+$/;

/** Java's `Integer.parseInt` / `Long.parseLong` in a range: strict digits, optional sign. */
export function parseJavaIntegral(text: string, min: bigint, max: bigint): number | bigint | undefined {
  if (!JAVA_INT.test(text)) return undefined;
  const v = BigInt(text);
  if (v < min || v > max) return undefined;
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
}

export const INT_MIN = -(2n ** 31n);
export const INT_MAX = 2n ** 31n - 1n;
export const LONG_MIN = -(2n ** 63n);
export const LONG_MAX = 2n ** 63n - 1n;

const JAVA_DOUBLE = /^[+-]?(?:NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?)$/;
const JAVA_HEX_DOUBLE = /^[+-]?0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+[fFdD]?$/;

/** Java's `Double.parseDouble`: surrounding whitespace ignored, `1e5`, `1.`, `.5`, `2d`, `NaN`, `Infinity`. */
export function parseJavaDouble(text: string): number | undefined {
  const s = text.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
  if (JAVA_DOUBLE.test(s)) {
    const body = /[fFdD]$/.test(s) && !s.endsWith('Infinity') ? s.slice(0, -1) : s;
    return Number(body);
  }
  if (JAVA_HEX_DOUBLE.test(s)) return parseHexDouble(s);
  return undefined;
}

function parseHexDouble(s: string): number {
  const m = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?\d+)/.exec(s)!;
  const mantissa = parseInt((m[2] || '0') + (m[3] || ''), 16);
  const v = mantissa * Math.pow(2, Number(m[4]) - 4 * (m[3] ?? '').length);
  return m[1] === '-' ? -v : v;
}

/** Scala's `String.toBoolean`: `true` / `false` in any case. */
export function parseJavaBoolean(text: string): boolean | undefined {
  const s = text.toLowerCase();
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

// ---------------------------------------------------------------- binary

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Base64 (Jackson's MIME-compatible decoder ignores nothing else); undefined when malformed. */
export function fromBase64(text: string): Uint8Array | undefined {
  const s = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return undefined;
  return new Uint8Array(Buffer.from(s, 'base64'));
}

// ---------------------------------------------------------------- decimals

const JAVA_BIG_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Java's `new BigDecimal(text)`: unscaled value, scale and precision; undefined when malformed. */
export function parseJavaBigDecimal(text: string): { unscaled: bigint; scale: number; precision: number } | undefined {
  const m = JAVA_BIG_DECIMAL.exec(text);
  if (!m) return undefined;
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  if (intPart.length + frac.length === 0) return undefined;
  const digits = (intPart + frac).replace(/^0+(?=\d)/, '');
  let unscaled = BigInt(digits);
  if (m[1] === '-') unscaled = -unscaled;
  const scale = frac.length - Number(m[4] ?? 0);
  const precision = digits === '0' ? 1 : digits.length;
  return { unscaled, scale, precision };
}

/** Rounds `unscaled × 10^-scale` HALF_UP to `toScale`; undefined when it needs more than `precision` digits. */
export function toDecimalValue(unscaled: bigint, scale: number, precision: number, toScale: number): bigint | undefined {
  let v: bigint;
  if (scale === toScale) v = unscaled;
  else if (scale < toScale) v = unscaled * 10n ** BigInt(toScale - scale);
  else {
    const d = 10n ** BigInt(scale - toScale);
    const neg = unscaled < 0n;
    const abs = neg ? -unscaled : unscaled;
    let q = abs / d;
    if ((abs % d) * 2n >= d) q += 1n;
    v = neg ? -q : q;
  }
  const abs = v < 0n ? -v : v;
  return abs.toString().length > precision && abs !== 0n ? undefined : v;
}
