/**
 * Spark 3.5's ResolveBinaryArithmetic for intervals (non-ANSI, ANSI interval
 * literals): datetime ± interval, interval ± interval, interval × / ÷ number,
 * −interval, date − date and timestamp − timestamp become the internal
 * functions of functions/defs/intervals.ts. Column names: the DataFrame API
 * keeps the written operator (`(d + INTERVAL '1' DAY)`); SQL queries use
 * Spark's analyzed name (`date_add(d, extractansiintervaldays(...))`).
 */
import type { Call, Expr } from '../expr/nodes.js';
import { E, typeOf } from '../expr/nodes.js';
import { exprSql } from '../expr/naming.js';
import { findTightestCommonType } from '../types/coercion.js';
import {
  CalendarIntervalType,
  DateType,
  DayTimeIntervalType,
  DOUBLE,
  StringType,
  STRING,
  TIMESTAMP,
  TimestampNTZType,
  TimestampType,
  YearMonthIntervalType,
  NullType,
  isNumeric,
  type DataType,
} from '../types/data-types.js';
import { isAnsiInterval, isIntervalType } from '../types/intervals.js';
import { unexpectedInputType } from '../functions/define.js';
import type { ResolveContext } from '../functions/registry.js';

type Resolve = (call: Call, args: readonly Expr[]) => Expr;
type CastTo = (e: Expr, to: DataType) => Expr;

const OPS: Record<string, string> = { add: '+', subtract: '-', multiply: '*', divide: '/' };
const isTimestamp = (t: DataType): boolean => t instanceof TimestampType || t instanceof TimestampNTZType;
const isDatetimeOrInterval = (t: DataType): boolean => isIntervalType(t) || t instanceof DateType || isTimestamp(t);

/** The rewrite of an operator call with an interval (or date − date) operand, or undefined. */
export function rewriteIntervalOperator(call: Call, args: readonly Expr[], resolve: Resolve, castTo: CastTo, analyzedName: boolean): Expr | undefined {
  if (call.fn === 'negate' && args.length === 1) {
    if (!isIntervalType(typeOf(args[0]!))) return undefined;
    return resolve(E.call('interval_negate', [args[0]!]), [args[0]!]);
  }
  if (args.length !== 2 || !(call.fn in OPS)) return undefined;
  const [l, r] = args as [Expr, Expr];
  const [lt, rt] = [typeOf(l), typeOf(r)];
  // Every rewrite below needs a date, timestamp or interval operand: plain arithmetic leaves before its name is built.
  if (!isDatetimeOrInterval(lt) && !isDatetimeOrInterval(rt)) return undefined;
  // In the DataFrame API a rewritten operator keeps the name it was written with.
  const written = `(${exprSql(l)} ${OPS[call.fn]} ${exprSql(r)})`;
  const build = (fn: string, fnArgs: readonly Expr[], sqlName?: string): Expr => {
    const display = analyzedName ? sqlName : written;
    return resolve(E.call(fn, fnArgs, display ? { options: { displaySql: display } } : {}), fnArgs);
  };
  const neg = (e: Expr): Expr => resolve(E.call('interval_negate', [e]), [e]);

  if (call.fn === 'multiply' || call.fn === 'divide') {
    const [iv, written] = isIntervalType(lt) ? [l, r] : call.fn === 'multiply' && isIntervalType(rt) ? [r, l] : [undefined, undefined];
    // A string factor is read as a DOUBLE, ANSI or not (`'2' * INTERVAL 1 DAY`).
    const num = written && typeOf(written) instanceof StringType ? Object.freeze({ ...castTo(written, DOUBLE), ansiCoercion: true }) : written;
    const numType = num && typeOf(num);
    if (!iv || !numType || !(isNumeric(numType) || numType instanceof NullType) || typeOf(iv) instanceof CalendarIntervalType) return undefined;
    return build(call.fn === 'multiply' ? 'interval_multiply' : 'interval_divide', [iv, num]);
  }

  const subtract = call.fn === 'subtract';
  if (subtract && lt instanceof DateType && rt instanceof DateType) return build('subtract_dates', [l, r]);
  if (subtract && (isTimestamp(lt) || lt instanceof DateType) && (isTimestamp(rt) || rt instanceof DateType)) {
    const common = findTightestCommonType(lt, rt);
    const t = common && isTimestamp(common) ? common : TIMESTAMP;
    return build('subtract_timestamps', [castTo(l, t), castTo(r, t)]);
  }
  // timestamp − NULL (either way) is a NULL interval; timestamp − a value that is no date, timestamp or
  // interval is Spark's SubtractTimestamps, whose other parameter must be a timestamp.
  if (subtract && isTimestamp(lt) !== isTimestamp(rt)) {
    const [t, otherType, otherIndex] = isTimestamp(lt) ? [lt, rt, 1] : [rt, lt, 0];
    if (otherType instanceof NullType) return build('subtract_timestamps', [castTo(l, t), castTo(r, t)]);
    if (!(otherType instanceof DateType) && !isIntervalType(otherType)) {
      throw needsTimestamp([exprSql(l), exprSql(r)], `(${exprSql(l)} - ${exprSql(r)})`, otherIndex, otherType);
    }
  }

  // NULL ± interval is an interval sum of that type.
  if (isAnsiInterval(lt) && rt instanceof NullType) return build(subtract ? 'interval_subtract' : 'interval_add', [l, castTo(r, lt)]);
  if (lt instanceof NullType && isAnsiInterval(rt)) return build(subtract ? 'interval_subtract' : 'interval_add', [castTo(l, rt), r]);

  if (isIntervalType(lt) && isIntervalType(rt)) {
    const common = findTightestCommonType(lt, rt);
    // Year-month + day-time: Spark reads it as a timestamp plus the day-time interval, and rejects the first.
    if (!common && !subtract && lt instanceof YearMonthIntervalType && rt instanceof DayTimeIntervalType) throw timeAddNeedsTimestamp(l, r);
    if (!common) return undefined;
    return build(subtract ? 'interval_subtract' : 'interval_add', [castTo(l, common), castTo(r, common)]);
  }

  // datetime ± interval (interval + datetime is the same sum).
  let [dt, iv] = [l, r];
  if (!subtract && isIntervalType(lt) && !isIntervalType(rt)) [dt, iv] = [r, l];
  const [dtt, ivt] = [typeOf(dt), typeOf(iv)];
  if (!isIntervalType(ivt) || isIntervalType(dtt)) return undefined;
  const ivArg = subtract ? neg(iv) : iv;
  const opName = `${exprSql(dt)} ${subtract ? '-' : '+'} ${exprSql(iv)}`;
  if (dtt instanceof StringType) {
    // Spark reads the string as a TIMESTAMP and gives the sum back as a STRING (ANSI or not);
    // a year-month interval has no such rule (BINARY_OP_DIFF_TYPES).
    if (ivt instanceof YearMonthIntervalType) return undefined;
    return castTo(build('time_add', [castTo(dt, TIMESTAMP), ivArg], opName), STRING);
  }
  if (dtt instanceof DateType) {
    if (ivt instanceof DayTimeIntervalType && ivt.startField === 0 && ivt.endField === 0) {
      const days = resolve(E.call('extractansiintervaldays', [iv]), [iv]);
      const n = subtract ? resolve(E.call('negate', [days]), [days]) : days;
      return build('date_add', [dt, n]);
    }
    if (ivt instanceof YearMonthIntervalType) return build('date_add_ym_interval', [dt, ivArg], opName);
    if (ivt instanceof CalendarIntervalType) return build('date_add_interval', [dt, ivArg], opName);
    return build('time_add', [castTo(dt, TIMESTAMP), ivArg], opName);
  }
  if (!isTimestamp(dtt)) {
    // Any other value plus a day-time interval is Spark's TimeAdd, whose first parameter must be a timestamp.
    if (!(ivt instanceof DayTimeIntervalType) || dtt instanceof NullType) return undefined;
    const ivSql = subtract ? `(- ${exprSql(iv)})` : exprSql(iv);
    throw needsTimestamp([exprSql(dt), ivSql], `${exprSql(dt)} + ${ivSql}`, 0, dtt);
  }
  if (ivt instanceof YearMonthIntervalType) return build('timestamp_add_ym_interval', [dt, ivArg], opName);
  return build('time_add', [dt, ivArg], opName);
}

/** `ym + dt`: Spark's TimeAdd(ym, dt) fails its first parameter's check. */
function timeAddNeedsTimestamp(l: Expr, r: Expr): Error {
  const argSql = [exprSql(l), exprSql(r)];
  return needsTimestamp(argSql, `${argSql[0]} + ${argSql[1]}`, 0, typeOf(l));
}

/** Spark's TimeAdd / SubtractTimestamps type check: parameter `index` of `sql` is no timestamp. */
function needsTimestamp(argSql: string[], sql: string, index: number, actual: DataType): Error {
  const ctx: ResolveContext = { ansi: false, argSql, sql };
  return unexpectedInputType(ctx, index, '"(TIMESTAMP OR TIMESTAMP WITHOUT TIME ZONE)"', actual);
}
