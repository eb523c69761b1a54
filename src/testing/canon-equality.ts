/**
 * Equality of canonical values under the toolkit's tolerances (PySpark's `assertDataFrameEqual`
 * rules: rtol/atol, NaN equality, case-insensitive strings), and the hash key that finds exact
 * matches when row order is ignored.
 */
import {
  asNumber,
  BytesVal,
  DayVal,
  DecVal,
  exactKey,
  FloatVal,
  InstantVal,
  MapVal,
  MS_PER_DAY,
  RawVal,
  StructVal,
  type Canon,
  type EqualityOptions,
} from './canon-values.js';

/** `|a - e| <= atol + rtol * |e|`, with NaN/Infinity handled exactly (PySpark's `isclose` rule). */
export function floatsClose(a: number, e: number, o: EqualityOptions): boolean {
  if (Number.isNaN(a) || Number.isNaN(e)) return o.nanEquality && Number.isNaN(a) && Number.isNaN(e);
  if (a === e) return true;
  if (!Number.isFinite(a) || !Number.isFinite(e)) return false;
  return Math.abs(a - e) <= o.atol + o.rtol * Math.abs(e);
}

function numbersEqual(a: Canon, e: Canon, o: EqualityOptions): boolean | undefined {
  const isExactA = typeof a === 'number' || typeof a === 'bigint' || a instanceof DecVal;
  const isExactE = typeof e === 'number' || typeof e === 'bigint' || e instanceof DecVal;
  if (isExactA && isExactE) return exactKey(a) === exactKey(e);
  const x = asNumber(a);
  const y = asNumber(e);
  if (x === undefined || y === undefined) return undefined;
  return floatsClose(Number(x), Number(y), o);
}

/** Canonical equality: `a` is the actual value, `e` the expected one (the tolerance scales with `e`). */
export function canonEqual(a: Canon, e: Canon, o: EqualityOptions): boolean {
  if (a === null || e === null) return a === e;
  const num = numbersEqual(a, e, o);
  if (num !== undefined) return num;
  if (typeof a === 'string' && typeof e === 'string') return o.ignoreCase ? a.toLowerCase() === e.toLowerCase() : a === e;
  if (typeof a === 'boolean' || typeof e === 'boolean') return a === e;
  if (a instanceof DayVal && e instanceof DayVal) return a.days === e.days;
  if (a instanceof InstantVal && e instanceof InstantVal) return a.ms === e.ms;
  if (a instanceof DayVal && e instanceof InstantVal) return a.days * MS_PER_DAY === e.ms;
  if (a instanceof InstantVal && e instanceof DayVal) return a.ms === e.days * MS_PER_DAY;
  if (a instanceof BytesVal && e instanceof BytesVal) return a.bytes.length === e.bytes.length && a.bytes.every((b, i) => b === e.bytes[i]);
  if (Array.isArray(a) && Array.isArray(e)) return a.length === e.length && a.every((x, i) => canonEqual(x, e[i]!, o));
  if (a instanceof StructVal && e instanceof StructVal) {
    return a.values.length === e.values.length && a.values.every((x, i) => canonEqual(x, e.values[i]!, o));
  }
  if (a instanceof MapVal && e instanceof MapVal) return mapsEqual(a, e, o);
  if (a instanceof RawVal && e instanceof RawVal) return Object.is(a.value, e.value) || a.repr === e.repr;
  return false;
}

function mapsEqual(a: MapVal, e: MapVal, o: EqualityOptions): boolean {
  if (a.entries.length !== e.entries.length) return false;
  // Entries are sorted by key, but keys equal only within a tolerance may sort apart: match each key.
  const used = new Array<boolean>(e.entries.length).fill(false);
  for (const [k, v] of a.entries) {
    let found = false;
    for (let j = 0; j < e.entries.length; j++) {
      if (used[j]) continue;
      const [k2, v2] = e.entries[j]!;
      if (canonEqual(k, k2, o) && canonEqual(v, v2, o)) {
        used[j] = true;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

// ---- hash keys --------------------------------------------------------------------------------

let nanCounter = 0;

/**
 * A string that is equal for canonically identical values (exact numbers, so
 * values equal only within a tolerance get different keys). With
 * `nanEquality: false` every NaN gets a unique key.
 */
export function canonKey(c: Canon, o: EqualityOptions): string {
  if (c === null) return 'N';
  switch (typeof c) {
    case 'boolean':
      return c ? 'T' : 'F';
    case 'string':
      return JSON.stringify(o.ignoreCase ? c.toLowerCase() : c);
    case 'number':
    case 'bigint':
      return 'n' + String(c);
    default:
      break;
  }
  if (c instanceof FloatVal) {
    const v = c.v;
    if (Number.isNaN(v)) return o.nanEquality ? 'nNaN' : `nNaN#${nanCounter++}`;
    if (Object.is(v, -0)) return 'n0';
    if (Number.isInteger(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER) return 'n' + String(v);
    return 'n' + String(v);
  }
  if (c instanceof DecVal) return 'n' + c.toString();
  if (c instanceof DayVal) return 't' + String(c.days * MS_PER_DAY);
  if (c instanceof InstantVal) return 't' + String(c.ms);
  if (c instanceof BytesVal) return 'x' + Array.from(c.bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  if (Array.isArray(c)) return '[' + c.map((x) => canonKey(x, o)).join(',') + ']';
  if (c instanceof StructVal) return '(' + c.values.map((x) => canonKey(x, o)).join(',') + ')';
  if (c instanceof MapVal) {
    return '{' + c.entries.map(([k, v]) => canonKey(k, o) + ':' + canonKey(v, o)).sort().join(',') + '}';
  }
  if (c instanceof RawVal) return 'r' + c.repr;
  return '?';
}
