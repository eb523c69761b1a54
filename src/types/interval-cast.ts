/**
 * CAST to and between ANSI interval types: string → interval (the ANSI text,
 * bare or as a full `INTERVAL '...' <fields>` literal; anything else is
 * Spark's IllegalArgumentException), and interval → interval of the same kind
 * (fields below the target's end field are dropped). Casts between intervals and
 * integral/decimal numbers run in backend/memory/expressions/interval-number-cast.ts.
 */
import { IllegalArgumentException } from '../errors/index.js';
import {
  ByteType,
  DayTimeIntervalType,
  DecimalType,
  IntegerType,
  LongType,
  ShortType,
  StringType,
  YearMonthIntervalType,
  type DataType,
} from './data-types.js';
import { DAY_TIME_UNIT_MICROS, parseAnsiInterval } from './intervals.js';

type AnsiInterval = YearMonthIntervalType | DayTimeIntervalType;

const PATTERNS: Record<string, string> = {
  'year': 'y', 'month': 'm', 'year to month': 'y-m',
  'day': 'd', 'hour': 'h', 'minute': 'm', 'second': 's.n',
  'day to hour': 'd h', 'day to minute': 'd h:m', 'day to second': 'd h:m:s.n',
  'hour to minute': 'h:m', 'hour to second': 'h:m:s.n', 'minute to second': 'm:s.n',
};

/** Integral and decimal numbers cast to and from ANSI intervals (not floats or booleans). */
export const castsWithIntervals = (t: DataType): boolean =>
  t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType || t instanceof DecimalType;

/** Whether CAST(from AS to) is allowed when `to` is an ANSI interval type. */
export function canCastToInterval(from: DataType, to: AnsiInterval): boolean {
  if (from instanceof StringType || castsWithIntervals(from)) return true;
  return (from instanceof YearMonthIntervalType && to instanceof YearMonthIntervalType) || (from instanceof DayTimeIntervalType && to instanceof DayTimeIntervalType);
}

/** The converter of non-null values for CAST(from AS to), `to` an ANSI interval type. */
export function intervalCaster(from: DataType, to: AnsiInterval): (v: unknown) => unknown {
  if (from instanceof StringType) {
    const kind = to instanceof YearMonthIntervalType ? 'year-month' : 'day-time';
    const fields = to.typeName().slice('interval '.length);
    const p = PATTERNS[fields]!;
    return (v) => {
      const r = parseAnsiInterval(String(v), to);
      if (typeof r === 'string') throw new IllegalArgumentException(r);
      if (r === undefined) {
        const legacy = to instanceof DayTimeIntervalType ? ', set spark.sql.legacy.fromDayTimeString.enabled to true to restore the behavior before Spark 3.0.' : '';
        throw new IllegalArgumentException(
          `Interval string does not match ${kind} format of \`[+|-]${p}\`, \`INTERVAL [+|-]'[+|-]${p}' ${fields.toUpperCase()}\` when cast to ${to.typeName()}: ${String(v)}${legacy}`,
        );
      }
      return r;
    };
  }
  if (to instanceof YearMonthIntervalType) return to.endField === 0 ? (v) => Math.trunc((v as number) / 12) * 12 : (v) => v;
  // A SECOND end holds the fraction too (`INTERVAL '1.5' SECOND` stays 1.5 s as MINUTE TO SECOND).
  if (to.endField === DayTimeIntervalType.SECOND) return (v) => v;
  const unit = DAY_TIME_UNIT_MICROS[to.endField]!;
  return (v) => Math.trunc(Number(v) / unit) * unit;
}
