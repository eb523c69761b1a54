/** Date and timestamp functions; timestamps are read and written in the session time zone. */
import type { Call } from '../../../expr/nodes.js';
import { DateType, StringType, TimestampNTZType, TimestampType, type DataType } from '../../../types/data-types.js';
import { sessionZone, type ExecContext } from '../context.js';
import { castValue } from '../expressions/cast.js';
import {
  MICROS_PER_DAY,
  MICROS_PER_SECOND,
  addMonthsToDays,
  civilFromDays,
  dayOfYear,
  daysFromCivil,
  daysInMonth,
  fromLocalMicros,
  inLongRange,
  isoDayOfWeek,
  LONG_RANGE_END,
  isoWeek,
  localFields,
  offsetSecondsAt,
  timestampToDays,
  toLocalMicros,
  type Zone,
} from '../runtime/datetime.js';
import { zoneOrThrow } from '../runtime/datetime-parse.js';
import { javaDateError } from '../runtime/java-time-errors.js';
import { formatDateTime } from '../runtime/datetime-format.js';
import { parseDateTimeOrUpgrade } from '../runtime/datetime-legacy-parse.js';
import { floorDiv, floorDivLong, type Long } from '../runtime/long.js';
import type { FunctionImpl, RowFn } from './types.js';
import { argType, compiled, literalArg, scalar, unary } from './util.js';

const DEFAULT_TIMESTAMP_FORMAT = 'yyyy-MM-dd HH:mm:ss';

/** Formats a UTC instant with a Spark pattern in `zone`. */
export function formatInstant(micros: number, pattern: string, zone: Zone): string {
  const offset = offsetSecondsAt(micros, zone);
  return formatDateTime(pattern, { local: micros + offset * MICROS_PER_SECOND, utc: micros, offsetSeconds: offset, zone });
}

/**
 * Parses text with a pattern into a UTC instant (zone from the text, else the
 * session's); undefined when it does not parse. Text that only Spark 2's
 * lenient parser accepts raises Spark 3's INCONSISTENT_BEHAVIOR_CROSS_VERSION
 * error (spark.sql.legacy.timeParserPolicy=EXCEPTION, the default).
 */
export function parseInstant(text: string, pattern: string, zone: Zone): number | undefined {
  const p = parseDateTimeOrUpgrade(text, pattern);
  return p ? fromLocalMicros(p.local, p.zone ?? zone) : undefined;
}

/** Evaluates `f(value, format)` where the format is optional and usually a literal. */
function withFormat(args: readonly RowFn[], call: Call, f: (v: unknown, fmt: string | undefined) => unknown): RowFn {
  const [a, b] = args as [RowFn, RowFn | undefined];
  if (!b) return unary(a, (v) => f(v, undefined));
  const lit = literalArg(call, 1);
  if (lit) {
    if (lit.value === null || lit.value === undefined) return () => null;
    const fmt = lit.value as string;
    return unary(a, (v) => f(v, fmt));
  }
  return (i) => {
    const v = a(i);
    if (v === null || v === undefined) return null;
    const fmt = b(i);
    if (fmt === null || fmt === undefined) return null;
    return f(v, fmt as string);
  };
}

/** A converter of the argument's type to timestamp (used when no pattern applies). */
function toTimestampConverter(t: DataType, ctx: ExecContext): (v: unknown) => unknown {
  if (t instanceof TimestampType) return (v) => v;
  return castValue(t, new TimestampType(), ctx);
}

const toDate = compiled((args, call, ctx) => {
  const t = argType(call, 0);
  const zone = sessionZone(ctx);
  const plain = t instanceof DateType ? (v: unknown) => v : castValue(t, new DateType(), ctx);
  return withFormat(args, call, (v, fmt) => {
    if (fmt === undefined || !(t instanceof StringType)) return plain(v);
    const ts = parseInstant(v as string, fmt, zone);
    return ts === undefined ? null : timestampToDays(ts, zone);
  });
});

const toTimestamp = compiled((args, call, ctx) => {
  const t = argType(call, 0);
  const zone = sessionZone(ctx);
  const plain = toTimestampConverter(t, ctx);
  return withFormat(args, call, (v, fmt) => {
    if (fmt === undefined || !(t instanceof StringType)) return plain(v);
    return parseInstant(v as string, fmt, zone) ?? null;
  });
});

const dateFormat = compiled((args, call, ctx) => {
  const zone = sessionZone(ctx);
  const t = argType(call, 0);
  const toTs = toTimestampConverter(t, ctx);
  return withFormat(args, call, (v, fmt) => {
    const ts = toTs(v);
    return ts === null ? null : formatInstant(ts as number, fmt ?? DEFAULT_TIMESTAMP_FORMAT, zone);
  });
});

/** `unix_timestamp(x, fmt)`: seconds since the epoch of a string (parsed), date or timestamp. */
const unixTimestamp = compiled((args, call, ctx) => {
  const zone = sessionZone(ctx);
  const t = argType(call, 0);
  if (args.length === 0) return () => floorDiv(ctx.now, MICROS_PER_SECOND);
  const toTs = t instanceof StringType ? undefined : toTimestampConverter(t, ctx);
  return withFormat(args, call, (v, fmt) => {
    const ts = toTs ? toTs(v) : parseInstant(v as string, fmt ?? DEFAULT_TIMESTAMP_FORMAT, zone);
    return ts === null || ts === undefined ? null : floorDivLong(ts as number, MICROS_PER_SECOND);
  });
});

const fromUnixtime = compiled((args, call, ctx) => {
  const zone = sessionZone(ctx);
  return withFormat(args, call, (v, fmt) => {
    const secs = typeof v === 'bigint' ? Number(v) : (v as number);
    return formatInstant(secs * MICROS_PER_SECOND, fmt ?? DEFAULT_TIMESTAMP_FORMAT, zone);
  });
});

const dateFn = (f: (days: number) => unknown): FunctionImpl => scalar((a) => f(a[0] as number));

/** Fields of a timestamp in the session zone. */
const timeFn = (f: (fields: ReturnType<typeof localFields>) => number): FunctionImpl =>
  compiled((args, call, ctx) => {
    const zone = sessionZone(ctx);
    const t = argType(call, 0);
    const toTs = toTimestampConverter(t, ctx);
    return unary(args[0]!, (v) => {
      const ts = toTs(v);
      if (ts === null) return null;
      const local = t instanceof TimestampNTZType ? (v as number) : toLocalMicros(ts as number, zone);
      return f(localFields(local));
    });
  });

/** Spark's months_between (Hive's algorithm: 31-day months for the fractional part). */
function monthsBetween(t1: number, t2: number, roundOff: boolean, zone: Zone): number {
  const l1 = toLocalMicros(t1, zone);
  const l2 = toLocalMicros(t2, zone);
  const d1 = floorDiv(l1, MICROS_PER_DAY);
  const d2 = floorDiv(l2, MICROS_PER_DAY);
  const [y1, m1, day1] = civilFromDays(d1);
  const [y2, m2, day2] = civilFromDays(d2);
  const monthDiff = y1 * 12 + m1 - (y2 * 12 + m2);
  const end1 = day1 === daysInMonth(y1, m1);
  const end2 = day2 === daysInMonth(y2, m2);
  if (day1 === day2 || (end1 && end2)) return monthDiff;
  const sec1 = Math.floor((l1 - d1 * MICROS_PER_DAY) / MICROS_PER_SECOND);
  const sec2 = Math.floor((l2 - d2 * MICROS_PER_DAY) / MICROS_PER_SECOND);
  const secondsDiff = (day1 - day2) * 86400 + sec1 - sec2;
  const diff = monthDiff + secondsDiff / (31 * 86400);
  return roundOff ? Math.round(diff * 1e8) / 1e8 : diff;
}

/** trunc(date, fmt): first day of the year/quarter/month/week; null for other formats. */
function truncDate(days: number, fmt: string): number | null {
  const [y, m] = civilFromDays(days);
  switch (fmt.toLowerCase()) {
    case 'year':
    case 'yyyy':
    case 'yy':
      return daysFromCivil(y, 1, 1);
    case 'quarter':
      return daysFromCivil(y, Math.floor((m - 1) / 3) * 3 + 1, 1);
    case 'month':
    case 'mon':
    case 'mm':
      return daysFromCivil(y, m, 1);
    case 'week':
      return days - isoDayOfWeek(days) + 1;
    default:
      return null;
  }
}

/** date_trunc(fmt, ts) in the session zone. */
function truncTimestamp(micros: number, fmt: string, zone: Zone): number | null {
  const local = toLocalMicros(micros, zone);
  const days = floorDiv(local, MICROS_PER_DAY);
  const f = fmt.toLowerCase();
  const dateLevel = truncDate(days, f);
  if (dateLevel !== null) return inLongRange(fromLocalMicros(dateLevel * MICROS_PER_DAY, zone));
  const unit: Record<string, number> = {
    day: MICROS_PER_DAY,
    dd: MICROS_PER_DAY,
    hour: 3_600_000_000,
    minute: 60_000_000,
    second: MICROS_PER_SECOND,
    millisecond: 1000,
    microsecond: 1,
  };
  const u = unit[f];
  if (u === undefined) return null;
  if (u === MICROS_PER_DAY) return inLongRange(fromLocalMicros(days * MICROS_PER_DAY, zone));
  // Sub-day units truncate the local time; hours keep the zone's offset at that instant.
  const truncatedLocal = local - (local - days * MICROS_PER_DAY) % u;
  if (u >= 3_600_000_000) return inLongRange(fromLocalMicros(truncatedLocal, zone));
  // Spark truncates seconds and finer in plain long arithmetic, wrapping below Long.MIN; minutes through java.time.
  const r = micros - (local - truncatedLocal);
  return u === 60_000_000 ? inLongRange(r) : r < -LONG_RANGE_END ? r + 2 * LONG_RANGE_END : r;
}

/** A function whose second argument is a zone id (from_utc_timestamp / to_utc_timestamp). */
function zoneShift(toUtc: boolean): FunctionImpl {
  return compiled((args) => {
    const [a, b] = args as [RowFn, RowFn];
    return (i) => {
      const ts = a(i);
      if (ts === null || ts === undefined) return null;
      const tz = b(i);
      if (tz === null || tz === undefined) return null;
      const zone = zoneOrThrow(tz as string);
      return toUtc ? fromLocalMicros(ts as number, zone) : toLocalMicros(ts as number, zone);
    };
  });
}

export const datetimeImpls: Record<string, FunctionImpl> = {
  current_date: compiled((_a, _c, ctx) => {
    const d = timestampToDays(ctx.now, sessionZone(ctx));
    return () => d;
  }),
  current_timestamp: compiled((_a, _c, ctx) => () => ctx.now),
  now: compiled((_a, _c, ctx) => () => ctx.now),
  current_timezone: compiled((_a, _c, ctx) => () => ctx.timeZone),
  to_date: toDate,
  to_timestamp: toTimestamp,
  date_format: dateFormat,
  year: dateFn((d) => civilFromDays(d)[0]),
  quarter: dateFn((d) => Math.floor((civilFromDays(d)[1] - 1) / 3) + 1),
  month: dateFn((d) => civilFromDays(d)[1]),
  dayofmonth: dateFn((d) => civilFromDays(d)[2]),
  dayofweek: dateFn((d) => (isoDayOfWeek(d) % 7) + 1),
  weekday: dateFn((d) => isoDayOfWeek(d) - 1),
  dayofyear: dateFn(dayOfYear),
  weekofyear: dateFn((d) => isoWeek(d).week),
  hour: timeFn((f) => f.hour),
  minute: timeFn((f) => f.minute),
  second: timeFn((f) => f.second),
  date_add: scalar((a) => ((a[0] as number) + (a[1] as number)) | 0),
  date_sub: scalar((a) => ((a[0] as number) - (a[1] as number)) | 0),
  add_months: scalar((a) => addMonthsToDays(a[0] as number, a[1] as number)),
  datediff: scalar((a) => (a[0] as number) - (a[1] as number)),
  months_between: compiled((args, _call, ctx) => {
    const zone = sessionZone(ctx);
    const [a, b, r] = args as [RowFn, RowFn, RowFn | undefined];
    return (i) => {
      const x = a(i);
      const y = b(i);
      if (x === null || x === undefined || y === null || y === undefined) return null;
      const round = r ? r(i) : true;
      if (round === null || round === undefined) return null;
      return monthsBetween(x as number, y as number, round as boolean, zone);
    };
  }),
  last_day: dateFn((d) => {
    const [y, m] = civilFromDays(d);
    return daysFromCivil(y, m, daysInMonth(y, m));
  }),
  trunc: scalar((a) => truncDate(a[0] as number, a[1] as string)),
  date_trunc: compiled((args, _call, ctx) => {
    const zone = sessionZone(ctx);
    const [f, t] = args as [RowFn, RowFn];
    return (i) => {
      const fmt = f(i);
      const ts = t(i);
      if (fmt === null || fmt === undefined || ts === null || ts === undefined) return null;
      return truncTimestamp(ts as number, fmt as string, zone);
    };
  }),
  unix_timestamp: unixTimestamp,
  to_unix_timestamp: unixTimestamp,
  from_unixtime: fromUnixtime,
  timestamp_seconds: compiled((args, call, ctx) => {
    const conv = castValue(argType(call, 0), new TimestampType(), ctx);
    return unary(args[0]!, conv);
  }),
  timestamp_micros: scalar((a) => Number(a[0] as Long)),
  unix_seconds: scalar((a) => floorDiv(a[0] as number, MICROS_PER_SECOND)),
  unix_millis: scalar((a) => floorDiv(a[0] as number, 1000)),
  unix_micros: scalar((a) => a[0]),
  unix_date: scalar((a) => a[0]),
  date_from_unix_date: scalar((a) => a[0]),
  from_utc_timestamp: zoneShift(false),
  to_utc_timestamp: zoneShift(true),
  make_date: scalar((a) => {
    const [y, m, d] = a as number[];
    return javaDateError(y!, m!, d!) === undefined ? daysFromCivil(y!, m!, d!) : null;
  }),
  next_day: scalar((a) => {
    const names = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
    const s = (a[1] as string).trim().toLowerCase();
    const idx = names.findIndex((n) => s.startsWith(n) && (s.length === 2 || s.length === 3 || ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'][names.indexOf(n)] === s));
    if (idx < 0) return null;
    const d = a[0] as number;
    const diff = ((idx + 1 - isoDayOfWeek(d) + 7) % 7) || 7;
    return d + diff;
  }),
};

