/**
 * Date and time scalar functions on the Polars backend (parts, arithmetic, the query's fixed now);
 * pattern-driven ones are delegated.
 */
import { typeOf } from '../../../expr/nodes.js';
import { DATE, DateType, StringType, TimestampNTZType, TimestampType } from '../../../types/data-types.js';
import { instantToWallClock, stringToDate } from '../cast.js';
import { delegate } from '../delegation.js';
import { DAYS_CYCLE, inChronoRange } from '../timestamp-text.js';
import type { NativeExpr } from '../native.js';
import { cases, i32, i64 } from '../nx.js';
import { PL, integralBits } from '../type-mapper.js';
import { arg, type FnContext, type FunctionTable, type ScalarLowering } from './types.js';
import { tr0 } from './scalar-args.js';

/**
 * Date part functions: the argument is a date (the analyzer casts timestamps). A date beyond
 * chrono's calendar (years past ±262143) is read 400-year cycles nearer, which keep every part
 * but the year (`yearly` adds them back): Polars gave NULL there.
 */
const datePart =
  (f: (d: NativeExpr) => NativeExpr, yearly = false): ScalarLowering =>
  (call, ctx) => {
    const { cycles, shifted } = inChronoRange(tr0(call, ctx).cast(PL.Int64, true), DAYS_CYCLE, ctx.bind);
    const part = f(shifted.cast(PL.Int32, true).cast(PL.Date, true)).cast(PL.Int32, true);
    return yearly ? part.add(cycles.mul(i64(400)).cast(PL.Int32, true)) : part;
  };

/** Time part functions on a timestamp, in the session time zone (far ones read cycles nearer, as dates). */
const timePart =
  (f: (d: NativeExpr) => NativeExpr): ScalarLowering =>
  (call, ctx) => {
    const t = typeOf(arg(call, 0));
    let x = tr0(call, ctx);
    if (t instanceof TimestampType || t instanceof TimestampNTZType) {
      const { shifted } = inChronoRange(x.cast(PL.Int64, true), DAYS_CYCLE * 86_400_000_000n, ctx.bind);
      x = shifted.cast(t instanceof TimestampType ? PL.DatetimeUtc : PL.Datetime, true);
    }
    return f(t instanceof TimestampType ? instantToWallClock(x, ctx.timeZone, ctx.bind) : x).cast(PL.Int32, true);
  };

const days = (d: NativeExpr): NativeExpr => d.cast(PL.Int32, true);

/** The query's fixed instant (shared with delegated nodes through the interpreter context). */
function nowLiteral(ctx: FnContext): NativeExpr {
  if (ctx.now === undefined) delegate("current time without the query's fixed clock");
  return i64(ctx.now).cast(PL.DatetimeUtc, true);
}

const toDate: ScalarLowering = (call, ctx) => {
  if (call.args.length > 1) delegate('to_date with a format');
  const t = typeOf(arg(call, 0));
  const x = tr0(call, ctx);
  if (t instanceof StringType) return stringToDate(x);
  if (t instanceof DateType) return x;
  if (t instanceof TimestampType || t instanceof TimestampNTZType) return ctx.cast(x, t, DATE);
  return delegate(`to_date of ${t.simpleString()}`);
};

/** timestamp_seconds of an integer: seconds → µs, saturating like Java's `TimeUnit.SECONDS.toMicros`. */
const timestampSeconds: ScalarLowering = (call, ctx) => {
  const t = typeOf(arg(call, 0));
  if (integralBits(t) === undefined) delegate('timestamp_seconds of a fractional value');
  const x = tr0(call, ctx).cast(PL.Int64, true);
  const limit = 9223372036854n;
  const us = cases(
    [
      [x.gt(i64(limit)), i64(9223372036854775807n)],
      [x.lt(i64(-limit)), i64(-9223372036854775808n)],
    ],
    x.mul(i64(1_000_000)),
  );
  return us.cast(PL.DatetimeUtc, true);
};

export const datetimeFunctions: FunctionTable = {
  current_date: { scalar: (_c, ctx) => instantToWallClock(nowLiteral(ctx), ctx.timeZone).cast(PL.Date, true) },
  current_timestamp: { scalar: (_c, ctx) => nowLiteral(ctx) },
  to_date: { scalar: toDate },
  to_timestamp: { delegated: 'Spark datetime patterns' },
  date_format: { delegated: 'Spark datetime patterns' },
  year: { scalar: datePart((d) => d.year(), true) },
  quarter: { scalar: datePart((d) => d.month().cast(PL.Int32, true).sub(i32(1)).div(i32(3)).add(i32(1))) },
  month: { scalar: datePart((d) => d.month()) },
  dayofmonth: { scalar: datePart((d) => d.day()) },
  dayofweek: { scalar: datePart((d) => d.weekday().cast(PL.Int32, true).rem(i32(7)).add(i32(1))) },
  dayofyear: { scalar: datePart((d) => d.ordinalDay()) },
  weekofyear: { scalar: datePart((d) => d.week()) },
  hour: { scalar: timePart((d) => d.hour()) },
  minute: { scalar: timePart((d) => d.minute()) },
  second: { scalar: timePart((d) => d.second()) },
  date_add: { scalar: (c, ctx) => days(tr0(c, ctx)).add(ctx.tr(arg(c, 1))).cast(PL.Date, true) },
  date_sub: { scalar: (c, ctx) => days(tr0(c, ctx)).sub(ctx.tr(arg(c, 1))).cast(PL.Date, true) },
  datediff: { scalar: (c, ctx) => days(tr0(c, ctx)).sub(days(ctx.tr(arg(c, 1)))) },
  add_months: { delegated: 'month arithmetic with end-of-month rules' },
  months_between: { delegated: "Spark's 31-day month arithmetic" },
  last_day: { delegated: 'not exposed by the binding' },
  trunc: { delegated: 'not exposed by the binding' },
  date_trunc: { delegated: 'not exposed by the binding' },
  unix_timestamp: { delegated: 'Spark datetime patterns' },
  from_unixtime: { delegated: 'Spark datetime patterns' },
  timestamp_seconds: { scalar: timestampSeconds },
  from_utc_timestamp: { delegated: 'time zone rules must match the interpreter' },
  to_utc_timestamp: { delegated: 'time zone rules must match the interpreter' },
};
