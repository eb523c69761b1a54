/**
 * timestampadd / timestampdiff with a unit keyword (functions/defs/timestamp-units.ts),
 * as Spark 3.5.7 computes them:
 * - add: the amount is taken as an int; HOUR and finer add elapsed time, DAY
 *   and coarser move the wall clock in the zone (a gap moves forward); a result
 *   beyond the long range is DATETIME_OVERFLOW.
 * - diff: java.time's `LocalDateTime.until` on both wall-clock times in the
 *   session zone: whole units, truncated toward zero, a date unit counting only
 *   when the end's time of day reaches the start's.
 */
import { ExecutionException } from '../../../errors/index.js';
import { ArithmeticException } from '../../../errors/runtime-exceptions.js';
import { castToString } from '../../../format/value-string.js';
import { TIMESTAMP } from '../../../types/data-types.js';
import { sessionZone } from '../context.js';
import { MICROS_PER_DAY, civilFromDays, toLocalMicros, type Zone } from '../runtime/datetime.js';
import { floorDiv } from '../runtime/long.js';
import { writtenUnit } from '../../../functions/defs/timestamp-units.js';
import { addToTimestamp, zoneFor } from './interval.js';
import type { FunctionImpl } from './types.js';
import { argType, scalar } from './util.js';

const MICROS: Record<string, bigint> = {
  MICROSECOND: 1n,
  MILLISECOND: 1000n,
  SECOND: 1_000_000n,
  MINUTE: 60_000_000n,
  HOUR: 3_600_000_000n,
};
const MONTHS: Record<string, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };
const LONG_LIMIT = 2 ** 63;
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** Java's (int) of a long. */
const toInt = (v: number | bigint): number => Number(BigInt.asIntN(32, BigInt(v)));

function overflow(amount: number, unit: string, ts: number, timeZone: string): ArithmeticException {
  const operation = `add ${amount} ${unit} to TIMESTAMP '${castToString(ts, TIMESTAMP, timeZone)}'`;
  return new ArithmeticException(`Datetime operation overflow: ${operation}.`, { errorClass: 'DATETIME_OVERFLOW', messageParameters: { operation } });
}

function timestampAdd(unit: string, written: string, amount: number | bigint, ts: number, zone: Zone, timeZone: string): number {
  // Spark 3.5.7 takes the BIGINT amount as an int (9223372036854775807 adds -1).
  const n = toInt(amount);
  const perUnit = MICROS[unit];
  if (perUnit !== undefined) {
    const result = BigInt(ts) + BigInt(n) * perUnit;
    if (BigInt.asIntN(64, result) !== result) throw overflow(n, written, ts, timeZone);
    return Number(result);
  }
  const days = unit === 'WEEK' ? n * 7 : unit === 'DAY' || unit === 'DAYOFYEAR' ? n : 0;
  const months = n * (MONTHS[unit] ?? 0);
  // Math.multiplyExact on ints, then the result must be a representable timestamp.
  const fits = (x: number): boolean => x >= INT_MIN && x <= INT_MAX;
  if (!fits(days) || !fits(months)) throw overflow(n, written, ts, timeZone);
  const result = addToTimestamp(ts, months, days, 0, zone);
  if (!(Math.abs(result) < LONG_LIMIT)) throw overflow(n, written, ts, timeZone);
  return result;
}

/** (year * 12 + month) * 32 + day of a local date: java.time's basis for whole months. */
const packedMonthDay = (days: number): number => {
  const [y, m, d] = civilFromDays(days);
  return (y * 12 + m - 1) * 32 + d;
};

function timestampDiff(unit: string, startTs: number, endTs: number, zone: Zone): number {
  const start = toLocalMicros(startTs, zone);
  const end = toLocalMicros(endTs, zone);
  const perUnit = MICROS[unit];
  if (perUnit !== undefined) return Number((BigInt(end) - BigInt(start)) / perUnit);
  const startDay = floorDiv(start, MICROS_PER_DAY);
  let endDay = floorDiv(end, MICROS_PER_DAY);
  const startTime = start - startDay * MICROS_PER_DAY;
  const endTime = end - endDay * MICROS_PER_DAY;
  if (endDay > startDay && endTime < startTime) endDay--;
  else if (endDay < startDay && endTime > startTime) endDay++;
  if (unit === 'DAY') return endDay - startDay;
  if (unit === 'WEEK') return Math.trunc((endDay - startDay) / 7);
  const perMonths = MONTHS[unit];
  // Spark 3.5.7's TimestampDiff has no DAYOFYEAR (an internal IllegalStateException there).
  if (perMonths === undefined) throw new ExecutionException(`Got the unexpected unit '${unit}'.`);
  const months = Math.trunc((packedMonthDay(endDay) - packedMonthDay(startDay)) / 32);
  return Math.trunc(months / perMonths);
}

export const timestampUnitImpls: Record<string, FunctionImpl> = {
  timestampadd: scalar((a, ctx, call) => {
    const written = writtenUnit(call)!;
    return timestampAdd(written.toUpperCase(), written, a[0] as number | bigint, a[1] as number, zoneFor(argType(call, 1), sessionZone(ctx)), ctx.timeZone);
  }),
  timestampdiff: scalar((a, ctx, call) =>
    timestampDiff(writtenUnit(call)!.toUpperCase(), a[0] as number, a[1] as number, sessionZone(ctx)),
  ),
};
