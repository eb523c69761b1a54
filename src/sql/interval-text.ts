/**
 * Interval text as Spark 3.5 reads the multi-unit literal forms (`INTERVAL 1 DAY 2 HOURS`,
 * concatenated to ` 1 DAY 2 HOURS`, and the typed literal `INTERVAL '1 day 2 hours'`), and the
 * quoted value of the from-to form (`INTERVAL '1 02:03' DAY TO MINUTE`). Failures carry the
 * reason Spark words (`invalid unit '2'`, `'days' cannot have fractional part`).
 */
import { MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND } from '../types/intervals.js';

/** Unit → [year-month or day-time, field index in its type, months or microseconds per unit]. */
const UNITS: Record<string, readonly ['ym' | 'dt', number, number]> = {
  year: ['ym', 0, 12],
  month: ['ym', 1, 1],
  week: ['dt', 0, 7],
  day: ['dt', 0, 1],
  hour: ['dt', 1, MICROS_PER_HOUR],
  minute: ['dt', 2, MICROS_PER_MINUTE],
  second: ['dt', 3, MICROS_PER_SECOND],
  millisecond: ['dt', 3, 1000],
  microsecond: ['dt', 3, 1],
};

/** The unit keywords Spark's grammar takes after a value (nanoseconds parse, then fail as a unit). */
export const isUnitKeyword = (word: string): boolean => /^(nanosecond|microsecond|millisecond|second|minute|hour|day|week|month|year)s?$/i.test(word);

export interface IntervalText {
  readonly months: number;
  readonly days: number;
  readonly micros: bigint;
  /** Kind and field index of each unit written, in order. */
  readonly fields: readonly (readonly ['ym' | 'dt', number])[];
}

const INT_MAX = 2 ** 31 - 1;
const LONG_MAX = 2n ** 63n - 1n;

class Failure {
  constructor(readonly reason: string) {}
}

/** Spark's stringToInterval over `input`: the parsed fields, or the reason it fails. */
export function readIntervalText(input: string): IntervalText | Failure {
  const s = input.trim().toLowerCase();
  // The whitespace-delimited word around `i`, as Spark names a bad value or unit.
  const wordAt = (i: number): string => {
    let [a, b] = [i, i];
    while (a > 0 && !/\s/.test(s[a - 1]!)) a--;
    while (b < s.length && !/\s/.test(s[b]!)) b++;
    return s.slice(a, b);
  };
  let i = /^interval(\s|$)/.test(s) ? 8 : 0;
  let [months, days, micros] = [0, 0, 0n];
  const fields: (readonly ['ym' | 'dt', number])[] = [];
  const skipSpace = (): void => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  skipSpace();
  if (i >= s.length) return new Failure(s.length === 0 ? 'interval string cannot be empty' : 'interval string cannot be empty after interval');
  while (i < s.length) {
    let negative = false;
    let signed = false;
    if (s[i] === '-' || s[i] === '+') {
      negative = s[i] === '-';
      signed = true;
      i++;
      skipSpace();
    }
    const m = /^(\d*)(?:\.(\d*))?/.exec(s.slice(i))!;
    if (m[0] === '' || m[0] === '.') return new Failure(signed ? `invalid value '${wordAt(i)}'` : `unrecognized number '${wordAt(i)}'`);
    const valueAt = i;
    i += m[0].length;
    if (i < s.length && !/\s/.test(s[i]!)) return new Failure(`invalid value '${wordAt(valueAt)}'`);
    skipSpace();
    if (i >= s.length) return new Failure(`expect a unit name after '${wordAt(valueAt)}'`);
    const unitWord = wordAt(i);
    i += unitWord.length;
    const unit = UNITS[unitWord.replace(/s$/, '')];
    if (!unit) return new Failure(`invalid unit '${unitWord}'`);
    const fraction = m[2] ?? '';
    if (m[2] !== undefined && unitWord.replace(/s$/, '') !== 'second') return new Failure(`'${unitWord}' cannot have fractional part`);
    const whole = BigInt(m[1] || '0');
    const sign = negative ? -1n : 1n;
    if (unit[0] === 'ym' || unitWord.startsWith('day') || unitWord.startsWith('week')) {
      // Months and days are ints in Spark's CalendarInterval.
      const n = sign * whole * BigInt(unit[2]);
      const total = BigInt(unit[0] === 'ym' ? months : days) + n;
      // The sign applies before the int check, as Spark accumulates signed digits: -2147483648 months fits.
      if (n > BigInt(INT_MAX) || n < -BigInt(INT_MAX) - 1n || total > BigInt(INT_MAX) || total < -BigInt(INT_MAX) - 1n) {
        return new Failure('integer overflow');
      }
      if (unit[0] === 'ym') months = Number(total);
      else days = Number(total);
    } else {
      // Fractional seconds are truncated to the microsecond.
      const n = sign * (whole * BigInt(unit[2]) + BigInt((fraction + '000000').slice(0, 6)));
      micros += n;
      if (micros > LONG_MAX || micros < -LONG_MAX - 1n) return new Failure('long overflow');
    }
    fields.push([unit[0], unit[1]]);
    skipSpace();
  }
  return { months, days, micros, fields };
}

export const isFailure = (r: IntervalText | Failure): r is Failure => r instanceof Failure;

/** Spark's from-to forms: the value pattern and how its text is shown in the mismatch message. */
const FROM_TO: Record<string, readonly [RegExp, string]> = {
  'year to month': [/^([+-])?(\d+)-(\d+)$/, '[+|-]y-m'],
  'day to hour': [/^([+-])?(\d+) (\d+)$/, '[+|-]d h'],
  'day to minute': [/^([+-])?(\d+) (\d+):(\d+)$/, '[+|-]d h:m'],
  'day to second': [/^([+-])?(\d+) (\d+):(\d+):(\d+)(?:\.(\d{0,9}))?$/, '[+|-]d h:m:s.n'],
  'hour to minute': [/^([+-])?(\d+):(\d+)$/, '[+|-]h:m'],
  'hour to second': [/^([+-])?(\d+):(\d+):(\d+)(?:\.(\d{0,9}))?$/, '[+|-]h:m:s.n'],
  'minute to second': [/^([+-])?(\d+):(\d+)(?:\.(\d{0,9}))?$/, '[+|-]m:s.n'],
};

const DT_NAMES = ['day', 'hour', 'minute', 'second'];
const DT_MICROS = [MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND];
const DT_MAX = [Infinity, 23, 59, 59];

/**
 * The months (YEAR TO MONTH) or microseconds of the from-to value `value` (sign applied),
 * or Spark's message when it does not fit `from`..`to` (lower-case unit names); undefined
 * for a pair Spark does not support.
 */
export function readFromTo(value: string, from: string, to: string): number | bigint | string | undefined {
  const key = `${from} to ${to}`;
  const form = FROM_TO[key];
  if (!form) return undefined;
  const ym = from === 'year';
  const m = form[0].exec(value.trim());
  if (!m) {
    const [kind, upper] = [ym ? 'year-month' : 'day-time', key.toUpperCase()];
    const mismatch = `Interval string does not match ${kind} format of \`${form[1]}\`, \`INTERVAL [+|-]'${form[1]}' ${upper}\` when cast to interval ${key}: ${value}`;
    const detail = ym ? mismatch : `${mismatch}, set spark.sql.legacy.fromDayTimeString.enabled to true to restore the behavior before Spark 3.0.`;
    // A bare number fails inside Spark's parser, which prefixes what it was parsing.
    return /^[+-]?\d+$/.test(value.trim()) ? `Error parsing interval ${kind} string: ${detail}` : detail;
  }
  const sign = m[1] === '-' ? -1 : 1;
  if (ym) {
    const [year, month] = [Number(m[2]), Number(m[3])];
    const maxYear = Math.floor((2 ** 31 - 1) / 12);
    if (year > maxYear) return `Error parsing interval year-month string: requirement failed: year ${m[2]} outside range [0, ${maxYear}]`;
    if (month > 11) return `Error parsing interval year-month string: requirement failed: month ${month} outside range [0, 11]`;
    // Spark signs the month count before its int check, so -178956970-8 (Int.MinValue) fits.
    const months = sign * (year * 12 + month);
    if (months < -(2 ** 31) || months > 2 ** 31 - 1) return 'Error parsing interval year-month string: integer overflow';
    return months;
  }
  const start = DT_NAMES.indexOf(from);
  // Exact in BigInt: the leading field reaches Long.MaxValue microseconds (`'106751991 04:00:54.775807'`).
  let micros = 0n;
  for (let f = start, g = 2; f <= DT_NAMES.indexOf(to); f++, g++) {
    const v = BigInt(m[g]!);
    const max = f > start ? BigInt(DT_MAX[f]!) : LONG_MAX / BigInt(DT_MICROS[f]!);
    if (v > max) return `requirement failed: ${DT_NAMES[f]} ${v} outside range [0, ${max}]`;
    micros += v * BigInt(DT_MICROS[f]!);
    if (f === 3 && m[g + 1]) micros += BigInt((m[g + 1]! + '000000').slice(0, 6));
  }
  const signed = BigInt(sign) * micros;
  if (signed > LONG_MAX || signed < -LONG_MAX - 1n) return 'long overflow';
  return signed >= BigInt(Number.MIN_SAFE_INTEGER) && signed <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(signed) : signed;
}
