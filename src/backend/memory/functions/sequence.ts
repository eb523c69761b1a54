/**
 * sequence(start, stop[, step]) in the interpreter: integral bounds with an
 * integral step; dates and timestamps with an interval step (year-month,
 * day-time or calendar), one day by default. As Spark does, element i is
 * `start + i * step` on the calendar (not a running sum: Jan 31 + 1 month
 * steps give Feb 28, Mar 31), dates going through timestamps in the session
 * zone, and bad steps fail with Spark's IllegalArgumentException messages.
 */
import { IllegalArgumentException, InternalError } from '../../../errors/index.js';
import { ArrayType, CalendarIntervalType, DateType, DayTimeIntervalType, TimestampType, YearMonthIntervalType } from '../../../types/data-types.js';
import { CalendarInterval, MICROS_PER_DAY } from '../../../types/intervals.js';
import { sessionZone } from '../context.js';
import { daysToTimestamp, timestampToDays, type Zone } from '../runtime/datetime.js';
import { zoneFromText } from '../runtime/datetime-parse.js';
import { interpreterBudget } from '../../limits.js';
import { checkArrayLength } from './collection-build.js';
import { addToTimestamp } from './interval.js';
import type { FunctionImpl, RowFn } from './types.js';
import { argType, compiled, isNullish, resultType } from './util.js';

const UTC_ZONE = zoneFromText('UTC')!;
/** Which function builds the array, and the memory budget it must fit (checkArrayLength). */
type ArrayLimits = { readonly fn: string; readonly budget: number };

const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(v as number));
/** A long back in its internal form: a number when it is safe, else a bigint. */
const longValue = (v: bigint): number | bigint => (v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v);

const illegalBoundaries = (start: unknown, stop: unknown, step: unknown): IllegalArgumentException =>
  new IllegalArgumentException(`requirement failed: Illegal sequence boundaries: ${start} to ${stop} by ${step}`);

/** Integral sequence, computed in bigint so long bounds are exact. */
function integralSequence(start: bigint, stop: bigint, step: bigint, limits: ArrayLimits): unknown[] {
  if (!((step > 0n && start <= stop) || (step < 0n && start >= stop) || (step === 0n && start === stop))) throw illegalBoundaries(start, stop, step);
  const n = step === 0n ? 1n : (stop - start) / step + 1n;
  checkArrayLength(n, limits);
  const out: unknown[] = new Array(Number(n));
  for (let k = 0; k < out.length; k++) out[k] = longValue(start + BigInt(k) * step);
  return out;
}

/** A datetime step split as Spark adds it: months and days on the calendar, then microseconds. */
interface TemporalStep {
  readonly months: number;
  readonly days: number;
  readonly micros: number;
  /** The step as Spark prints it in the boundaries error (months, micros, or the calendar interval's text). */
  readonly text: string;
}

/** Microsecond timestamps start + i * step while within stop; Spark's direction check estimates a month as 28 days. */
function temporalSequence(start: number, stop: number, step: TemporalStep, zone: Zone, limits: ArrayLimits): number[] {
  const estimate = step.micros + step.months * 28 * MICROS_PER_DAY + step.days * MICROS_PER_DAY;
  if (!((estimate > 0 && start <= stop) || (estimate < 0 && start >= stop) || (estimate === 0 && start === stop))) throw illegalBoundaries(start, stop, step.text);
  if (estimate === 0) return [start];
  checkArrayLength(Math.floor((stop - start) / estimate) + 1, limits);
  const out: number[] = [];
  for (let i = 0, t = start; estimate > 0 ? t <= stop : t >= stop; t = addToTimestamp(start, i * step.months, i * step.days, i * step.micros, zone)) {
    out.push(t);
    i++;
  }
  return out;
}

const dateStepError = (kind: string): IllegalArgumentException =>
  new IllegalArgumentException(`sequence step must be ${kind} of day granularity if start and end values are dates`);

/** sequence(start, stop[, step]); a null argument gives null. */
const sequence = compiled((args, call, ctx) => {
  const t = (resultType(call) as ArrayType).elementType;
  const stepType = args.length > 2 ? argType(call, 2) : undefined;
  const [a, b, s] = args as [RowFn, RowFn, RowFn | undefined];
  const dates = t instanceof DateType;
  const temporal = dates || t instanceof TimestampType || t.typeName() === 'timestamp_ntz';
  const zone = t instanceof TimestampType || dates ? sessionZone(ctx) : UTC_ZONE;
  const limits: ArrayLimits = { fn: 'sequence', budget: interpreterBudget(ctx.memoryBudget) };
  return (i) => {
    const start = a(i);
    const stop = b(i);
    const step = s ? s(i) : undefined;
    if (isNullish(start) || isNullish(stop) || (s && isNullish(step))) return null;
    if (!temporal) {
      const st = s ? big(step) : big(start) <= big(stop) ? 1n : -1n;
      const out = integralSequence(big(start), big(stop), st, limits);
      return t.typeName() === 'long' ? out : out.map(Number);
    }
    const dir = (start as number) <= (stop as number) ? 1 : -1;
    let plan: TemporalStep;
    if (stepType === undefined) {
      if (dates) return integralSequence(BigInt(start as number), BigInt(stop as number), BigInt(dir), limits).map(Number);
      plan = { months: 0, days: dir, micros: 0, text: `${dir} days` };
    } else if (stepType instanceof YearMonthIntervalType) {
      const months = step as number;
      if (dates && months === 0) throw dateStepError('an interval year to month');
      plan = { months, days: 0, micros: 0, text: String(months) };
    } else if (stepType instanceof DayTimeIntervalType) {
      const micros = Number(step);
      if (dates) {
        const days = Math.trunc(micros / MICROS_PER_DAY);
        if (days === 0) throw dateStepError('an interval day to second');
        // Whole days step the dates themselves (the boundaries error then names days, as Spark's does).
        if (micros % MICROS_PER_DAY === 0) return integralSequence(BigInt(start as number), BigInt(stop as number), BigInt(days), limits).map(Number);
        plan = { months: 0, days, micros: micros % MICROS_PER_DAY, text: String(step) };
      } else plan = { months: 0, days: 0, micros, text: String(step) };
    } else if (stepType instanceof CalendarIntervalType) {
      const c = step as CalendarInterval;
      if (dates && c.months === 0 && c.days === 0) throw dateStepError('an interval');
      plan = { months: c.months, days: c.days, micros: c.microseconds, text: c.toString() };
    } else {
      throw new InternalError(`sequence step of type ${stepType.simpleString()} over ${t.simpleString()} passed analysis`);
    }
    if (!dates) return temporalSequence(start as number, stop as number, plan, zone, limits);
    const micros = temporalSequence(daysToTimestamp(start as number, zone), daysToTimestamp(stop as number, zone), plan, zone, limits);
    return micros.map((m) => timestampToDays(m, zone));
  };
});

export const sequenceImpls: Record<string, FunctionImpl> = { sequence };
