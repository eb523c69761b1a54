/**
 * Ordering, equality and hashing of internal values, per Spark type.
 *
 * - Doubles: NaN is greater than every other value and equal to itself;
 *   -0.0 equals 0.0 (Spark's SQLOrderingUtil / NormalizeFloatingNumbers).
 * - Strings compare by Unicode code point (Spark compares UTF-8 bytes, which
 *   orders the same way), not by UTF-16 code unit.
 * - Arrays and structs compare element-wise, a null element first.
 */
import {
  ArrayType,
  BinaryType,
  BooleanType,
  DataType,
  DoubleType,
  FloatType,
  MapType,
  NullType,
  StringType,
  StructType,
} from '../../../types/data-types.js';

/** Compares two non-null values: negative, zero or positive. */
export type Comparator = (a: unknown, b: unknown) => number;

const numberCompare: Comparator = (a, b) => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);

const doubleCompare: Comparator = (a, b) => {
  const x = a as number;
  const y = b as number;
  if (x < y) return -1;
  if (x > y) return 1;
  if (x === y) return 0;
  const xn = Number.isNaN(x);
  const yn = Number.isNaN(y);
  return xn === yn ? 0 : xn ? 1 : -1;
};

/** Code-point order of two strings. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (D800-DFFF) encode code points above FFFF: move them above E000-FFFF.
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x < y ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

const stringCompare: Comparator = (a, b) => compareStrings(a as string, b as string);

const booleanCompare: Comparator = (a, b) => (a === b ? 0 : a ? 1 : -1);

const binaryCompare: Comparator = (a, b) => {
  const x = a as Uint8Array;
  const y = b as Uint8Array;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
};

/** Null-aware: null sorts before any value (used inside arrays and structs). */
function nullsFirst(c: Comparator): Comparator {
  return (a, b) => {
    if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
    if (b === null || b === undefined) return 1;
    return c(a, b);
  };
}

const cache = new WeakMap<DataType, Comparator>();

/** Comparator of non-null values of type `t` (Spark's interpreted ordering). */
export function comparatorFor(t: DataType): Comparator {
  let c = cache.get(t);
  if (!c) {
    c = buildComparator(t);
    cache.set(t, c);
  }
  return c;
}

function buildComparator(t: DataType): Comparator {
  if (t instanceof DoubleType || t instanceof FloatType) return doubleCompare;
  if (t instanceof StringType) return stringCompare;
  if (t instanceof BooleanType) return booleanCompare;
  if (t instanceof BinaryType) return binaryCompare;
  if (t instanceof NullType) return () => 0;
  if (t instanceof ArrayType) {
    const el = nullsFirst(comparatorFor(t.elementType));
    return (a, b) => {
      const x = a as unknown[];
      const y = b as unknown[];
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const r = el(x[i], y[i]);
        if (r !== 0) return r;
      }
      return x.length - y.length;
    };
  }
  if (t instanceof StructType) {
    const fields = t.fields.map((f) => nullsFirst(comparatorFor(f.dataType)));
    return (a, b) => {
      const x = a as unknown[];
      const y = b as unknown[];
      for (let i = 0; i < fields.length; i++) {
        const r = fields[i]!(x[i], y[i]);
        if (r !== 0) return r;
      }
      return 0;
    };
  }
  if (t instanceof MapType) {
    // Maps are not orderable in Spark; compare their entries to stay total.
    const k = nullsFirst(comparatorFor(t.keyType));
    const v = nullsFirst(comparatorFor(t.valueType));
    return (a, b) => {
      const x = [...(a as Map<unknown, unknown>)];
      const y = [...(b as Map<unknown, unknown>)];
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const r = k(x[i]![0], y[i]![0]) || v(x[i]![1], y[i]![1]);
        if (r !== 0) return r;
      }
      return x.length - y.length;
    };
  }
  // Integral, decimal (bigint), date, timestamp: numbers and bigints compare natively.
  return numberCompare;
}

/** Equality of two non-null values of type `t` (NaN = NaN, -0.0 = 0.0, deep for nested types). */
export type Equality = (a: unknown, b: unknown) => boolean;

const eqCache = new WeakMap<DataType, Equality>();

export function equalityFor(t: DataType): Equality {
  let e = eqCache.get(t);
  if (!e) {
    e = buildEquality(t);
    eqCache.set(t, e);
  }
  return e;
}

function buildEquality(t: DataType): Equality {
  if (t instanceof DoubleType || t instanceof FloatType) {
    return (a, b) => a === b || (Number.isNaN(a) && Number.isNaN(b));
  }
  if (t instanceof ArrayType || t instanceof StructType || t instanceof BinaryType) {
    const c = comparatorFor(t);
    return (a, b) => c(a, b) === 0;
  }
  if (t instanceof MapType) {
    return (a, b) => hashKey(a, t) === hashKey(b, t);
  }
  return (a, b) => a === b;
}

/**
 * A primitive that is equal for equal values of type `t` (null included),
 * usable as a Map key: primitives map to themselves (Map keys already treat
 * NaN = NaN and -0 = 0), nested and binary values to an injective string.
 */
export function hashKey(v: unknown, t: DataType): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object') return v;
  return serialize(v, t);
}

/** True when values of `t` can be used as Map keys directly. */
export function isPrimitiveKeyType(t: DataType): boolean {
  return !(t instanceof ArrayType || t instanceof StructType || t instanceof MapType || t instanceof BinaryType);
}

/** Injective text encoding of a value (for composite keys). */
export function serialize(v: unknown, t?: DataType): string {
  if (v === null || v === undefined) return 'n';
  switch (typeof v) {
    case 'number':
      return v === 0 ? 'd0' : `d${v}`;
    case 'bigint':
      return `b${v}`;
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return v ? 't' : 'f';
  }
  if (v instanceof Uint8Array) {
    let s = 'x';
    for (const byte of v) s += byte.toString(16).padStart(2, '0');
    return `${s};`;
  }
  if (v instanceof Map) {
    const kt = t instanceof MapType ? t.keyType : undefined;
    const vt = t instanceof MapType ? t.valueType : undefined;
    const parts = [...v].map(([k, x]) => `${serialize(k, kt)}:${serialize(x, vt)}`);
    return `{${parts.join(',')}}`;
  }
  if (Array.isArray(v)) {
    if (t instanceof StructType) return `(${v.map((x, i) => serialize(x, t.fields[i]?.dataType)).join(',')})`;
    const et = t instanceof ArrayType ? t.elementType : undefined;
    return `[${v.map((x) => serialize(x, et)).join(',')}]`;
  }
  return `?${String(v)}`;
}
