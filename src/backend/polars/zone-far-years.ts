/**
 * Zone conversions from year 2100 on, on Polars. Polars converts zones with chrono-tz, whose
 * tables list each zone's transitions up to 2099 and hold the last offset after it: in a
 * zone that still observes DST, every instant from 2100 on got standard time (northern zones)
 * or summer time (southern ones). Spark (java.time) applies the zone's last rules forever.
 *
 * Under those rules a year's transitions depend only on its calendar: the weekday of January 1
 * and whether it is a leap year. So a row of year Y ≥ 2100 is moved by whole days to the latest
 * year before 2100 with the same calendar, converted there, and moved back. Per zone and calendar,
 * the stand-in year is checked against the runtime's ICU data (what the memory backend uses): its
 * transitions must be those of the same-calendar year 400 years later, which is under the last
 * rules. Zones without DST in their last rules need no move; a zone whose years before 2100 never
 * match (rules listed year by year, such as Ramadan-dependent ones) is reported as unmappable.
 */
import { daysFromCivil, regionOffsetSeconds } from '../../types/timezone.js';
import { native, type NativeExpr } from './native.js';
import { i32, i64 } from './nx.js';
import { PL } from './type-mapper.js';

/** The first year chrono-tz's tables do not cover. */
export const FIRST_UNCOVERED_YEAR = 2100;
const FIRST_UNCOVERED_DAY = daysFromCivil(FIRST_UNCOVERED_YEAR, 1, 1);
const DAY_SECONDS = 86_400;
const DAY_MICROS = 86_400_000_000n;

/** Per calendar key (`2·weekday(Jan 1) + leap`, weekday 0 = Sunday): the day number of the stand-in year's January 1. */
export type FarYears = readonly number[];

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const weekdayOfDay = (day: number): number => (((day + 4) % 7) + 7) % 7;
const calendarKey = (y: number): number => 2 * weekdayOfDay(daysFromCivil(y, 1, 1)) + (isLeap(y) ? 1 : 0);

/** A year's offsets: the one at its start (UTC), then each change as [seconds from January 1, new offset]. */
interface YearOffsets {
  readonly first: number;
  readonly changes: readonly (readonly [number, number])[];
}

const yearStart = (y: number): number => daysFromCivil(y, 1, 1) * DAY_SECONDS;

/** Offsets sampled every 30 days (a zone's last rules keep each offset for months), each change bisected to the second. */
function yearOffsets(offsetAt: (s: number) => number, year: number): YearOffsets {
  const start = yearStart(year);
  const end = yearStart(year + 1);
  const first = offsetAt(start);
  const changes: [number, number][] = [];
  let prevT = start;
  let prevO = first;
  while (prevT < end) {
    const next = Math.min(prevT + 30 * DAY_SECONDS, end);
    const o = offsetAt(next);
    if (o !== prevO) {
      let lo = prevT;
      let hi = next; // offsetAt(lo) = prevO ≠ offsetAt(hi)
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid) === prevO) lo = mid;
        else hi = mid;
      }
      changes.push([hi - start, offsetAt(hi)]);
    }
    prevT = next;
    prevO = o;
  }
  return { first, changes };
}

/** True when `year` has `ref`'s offsets: the same at the same sample points and around each of its changes. */
function sameOffsets(offsetAt: (s: number) => number, year: number, ref: YearOffsets, refYear: number): boolean {
  const start = yearStart(year);
  const refStart = yearStart(refYear);
  const probes = [0];
  for (let t = 30 * DAY_SECONDS; t < yearStart(refYear + 1) - refStart; t += 30 * DAY_SECONDS) probes.push(t);
  for (const [c] of ref.changes) probes.push(c - 1, c);
  return probes.every((p) => offsetAt(start + p) === offsetAt(refStart + p));
}

const cache = new Map<string, FarYears | null | 'unmappable'>();

/**
 * Stand-in years for `tz`, null when rows from 2100 on need no move (the zone's offset is constant
 * in its last rules and equals chrono-tz's last one), 'unmappable' when some calendar has no stand-in.
 */
export function farYears(tz: string): FarYears | null | 'unmappable' {
  let r = cache.get(tz);
  if (r === undefined) {
    r = computeFarYears(tz);
    cache.set(tz, r);
  }
  return r;
}

function computeFarYears(tz: string): FarYears | null | 'unmappable' {
  if (regionOffsetSeconds(tz, 0) === undefined) return null; // not a zone ICU knows: nothing to check against
  const offsetAt = (s: number): number => regionOffsetSeconds(tz, s)!;
  const lastCovered = offsetAt(FIRST_UNCOVERED_DAY * DAY_SECONDS - 1);
  // 2496..2499 hold both leap and common years; a zone with DST changes offset in each.
  const constant = [2496, 2497, 2498, 2499].every((y) => {
    const o = yearOffsets(offsetAt, y);
    return o.first === lastCovered && o.changes.length === 0;
  });
  if (constant) return null;
  const table: number[] = [];
  for (let key = 0; key < 14; key++) {
    let found: number | undefined;
    for (let y = FIRST_UNCOVERED_YEAR - 1; y >= 2040 && found === undefined; y--) {
      // y + 400 has y's calendar and is under the zone's last rules.
      if (calendarKey(y) === key && sameOffsets(offsetAt, y, yearOffsets(offsetAt, y + 400), y + 400)) found = y;
    }
    if (found === undefined) return 'unmappable';
    table.push(daysFromCivil(found, 1, 1));
  }
  return table;
}

/** The last year chrono's calendar holds (beyond it Polars' year is null). */
const LAST_CHRONO_YEAR = 262143;

/** Per year 2100 + i up to chrono's last: µs from its January 1 to its stand-in's. */
function shiftTable(years: FarYears): BigInt64Array {
  const out = new BigInt64Array(LAST_CHRONO_YEAR - FIRST_UNCOVERED_YEAR + 1);
  let jan1 = FIRST_UNCOVERED_DAY;
  for (let y = FIRST_UNCOVERED_YEAR; y <= LAST_CHRONO_YEAR; y++) {
    const leap = isLeap(y);
    out[y - FIRST_UNCOVERED_YEAR] = BigInt(years[2 * weekdayOfDay(jan1) + (leap ? 1 : 0)]! - jan1) * DAY_MICROS;
    jan1 += leap ? 366 : 365;
  }
  return out;
}

const tables = new Map<FarYears, NativeExpr>();

/**
 * µs to add to rows (Int64 µs, instants or wall clocks) so that those from 2100 on fall in their
 * stand-in year; 0 for earlier rows and for rows beyond chrono's calendar (callers bring those
 * nearer first). One shallow lookup by year, reading `micros` once: callers use the result
 * several times, and Polars' planning cost grows steeply with repeated, deep subexpressions.
 */
export function farShiftMicros(micros: NativeExpr, years: FarYears): NativeExpr {
  const pl = native();
  let table = tables.get(years);
  if (!table) {
    table = pl.litSeries(pl.JsSeries.newBigint64Array('', shiftTable(years)));
    tables.set(years, table);
  }
  // Years before 2100 become a null index (no move), as do nulls beyond chrono's calendar.
  const year = micros.div(i64(DAY_MICROS)).cast(PL.Int32, true).cast(PL.Date, true).year();
  const index = year.sub(i32(FIRST_UNCOVERED_YEAR)).cast(PL.UInt32, false);
  return table.gather(index).fillNull(i64(0));
}
