/**
 * Interval columns in Arrow data (Spark Connect results): Spark sends a year-month
 * interval as Arrow Interval(YEAR_MONTH) (int32 months), a day-time interval
 * as Duration(MICROSECOND) (int64) and a calendar interval as
 * Interval(MONTH_DAY_NANO) (int32 months, int32 days, int64 nanoseconds).
 * Values become sparkless's interval values (types/intervals.ts).
 */
import type { Data } from 'apache-arrow';
import { CalendarIntervalType, DayTimeIntervalType, YearMonthIntervalType, type DataType } from '../types/data-types.js';
import { CalendarInterval } from '../types/intervals.js';

const SAFE = Number.MAX_SAFE_INTEGER;

function valid(d: Data, i: number): boolean {
  const bitmap = d.nullBitmap;
  if (!bitmap || bitmap.length === 0 || d.nullCount === 0) return true;
  const j = d.offset + i;
  return (bitmap[j >> 3]! & (1 << (j & 7))) !== 0;
}

/** Appends the column's values to `out`; false when `t` is not an interval type (read it elsewhere). */
export function readIntervalColumn(t: DataType, d: Data, out: unknown[]): boolean {
  if (t instanceof YearMonthIntervalType) {
    const vals = d.values as Int32Array;
    for (let i = 0; i < d.length; i++) out.push(valid(d, i) ? vals[i]! : null);
    return true;
  }
  if (t instanceof DayTimeIntervalType) {
    const vals = d.values as BigInt64Array;
    for (let i = 0; i < d.length; i++) {
      if (!valid(d, i)) out.push(null);
      else {
        const v = vals[i]!;
        out.push(v <= BigInt(SAFE) && v >= BigInt(-SAFE) ? Number(v) : v);
      }
    }
    return true;
  }
  if (t instanceof CalendarIntervalType) {
    // 16 bytes per value: months (int32), days (int32), nanoseconds (int64).
    const vals = d.values as Int32Array;
    const view = new DataView(vals.buffer, vals.byteOffset, vals.byteLength);
    for (let i = 0; i < d.length; i++) {
      if (!valid(d, i)) {
        out.push(null);
        continue;
      }
      const at = i * 16; // values are already sliced to the chunk (validity bits are not)
      const nanos = view.getBigInt64(at + 8, true);
      out.push(new CalendarInterval(view.getInt32(at, true), view.getInt32(at + 4, true), Number(nanos / 1000n)));
    }
    return true;
  }
  return false;
}
