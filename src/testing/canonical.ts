/**
 * Canonical forms of collected values, so that values are compared by meaning
 * rather than by JS representation: `12.5`, `'12.50'` and `1250n`-at-scale-2
 * are one decimal; a `Date` and `'2024-01-15'` are one date; a Map and a plain
 * object with the same entries are one map. A value that cannot be read as the
 * column's type (e.g. `'1'` for an int column) stays `RawVal` and equals only
 * an identical raw value, so such a mismatch is reported, not hidden.
 *
 * Also defines a hash key (exact-match lookup when row order is ignored) and a
 * total order (stable sorting for diffs and snapshots) over canonical values.
 */
import { Row } from '../data/row.js';
import {
  ArrayType,
  BinaryType,
  BooleanType,
  ByteType,
  DataType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  MapType,
  NullType,
  ShortType,
  StringType,
  StructType,
  TimestampNTZType,
  TimestampType,
} from '../types/data-types.js';
import { jsRepr, parseDateText, parseDecimal, parseTimestampText } from '../types/values.js';

const MS_PER_DAY = 86_400_000;

export class FloatVal {
  constructor(readonly v: number) {}
}
/** A decimal normalized to no trailing fractional zeros (`12.50` → unscaled 125, scale 1). */
export class DecVal {
  constructor(
    readonly unscaled: bigint,
    readonly scale: number,
  ) {}
  toString(): string {
    if (this.scale <= 0) return (this.unscaled * 10n ** BigInt(-this.scale)).toString();
    const neg = this.unscaled < 0n;
    const digits = (neg ? -this.unscaled : this.unscaled).toString().padStart(this.scale + 1, '0');
    return `${neg ? '-' : ''}${digits.slice(0, -this.scale)}.${digits.slice(-this.scale)}`;
  }
}
export class DayVal {
  constructor(readonly days: number) {}
}
export class InstantVal {
  constructor(readonly ms: number) {}
}
export class BytesVal {
  constructor(readonly bytes: Uint8Array) {}
}
/** Map entries sorted by key. */
export class MapVal {
  constructor(readonly entries: readonly (readonly [Canon, Canon])[]) {}
}
export class StructVal {
  constructor(readonly values: readonly Canon[]) {}
}
/** A value that could not be read as the column's type; equal only to an identical raw value. */
export class RawVal {
  constructor(
    readonly value: unknown,
    readonly repr: string,
  ) {}
}

export type Canon =
  | null
  | boolean
  | string
  | number
  | bigint
  | FloatVal
  | DecVal
  | DayVal
  | InstantVal
  | BytesVal
  | MapVal
  | StructVal
  | RawVal
  | readonly Canon[];

export interface CanonOptions {
  /** Session time zone for timestamp strings without an offset. */
  readonly timeZone: string;
}

export interface EqualityOptions {
  readonly rtol: number;
  readonly atol: number;
  readonly nanEquality: boolean;
  readonly ignoreCase: boolean;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function normInt(v: number | bigint): number | bigint {
  if (typeof v === 'number') return v === 0 ? 0 : v;
  return v >= -MAX_SAFE && v <= MAX_SAFE ? Number(v) : v;
}

function normDecimal(unscaled: bigint, scale: number): DecVal {
  if (unscaled === 0n) return new DecVal(0n, 0);
  while (scale > 0 && unscaled % 10n === 0n) {
    unscaled /= 10n;
    scale--;
  }
  return new DecVal(unscaled, scale);
}

function raw(v: unknown): RawVal {
  return new RawVal(v, jsRepr(v));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function toBytes(v: unknown): Uint8Array | undefined {
  if (v instanceof Uint8Array) return v;
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  return undefined;
}

/** The canonical form of a collected (external) value of `type`; without a type, by JS kind. */
export function canonicalize(value: unknown, type: DataType | undefined, opts: CanonOptions): Canon {
  if (value === null || value === undefined) return null;
  if (type === undefined) return canonUntyped(value, opts);
  return canonicalizer(type, opts)(value);
}

export type Canonicalizer = (value: unknown) => Canon;

const compiled = new WeakMap<DataType, Map<string, Canonicalizer>>();

/** A function canonicalizing values of `type`, compiled once per type and time zone (comparisons call it per cell). */
export function canonicalizer(type: DataType, opts: CanonOptions): Canonicalizer {
  let byZone = compiled.get(type);
  if (!byZone) {
    byZone = new Map();
    compiled.set(type, byZone);
  }
  let fn = byZone.get(opts.timeZone);
  if (!fn) {
    fn = compile(type, opts);
    byZone.set(opts.timeZone, fn);
  }
  return fn;
}

function nullSafe(fn: Canonicalizer): Canonicalizer {
  return (v) => (v === null || v === undefined ? null : fn(v));
}

function compile(type: DataType, opts: CanonOptions): Canonicalizer {
  if (type instanceof ByteType || type instanceof ShortType || type instanceof IntegerType || type instanceof LongType) {
    return nullSafe((value) => (typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value)) ? normInt(value) : raw(value)));
  }
  if (type instanceof FloatType) return nullSafe((value) => (typeof value === 'number' ? new FloatVal(Math.fround(value)) : raw(value)));
  if (type instanceof DoubleType) return nullSafe((value) => (typeof value === 'number' ? new FloatVal(value) : raw(value)));
  if (type instanceof DecimalType) {
    return nullSafe((value) => {
      let parsed: { unscaled: bigint; scale: number } | undefined;
      if (typeof value === 'bigint') parsed = { unscaled: value, scale: 0 };
      else if (typeof value === 'number' && Number.isFinite(value)) parsed = parseDecimal(String(value));
      else if (typeof value === 'string') parsed = parseDecimal(value);
      return parsed ? normDecimal(parsed.unscaled, parsed.scale) : raw(value);
    });
  }
  if (type instanceof StringType) return nullSafe((value) => (typeof value === 'string' ? value : raw(value)));
  if (type instanceof BooleanType) return nullSafe((value) => (typeof value === 'boolean' ? value : raw(value)));
  if (type instanceof BinaryType) {
    return nullSafe((value) => {
      const b = toBytes(value);
      return b ? new BytesVal(b) : raw(value);
    });
  }
  if (type instanceof DateType) {
    return nullSafe((value) => {
      if (value instanceof Date && !Number.isNaN(value.getTime())) return new DayVal(Math.floor(value.getTime() / MS_PER_DAY));
      if (typeof value === 'string') {
        const d = parseDateText(value);
        if (d !== undefined) return new DayVal(d);
      }
      return raw(value);
    });
  }
  if (type instanceof TimestampType || type instanceof TimestampNTZType) {
    const ntz = type instanceof TimestampNTZType;
    // collect() gives millisecond Dates, so timestamps compare at millisecond precision.
    return nullSafe((value) => {
      if (value instanceof Date && !Number.isNaN(value.getTime())) return new InstantVal(value.getTime());
      if (typeof value === 'number' && Number.isFinite(value)) return new InstantVal(Math.floor(value));
      if (typeof value === 'string') {
        const micros = ntz ? parseTimestampText(value, 'UTC', true) : parseTimestampText(value, opts.timeZone);
        if (micros !== undefined) return new InstantVal(Math.floor(micros / 1000));
      }
      return raw(value);
    });
  }
  if (type instanceof ArrayType) {
    const element = canonicalizer(type.elementType, opts);
    return nullSafe((value) => (Array.isArray(value) ? value.map(element) : raw(value)));
  }
  if (type instanceof MapType) {
    const key = canonicalizer(type.keyType, opts);
    const val = canonicalizer(type.valueType, opts);
    return nullSafe((value) => {
      let entries: [unknown, unknown][];
      if (value instanceof Map) entries = [...value];
      else if (isPlainObject(value)) entries = Object.entries(value).map(([k, v]) => [objectKey(k, type.keyType), v]);
      else return raw(value);
      return sortedMap(entries.map(([k, v]) => [key(k), val(v)]));
    });
  }
  if (type instanceof StructType) {
    const fields = type.fields;
    const fieldFns = fields.map((f) => canonicalizer(f.dataType, opts));
    return nullSafe((value) => {
      let values: unknown[];
      if (Row.isRow(value)) {
        const names = value.fields;
        values =
          fields.every((f) => names.includes(f.name)) && new Set(names).size === names.length ? fields.map((f) => value.get(f.name)) : value.toArray();
      } else if (Array.isArray(value)) values = value;
      else if (isPlainObject(value)) values = fields.map((f) => value[f.name]);
      else return raw(value);
      if (values.length !== fields.length) return raw(value);
      return new StructVal(fieldFns.map((fn, i) => fn(values[i])));
    });
  }
  if (type instanceof NullType) return nullSafe(raw);
  return nullSafe((value) => canonUntyped(value, opts));
}

/** Object keys are strings; read them as numbers/booleans when the map key type asks for it. */
function objectKey(key: string, keyType: DataType): unknown {
  if (keyType instanceof ByteType || keyType instanceof ShortType || keyType instanceof IntegerType || keyType instanceof LongType) {
    return /^-?\d+$/.test(key) ? normInt(BigInt(key)) : key;
  }
  if (keyType instanceof FloatType || keyType instanceof DoubleType) {
    const n = Number(key);
    return key.trim() !== '' && !Number.isNaN(n) ? n : key;
  }
  if (keyType instanceof BooleanType) return key === 'true' ? true : key === 'false' ? false : key;
  return key;
}

function canonUntyped(value: unknown, opts: CanonOptions): Canon {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'bigint':
      return normInt(value);
    case 'number':
      return Number.isInteger(value) ? normInt(value) : new FloatVal(value);
    default:
      break;
  }
  if (value instanceof Date) return new InstantVal(value.getTime());
  const b = toBytes(value);
  if (b) return new BytesVal(b);
  if (Row.isRow(value)) return new StructVal(value.toArray().map((v) => canonUntyped(v ?? null, opts)));
  if (Array.isArray(value)) return value.map((v) => (v === null || v === undefined ? null : canonUntyped(v, opts)));
  if (value instanceof Map) return sortedMap([...value].map(([k, v]) => [canonicalize(k, undefined, opts), canonicalize(v, undefined, opts)]));
  if (isPlainObject(value)) return sortedMap(Object.entries(value).map(([k, v]) => [k, canonicalize(v, undefined, opts)]));
  return raw(value);
}

function sortedMap(entries: [Canon, Canon][]): MapVal {
  return new MapVal(entries.sort((a, b) => compareCanon(a[0], b[0])));
}

// ---- equality -------------------------------------------------------------------------------

function asNumber(c: Canon): number | bigint | undefined {
  if (typeof c === 'number' || typeof c === 'bigint') return c;
  if (c instanceof FloatVal) return c.v;
  if (c instanceof DecVal) return Number(c.toString());
  return undefined;
}

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

/** The exact text of an integer or decimal (`3`, `-1.25`), so 3, 3n and decimal 3.00 agree. */
function exactKey(c: number | bigint | DecVal): string {
  return c instanceof DecVal ? c.toString() : String(c);
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

// ---- total order ------------------------------------------------------------------------------

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
