/**
 * Exact readers of the value texts `createDataFrame` accepts for decimal, date and timestamp
 * fields, and of plain-object keys given for a map; SQL literals and the testing toolkit read the
 * same forms, so they are shared helpers rather than parts of the verifier.
 */
import { BooleanType, ByteType, DataType, DoubleType, FloatType, IntegerType, LongType, ShortType } from './data-types.js';
import { narrowLong } from './to-external.js';
import { daysFromCivil, isValidDate, localMicrosOf, localMicrosToUtc } from './timezone.js';

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

/** Object keys are strings: read them as numbers/booleans when the map's key type asks for it. */
export function readObjectKey(key: string, keyType: DataType): unknown {
  if (keyType instanceof ByteType || keyType instanceof ShortType || keyType instanceof IntegerType || keyType instanceof LongType) {
    return /^-?\d+$/.test(key) ? narrowLong(BigInt(key)) : key;
  }
  if (keyType instanceof FloatType || keyType instanceof DoubleType) {
    const n = Number(key);
    return key.trim() !== '' && !Number.isNaN(n) ? n : key;
  }
  if (keyType instanceof BooleanType) return key === 'true' ? true : key === 'false' ? false : key;
  return key;
}
