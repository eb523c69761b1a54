/**
 * Small helpers for building native expressions: typed literals, nulls of a
 * type, CASE chains. Literals are always cast to the exact Polars dtype so
 * no expression ever depends on Polars' literal type inference.
 */
import {
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
  NullType,
  ShortType,
  StringType,
  TimestampNTZType,
  TimestampType,
} from '../../types/data-types.js';
import { delegate } from './delegation.js';
import { native, type NativeExpr } from './native.js';
import { PL, toPolarsDType } from './type-mapper.js';

/**
 * Small literals are built once and reused: every native call costs
 * microseconds, and a JsExpr is an immutable value that builders copy.
 */
let litCache = new Map<string, NativeExpr>();
let litCacheOwner: unknown;

export function cachedExpr(key: string, build: () => NativeExpr): NativeExpr {
  const pl = native();
  if (litCacheOwner !== pl) {
    litCache = new Map();
    litCacheOwner = pl;
  }
  let e = litCache.get(key);
  if (!e) {
    e = build();
    if (litCache.size < 4096) litCache.set(key, e);
  }
  return e;
}

/** `col(name)` (internal names repeat across queries: c0, c1, _li, ...). */
export const colRef = (name: string): NativeExpr => cachedExpr(`col:${name}`, () => native().col(name));

export const i64 = (n: number | bigint): NativeExpr =>
  cachedExpr(`i64:${n}`, () => {
    const pl = native();
    if (typeof n === 'bigint' || !Number.isSafeInteger(n)) return pl.lit(String(n)).cast(PL.Int64, true);
    return pl.lit(n).cast(PL.Int64, true);
  });
export const i32 = (n: number): NativeExpr => cachedExpr(`i32:${n}`, () => native().lit(n).cast(PL.Int32, true));
export const f64 = (n: number): NativeExpr => cachedExpr(`f64:${Object.is(n, -0) ? '-0' : n}`, () => native().lit(n));
export const str = (s: string): NativeExpr => (s.length <= 64 ? cachedExpr(`str:${s}`, () => native().lit(s)) : native().lit(s));
export const bool = (b: boolean): NativeExpr => cachedExpr(`bool:${b}`, () => native().lit(b));

/** A typed null; delegates when the type has no Polars cast target. */
export function nullOf(t: DataType): NativeExpr {
  const pl = native();
  if (t instanceof NullType) return cachedExpr('null', () => pl.lit(null));
  const d = toPolarsDType(t);
  if (!d) delegate(`null literal of type ${t.simpleString()}`);
  return cachedExpr(`null:${t.json()}`, () => pl.lit(null).cast(d, true));
}

/** A literal holding an internal value of Spark type `t`. */
export function literal(value: unknown, t: DataType): NativeExpr {
  if (value === null || value === undefined) return nullOf(t);
  const pl = native();
  if (t instanceof IntegerType) return typeof value === 'number' ? i32(value) : pl.lit(value).cast(PL.Int32, true);
  if (t instanceof LongType) return i64(value as number | bigint);
  if (t instanceof DoubleType) return typeof value === 'number' ? f64(value) : pl.lit(value as number);
  if (t instanceof StringType) return pl.lit(value as string);
  if (t instanceof BooleanType) return pl.lit(value as boolean);
  if (t instanceof DateType) return pl.lit(value).cast(PL.Int32, true).cast(PL.Date, true);
  if (t instanceof TimestampType) return i64(value as number).cast(PL.DatetimeUtc, true);
  if (t instanceof TimestampNTZType) return i64(value as number).cast(PL.Datetime, true);
  if (t instanceof ShortType) return pl.lit(value).cast(PL.Int16, true);
  if (t instanceof ByteType) return pl.lit(value).cast(PL.Int8, true);
  if (t instanceof FloatType) return pl.lit(value).cast(PL.Float32, true);
  if (t instanceof DecimalType) return pl.lit(decimalText(BigInt(value as bigint), t.scale)).cast(toPolarsDType(t)!, true);
  if (t instanceof BinaryType) delegate('binary literal');
  return delegate(`literal of type ${t.simpleString()}`);
}

/** Plain decimal text of an unscaled value (`1250n`, scale 2 → `12.50`). */
export function decimalText(unscaled: bigint, scale: number): string {
  const neg = unscaled < 0n;
  const digits = (neg ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const text = scale > 0 ? `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}` : digits;
  return neg ? '-' + text : text;
}

/** `CASE WHEN c1 THEN v1 ... ELSE otherwise END`. */
export function cases(branches: readonly (readonly [NativeExpr, NativeExpr])[], otherwise: NativeExpr): NativeExpr {
  const pl = native();
  let chain = pl.when(branches[0]![0]).then(branches[0]![1]);
  for (let i = 1; i < branches.length; i++) chain = chain.when(branches[i]![0]).then(branches[i]![1]);
  return chain.otherwise(otherwise);
}

/**
 * Makes an expression that a lowering reads several times a column computed once, where the
 * node being translated allows it (ExprTranslator.bind); `same` where nothing can be bound.
 */
export type Bind = (x: NativeExpr) => NativeExpr;
export const same: Bind = (x) => x;

/** `WHEN cond THEN a ELSE b`. */
export function ifElse(cond: NativeExpr, a: NativeExpr, b: NativeExpr): NativeExpr {
  return native().when(cond).then(a).otherwise(b);
}

/**
 * `a / b` as IEEE division on every row, as Java computes it. Polars divides a column
 * by a scalar as a multiplication by the scalar's reciprocal, one ulp off the quotient
 * for most divisors (7.0 / 6 gives 1.1666666666666665, Java 1.1666666666666667); a
 * divisor spread to the dividend's length is divided row by row.
 */
export function exactDiv(a: NativeExpr, b: NativeExpr): NativeExpr {
  return a.trueDiv(ifElse(a.isNull(), b, b));
}

/** Characters Spark's numeric/date string casts trim (Java's `String.trim`: code points <= U+0020). */
export const JAVA_TRIM_CHARS = Array.from({ length: 33 }, (_, i) => String.fromCharCode(i)).join('');
