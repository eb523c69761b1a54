/**
 * `functions`: the date/time constructors and conversions of Spark 3.x
 * (make_date, make_timestamp*, unix_*, extract/date_part, convert_timezone,
 * ...), the interval constructors, and the partition transforms
 * (years/months/days/hours/bucket), with PySpark 3.5's parameters.
 */
import { Column, type ColumnOrName } from '../api/column.js';
import { E, type Expr } from '../expr/nodes.js';
import { DecimalType } from '../types/data-types.js';
import { L, c, call, colOrLit, nullary, unary } from './call.js';

const DEFAULT_FORMAT = 'yyyy-MM-dd HH:mm:ss';
/** PySpark's `lit(0)` and `lit(Decimal(0))` for omitted interval parts. */
const ZERO = (): Expr => L(0);
const ZERO_SECONDS = (): Expr => E.lit(0n, new DecimalType(1, 0));
/** PySpark's `None` (null or undefined here) is a zero. */
const orZero = (v: ColumnOrName | null | undefined, zero: () => Expr = ZERO): Expr => (v == null ? zero() : c(v));
type Part = ColumnOrName | null;
const optional = (fn: string, col: ColumnOrName, format: ColumnOrName | undefined): Column =>
  format === undefined ? call(fn, c(col)) : call(fn, c(col), c(format));

/** `make_date(year, month, day)`: null for an invalid date. */
export const make_date = (year: ColumnOrName, month: ColumnOrName, day: ColumnOrName): Column => call('make_date', c(year), c(month), c(day));

type TimestampParts = [years: ColumnOrName, months: ColumnOrName, days: ColumnOrName, hours: ColumnOrName, mins: ColumnOrName, secs: ColumnOrName];

/** `make_timestamp(years, months, days, hours, mins, secs[, timezone])`: secs may carry a fraction; null when invalid. */
export const make_timestamp = (...[y, mo, d, h, mi, s, tz]: [...TimestampParts, timezone?: ColumnOrName]): Column =>
  call('make_timestamp', ...[y, mo, d, h, mi, s].map(c), ...(tz === undefined ? [] : [c(tz)]));
/** `make_timestamp_ltz(...)`: as make_timestamp (a TIMESTAMP in the session or given zone). */
export const make_timestamp_ltz = (...[y, mo, d, h, mi, s, tz]: [...TimestampParts, timezone?: ColumnOrName]): Column =>
  call('make_timestamp_ltz', ...[y, mo, d, h, mi, s].map(c), ...(tz === undefined ? [] : [c(tz)]));
/** `make_timestamp_ntz(...)`: a TIMESTAMP_NTZ wall-clock time. */
export const make_timestamp_ntz = (...parts: TimestampParts): Column => call('make_timestamp_ntz', ...parts.map(c));

/** `extract(field, source)`: `field` is a Column (a string literal such as `lit('YEAR')`). */
export const extract = (field: Column, source: ColumnOrName): Column => call('extract', c(field), c(source));
export const date_part = (field: Column, source: ColumnOrName): Column => call('date_part', c(field), c(source));
export const datepart = (field: Column, source: ColumnOrName): Column => call('datepart', c(field), c(source));

/** Day of the week, 0 = Monday ... 6 = Sunday. */
export const weekday = unary('weekday');
/** The first date later than `date` on the named day of the week (`'Mon'`, `'TU'`, `'friday'`). */
export const next_day = (date: ColumnOrName, dayOfWeek: string): Column => call('next_day', c(date), L(dayOfWeek));
export const unix_date = unary('unix_date');
export const unix_micros = unary('unix_micros');
export const unix_millis = unary('unix_millis');
export const unix_seconds = unary('unix_seconds');
export const timestamp_millis = unary('timestamp_millis');
export const timestamp_micros = unary('timestamp_micros');
export const date_from_unix_date = unary('date_from_unix_date');

/** `to_unix_timestamp(timestamp[, format])`: `format` is a column (PySpark's ColumnOrName); default `yyyy-MM-dd HH:mm:ss`. */
export const to_unix_timestamp = (timestamp: ColumnOrName, format?: ColumnOrName): Column =>
  call('to_unix_timestamp', c(timestamp), format === undefined ? L(DEFAULT_FORMAT) : c(format));
/** `try_to_timestamp(col[, format])`: null where the text does not parse. */
export const try_to_timestamp = (col: ColumnOrName, format?: ColumnOrName): Column => optional('try_to_timestamp', col, format);
export const to_timestamp_ltz = (timestamp: ColumnOrName, format?: ColumnOrName): Column => optional('to_timestamp_ltz', timestamp, format);
export const to_timestamp_ntz = (timestamp: ColumnOrName, format?: ColumnOrName): Column => optional('to_timestamp_ntz', timestamp, format);

/**
 * `convert_timezone(sourceTz, targetTz, sourceTs)`: a TIMESTAMP_NTZ wall-clock
 * time moved between zones; `sourceTz` null/undefined means the session zone.
 */
export const convert_timezone = (sourceTz: Column | null | undefined, targetTz: Column, sourceTs: ColumnOrName): Column =>
  call('convert_timezone', sourceTz == null ? E.call('current_timezone', []) : colOrLit(sourceTz), colOrLit(targetTz), c(sourceTs));
export const current_timezone = nullary('current_timezone');
export const localtimestamp = nullary('localtimestamp');

/**
 * `window(timeColumn, windowDuration[, slideDuration[, startTime]])`: the time
 * window(s) of each row, a struct<start, end> named `window` (durations such as
 * `'10 minutes'`). A slide shorter than the window puts a row in every window
 * holding it; rows with a null time are dropped.
 */
export const window = (timeColumn: ColumnOrName, windowDuration: string, slideDuration?: string | null, startTime?: string | null): Column =>
  call(
    'window',
    c(timeColumn),
    L(windowDuration),
    ...(slideDuration != null || startTime != null ? [L(slideDuration ?? windowDuration)] : []),
    ...(startTime != null ? [L(startTime)] : []),
  );

/**
 * `session_window(timeColumn, gapDuration)`: the session of each row, a
 * struct<start, end> named `session_window`; grouped by it, sessions of the
 * same key closer than the gap merge. The gap is a duration string or a Column
 * (a per-row gap; rows whose gap is not a positive interval are dropped).
 */
export const session_window = (timeColumn: ColumnOrName, gapDuration: Column | string): Column =>
  call('session_window', c(timeColumn), typeof gapDuration === 'string' ? L(gapDuration) : gapDuration.expr);

/** `window_time(windowColumn)`: the window's end minus one microsecond (a column made by window/session_window). */
export const window_time = (windowColumn: ColumnOrName): Column => call('window_time', c(windowColumn));

// ---- intervals --------------------------------------------------------------------------------

/** `make_interval(years, months, weeks, days, hours, mins, secs)`: a CalendarInterval; omitted parts are 0. */
export const make_interval = (
  years?: Part,
  months?: Part,
  weeks?: Part,
  days?: Part,
  hours?: Part,
  mins?: Part,
  secs?: Part,
): Column => call('make_interval', ...[years, months, weeks, days, hours, mins].map((v) => orZero(v)), orZero(secs, ZERO_SECONDS));
/** `make_dt_interval(days, hours, mins, secs)`: a day-time interval; omitted parts are 0. */
export const make_dt_interval = (days?: Part, hours?: Part, mins?: Part, secs?: Part): Column =>
  call('make_dt_interval', orZero(days), orZero(hours), orZero(mins), orZero(secs, ZERO_SECONDS));
/** `make_ym_interval(years, months)`: a year-month interval; omitted parts are 0. */
export const make_ym_interval = (years?: Part, months?: Part): Column => call('make_ym_interval', orZero(years), orZero(months));

// ---- partition transforms ---------------------------------------------------------------------

/*
 * PySpark's partition transforms build a Column that is only meaningful in
 * `df.writeTo(...).partitionedBy(...)` (sent to Spark on connect); anywhere
 * else the analyzer rejects it (defs/partition-transforms.ts).
 */
export const years = unary('years');
export const months = unary('months');
export const days = unary('days');
export const hours = unary('hours');
export const bucket = (numBuckets: number | Column, col: ColumnOrName): Column => call('bucket', numBuckets instanceof Column ? numBuckets.expr : L(numBuckets), c(col));
