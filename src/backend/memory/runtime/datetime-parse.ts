/**
 * Spark's own (pattern-less) parsing of date and timestamp text, used by
 * CAST and by `to_date`/`to_timestamp` without a format. Behaviour follows
 * Spark 3.5's DateTimeUtils.stringToDate / stringToTimestamp:
 *
 *   date:      [+-]yyyy*, [+-]yyyy*-[m]m, [+-]yyyy*-[m]m-[d]d, then optionally ' ' or 'T' and anything
 *   timestamp: [+-]yyyy*[-[m]m[-[d]d[( |T)[h]h[:[m]m[:[s]s[.fraction]]][zone]]]]  or a time only
 *              ([T][h]h:[m]m[:[s]s[.fraction]][zone], dated today in the zone)
 *
 * Invalid text gives undefined (the caller's null).
 */
import { DateTimeException } from '../../../errors/index.js';
import {
  MICROS_PER_DAY,
  daysFromCivil,
  fromLocalMicros,
  isValidDate,
  localMicrosOf,
  timestampToDays,
  tryGetZone,
  type Zone,
} from './datetime.js';

/** Spark's `trimAll`: strips whitespace and ISO control characters at both ends. */
export function trimAll(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpaceOrControl(s.charCodeAt(a))) a++;
  while (b > a && isSpaceOrControl(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

const isSpaceOrControl = (c: number): boolean => c <= 0x20 || (c >= 0x7f && c <= 0x9f);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** -1 or 1 for a leading `-` or `+` (which the year's digits follow), 0 when there is none. */
const leadingSign = (s: string): number => (s[0] === '-' ? -1 : s[0] === '+' ? 1 : 0);

/** Days since epoch of `text`, or undefined when Spark's cast would give null. */
export function stringToDate(text: string): number | undefined {
  const s = trimAll(text);
  if (s.length === 0) return undefined;
  const seg = [1, 1, 1];
  const sign = leadingSign(s);
  let j = sign === 0 ? 0 : 1;
  let i = 0;
  let value = 0;
  let digits = 0;
  const validDigits = (segment: number, n: number): boolean => (segment === 0 ? n >= 4 && n <= 7 : n > 0 && n <= 2);
  while (j < s.length && i < 3) {
    const ch = s[j]!;
    if (ch === ' ' || ch === 'T') break;
    if (i < 2 && ch === '-') {
      if (!validDigits(i, digits)) return undefined;
      seg[i] = value;
      value = 0;
      digits = 0;
      i++;
    } else {
      const c = s.charCodeAt(j);
      if (!isDigit(c)) return undefined;
      value = value * 10 + (c - 48);
      digits++;
    }
    j++;
  }
  if (!validDigits(i, digits)) return undefined;
  // `yyyy` and `yyyy-[m]m` must consume the whole input.
  if (i < 2 && j < s.length) return undefined;
  seg[i] = value;
  const y = (sign === 0 ? 1 : sign) * seg[0]!;
  if (!isValidDate(y, seg[1]!, seg[2]!)) return undefined;
  return daysFromCivil(y, seg[1]!, seg[2]!);
}

/** The fields of a timestamp string before zone resolution. */
export interface TimestampParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly micros: number;
  /** Zone text as written (`Z`, `+08:00`, `America/New_York`), if any. */
  readonly zone?: string;
  /** Only a time was given: the date is today's. */
  readonly justTime: boolean;
}

/** Scans timestamp text into its fields; undefined when the shape is invalid. */
export function parseTimestampParts(text: string): TimestampParts | undefined {
  const s = trimAll(text);
  if (s.length === 0) return undefined;
  // year, month, day, hour, minute, second, fraction
  const seg = [1, 1, 1, 0, 0, 0, 0];
  const sign = leadingSign(s);
  let j = sign === 0 ? 0 : 1;
  let i = 0;
  let value = 0;
  let digits = 0;
  let fractionDigits = 0;
  let justTime = false;
  let zone: string | undefined;
  const validDigits = (segment: number, n: number): boolean => {
    if (segment === 6) return true;
    if (segment === 0) return n >= 4 && n <= 6;
    if (segment === 7) return n <= 2;
    return n > 0 && n <= 2;
  };
  const close = (segment: number): boolean => {
    if (!validDigits(segment, digits)) return false;
    seg[segment] = value;
    value = 0;
    digits = 0;
    return true;
  };
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (isDigit(c)) {
      if (i === 6) {
        fractionDigits++;
        if (digits < 6) value = value * 10 + (c - 48);
      } else {
        value = value * 10 + (c - 48);
      }
      digits++;
      j++;
      continue;
    }
    const ch = s[j]!;
    if (j === 0 && ch === 'T') {
      justTime = true;
      i += 3;
    } else if (i < 2) {
      if (ch === '-') {
        if (!close(i)) return undefined;
        i++;
      } else if (i === 0 && ch === ':' && sign === 0) {
        justTime = true;
        if (!close(3)) return undefined;
        i = 4;
      } else {
        return undefined;
      }
    } else if (i === 2) {
      if (ch !== ' ' && ch !== 'T') return undefined;
      if (!close(2)) return undefined;
      i++;
    } else if (i === 3 || i === 4) {
      if (ch !== ':') return undefined;
      if (!close(i)) return undefined;
      i++;
    } else if (i === 5 || i === 6) {
      if (ch === '.' && i === 5) {
        if (!close(5)) return undefined;
        i = 6;
      } else {
        if (!close(i)) return undefined;
        zone = s.slice(j);
        i = 7;
        break;
      }
    } else {
      return undefined;
    }
    j++;
  }
  if (i < 7) {
    if (!validDigits(i, digits)) return undefined;
    seg[i] = value;
  }
  let micros = seg[6]!;
  for (let k = Math.min(fractionDigits, 6); k < 6; k++) micros *= 10;
  return {
    year: seg[0]! * (sign === 0 ? 1 : sign),
    month: seg[1]!,
    day: seg[2]!,
    hour: seg[3]!,
    minute: seg[4]!,
    second: seg[5]!,
    micros,
    ...(zone !== undefined ? { zone: zone.trim() } : {}),
    justTime,
  };
}

/** Spark's normalization of offsets before ZoneId.of: `+8:00` → `+08:00`, `+08:5` → `+08:05`. */
export function zoneFromText(text: string): Zone | undefined {
  const normalized = text.replace(/^([+-])(\d):/, '$10$2:').replace(/([+-]\d\d):(\d)$/, '$1:0$2');
  return tryGetZone(normalized);
}

/**
 * A zone argument of from_utc_timestamp, to_utc_timestamp, convert_timezone and
 * make_timestamp: Spark resolves it with java.time's ZoneId.of, whose failure is
 * a DateTimeException without an error class (not a NULL result).
 */
export function zoneOrThrow(text: string): Zone {
  const zone = zoneFromText(text);
  if (zone) return zone;
  // An offset beyond ±18 hours fails ZoneOffset's range check (ZoneId.of rewords it after a UTC/GMT/UT prefix).
  const offset = /^(UTC|GMT|UT)?([+-])(\d\d?)(?::?\d\d){0,2}$/.exec(text);
  if (offset && Number(offset[3]) > 18) {
    if (offset[1]) throw new DateTimeException(`Invalid ID for offset-based ZoneId: ${text}`);
    const hours = Number(offset[3]) * (offset[2] === '-' ? -1 : 1);
    throw new DateTimeException(`Zone offset hours not in valid range: value ${hours} is not in the range -18 to 18`);
  }
  throw new DateTimeException(text === '' ? '' : `Unknown time-zone ID: ${text}`);
}

function validTime(p: TimestampParts): boolean {
  return p.hour <= 23 && p.minute <= 59 && p.second <= 59;
}

/** Timestamp text → microseconds since epoch (UTC), interpreting zone-less text in `sessionZone`. */
export function stringToTimestamp(text: string, sessionZone: Zone, nowMicros: number): number | undefined {
  const p = parseTimestampParts(text);
  if (!p || !validTime(p)) return undefined;
  const zone = p.zone !== undefined ? zoneFromText(p.zone) : sessionZone;
  if (!zone) return undefined;
  let days: number;
  if (p.justTime) {
    days = timestampToDays(nowMicros, zone);
  } else {
    if (!isValidDate(p.year, p.month, p.day)) return undefined;
    days = daysFromCivil(p.year, p.month, p.day);
  }
  const local = days * MICROS_PER_DAY + localMicrosOf(1970, 1, 1, p.hour, p.minute, p.second, p.micros);
  return fromLocalMicros(local, zone);
}

/** Timestamp text → local microseconds for TIMESTAMP_NTZ (any zone is ignored; a time alone is invalid). */
export function stringToTimestampNTZ(text: string): number | undefined {
  const p = parseTimestampParts(text);
  if (!p || p.justTime || !validTime(p) || !isValidDate(p.year, p.month, p.day)) return undefined;
  return localMicrosOf(p.year, p.month, p.day, p.hour, p.minute, p.second, p.micros);
}
