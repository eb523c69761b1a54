/**
 * Date and time helpers of the memory backend on the internal representations:
 * dates are days since 1970-01-01, timestamps microseconds since the epoch
 * (UTC). The calendar and time-zone arithmetic itself (proleptic Gregorian
 * calendar, zones resolved like Java's `ZoneId.of(id, SHORT_IDS)`) lives in
 * `types/timezone.ts` and is re-exported here.
 */
import {
  MICROS_PER_DAY,
  MICROS_PER_SECOND,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  fromLocalMicros,
  toLocalMicros,
  type Zone,
} from '../../../types/timezone.js';
import { ArithmeticException } from '../../../errors/index.js';
import { floorDiv } from './long.js';

export {
  MICROS_PER_MILLI,
  MICROS_PER_SECOND,
  SECONDS_PER_DAY,
  MICROS_PER_DAY,
  daysFromCivil,
  civilFromDays,
  isLeapYear,
  daysInMonth,
  isValidDate,
  localMicrosOf,
  tryGetZone,
  getZone,
  offsetSecondsAt,
  toLocalMicros,
  fromLocalMicros,
  type Zone,
} from '../../../types/timezone.js';

/** 2^63: Long.MAX as a double (µs are doubles here), and -Long.MIN. */
export const LONG_RANGE_END = 9223372036854775808;

/**
 * µs that Spark computes with exact long arithmetic (java.time's instant conversion, addExact):
 * beyond a long that is Spark's "long overflow". An offset or truncation (whole seconds at
 * least) moves a value near ±2^63 by more than a double's step, so the comparison is exact.
 */
export function inLongRange(micros: number): number {
  if (micros > LONG_RANGE_END || micros < -LONG_RANGE_END) throw new ArithmeticException('long overflow');
  return micros;
}

/** ISO day of week: 1 = Monday ... 7 = Sunday. */
export function isoDayOfWeek(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

export function dayOfYear(days: number): number {
  const [y] = civilFromDays(days);
  return days - daysFromCivil(y, 1, 1) + 1;
}

/** ISO-8601 week number and week-based year. */
export function isoWeek(days: number): { week: number; year: number } {
  const dow = isoDayOfWeek(days);
  const thursday = days - dow + 4;
  const [y] = civilFromDays(thursday);
  const week = Math.floor((thursday - daysFromCivil(y, 1, 1)) / 7) + 1;
  return { week, year: y };
}

/** Adds months like java.time's `plusMonths` (day clamped to the month's length). */
export function addMonthsToDays(days: number, months: number): number {
  const [y, m, d] = civilFromDays(days);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Splits microseconds of a (local) day-time into calendar and clock fields. */
export interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Microseconds within the second (0..999999). */
  micros: number;
  /** Days since the epoch of the local date. */
  days: number;
}

export function localFields(localMicros: number): LocalFields {
  const days = floorDiv(localMicros, MICROS_PER_DAY);
  const inDay = localMicros - days * MICROS_PER_DAY;
  const [year, month, day] = civilFromDays(days);
  const secs = Math.floor(inDay / MICROS_PER_SECOND);
  return {
    year,
    month,
    day,
    hour: Math.floor(secs / 3600),
    minute: Math.floor((secs % 3600) / 60),
    second: secs % 60,
    micros: inDay - secs * MICROS_PER_SECOND,
    days,
  };
}

/** Timestamp → date in the zone (Spark's cast timestamp to date). */
export function timestampToDays(micros: number, zone: Zone): number {
  return floorDiv(toLocalMicros(micros, zone), MICROS_PER_DAY);
}

/** Date → timestamp at the local midnight in the zone. */
export function daysToTimestamp(days: number, zone: Zone): number {
  return fromLocalMicros(days * MICROS_PER_DAY, zone);
}

/** Current local date (days) of an instant in the zone. */
export function currentDays(nowMicros: number, zone: Zone): number {
  return timestampToDays(nowMicros, zone);
}
