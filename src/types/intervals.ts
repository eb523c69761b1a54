/**
 * Interval values: Spark's ANSI year-month and day-time intervals and the
 * legacy calendar interval. Representation (internal and collected):
 * year-month = number of months; day-time = number of microseconds (a bigint
 * beyond ±(2^53-1), like longs); calendar = a `CalendarInterval`. Text forms
 * as Spark writes them (`INTERVAL '1 02:03:04' DAY TO SECOND`,
 * `1 years 2 months 3 days`). See docs/types.md.
 */
import { DataType, DayTimeIntervalType, YearMonthIntervalType, CalendarIntervalType } from './data-types.js';
import { definePublicName } from '../util/public-name.js';

export const MICROS_PER_SECOND = 1_000_000;
export const MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
export const MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
export const MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

/** Microseconds in one unit of each day-time field (DAY, HOUR, MINUTE, SECOND). */
export const DAY_TIME_UNIT_MICROS = [MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND] as const;

/** Spark's CalendarInterval: months, days and microseconds, each kept apart (a month has no fixed length). */
export class CalendarInterval {
  static {
    definePublicName(this, 'CalendarInterval');
  }

  constructor(
    readonly months: number,
    readonly days: number,
    readonly microseconds: number,
  ) {}

  equals(o: unknown): boolean {
    return o instanceof CalendarInterval && o.months === this.months && o.days === this.days && o.microseconds === this.microseconds;
  }

  /** Spark's text: `1 years 2 months 25 days 5 hours 6 minutes 7.5 seconds`, `0 seconds` when empty. */
  toString(): string {
    if (this.months === 0 && this.days === 0 && this.microseconds === 0) return '0 seconds';
    const parts: string[] = [];
    const unit = (v: number, name: string): void => {
      if (v !== 0) parts.push(`${v} ${name}`);
    };
    unit(Math.trunc(this.months / 12), 'years');
    unit(this.months % 12, 'months');
    unit(this.days, 'days');
    let rest = this.microseconds;
    unit(Math.trunc(rest / MICROS_PER_HOUR), 'hours');
    rest %= MICROS_PER_HOUR;
    unit(Math.trunc(rest / MICROS_PER_MINUTE), 'minutes');
    rest %= MICROS_PER_MINUTE;
    if (rest !== 0) parts.push(`${secondsText(rest)} seconds`);
    return parts.join(' ');
  }
}

/** Microseconds as plain decimal seconds without trailing zeros (`7.5`, `-0.000001`). */
function secondsText(micros: number): string {
  const sign = micros < 0 ? '-' : '';
  const abs = Math.abs(micros);
  const whole = Math.floor(abs / MICROS_PER_SECOND);
  const frac = abs % MICROS_PER_SECOND;
  return `${sign}${whole}${fraction(frac)}`;
}

/** `.5`, `.000001` or '' for the sub-second micros of an interval. */
const fraction = (micros: number): string => (micros === 0 ? '' : '.' + String(micros).padStart(6, '0').replace(/0+$/, ''));

export const isIntervalType = (t: DataType): boolean =>
  t instanceof YearMonthIntervalType || t instanceof DayTimeIntervalType || t instanceof CalendarIntervalType;

export const isAnsiInterval = (t: DataType): t is YearMonthIntervalType | DayTimeIntervalType =>
  t instanceof YearMonthIntervalType || t instanceof DayTimeIntervalType;

const fieldSql = (names: readonly string[], start: number, end: number): string =>
  start === end ? names[start]!.toUpperCase() : `${names[start]!.toUpperCase()} TO ${names[end]!.toUpperCase()}`;

/** `INTERVAL '1-2' YEAR TO MONTH` for a number of months. */
export function formatYearMonth(months: number, t: YearMonthIntervalType): string {
  const sign = months < 0 ? '-' : '';
  const abs = Math.abs(months);
  let body: string;
  if (t.startField === t.endField) body = t.startField === 0 ? String(Math.trunc(abs / 12)) : String(abs);
  else body = `${Math.trunc(abs / 12)}-${abs % 12}`;
  return `INTERVAL '${sign}${body}' ${fieldSql(YearMonthIntervalType.FIELD_NAMES, t.startField, t.endField)}`;
}

/** `INTERVAL '1 02:03:04.5' DAY TO SECOND` for microseconds; fields below `endField` are dropped. */
export function formatDayTime(micros: number | bigint, t: DayTimeIntervalType): string {
  let rest = typeof micros === 'bigint' ? micros : BigInt(micros);
  const sign = rest < 0n ? '-' : '';
  if (rest < 0n) rest = -rest;
  const pad = (v: bigint): string => String(v).padStart(2, '0');
  const parts: string[] = [];
  for (let f = t.startField; f <= t.endField; f++) {
    const unit = BigInt(DAY_TIME_UNIT_MICROS[f]!);
    const v = rest / unit;
    rest -= v * unit;
    let text = f === 0 ? String(v) : pad(v);
    if (f === 3) text += fraction(Number(rest));
    parts.push(text);
  }
  const body = t.startField === 0 && parts.length > 1 ? `${parts[0]} ${parts.slice(1).join(':')}` : parts.join(':');
  return `INTERVAL '${sign}${body}' ${fieldSql(DayTimeIntervalType.FIELD_NAMES, t.startField, t.endField)}`;
}

/** Text of a non-null interval value of type `t` (show(), CAST AS STRING and literal names). */
export function intervalToString(value: unknown, t: DataType): string {
  if (t instanceof YearMonthIntervalType) return formatYearMonth(Number(value), t);
  if (t instanceof DayTimeIntervalType) return formatDayTime(value as number | bigint, t);
  return String(value);
}

const ANSI_BODY: Record<string, RegExp> = {
  'YEAR': /^([+-])?(\d+)$/,
  'MONTH': /^([+-])?(\d+)$/,
  'YEAR TO MONTH': /^([+-])?(\d+)-(\d+)$/,
  'DAY': /^([+-])?(\d+)$/,
  'HOUR': /^([+-])?(\d+)$/,
  'MINUTE': /^([+-])?(\d+)$/,
  'SECOND': /^([+-])?(\d+)(?:\.(\d{1,9}))?$/,
  'DAY TO HOUR': /^([+-])?(\d+) (\d{1,2})$/,
  'DAY TO MINUTE': /^([+-])?(\d+) (\d{1,2}):(\d{1,2})$/,
  'DAY TO SECOND': /^([+-])?(\d+) (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,9}))?$/,
  'HOUR TO MINUTE': /^([+-])?(\d+):(\d{1,2})$/,
  'HOUR TO SECOND': /^([+-])?(\d+):(\d{1,2}):(\d{1,2})(?:\.(\d{1,9}))?$/,
  'MINUTE TO SECOND': /^([+-])?(\d+):(\d{1,2})(?:\.(\d{1,9}))?$/,
};

/**
 * Parses the quoted body of an ANSI interval literal (`'-1 02:03:04.5'` for
 * DAY TO SECOND) into months or microseconds; undefined when it does not match
 * the form, Spark's message when a year-month value does not fit an int. `INTERVAL '...' <fields>` text as a whole is accepted too (casts).
 */
export function parseAnsiInterval(text: string, t: YearMonthIntervalType | DayTimeIntervalType): number | string | undefined {
  const ym = t instanceof YearMonthIntervalType;
  const names = ym ? YearMonthIntervalType.FIELD_NAMES : DayTimeIntervalType.FIELD_NAMES;
  const fields = fieldSql(names, t.startField, t.endField);
  let body = text.trim();
  const full = /^INTERVAL\s+([+-])?'([^']*)'\s+(\w+(?:\s+TO\s+\w+)?)$/i.exec(body);
  if (full) {
    if (full[3]!.toUpperCase().replace(/\s+/g, ' ') !== fields) return undefined;
    const inner = full[2]!.trim();
    body = full[1] === '-' ? (inner.startsWith('-') ? inner.slice(1) : inner.startsWith('+') ? '-' + inner.slice(1) : '-' + inner) : inner;
  }
  const m = ANSI_BODY[fields]!.exec(body);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const nums = m.slice(2);
  if (ym) {
    const maxYear = Math.floor((2 ** 31 - 1) / 12);
    if (t.startField !== t.endField && Number(nums[0]) > maxYear) {
      return `Error parsing interval year-month string: requirement failed: year ${nums[0]} outside range [0, ${maxYear}]`;
    }
    const months = t.startField === t.endField ? Number(nums[0]) * (t.startField === 0 ? 12 : 1) : Number(nums[0]) * 12 + Number(nums[1]);
    if (t.startField !== t.endField && Number(nums[1]) > 11) return undefined;
    // The sign applies before the int check: -178956970-8 (Int.MinValue) fits.
    if (sign * months < -(2 ** 31) || sign * months > 2 ** 31 - 1) return 'Error parsing interval year-month string: integer overflow';
    return sign * months;
  }
  let micros = 0;
  let f = t.startField;
  for (let i = 0; f <= t.endField; i++, f++) {
    const v = Number(nums[i]);
    // Only the leading field may exceed its natural range (`INTERVAL '100' HOUR`).
    if (i > 0 && ((f === 1 && v > 23) || (f >= 2 && v > 59))) return undefined;
    micros += v * DAY_TIME_UNIT_MICROS[f]!;
    if (f === 3 && nums[i + 1] !== undefined) micros += Number(nums[i + 1]!.padEnd(6, '0').slice(0, 6));
  }
  return sign * micros;
}

const DURATION_UNITS: Record<string, number> = {
  week: 7 * MICROS_PER_DAY,
  day: MICROS_PER_DAY,
  hour: MICROS_PER_HOUR,
  minute: MICROS_PER_MINUTE,
  second: MICROS_PER_SECOND,
  millisecond: 1000,
  microsecond: 1,
};

/**
 * A fixed-length duration in microseconds from interval text as time windows
 * take it (`'10 minutes'`, `'1 hour 30 minutes'`, `'interval 1 day'`);
 * undefined when the text is not one (months and years have no fixed length).
 */
export function parseDurationMicros(text: string): number | undefined {
  const words = text.trim().toLowerCase().replace(/^interval\s+/, '').split(/\s+/);
  if (words.length === 0 || words.length % 2 !== 0) return undefined;
  let total = 0;
  for (let i = 0; i < words.length; i += 2) {
    const n = Number(words[i]);
    const unit = DURATION_UNITS[words[i + 1]!.replace(/s$/, '')];
    if (!Number.isFinite(n) || unit === undefined) return undefined;
    total += Math.round(n * unit);
  }
  return total;
}
