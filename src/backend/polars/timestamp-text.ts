/**
 * CAST(timestamp AS STRING) on Polars, for every value a long of
 * microseconds holds. Polars formats through chrono, whose calendar stops
 * near year ±262143: a timestamp beyond it (Spark's -290308-12-21 for
 * Long.MIN µs) made Polars panic, print the panic to stderr and fail the
 * query. Far values are moved by whole 400-year Gregorian cycles (146097
 * days, so month, day, weekday and time of day are unchanged) into a window
 * chrono formats, and the cycles are added back to the year.
 */
import type { NativeExpr } from './native.js';
import { native } from './native.js';
import { i64, ifElse, str } from './nx.js';
import { PL } from './type-mapper.js';

/** µs in 400 Gregorian years. */
const CYCLE = 146097n * 86_400_000_000n;
/** Values within ±500 cycles (years about -198000 to 202000) are formatted as they are. */
const NEAR = 500n * CYCLE;

/**
 * Spark's text of a timestamp (`yyyy-MM-dd HH:mm:ss[.ffffff]`, years beyond 9999 signed) given
 * its µs as Int64 and `wallClock`, which maps a Datetime of the same kind to its naive wall clock.
 * Far values land in years 1170-1570 (before any zone's first transition, so in its local mean
 * time, as Spark) or 2370-2770 (under the zone's last rules, as Spark).
 */
export function timestampText(micros: NativeExpr, asDatetime: (m: NativeExpr) => NativeExpr, wallClock: (x: NativeExpr) => NativeExpr): NativeExpr {
  const pl = native();
  const m = micros;
  const neg = m.lt(i64(0));
  const far = m.lt(i64(-NEAR)).or(m.gtEq(i64(NEAR)));
  // m = q·CYCLE + r with 0 ≤ r < CYCLE; neither is near the long range's ends, so nothing overflows.
  const q = m.div(i64(CYCLE));
  const r = m.rem(i64(CYCLE));
  const cycles = ifElse(far, ifElse(neg, q.add(i64(2)), q.sub(i64(1))), i64(0));
  const shifted = ifElse(far, ifElse(neg, r.sub(i64(2n * CYCLE)), r.add(i64(CYCLE))), m);
  const wall = wallClock(asDatetime(shifted));
  const farYear = wall.year().cast(PL.Int64, true).add(cycles.mul(i64(400)));
  // A far year has more than four digits: Spark signs it ('+294247', '-290308').
  const farYearText = ifElse(farYear.gt(i64(0)), pl.concatStr([str('+'), farYear.cast(PL.String, true)], '', false), farYear.cast(PL.String, true));
  const year = ifElse(far, farYearText, wall.strftime('%Y'));
  const frac = wall.strftime('%6f').strStripChars(str('0'), false, true);
  const dotted = ifElse(frac.eq(str('')), str(''), pl.concatStr([str('.'), frac], '', false));
  return pl.concatStr([year, wall.strftime('-%m-%d %H:%M:%S'), dotted], '', false);
}
