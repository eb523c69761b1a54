/**
 * Spark 3.5 non-ANSI CAST semantics on Polars expressions.
 *
 * Polars' own casts differ from Spark's in many corners (overflow gives null
 * instead of wrapping, float→int gives null instead of saturating, string
 * parsing does not trim, ...), so each pair is spelled out here. Pairs whose
 * exact Spark result Polars cannot produce (double→string needs Java's
 * `Double.toString`, casts involving decimals or binary, nested casts) are
 * delegated.
 */
import {
  ArrayType,
  BooleanType,
  DataType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  MapType,
  NullType,
  StringType,
  StructType,
  TimestampNTZType,
  TimestampType,
} from '../../types/data-types.js';
import { delegate } from './delegation.js';
import { native, type NativeDType, type NativeExpr } from './native.js';
import { JAVA_TRIM_CHARS, bool, cases, exactDiv, f64, i64, ifElse, nullOf, same, str, type Bind } from './nx.js';
import { interpretWhere } from './interpreter-rows.js';
import { CYCLE, dateText, inChronoRange, timestampText } from './timestamp-text.js';
import { PL, integralBits, toPolarsDType } from './type-mapper.js';
import { farShiftMicros, farYears } from './zone-far-years.js';

export interface CastContext {
  /** Session time zone (IANA name), for timestamp ↔ date/string/NTZ. */
  readonly timeZone: string;
  /** An expression read several times, computed once where the node allows it (ExprTranslator.bind). */
  readonly bind?: Bind;
}

const isIntegral = (t: DataType): boolean => integralBits(t) !== undefined;
const isFloat = (t: DataType): boolean => t instanceof DoubleType || t instanceof FloatType;

/**
 * CAST(literal AS to) for a non-null integral literal widened to LONG or
 * DOUBLE, as a literal of the target type (cached: no native calls once built,
 * where the general path costs a literal and its casts); undefined for any
 * other cast, which takes `castExpr`. Int/short/byte → long and → double are
 * exact; long → double rounds to the nearest double, ties to even, as Java's
 * `(double)` and Polars' cast do.
 */
export function castIntegralLiteral(value: unknown, from: DataType, to: DataType): NativeExpr | undefined {
  const fromBits = integralBits(from);
  if (fromBits === undefined || from.equals(to)) return undefined;
  const n = typeof value === 'bigint' ? value : typeof value === 'number' && Number.isSafeInteger(value) ? value : undefined;
  if (n === undefined) return undefined;
  if (to instanceof DoubleType) return f64(Number(n));
  if (integralBits(to) === 64 && typeof n === 'number') return i64(n);
  return undefined;
}

/**
 * CAST(decimal literal AS DOUBLE) as a double literal: the nearest double to
 * the exact decimal value (Java's BigDecimal.doubleValue; JS parses decimal
 * text with the same correct rounding). Decimal columns still delegate; this
 * keeps `x BETWEEN 0.05 AND 0.07` over a double column native.
 */
export function castDecimalLiteral(value: unknown, from: DataType, to: DataType): NativeExpr | undefined {
  if (!(from instanceof DecimalType) || !(to instanceof DoubleType) || typeof value !== 'bigint') return undefined;
  return f64(Number(`${value}e-${from.scale}`));
}

const LONG_MAX = 9223372036854775807n;
const LONG_MIN = -9223372036854775808n;
/** Largest whole number of seconds whose microseconds fit a long. */
const MAX_SECONDS = 9223372036854n;

/**
 * A null of type `to` for every row of `x`. A bare null literal is one
 * scalar: a select of it alone yields one row whatever the input's height
 * (CAST(date AS INT) over an empty frame gave a row).
 */
function nullPerRow(x: NativeExpr, to: DataType): NativeExpr {
  return ifElse(x.isNull(), nullOf(to), nullOf(to));
}

/**
 * Whether CAST(from AS to) cannot fail, so TRY_CAST (the ANSI cast, errors made null) is the
 * plain cast; other TRY_CASTs are left to the interpreter.
 */
export function castCannotFail(from: DataType, to: DataType): boolean {
  if (from.equals(to) || from instanceof NullType || to instanceof StringType) return true;
  const fromBits = integralBits(from);
  if (fromBits === undefined) return false;
  return isFloat(to) || (integralBits(to) ?? 0) >= fromBits;
}

/** CAST(x AS to) where x has Spark type `from`. */
export function castExpr(x: NativeExpr, from: DataType, to: DataType, ctx: CastContext): NativeExpr {
  if (from.equals(to)) return x;
  if (from instanceof NullType) return nullPerRow(x, to);
  if (from instanceof DecimalType || to instanceof DecimalType) delegate(`cast ${from.simpleString()} to ${to.simpleString()}`);
  if (to instanceof StringType) return castToString(x, from, ctx);
  const bind = ctx.bind ?? same;
  if (from instanceof StringType) return castFromString(x, to, ctx);

  const toBits = integralBits(to);
  if (toBits !== undefined) {
    if (isIntegral(from)) return wrapInt(x, integralBits(from)!, toBits);
    if (isFloat(from)) return floatToIntegral(x, toBits);
    if (from instanceof BooleanType) return x.cast(toPolarsDType(to)!, true);
    if (from instanceof TimestampType || from instanceof TimestampNTZType) {
      const secs = epochMicros(x, from, ctx).div(i64(1_000_000));
      return wrapInt(secs, 64, toBits);
    }
    if (from instanceof DateType) return nullPerRow(x, to); // Spark: date → numeric is null
  }
  if (isFloat(to)) {
    const target = to instanceof DoubleType ? PL.Float64 : PL.Float32;
    if (isIntegral(from) || isFloat(from) || from instanceof BooleanType) return x.cast(target, true);
    if (from instanceof TimestampType || from instanceof TimestampNTZType) {
      return exactDiv(epochMicros(x, from, ctx).cast(PL.Float64, true), f64(1_000_000)).cast(target, true);
    }
    if (from instanceof DateType) return nullPerRow(x, to);
  }
  if (to instanceof BooleanType) {
    if (isIntegral(from) || isFloat(from)) return x.neq(zeroOf(from));
    if (from instanceof TimestampType || from instanceof TimestampNTZType) return x.cast(PL.Int64, true).neq(i64(0));
    if (from instanceof DateType) return nullPerRow(x, to);
  }
  if (to instanceof DateType) {
    if (from instanceof TimestampType) {
      // Beyond chrono's calendar the zone conversion panics: convert 400-year cycles nearer, add them back.
      const { cycles, shifted } = inChronoRange(x.cast(PL.Int64, true), CYCLE, bind);
      const day = instantToWallClock(shifted.cast(PL.DatetimeUtc, true), ctx.timeZone, bind).cast(PL.Date, true).cast(PL.Int64, true);
      return day.add(cycles.mul(i64(146097))).cast(PL.Int32, true).cast(PL.Date, true);
    }
    if (from instanceof TimestampNTZType) return x.cast(PL.Date, true);
  }
  if (to instanceof TimestampType) {
    if (from instanceof DateType) return wallClockToInstant(x.cast(PL.Datetime, true), ctx.timeZone, bind);
    if (from instanceof TimestampNTZType) return farSafe(x, (w) => wallClockToInstant(w.cast(PL.Datetime, true), ctx.timeZone, bind), ctx.timeZone, bind).cast(PL.DatetimeUtc, true);
    // Seconds to microseconds saturate at the long range, as Spark's SECONDS.toMicros and (long) of a double do.
    if (isIntegral(from)) {
      const s = x.cast(PL.Int64, true);
      const micros = ifElse(s.gt(i64(MAX_SECONDS)), i64(LONG_MAX), ifElse(s.lt(i64(-MAX_SECONDS)), i64(LONG_MIN), s.mul(i64(1_000_000))));
      return micros.cast(PL.DatetimeUtc, true);
    }
    if (isFloat(from)) {
      const d = x.cast(PL.Float64, true);
      const m = d.mul(f64(1_000_000));
      const micros = ifElse(m.gtEq(f64(2 ** 63)), i64(LONG_MAX), ifElse(m.lt(f64(-(2 ** 63))), i64(LONG_MIN), m.cast(PL.Int64, false)));
      return ifElse(d.isNan().or(d.isInfinite()), nullOf(to), micros.cast(PL.DatetimeUtc, true));
    }
  }
  if (to instanceof TimestampNTZType) {
    if (from instanceof DateType) return x.cast(PL.Datetime, true);
    if (from instanceof TimestampType) return farSafe(x, (t) => instantToWallClock(t.cast(PL.DatetimeUtc, true), ctx.timeZone, bind), ctx.timeZone, bind).cast(PL.Datetime, true);
  }
  if (from instanceof ArrayType || from instanceof MapType || from instanceof StructType) {
    delegate(`cast ${from.simpleString()} to ${to.simpleString()}`);
  }
  return delegate(`cast ${from.simpleString()} to ${to.simpleString()}`);
}

function zeroOf(t: DataType): NativeExpr {
  const d = toPolarsDType(t)!;
  return native().lit(0).cast(d, true);
}

/** Two's-complement narrowing (Java's `(int) long`), widening is exact. */
export function wrapInt(x: NativeExpr, fromBits: number, toBits: number): NativeExpr {
  const target = toBits === 64 ? PL.Int64 : toBits === 32 ? PL.Int32 : toBits === 16 ? PL.Int16 : PL.Int8;
  if (toBits >= fromBits) return x.cast(target, true);
  const mask = 2 ** toBits - 1;
  const sign = 2 ** (toBits - 1);
  // ((x & mask) ^ sign) - sign, computed in Int64, is the sign-extended low `toBits` bits.
  return x.cast(PL.Int64, true).and(i64(mask)).xor(i64(sign)).sub(i64(sign)).cast(target, true);
}

/** Java's `(int)`/`(long)` of a double: truncate, saturate, NaN → 0; byte/short narrow from int. */
export function floatToIntegral(x: NativeExpr, toBits: number): NativeExpr {
  const d = x.cast(PL.Float64, true);
  const bits = toBits === 64 ? 64 : 32;
  const max = bits === 64 ? 9223372036854775807n : 2147483647;
  const min = bits === 64 ? -9223372036854775808n : -2147483648;
  const maxF = bits === 64 ? 9.223372036854776e18 : 2147483647;
  const minF = bits === 64 ? -9.223372036854776e18 : -2147483648;
  const t = bits === 64 ? PL.Int64 : PL.Int32;
  const sat = cases(
    [
      [d.isNan(), native().lit(0).cast(t, true)],
      [d.gtEq(f64(maxF)), bits === 64 ? i64(max) : native().lit(max).cast(t, true)],
      [d.ltEq(f64(minF)), bits === 64 ? i64(min) : native().lit(min).cast(t, true)],
    ],
    d.cast(t, false),
  );
  return toBits < 32 ? wrapInt(sat, 32, toBits) : sat;
}

/** µs since the epoch of a timestamp (either kind; NTZ counts its wall clock as UTC, as Spark does for NTZ → long). */
function epochMicros(x: NativeExpr, from: DataType, _ctx: CastContext): NativeExpr {
  void from;
  return x.cast(PL.Int64, true);
}

/**
 * The binding returns an error value instead of throwing for a zone Polars
 * does not know (e.g. Spark's `+08:00` offsets): those are delegated.
 */
function checkedZone(e: NativeExpr, tz: string): NativeExpr {
  if (typeof (e as unknown as { alias?: unknown })?.alias !== 'function') delegate(`time zone '${tz}' is not an IANA zone Polars knows`);
  return e;
}

export const isUtc = (tz: string): boolean => tz === 'UTC' || tz === 'Etc/UTC' || tz === 'GMT' || tz === 'Z';

/** Wall-clock (naive) datetime in `tz` → UTC instant. */
export function wallClockToInstant(x: NativeExpr, tz: string, bind: Bind = same): NativeExpr {
  const pl = native();
  if (isUtc(tz)) return x.cast(PL.DatetimeUtc, true);
  const toUtc = (w: NativeExpr): NativeExpr => checkedZone(checkedZone(w.dtReplaceTimeZone(tz, pl.lit('earliest'), 'null'), tz).dtConvertTimeZone('UTC'), tz);
  // A time in a gap (null from Polars) moves later by the gap's length, as java.time's: it is read
  // with the offset in force a day earlier.
  const day = i64(86_400_000_000);
  const convert = (w: NativeExpr): NativeExpr => {
    const dayEarlier = toUtc(w.cast(PL.Int64, true).sub(day).cast(PL.Datetime, true));
    return toUtc(w).fillNull(dayEarlier.cast(PL.Int64, true).add(day).cast(PL.DatetimeUtc, true));
  };
  return viaStandInYears(x, tz, PL.Datetime, convert, PL.DatetimeUtc, bind);
}

/** UTC instant → its wall clock in `tz` (naive datetime). */
export function instantToWallClock(x: NativeExpr, tz: string, bind: Bind = same): NativeExpr {
  const pl = native();
  if (isUtc(tz)) return x.cast(PL.Datetime, true);
  const convert = (t: NativeExpr): NativeExpr => checkedZone(t.dtConvertTimeZone(tz), tz).dtReplaceTimeZone('UTC', pl.lit('raise'), 'raise').cast(PL.Datetime, true);
  return viaStandInYears(x, tz, PL.DatetimeUtc, convert, PL.Datetime, bind);
}

/**
 * `convert` applied to `x` with rows from 2100 on moved into a stand-in year of the same calendar
 * (chrono-tz's tables stop in 2099; see zone-far-years.ts) and moved back after.
 */
function viaStandInYears(x: NativeExpr, tz: string, from: NativeDType, convert: (x: NativeExpr) => NativeExpr, to: NativeDType, bind: Bind): NativeExpr {
  const years = farYears(tz);
  // Wall clock → instant reads its input twice (gaps); the stand-in move reads it three times.
  if (years === null) return convert(from === PL.Datetime ? bind(x) : x);
  if (years === 'unmappable') delegate(`time zone '${tz}' from 2100 on: its last rules are not in Polars' tables`);
  const micros = bind(x.cast(PL.Int64, true));
  const shift = farShiftMicros(micros, years);
  return convert(micros.add(shift).cast(from, true)).cast(PL.Int64, true).sub(shift).cast(to, true);
}

/**
 * `convert` (a zone conversion, Int64 µs → a Datetime moved by the zone's offset) for any long:
 * beyond chrono's calendar (where Polars panics) a row is converted 400-year cycles nearer and
 * moved by the offset found there. Spark fails with "long overflow" when the result leaves the
 * long range: such rows run in the interpreter (interpreter-rows.ts). Int64 out.
 */
function farSafe(x: NativeExpr, convert: (m: NativeExpr) => NativeExpr, tz: string, bind: Bind): NativeExpr {
  if (isUtc(tz)) return x.cast(PL.Int64, true);
  const m = bind(x.cast(PL.Int64, true));
  const { far, shifted } = inChronoRange(m, CYCLE);
  const moved = bind(convert(shifted).cast(PL.Int64, true));
  const delta = moved.sub(shifted);
  // |delta| is under a day, so neither bound below overflows.
  const over = delta.gt(i64(0)).and(m.gt(i64(LONG_MAX).sub(delta.abs()))).or(delta.lt(i64(0)).and(m.lt(i64(LONG_MIN).add(delta.abs()))));
  return ifElse(far, interpretWhere(over, m.add(delta)), moved);
}

function castToString(x: NativeExpr, from: DataType, ctx: CastContext): NativeExpr {
  if (isIntegral(from) || from instanceof BooleanType) return x.cast(PL.String, true);
  const micros = (): NativeExpr => x.cast(PL.Int64, true);
  const bind = ctx.bind ?? same;
  if (from instanceof DateType) return dateText(x, bind);
  if (from instanceof TimestampType) {
    return timestampText(micros(), (m) => m.cast(PL.DatetimeUtc, true), (t) => instantToWallClock(t, ctx.timeZone, bind), bind);
  }
  if (from instanceof TimestampNTZType) return timestampText(micros(), (m) => m.cast(PL.Datetime, true), (t) => t, bind);
  // Double/Float need Java's Double.toString; binary and nested types Spark's own rendering.
  return delegate(`cast ${from.simpleString()} to string`);
}

function trimmed(x: NativeExpr): NativeExpr {
  return x.strStripChars(str(JAVA_TRIM_CHARS), true, true);
}

function castFromString(x: NativeExpr, to: DataType, ctx: CastContext): NativeExpr {
  const toBits = integralBits(to);
  if (toBits !== undefined) {
    // Spark accepts an optional sign, digits and a fractional part it truncates;
    // the integer digits may be missing before a point ('.5', '-.' are 0).
    const withZero = trimmed(x).strReplace(str('^([+-]?)\\.'), str('${1}0.'), false, 1);
    const digits = withZero.strExtract(str('^([+-]?[0-9]+)(?:\\.[0-9]*)?$'), 1);
    return digits.cast(toPolarsDType(to)!, false);
  }
  if (isFloat(to)) {
    const target = to instanceof DoubleType ? PL.Float64 : PL.Float32;
    const t = trimmed(x);
    // Java's parseDouble accepts a trailing type suffix (`1.5d`, `2f`) but not Rust's bare `inf`.
    const noSuffix = t.strReplace(str('^([+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)[dDfF]$'), str('${1}'), false, 1);
    const lower = t.strToLowercase();
    const special = cases(
      [
        [lower.isIn(strList(['inf', '+inf', 'infinity', '+infinity']), false), f64(Infinity)],
        [lower.isIn(strList(['-inf', '-infinity']), false), f64(-Infinity)],
        [lower.eq(str('nan')), f64(NaN)],
        [noSuffix.strContains(str('^[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?$'), false, true), noSuffix.cast(PL.Float64, false)],
      ],
      nullOf(new DoubleType()),
    );
    return target === PL.Float64 ? special : special.cast(target, true);
  }
  if (to instanceof BooleanType) {
    const l = trimmed(x).strToLowercase();
    return cases(
      [
        [l.isIn(strList(['t', 'true', 'y', 'yes', '1']), false), bool(true)],
        [l.isIn(strList(['f', 'false', 'n', 'no', '0']), false), bool(false)],
      ],
      nullOf(to),
    );
  }
  if (to instanceof DateType) return stringToDate(x);
  void ctx;
  return delegate(`cast string to ${to.simpleString()}`);
}

/** Spark's stringToDate: `yyyy`, `yyyy-[m]m`, `yyyy-[m]m-[d]d`, optionally followed by `T…` or ` …`. */
export function stringToDate(x: NativeExpr): NativeExpr {
  const pl = native();
  const t = trimmed(x);
  const re = '^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2})(?:[T ].*)?)?)?$';
  const y = t.strExtract(str(re), 1);
  const m = t.strExtract(str(re), 2).fillNull(str('1')).strPadStart(i64(2), '0');
  const d = t.strExtract(str(re), 3).fillNull(str('1')).strPadStart(i64(2), '0');
  const text = pl.concatStr([y, str('-'), m, str('-'), d], '', false);
  return text.strToDate('%Y-%m-%d', false, true, false);
}

function strList(values: readonly string[]): NativeExpr {
  const pl = native();
  return pl.litSeries(pl.JsSeries.newOptStr('', values as string[])).implode();
}
