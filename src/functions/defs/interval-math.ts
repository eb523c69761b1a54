/**
 * Internal functions the analyzer turns calls over ANSI intervals into
 * (analyzer/interval-functions.ts): try_* as TryEval of the rewritten
 * operator, `div` of two intervals, abs, signum and width_bucket. Each keeps
 * the name of the call it stands for (its `displaySql` option); types and
 * nullability as Spark 3.5.7 reports them.
 */
import { ArrayType, DayTimeIntervalType, DOUBLE, LONG, YearMonthIntervalType, isNumeric, type DataType } from '../../types/data-types.js';
import { isAnsiInterval } from '../../types/intervals.js';
import { castsFor, dataTypeMismatch, fn, implicitCast, sqlTypeName, unexpectedInputType } from '../define.js';
import type { FunctionDef } from '../registry.js';
import { withSql } from '../resolve-context.js';

const isYearMonth = (t: DataType): boolean => t instanceof YearMonthIntervalType;
/** YEAR TO MONTH or DAY TO SECOND: the type of an interval product, quotient or average. */
const fullIntervalType = (t: DataType): DataType => (isYearMonth(t) ? new YearMonthIntervalType(0, 1) : new DayTimeIntervalType(0, 3));

/** width_bucket(interval, interval, interval, n): value and bounds all year-month or all day-time. */
const intervalWidthBucket: FunctionDef = {
  name: 'interval_width_bucket',
  kind: 'scalar',
  minArgs: 4,
  maxArgs: 4,
  nullIntolerant: true,
  resolve(args, call, written) {
    // Errors name the call as written (`width_bucket(...)`), not this internal function.
    const shownSql = call.options?.['displaySql'];
    const ctx = typeof shownSql === 'string' ? withSql(written, shownSql) : written;
    const types = args.slice(0, 3).map((a) => a.dataType);
    if (!types.every((t) => isAnsiInterval(t) && isYearMonth(t) === isYearMonth(types[0]!))) {
      // Spark lists the other arguments as the DOUBLE they would be cast to.
      const shown = types.map((t) => sqlTypeName(isNumeric(t) ? DOUBLE : t)).join(' or ');
      throw dataTypeMismatch(ctx, 'DATA_DIFF_TYPES', `Input to \`width_bucket\` should all be the same type, but it's (${shown})`, {
        functionName: '`width_bucket`',
        dataType: `(${shown})`,
      });
    }
    const n = implicitCast(args[3]!.dataType, LONG, ctx.ansi);
    if (!n) throw unexpectedInputType(ctx, 3, '"BIGINT"', args[3]!.dataType);
    return { dataType: LONG, nullable: true, argTypes: castsFor(args, [types[0]!, types[1]!, types[2]!, n]) };
  },
};

/** A double (or array of doubles) of months or microseconds as the full year-month or day-time type. */
const intervalFromNumber: FunctionDef = {
  name: 'interval_from_number',
  kind: 'scalar',
  minArgs: 1,
  maxArgs: 1,
  nullIntolerant: true,
  resolve(args, call) {
    const t = call.options?.['yearMonth'] ? new YearMonthIntervalType(0, 1) : new DayTimeIntervalType(0, 3);
    const from = args[0]!.dataType;
    return { dataType: from instanceof ArrayType ? new ArrayType(t, from.containsNull) : t, nullable: args[0]!.nullable };
  },
};

export const intervalMathDefs: readonly FunctionDef[] = [
  /** Spark's TryEval: any error of its argument gives NULL. */
  fn('try_eval', { inputs: ['any'], returns: (t) => t[0]!, nullable: true }),
  fn('interval_div', { inputs: ['any', 'any'], returns: LONG, nullable: true, nullIntolerant: true }),
  fn('interval_abs', { inputs: ['any'], returns: (t) => t[0]!, nullIntolerant: true }),
  fn('interval_signum', { inputs: ['any'], returns: DOUBLE, nullable: true, nullIntolerant: true }),
  intervalWidthBucket,
  /** An interval's months or microseconds as a double (the input of median and percentile). */
  fn('interval_to_number', { inputs: ['any'], returns: DOUBLE, nullIntolerant: true }),
  intervalFromNumber,
  // sum / try_sum keep the input's interval type; avg / try_avg give the kind's full type.
  fn('interval_sum', { kind: 'aggregate', inputs: ['any'], returns: (t) => t[0]! }),
  fn('interval_try_sum', { kind: 'aggregate', inputs: ['any'], returns: (t) => t[0]! }),
  fn('interval_avg', { kind: 'aggregate', inputs: ['any'], returns: (t) => fullIntervalType(t[0]!) }),
  fn('interval_try_avg', { kind: 'aggregate', inputs: ['any'], returns: (t) => fullIntervalType(t[0]!) }),
];
