/**
 * sum, avg, try_sum and try_avg over ANSI intervals (the analyzer's
 * interval_sum / interval_avg, analyzer/interval-functions.ts). Sums are exact
 * (Math.addExact per row): past the interval type's range, sum and avg raise
 * INTERVAL_ARITHMETIC_OVERFLOW and the try_ forms give NULL. avg divides with
 * HALF_UP rounding, as Spark's interval division does.
 */
import { intervalArithmeticOverflow } from './interval.js';
import { YearMonthIntervalType, type DataType } from '../../../types/data-types.js';
import { LONG_MAX, LONG_MIN, normLong, toBigInt, type Long } from '../runtime/long.js';
import type { Accumulator, AggregateImpl, FunctionImpl } from './types.js';
import { argType, isNullish } from './util.js';

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;

/** A value of the interval type `t` from an exact bigint (months are ints, microseconds longs). */
const toInterval = (v: bigint, t: DataType): Long => (t instanceof YearMonthIntervalType ? Number(v) : normLong(v));

/** The running exact sum and count; `overflowed` once a partial sum leaves the type's range. */
function intervalSum(t: DataType): Accumulator & { sum: bigint; count: number; overflowed: boolean } {
  const [lo, hi] = t instanceof YearMonthIntervalType ? [INT_MIN, INT_MAX] : [LONG_MIN, LONG_MAX];
  const acc = {
    sum: 0n,
    count: 0,
    overflowed: false,
    add(args: readonly unknown[]) {
      if (isNullish(args[0]) || acc.overflowed) return;
      acc.sum += toBigInt(args[0] as Long);
      acc.count++;
      if (acc.sum < lo || acc.sum > hi) acc.overflowed = true;
    },
    result: (): unknown => null,
  };
  return acc;
}

/** Java's HALF_UP division of an exact sum by a count. */
function divideHalfUp(sum: bigint, count: bigint): bigint {
  const q = sum / count;
  const r = sum % count;
  const away = 2n * (r < 0n ? -r : r) >= count;
  return away ? q + (sum < 0n ? -1n : 1n) : q;
}

/** An aggregate over the exact interval sum: `finish` turns the sum and count into the result; overflow raises, or is NULL when `tolerant` (try_*). */
const overSum = (tolerant: boolean, finish: (sum: bigint, count: number) => bigint): AggregateImpl => ({
  kind: 'aggregate',
  create(call) {
    const t = argType(call, 0);
    const acc = intervalSum(t);
    acc.result = () => {
      if (acc.overflowed) {
        if (tolerant) return null;
        throw intervalArithmeticOverflow(t, 'try_add');
      }
      return acc.count === 0 ? null : toInterval(finish(acc.sum, acc.count), t);
    };
    return acc;
  },
});

const sumImpl = (tolerant: boolean): AggregateImpl => overSum(tolerant, (sum) => sum);
const avgImpl = (tolerant: boolean): AggregateImpl => overSum(tolerant, (sum, count) => divideHalfUp(sum, BigInt(count)));

export const intervalAggregateImpls: Record<string, FunctionImpl> = {
  interval_sum: sumImpl(false),
  interval_try_sum: sumImpl(true),
  interval_avg: avgImpl(false),
  interval_try_avg: avgImpl(true),
};
