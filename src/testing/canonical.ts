/**
 * Canonical forms of collected values, so that values are compared by meaning
 * rather than by JS representation: `12.5`, `'12.50'` and `1250n`-at-scale-2
 * are one decimal; a `Date` and `'2024-01-15'` are one date; a Map and a plain
 * object with the same entries are one map. A value that cannot be read as the
 * column's type (e.g. `'1'` for an int column) stays `RawVal` and equals only
 * an identical raw value, so such a mismatch is reported, not hidden.
 *
 * The value forms are in canon-values.ts, equality and hash keys (exact-match
 * lookup when row order is ignored) in canon-equality.ts, the total order
 * (stable sorting for diffs and snapshots) in canon-order.ts.
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
import { jsRepr, parseDateText, parseDecimal, parseTimestampText, readObjectKey } from '../types/values.js';
import { compareCanon } from './canon-order.js';
import { BytesVal, DayVal, DecVal, FloatVal, InstantVal, MapVal, MS_PER_DAY, RawVal, StructVal, type Canon, type CanonOptions } from './canon-values.js';

// The value forms, equality, hash keys and order live beside this module; importers use this one.
export {
  BytesVal,
  DayVal,
  DecVal,
  FloatVal,
  InstantVal,
  MapVal,
  RawVal,
  StructVal,
  type Canon,
  type CanonOptions,
  type EqualityOptions,
} from './canon-values.js';
export { canonEqual, canonKey, floatsClose } from './canon-equality.js';
export { compareCanon, compareCanonRows } from './canon-order.js';

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
      else if (isPlainObject(value)) entries = Object.entries(value).map(([k, v]) => [readObjectKey(k, type.keyType), v]);
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

