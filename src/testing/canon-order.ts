/**
 * A total order over canonical values, for stable sorting in diffs and snapshots: nulls first,
 * then booleans, numbers, strings, dates/timestamps, binary, arrays, maps, structs.
 */
import { asNumber, BytesVal, DayVal, DecVal, exactKey, FloatVal, InstantVal, MapVal, MS_PER_DAY, RawVal, StructVal, type Canon } from './canon-values.js';

function rank(c: Canon): number {
  if (c === null) return 0;
  if (typeof c === 'boolean') return 1;
  if (typeof c === 'number' || typeof c === 'bigint' || c instanceof FloatVal || c instanceof DecVal) return 2;
  if (typeof c === 'string') return 3;
  if (c instanceof DayVal || c instanceof InstantVal) return 4;
  if (c instanceof BytesVal) return 5;
  if (Array.isArray(c)) return 6;
  if (c instanceof MapVal) return 7;
  if (c instanceof StructVal) return 8;
  return 9;
}

function cmp<T extends number | bigint | string>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function seqCompare(a: readonly Canon[], b: readonly Canon[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareCanon(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** A total order: nulls first, then booleans, numbers (NaN last), strings, dates/timestamps, binary, arrays, maps, structs. */
export function compareCanon(a: Canon, b: Canon): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 0:
      return 0;
    case 1:
      return Number(a) - Number(b);
    case 2: {
      const x = numericSortValue(a);
      const y = numericSortValue(b);
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
      if (x !== y) return x < y ? -1 : 1;
      // Equal as doubles: fall back to the exact text so the order stays total.
      return cmp(numericText(a), numericText(b));
    }
    case 3:
      return cmp(a as string, b as string);
    case 4:
      return timeMs(a) - timeMs(b);
    case 5: {
      const x = (a as BytesVal).bytes;
      const y = (b as BytesVal).bytes;
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return x.length - y.length;
    }
    case 6:
      return seqCompare(a as readonly Canon[], b as readonly Canon[]);
    case 7:
      return seqCompare(
        (a as MapVal).entries.flatMap(([k, v]) => [k, v]),
        (b as MapVal).entries.flatMap(([k, v]) => [k, v]),
      );
    case 8:
      return seqCompare((a as StructVal).values, (b as StructVal).values);
    default:
      return cmp((a as RawVal).repr, (b as RawVal).repr);
  }
}

function numericSortValue(c: Canon): number {
  if (c instanceof FloatVal) return c.v;
  return Number(asNumber(c));
}

function numericText(c: Canon): string {
  if (c instanceof FloatVal) return String(c.v);
  return exactKey(c as number | bigint | DecVal);
}

function timeMs(c: Canon): number {
  return c instanceof DayVal ? c.days * MS_PER_DAY : (c as InstantVal).ms;
}

/** Lexicographic order of two rows of canonical values. */
export function compareCanonRows(a: readonly Canon[], b: readonly Canon[]): number {
  return seqCompare(a, b);
}
