/**
 * Timestamps beyond chrono's calendar on Polars: CAST(timestamp AS STRING)
 * here, and `inChronoRange` for date/time parts and timestamp → date, for
 * every value a long of microseconds holds. Polars formats through chrono, whose calendar stops
 * near year ±262143: a timestamp beyond it (Spark's -290308-12-21 for
 * Long.MIN µs) made Polars panic, print the panic to stderr and fail the
 * query. Far values are moved by whole 400-year Gregorian cycles (146097
 * days, so month, day, weekday and time of day are unchanged) into a window
 * chrono converts, and the cycles are added back to the year (or days).
 */
import type { NativeExpr } from './native.js';
import { native } from './native.js';
import { LONG } from '../../types/data-types.js';
import { i64, ifElse, nullOf, same, str, type Bind } from './nx.js';
import { PL } from './type-mapper.js';

/** µs in 400 Gregorian years. */
export const CYCLE = 146097n * 86_400_000_000n;

/**
 * Spark's text of a timestamp (`yyyy-MM-dd HH:mm:ss[.ffffff]`, years beyond 9999 signed) given
 * its µs as Int64 and `wallClock`, which maps a Datetime of the same kind to its naive wall clock.
 * Far values land in years 1170-1570 (before any zone's first transition, so in its local mean
 * time, as Spark) or 2370-2770 (under the zone's last rules, as Spark).
 */
export function timestampText(micros: NativeExpr, asDatetime: (m: NativeExpr) => NativeExpr, wallClock: (x: NativeExpr) => NativeExpr, bind: Bind = same): NativeExpr {
  const { far, cycles, shifted } = inChronoRange(micros, CYCLE, bind);
  // `wall` is read twice: it is a large expression in a zone, and Polars expands each use.
  const wall = bind(wallClock(asDatetime(shifted)));
  const text = wall.strftime('%Y-%m-%d %H:%M:%S%.6f').strReplace(str('\\.?0+$'), str(''), false, 1);
  return withFarYear(text, wall.year(), far, cycles);
}

/** Spark's text of a date (`yyyy-MM-dd`, years beyond 9999 signed) for every Int32 day, far ones included (Polars panicked). */
export function dateText(days: NativeExpr, bind: Bind = same): NativeExpr {
  const { far, cycles, shifted } = inChronoRange(days.cast(PL.Int64, true), DAYS_CYCLE, bind);
  const date = shifted.cast(PL.Int32, true).cast(PL.Date, true);
  return withFarYear(date.cast(PL.String, true), date.year(), far, cycles);
}

/** `text` of a value read `cycles` 400-year cycles nearer, its year put back where `far`. */
function withFarYear(text: NativeExpr, nearYear: NativeExpr, far: NativeExpr, cycles: NativeExpr): NativeExpr {
  const pl = native();
  // Null on near rows, so that Polars (which computes every branch for every row) builds no text for them.
  const farYear = ifElse(far, nearYear.cast(PL.Int64, true).add(cycles.mul(i64(400))), nullOf(LONG));
  // A far year has more than four digits: Spark signs it ('+294247', '-290308').
  const farYearText = ifElse(farYear.gt(i64(0)), pl.concatStr([str('+'), farYear.cast(PL.String, true)], '', false), farYear.cast(PL.String, true));
  // Far rows are read in years 1170-2770, four digits.
  return ifElse(far, pl.concatStr([farYearText, text.strSlice(i64(4), native().lit(null).cast(PL.Int64, true))], '', false), text);
}

/**
 * `x` (Int64 µs, or days with `cycle` = 146097) moved by whole 400-year cycles into a window
 * chrono can convert when it is far (beyond ±500 cycles), else as it is: `x = shifted + cycles·cycle`.
 * `x` is read six times: `bind` it unless it is small.
 */
export function inChronoRange(x0: NativeExpr, cycle: bigint, bind: Bind = same): { far: NativeExpr; cycles: NativeExpr; shifted: NativeExpr } {
  const x = bind(x0);
  const near = 500n * cycle;
  const neg = x.lt(i64(0));
  const far = x.lt(i64(-near)).or(x.gtEq(i64(near)));
  // x = q·cycle + r with 0 ≤ r < cycle; neither is near the long range's ends, so nothing overflows.
  const q = x.div(i64(cycle));
  const r = x.rem(i64(cycle));
  const cycles = ifElse(far, ifElse(neg, q.add(i64(2)), q.sub(i64(1))), i64(0));
  const shifted = ifElse(far, ifElse(neg, r.sub(i64(2n * cycle)), r.add(i64(cycle))), x);
  return { far, cycles, shifted };
}

/** Days in 400 Gregorian years. */
export const DAYS_CYCLE = 146097n;
