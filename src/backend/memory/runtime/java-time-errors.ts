/**
 * The texts of java.time's DateTimeException for out-of-range fields, which
 * Spark's ANSI mode passes on (make_date, make_timestamp, to_timestamp with a
 * pattern): `Invalid value for MonthOfYear (valid values 1 - 12): 13`,
 * `Invalid date 'APRIL 31'`. Checked in java.time's order: year, month, day,
 * then hour, minute, second.
 */
import { daysInMonth, isLeapYear } from '../../../types/timezone.js';
import { scanDateTime } from './datetime-pattern-parse.js';

const MONTH_NAMES = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];
const YEAR_LIMIT = 999_999_999;

const invalidValue = (field: string, range: string, v: number): string => `Invalid value for ${field} (valid values ${range}): ${v}`;

/** Why LocalDate.of(y, m, d) fails, or undefined when it names a real day. */
export function javaDateError(y: number, m: number, d: number): string | undefined {
  if (y < -YEAR_LIMIT || y > YEAR_LIMIT) return invalidValue('Year', `-${YEAR_LIMIT} - ${YEAR_LIMIT}`, y);
  if (m < 1 || m > 12) return invalidValue('MonthOfYear', '1 - 12', m);
  if (d < 1 || d > 31) return invalidValue('DayOfMonth', '1 - 28/31', d);
  if (d <= daysInMonth(y, m)) return undefined;
  if (m === 2 && d === 29 && !isLeapYear(y)) return `Invalid date 'February 29' as '${y}' is not a leap year`;
  return `Invalid date '${MONTH_NAMES[m - 1]} ${d}'`;
}

/** Why LocalDate.ofYearDay(y, doy) fails, or undefined. */
export function javaYearDayError(y: number, doy: number): string | undefined {
  if (y < -YEAR_LIMIT || y > YEAR_LIMIT) return invalidValue('Year', `-${YEAR_LIMIT} - ${YEAR_LIMIT}`, y);
  if (doy < 1 || doy > 366) return invalidValue('DayOfYear', '1 - 365/366', doy);
  if (doy === 366 && !isLeapYear(y)) return `Invalid date 'DayOfYear 366' as '${y}' is not a leap year`;
  return undefined;
}

/** Why LocalTime.of(h, mi, s) fails, or undefined. */
export function javaTimeError(h: number, mi: number, s: number): string | undefined {
  if (h < 0 || h > 23) return invalidValue('HourOfDay', '0 - 23', h);
  if (mi < 0 || mi > 59) return invalidValue('MinuteOfHour', '0 - 59', mi);
  if (s < 0 || s > 59) return invalidValue('SecondOfMinute', '0 - 59', s);
  return undefined;
}

/**
 * java.time's reason a pattern rejects `text` (Spark's CANNOT_PARSE_TIMESTAMP message):
 * `Text '…' could not be parsed at index N`, `…, unparsed text found at index N` or
 * `…: Invalid value for …`. Undefined where java.time's answer is not modelled
 * (adjacent numeric fields, a day of year with a month or day, quarter, day-of-week, 12-hour and era fields).
 */
export function explainParseFailure(text: string, pattern: string): string | undefined {
  const scan = scanDateTime(text, pattern);
  const head = `Text '${text}' could not be parsed`;
  if (!scan.matched) return scan.failAt === undefined ? undefined : `${head} at index ${scan.failAt}`;
  if (scan.pos !== text.length) return `${head}, unparsed text found at index ${scan.pos}`;
  const f = scan.fields;
  // A day of year resolves with the year alone (LocalDate.ofYearDay); with a month or day as well, java.time cross-checks (not modelled).
  const byDayOfYear = f.has('D') && !f.has('M') && !f.has('d');
  if ([...f.keys()].some((k) => !(byDayOfYear ? 'yDHmsS' : 'yMdHmsS').includes(k))) return undefined;
  const date = byDayOfYear ? javaYearDayError(f.get('y') ?? 1970, f.get('D')!) : javaDateError(f.get('y') ?? 1970, f.get('M') ?? 1, f.get('d') ?? 1);
  const why = date ?? javaTimeError(f.get('H') ?? 0, f.get('m') ?? 0, f.get('s') ?? 0);
  return why && `${head}: ${why}`;
}
