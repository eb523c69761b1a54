/**
 * Intervals in the interpreter: the make_* constructors, the analyzer's
 * interval arithmetic functions (functions/defs/intervals.ts), extract of an
 * interval field, and convert_timezone. Values: year-month = months,
 * day-time = microseconds, calendar = CalendarInterval (types/intervals.ts).
 */
import { ExecutionException } from '../../../errors/index.js';
import type { Call } from '../../../expr/nodes.js';
import { ArithmeticException } from '../../../errors/runtime-exceptions.js';
import { DayTimeIntervalType, DecimalType, TimestampType, YearMonthIntervalType, type DataType } from '../../../types/data-types.js';
import { CalendarInterval, MICROS_PER_HOUR, MICROS_PER_MINUTE, isIntervalType } from '../../../types/intervals.js';
import { sessionZone } from '../context.js';
import { rescale } from '../runtime/decimal.js';
import { MICROS_PER_DAY, addMonthsToDays, fromLocalMicros, toLocalMicros, type Zone } from '../runtime/datetime.js';
import { zoneFromText, zoneOrThrow } from '../runtime/datetime-parse.js';
import { floorDiv } from '../runtime/long.js';
import { datePartImpls } from './date-part.js';
import { intervalScaleImpls } from './interval-scale.js';
import type { FunctionImpl, ScalarImpl } from './types.js';
import { argType, compiled, isNullish, literalArg, resultType, scalar } from './util.js';

const UTC_ZONE = zoneFromText('UTC')!;
const LONG_MAX = 2n ** 63n - 1n;

/** A decimal(18,6) seconds argument as microseconds. */
const secondsMicros = (v: unknown, t: DataType): number =>
  t instanceof DecimalType ? Number(rescale(v as bigint, t.scale, 6)) : Math.round(Number(v) * 1e6);


/** A timestamp plus months, days and micros on the local calendar of `zone` (Spark's timestampAddInterval). */
export function addToTimestamp(micros: number, months: number, days: number, extra: number, zone: Zone): number {
  const local = toLocalMicros(micros, zone);
  const day = floorDiv(local, MICROS_PER_DAY);
  const timeOfDay = local - day * MICROS_PER_DAY;
  const shifted = (addMonthsToDays(day, months) + days) * MICROS_PER_DAY + timeOfDay;
  return fromLocalMicros(shifted, zone) + extra;
}

/** The zone an argument of type `t` is read in: NTZ values are wall-clock times. */
export const zoneFor = (t: DataType, session: Zone): Zone => (t instanceof TimestampType ? session : UTC_ZONE);

const negateInterval = (v: unknown): unknown =>
  v instanceof CalendarInterval ? new CalendarInterval(-v.months, -v.days, -v.microseconds) : -(v as number | bigint);

// Day-time values beyond 2^53 microseconds arrive as bigints (exact literals): add those exactly.
const addIntervals = (a: unknown, b: unknown): unknown =>
  a instanceof CalendarInterval && b instanceof CalendarInterval
    ? new CalendarInterval(a.months + b.months, a.days + b.days, a.microseconds + b.microseconds)
    : typeof a === 'bigint' || typeof b === 'bigint'
      ? BigInt(a as number | bigint) + BigInt(b as number | bigint)
      : (a as number) + (b as number);

const INT_MAX = 2 ** 31 - 1;
const LONG_LIMIT = 2 ** 63;
/** Whether an ANSI interval value fits its type (months an int, microseconds a long). */
const fits = (v: number | bigint, t: DataType): boolean =>
  t instanceof YearMonthIntervalType
    ? v >= -INT_MAX - 1 && v <= INT_MAX
    : !(t instanceof DayTimeIntervalType) || (typeof v === 'bigint' ? BigInt.asIntN(64, v) === v : v >= -LONG_LIMIT && v < LONG_LIMIT);
const overflowWord = (t: DataType): string => (t instanceof YearMonthIntervalType ? 'integer overflow' : 'long overflow');

/** ANSI interval ± interval: Math.addExact, INTERVAL_ARITHMETIC_OVERFLOW in both modes. */
const exactIntervalSum = (tryFn: string, negateRight: boolean) =>
  scalar((a, _ctx, call) => checkedInterval(addIntervals(a[0], negateRight ? negateInterval(a[1]) : a[1]), call, tryFn));

/** Spark's INTERVAL_ARITHMETIC_OVERFLOW for a result of interval type `t`, naming the try_ function to use, if any. */
export function intervalArithmeticOverflow(t: DataType, tryFn?: string): ArithmeticException {
  const message = overflowWord(t);
  const alternative = tryFn ? `Use '${tryFn}' to tolerate overflow and return NULL instead.` : '';
  // Spark attaches no query context to this error.
  return new ArithmeticException(`${message}.${alternative ? ' ' + alternative : ''}`, {
    errorClass: 'INTERVAL_ARITHMETIC_OVERFLOW',
    messageParameters: { message, alternative },
  });
}

/** The value, or INTERVAL_ARITHMETIC_OVERFLOW when it leaves its interval type (naming the try_ function, if any). */
function checkedInterval(v: unknown, call: Call, tryFn?: string): unknown {
  const t = resultType(call);
  if ((typeof v !== 'number' && typeof v !== 'bigint') || fits(v, t)) return v;
  throw intervalArithmeticOverflow(t, tryFn);
}

/** The field of an interval value (extract/date_part); SECOND is a decimal(8,6) of micros. */
function intervalField(v: unknown, field: string, t: DataType): unknown {
  const cal = v instanceof CalendarInterval ? v : undefined;
  const months = cal ? cal.months : t instanceof YearMonthIntervalType ? (v as number) : 0;
  const micros = cal ? cal.microseconds : t instanceof DayTimeIntervalType ? Number(v) : 0;
  switch (field) {
    case 'YEAR':
      return Math.trunc(months / 12);
    case 'MONTH':
      return months % 12;
    case 'DAY':
      return cal ? cal.days : Math.trunc(micros / MICROS_PER_DAY);
    case 'HOUR':
      return cal ? Math.trunc(micros / MICROS_PER_HOUR) : Math.trunc(micros / MICROS_PER_HOUR) % 24;
    case 'MINUTE':
      return Math.trunc(micros / MICROS_PER_MINUTE) % 60;
    default:
      return BigInt(micros % MICROS_PER_MINUTE);
  }
}

const FIELD_CANON: Record<string, string> = {
  Y: 'YEAR', YEARS: 'YEAR', YR: 'YEAR', YRS: 'YEAR', MON: 'MONTH', MONS: 'MONTH', MONTHS: 'MONTH',
  D: 'DAY', DAYS: 'DAY', H: 'HOUR', HOURS: 'HOUR', HR: 'HOUR', HRS: 'HOUR',
  M: 'MINUTE', MIN: 'MINUTE', MINS: 'MINUTE', MINUTES: 'MINUTE', S: 'SECOND', SEC: 'SECOND', SECONDS: 'SECOND', SECS: 'SECOND',
};

/** extract/date_part/datepart: interval sources here, datetime sources in date-part.ts. */
const extractPart = (name: string): FunctionImpl => {
  const datetime = datePartImpls[name]!;
  return compiled((args, call, ctx) => {
    const t = argType(call, 1);
    if (!isIntervalType(t)) return (datetime as ScalarImpl).compile!(args, call, ctx);
    const fieldValue = literalArg(call, 0)?.value;
    // A NULL field is a NULL double (Spark's analysis replaces the call by that literal).
    if (fieldValue === null || fieldValue === undefined) return () => null;
    const text = String(fieldValue).toUpperCase();
    const field = FIELD_CANON[text] ?? text;
    const [, src] = args;
    return (i) => {
      const v = src!(i);
      return isNullish(v) ? null : intervalField(v, field, t);
    };
  });
};

export const intervalImpls: Record<string, FunctionImpl> = {
  make_interval: compiled((args, call) => {
    const secType = args.length > 6 ? argType(call, 6) : undefined;
    return (i) => {
      const v = args.map((f) => f(i));
      if (v.some(isNullish)) return null;
      const n = (k: number): number => (k < v.length ? Number(v[k]) : 0);
      const micros = n(4) * MICROS_PER_HOUR + n(5) * MICROS_PER_MINUTE + (secType ? secondsMicros(v[6], secType) : 0);
      return new CalendarInterval(n(0) * 12 + n(1), n(2) * 7 + n(3), micros);
    };
  }),
  make_dt_interval: compiled((args, call) => {
    const secType = args.length > 3 ? argType(call, 3) : undefined;
    return (i) => {
      const v = args.map((f) => f(i));
      if (v.some(isNullish)) return null;
      const n = (k: number): bigint => (k < v.length ? BigInt(v[k] as number) : 0n);
      // Spark's Math.multiplyExact/addExact: exact in BigInt, "long overflow" beyond a long.
      const days = n(0) * BigInt(MICROS_PER_DAY);
      const seconds = !secType ? 0n : secType instanceof DecimalType ? rescale(v[3] as bigint, secType.scale, 6) : BigInt(Math.round(Number(v[3]) * 1e6));
      const total = days + n(1) * BigInt(MICROS_PER_HOUR) + n(2) * BigInt(MICROS_PER_MINUTE) + seconds;
      if (BigInt.asIntN(64, days) !== days || BigInt.asIntN(64, total) !== total) throw new ArithmeticException('long overflow');
      // Beyond 2^53 microseconds the value stays an exact bigint, as day-time literals do.
      return Number.isSafeInteger(Number(total)) ? Number(total) : total;
    };
  }),
  make_ym_interval: scalar((a) => {
    const years = Number(a[0] ?? 0) * 12;
    const months = years + Number(a[1] ?? 0);
    // Spark's Math.multiplyExact/addExact on ints.
    const isInt = (x: number): boolean => x <= INT_MAX && x >= -INT_MAX - 1;
    if (!isInt(years) || !isInt(months)) throw new ArithmeticException('integer overflow');
    return months;
  }),
  extractansiintervaldays: scalar((a) => Math.trunc(Number(a[0]) / MICROS_PER_DAY)),
  date_add_ym_interval: scalar((a) => addMonthsToDays(a[0] as number, a[1] as number)),
  timestamp_add_ym_interval: scalar((a, ctx, call) =>
    addToTimestamp(a[0] as number, a[1] as number, 0, 0, zoneFor(argType(call, 0), sessionZone(ctx))),
  ),
  time_add: scalar((a, ctx, call) => {
    const iv = a[1];
    if (!(iv instanceof CalendarInterval)) return (a[0] as number) + Number(iv);
    return addToTimestamp(a[0] as number, iv.months, iv.days, iv.microseconds, zoneFor(argType(call, 0), sessionZone(ctx)));
  }),
  /** date + calendar interval: on the calendar, through a timestamp when the interval has a time part (non-ANSI). */
  date_add_interval: scalar((a, ctx) => {
    const [d, iv] = a as [number, CalendarInterval];
    if (iv.microseconds === 0) return addMonthsToDays(d, iv.months) + iv.days;
    const zone = sessionZone(ctx);
    const ts = addToTimestamp(fromLocalMicros(d * MICROS_PER_DAY, zone), iv.months, iv.days, iv.microseconds, zone);
    return floorDiv(toLocalMicros(ts, zone), MICROS_PER_DAY);
  }),
  subtract_dates: scalar((a) => ((a[0] as number) - (a[1] as number)) * MICROS_PER_DAY),
  // Spark subtracts the local date-times in the session zone: across a DST change a wall-clock day is 24 hours.
  subtract_timestamps: scalar((a, ctx, call) => {
    const zone = zoneFor(argType(call, 0), sessionZone(ctx));
    return toLocalMicros(a[0] as number, zone) - toLocalMicros(a[1] as number, zone);
  }),
  interval_add: exactIntervalSum('try_add', false),
  interval_subtract: exactIntervalSum('try_subtract', true),
  interval_negate: scalar((a, _ctx, call) => checkedInterval(negateInterval(a[0]), call)),
  ...intervalScaleImpls,
  convert_timezone: scalar((a) => {
    const [from, to, ts] = a as [string, string, number];
    return toLocalMicros(fromLocalMicros(ts, zoneOrThrow(from)), zoneOrThrow(to));
  }),
  /** timestamp_millis/micros: Spark's Math.multiplyExact overflow is an error, not a wrapped value. */
  timestamp_millis: scalar((a) => {
    const ms = BigInt(a[0] as number | bigint);
    if (ms * 1000n > LONG_MAX || ms * 1000n < -LONG_MAX - 1n) throw new ExecutionException('long overflow');
    return Number(ms) * 1000;
  }),
  extract: extractPart('extract'),
  date_part: extractPart('date_part'),
  datepart: extractPart('datepart'),
};

