/**
 * SQL interval literals (ANSI intervals, Spark 3.5's default):
 * `INTERVAL '1-2' YEAR TO MONTH`, `INTERVAL '1 02:03:04' DAY TO SECOND`,
 * `INTERVAL '1' DAY` and the multi-unit form `INTERVAL 2 HOURS 30 MINUTES`,
 * whose type spans the units written (`INTERVAL '02:30' HOUR TO MINUTE`).
 */
import { E, type Expr } from '../expr/nodes.js';
import { DayTimeIntervalType, YearMonthIntervalType } from '../types/data-types.js';
import { MICROS_PER_DAY, MICROS_PER_HOUR, MICROS_PER_MINUTE, MICROS_PER_SECOND, parseAnsiInterval } from '../types/intervals.js';
import { sqlParseError } from './errors.js';

/** One `<value> <unit>` pair as written; `value` keeps its sign and quotes removed. */
export interface IntervalPart {
  readonly value: string;
  readonly quoted: boolean;
  readonly unit: string;
}

/** Unit (singular or plural) → [kind, field index, microseconds or months per unit]. */
const UNITS: Record<string, readonly ['ym' | 'dt', number, number]> = {
  YEAR: ['ym', 0, 12],
  MONTH: ['ym', 1, 1],
  WEEK: ['dt', 0, 7 * MICROS_PER_DAY],
  DAY: ['dt', 0, MICROS_PER_DAY],
  HOUR: ['dt', 1, MICROS_PER_HOUR],
  MINUTE: ['dt', 2, MICROS_PER_MINUTE],
  SECOND: ['dt', 3, MICROS_PER_SECOND],
  MILLISECOND: ['dt', 3, 1000],
  MICROSECOND: ['dt', 3, 1],
};

const unitOf = (u: string): (typeof UNITS)[string] | undefined => UNITS[u.toUpperCase()] ?? UNITS[u.toUpperCase().replace(/S$/, '')];

/**
 * The literal for `INTERVAL <parts>` or `INTERVAL '<text>' <from> TO <to>`
 * (`toUnit` set); `text`/`at` locate errors in the query.
 */
export function intervalLiteral(src: string, at: number, text: string, parts: readonly IntervalPart[], toUnit?: string): Expr {
  const invalid = (msg: string): Error => sqlParseError(src, at, 'INVALID_INTERVAL_FORMAT', msg, {});
  if (toUnit !== undefined || (parts.length === 1 && parts[0]!.quoted)) {
    const from = unitOf(parts[0]!.unit);
    const to = toUnit === undefined ? from : unitOf(toUnit);
    if (!from || !to || from[0] !== to[0] || to[1] < from[1] || (toUnit !== undefined && from[1] === to[1])) {
      throw invalid(`Interval string does not match the form of ${text}.`);
    }
    const t = from[0] === 'ym' ? new YearMonthIntervalType(from[1], to[1]) : new DayTimeIntervalType(from[1], to[1]);
    // Week, millisecond and microsecond have no ANSI interval string form.
    if (toUnit === undefined && ['WEEK', 'MILLISECOND', 'MICROSECOND'].some((u) => parts[0]!.unit.toUpperCase().startsWith(u))) {
      return multiUnit(parts, invalid, text);
    }
    const v = parseAnsiInterval(parts[0]!.value, t);
    if (v === undefined) throw invalid(`Interval string does not match the form of ${text}.`);
    return E.lit(v, t);
  }
  return multiUnit(parts, invalid, text);
}

/** `INTERVAL 2 HOURS 30 MINUTES`: the sum, typed by the smallest and largest unit. */
function multiUnit(parts: readonly IntervalPart[], invalid: (msg: string) => Error, text: string): Expr {
  let kind: 'ym' | 'dt' | undefined;
  let [start, end] = [Infinity, -Infinity];
  let total = 0;
  for (const p of parts) {
    const u = unitOf(p.unit);
    if (!u) throw invalid(`Invalid unit '${p.unit}' in ${text}.`);
    if (kind && kind !== u[0]) throw invalid(`Cannot mix year-month and day-time fields: ${text}.`);
    kind = u[0];
    start = Math.min(start, u[1]);
    end = Math.max(end, u[1]);
    const n = Number(p.value.trim());
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(p.value.trim()) || !Number.isFinite(n)) throw invalid(`Interval string does not match the form of ${text}.`);
    // Fractions are kept to the microsecond, only where the unit allows one (seconds and below).
    if (!Number.isInteger(n) && (kind === 'ym' || u[2] > MICROS_PER_SECOND)) throw invalid(`Interval string does not match the form of ${text}.`);
    total += Math.round(n * u[2]);
  }
  if (kind === 'ym') return E.lit(total, new YearMonthIntervalType(start, end));
  return E.lit(total, new DayTimeIntervalType(start, end));
}
