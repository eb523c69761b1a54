/** Conditional, math, string, datetime and collection scalar functions. */
import type { Call } from '../../../expr/nodes.js';
import { typeOf } from '../../../expr/nodes.js';
import {
  ArrayType,
  DATE,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  MapType,
  STRING,
  StringType,
  StructType,
  TimestampNTZType,
  TimestampType,
} from '../../../types/data-types.js';
import { floatToIntegral, instantToWallClock, stringToDate } from '../cast.js';
import { delegate } from '../delegation.js';
import { MAX_STRING_LENGTH } from '../../limits.js';
import type { NativeExpr } from '../native.js';
import { cases, f64, i32, i64, ifElse, nullOf, str } from '../nx.js';
import { PL, integralBits } from '../type-mapper.js';
import { mapLookup, foldNegativeZero, numLit } from './operators.js';
import { captureGroupCount, javaRegexToRust, javaReplacementToRust } from './regex.js';
import { arg, type FnContext, type FunctionTable, type ScalarLowering } from './types.js';

const isFloatT = (t: unknown): boolean => t instanceof DoubleType || t instanceof FloatType;

function litString(call: Call, i: number): string | null | undefined {
  const a = call.args[i];
  if (!a || a.kind !== 'Literal') return undefined;
  return a.value === null ? null : typeof a.value === 'string' ? a.value : undefined;
}
function litInt(call: Call, i: number): number | null | undefined {
  const a = call.args[i];
  if (!a || a.kind !== 'Literal') return undefined;
  return a.value === null ? null : typeof a.value === 'number' ? a.value : undefined;
}
function notDecimal(call: Call): void {
  for (const a of call.args) if (typeOf(a) instanceof DecimalType) delegate(`${call.fn} on decimals`);
}
const tr0 = (call: Call, ctx: FnContext): NativeExpr => ctx.tr(arg(call, 0));

// ------------------------------------------------------------ conditional

const coalesce: ScalarLowering = (call, ctx) => {
  let acc = ctx.tr(arg(call, 0));
  for (const a of call.args.slice(1)) acc = acc.fillNull(ctx.tr(a));
  return acc;
};

function atomicOnly(call: Call): void {
  for (const a of call.args) {
    const t = typeOf(a);
    if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType || t instanceof DecimalType) delegate(`${call.fn} on ${t.simpleString()}`);
  }
}

/** greatest/least: nulls skipped, first argument wins ties, NaN is the largest double. */
const extreme =
  (greatest: boolean): ScalarLowering =>
  (call, ctx) => {
    atomicOnly(call);
    let acc = ctx.tr(arg(call, 0));
    for (const a of call.args.slice(1)) {
      const b = ctx.tr(a);
      const keep = greatest ? acc.gtEq(b) : acc.ltEq(b);
      acc = ifElse(acc.isNull(), b, ifElse(b.isNull(), acc, ifElse(keep, acc, b)));
    }
    return acc;
  };

// ------------------------------------------------------------ math

const abs: ScalarLowering = (call, ctx) => {
  notDecimal(call);
  return tr0(call, ctx).abs();
};

/** round/bround: scale 0 on doubles, any non-negative scale on integers; the rest is delegated. */
const rounding =
  (mode: 'halfawayfromzero' | 'halftoeven'): ScalarLowering =>
  (call, ctx) => {
    notDecimal(call);
    const t = typeOf(arg(call, 0));
    const scale = call.args.length > 1 ? litInt(call, 1) : 0;
    if (scale === undefined || scale === null) delegate(`${call.fn} with a non-literal scale`);
    if (integralBits(t) !== undefined) {
      if (scale >= 0) return tr0(call, ctx);
      delegate(`${call.fn} of an integer with a negative scale`);
    }
    if (scale !== 0) delegate(`${call.fn} of a double to ${scale} decimal places (Spark rounds the decimal text)`);
    // BigDecimal has no negative zero: round(-0.4) is 0.0.
    return foldNegativeZero(tr0(call, ctx).round(0, mode), t);
  };

const floorCeil =
  (op: 'floor' | 'ceil'): ScalarLowering =>
  (call, ctx) => {
    notDecimal(call);
    const t = typeOf(arg(call, 0));
    const x = tr0(call, ctx);
    if (integralBits(t) !== undefined) return x.cast(PL.Int64, true);
    return floatToIntegral(x[op](), 64);
  };

const signum: ScalarLowering = (call, ctx) => {
  const x = tr0(call, ctx);
  return cases(
    [
      [x.isNan(), x],
      [x.gt(f64(0)), f64(1)],
      [x.lt(f64(0)), f64(-1)],
    ],
    x,
  );
};

const bitwiseNot: ScalarLowering = (call, ctx) => tr0(call, ctx).xor(numLit(-1, typeOf(arg(call, 0))));

// ------------------------------------------------------------ strings

const trimFn =
  (start: boolean, end: boolean): ScalarLowering =>
  (call, ctx) => {
    if (call.args.length === 1) return tr0(call, ctx).strStripChars(str(' '), start, end);
    const chars = litString(call, 1);
    if (chars === undefined) delegate(`${call.fn} with non-literal characters`);
    if (chars === null) return nullOf(STRING);
    if (chars === '') return tr0(call, ctx);
    return tr0(call, ctx).strStripChars(str(chars), start, end);
  };

const concat: ScalarLowering = (call, ctx) => {
  if (call.args.length === 0) return str('');
  if (!(call.dataType instanceof StringType)) delegate('concat of arrays or binaries');
  return ctx.pl.concatStr(call.args.map((a) => ctx.tr(a)), '', false);
};

const concatWs: ScalarLowering = (call, ctx) => {
  const sep = litString(call, 0);
  if (sep === undefined) delegate('concat_ws with a non-literal separator');
  if (sep === null) return nullOf(STRING);
  if (call.args.length === 1) return str('');
  for (const a of call.args.slice(1)) if (!(typeOf(a) instanceof StringType)) delegate('concat_ws over arrays');
  return ctx.pl.concatStr(call.args.slice(1).map((a) => ctx.tr(a)), sep, true);
};

/** A regex that is really a literal string (`,`, `\.`, `ab`), unescaped; undefined otherwise. */
function plainRegexLiteral(p: string): string | undefined {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') {
      const n = p[i + 1];
      if (n === undefined || /[A-Za-z0-9]/.test(n)) return undefined;
      out += n;
      i++;
    } else if ('.[]{}()*+?^$|'.includes(c)) return undefined;
    else out += c;
  }
  return out;
}

const split: ScalarLowering = (call, ctx) => {
  const p = litString(call, 1);
  const limit = call.args.length > 2 ? litInt(call, 2) : -1;
  if (p === undefined || limit === undefined) delegate('split with non-literal arguments');
  if (p === null || limit === null) return nullOf(call.dataType!);
  const plain = plainRegexLiteral(p);
  if (plain === undefined || plain === '' || limit > 0) delegate(`split by /${p}/ with limit ${limit}`);
  return tr0(call, ctx).strSplit(str(plain), false);
};

const regexpReplace: ScalarLowering = (call, ctx) => {
  const p = litString(call, 1);
  const r = litString(call, 2);
  const pos = call.args.length > 3 ? litInt(call, 3) : 1;
  if (p === undefined || r === undefined || pos !== 1) delegate('regexp_replace with non-literal arguments or a position');
  if (p === null || r === null) return nullOf(STRING);
  const re = javaRegexToRust(p);
  if (re === undefined || re === '') delegate(`regexp_replace pattern /${p}/ uses Java-only regex features`);
  const rep = javaReplacementToRust(r, captureGroupCount(re));
  if (rep === undefined) delegate(`regexp_replace replacement '${r}' uses named groups or groups the pattern lacks`);
  return tr0(call, ctx).strReplaceAll(str(re), str(rep), false);
};

const regexpExtract: ScalarLowering = (call, ctx) => {
  const p = litString(call, 1);
  const idx = litInt(call, 2);
  if (p === undefined || idx === undefined) delegate('regexp_extract with non-literal arguments');
  if (p === null || idx === null) return nullOf(STRING);
  const re = javaRegexToRust(p);
  if (re === undefined) delegate(`regexp_extract pattern /${p}/ uses Java-only regex features`);
  const groups = captureGroupCount(re);
  if (idx < 0 || idx > groups) delegate('regexp_extract group index out of range (Spark raises)');
  const s = tr0(call, ctx);
  return ifElse(s.isNull(), nullOf(STRING), s.strExtract(str(re), idx).fillNull(str('')));
};

/** lpad/rpad with a literal length and a one-character pad: pad, or cut to length. */
const pad =
  (left: boolean): ScalarLowering =>
  (call, ctx) => {
    if (!(typeOf(call) instanceof StringType)) delegate(`${call.fn} over binary`);
    const len = litInt(call, 1);
    // SQL's two-argument form pads with a space.
    const p = call.args.length === 2 ? ' ' : litString(call, 2);
    if (len === undefined || p === undefined) delegate(`${call.fn} with non-literal length or pad`);
    if (len === null || p === null) return nullOf(STRING);
    if ([...p].length !== 1) delegate(`${call.fn} with a pad of ${[...p].length} characters`);
    const s = tr0(call, ctx);
    if (len <= 0) return ifElse(s.isNull(), nullOf(STRING), str(''));
    // Longer than a JS string holds: the interpreter raises sparkless's error (limits.ts) before Polars allocates.
    if (len > MAX_STRING_LENGTH) delegate(`${call.fn} to more characters than a JS string holds`);
    const n = i64(len);
    const padded = left ? s.strPadStart(n, p) : s.strPadEnd(n, p);
    return ifElse(s.strLengths().cast(PL.Int64, true).gtEq(n), s.strSlice(i64(0), n), padded);
  };

// ------------------------------------------------------------ datetime

/** Date part functions: the argument is a date (the analyzer casts timestamps). */
const datePart =
  (f: (d: NativeExpr) => NativeExpr): ScalarLowering =>
  (call, ctx) =>
    f(tr0(call, ctx)).cast(PL.Int32, true);

/** Time part functions on a timestamp, in the session time zone. */
const timePart =
  (f: (d: NativeExpr) => NativeExpr): ScalarLowering =>
  (call, ctx) => {
    const t = typeOf(arg(call, 0));
    const x = tr0(call, ctx);
    return f(t instanceof TimestampType ? instantToWallClock(x, ctx.timeZone) : x).cast(PL.Int32, true);
  };

const days = (d: NativeExpr): NativeExpr => d.cast(PL.Int32, true);

/** The query's fixed instant (shared with delegated nodes through the interpreter context). */
function nowLiteral(ctx: FnContext): NativeExpr {
  if (ctx.now === undefined) delegate("current time without the query's fixed clock");
  return i64(ctx.now).cast(PL.DatetimeUtc, true);
}

const toDate: ScalarLowering = (call, ctx) => {
  if (call.args.length > 1) delegate('to_date with a format');
  const t = typeOf(arg(call, 0));
  const x = tr0(call, ctx);
  if (t instanceof StringType) return stringToDate(x);
  if (t instanceof DateType) return x;
  if (t instanceof TimestampType || t instanceof TimestampNTZType) return ctx.cast(x, t, DATE);
  return delegate(`to_date of ${t.simpleString()}`);
};

/** timestamp_seconds of an integer: seconds → µs, saturating like Java's `TimeUnit.SECONDS.toMicros`. */
const timestampSeconds: ScalarLowering = (call, ctx) => {
  const t = typeOf(arg(call, 0));
  if (integralBits(t) === undefined) delegate('timestamp_seconds of a fractional value');
  const x = tr0(call, ctx).cast(PL.Int64, true);
  const limit = 9223372036854n;
  const us = cases(
    [
      [x.gt(i64(limit)), i64(9223372036854775807n)],
      [x.lt(i64(-limit)), i64(-9223372036854775808n)],
    ],
    x.mul(i64(1_000_000)),
  );
  return us.cast(PL.DatetimeUtc, true);
};

// ------------------------------------------------------------ collections

const arrayFn: ScalarLowering = (call, ctx) => {
  if (call.args.length === 0) delegate('empty array literal');
  const element = (call.dataType as ArrayType).elementType;
  // concat_list concatenates list arguments instead of nesting them
  if (element instanceof ArrayType || element instanceof MapType) delegate('array of arrays or maps');
  return ctx.pl.concatLst(call.args.map((a) => ctx.tr(a)));
};

const structFn: ScalarLowering = (call, ctx) => {
  const t = call.dataType as StructType;
  if (call.args.length === 0) delegate('empty struct');
  if (new Set(t.fields.map((f) => f.name)).size !== t.fields.length) delegate('struct with duplicate field names');
  return ctx.pl.asStruct(call.args.map((a, i) => ctx.tr(a).alias(t.fields[i]!.name)));
};

const size: ScalarLowering = (call, ctx) => {
  const x = tr0(call, ctx);
  return ifElse(x.isNull(), i32(-1), x.listLengths().cast(PL.Int32, true));
};

const elementAt: ScalarLowering = (call, ctx) => {
  const t = typeOf(arg(call, 0));
  const x = tr0(call, ctx);
  if (t instanceof MapType) return mapLookup(x, t, arg(call, 1), ctx);
  const idx = litInt(call, 1);
  if (idx === undefined || idx === 0) delegate('element_at with a non-literal or zero index');
  if (idx === null) return nullOf(call.dataType!);
  return x.listGet(i64(idx > 0 ? idx - 1 : idx), true);
};

const arrayMinMax =
  (max: boolean): ScalarLowering =>
  (call, ctx) => {
    const el = (typeOf(arg(call, 0)) as ArrayType).elementType;
    if (isFloatT(el) || el instanceof ArrayType || el instanceof MapType || el instanceof StructType || el instanceof DecimalType) {
      delegate(`${call.fn} of ${el.simpleString()} elements`);
    }
    const x = tr0(call, ctx);
    return max ? x.listMax() : x.listMin();
  };

const arrayJoin: ScalarLowering = (call, ctx) => {
  const el = (typeOf(arg(call, 0)) as ArrayType).elementType;
  if (!(el instanceof StringType) || call.args.length > 2) delegate('array_join with a null replacement or non-string elements');
  return tr0(call, ctx).listJoin(ctx.tr(arg(call, 1)), true);
};

const mapPart =
  (field: 'key' | 'value'): ScalarLowering =>
  (call, ctx) =>
    tr0(call, ctx).listEval(ctx.pl.element().structFieldByName(field), false);

export const scalarFunctions: FunctionTable = {
  // conditional
  coalesce: { scalar: coalesce },
  greatest: { scalar: extreme(true) },
  least: { scalar: extreme(false) },
  isnan: { scalar: (c, ctx) => tr0(c, ctx).isNan().fillNull(ctx.pl.lit(false)) },
  nanvl: { scalar: (c, ctx) => ifElse(tr0(c, ctx).isNan(), ctx.tr(arg(c, 1)), tr0(c, ctx)) },
  // math
  abs: { scalar: abs },
  round: { scalar: rounding('halfawayfromzero') },
  bround: { scalar: rounding('halftoeven') },
  floor: { scalar: floorCeil('floor') },
  ceil: { scalar: floorCeil('ceil') },
  sqrt: { scalar: (c, ctx) => tr0(c, ctx).pow(0.5) },
  signum: { scalar: signum },
  rint: { scalar: (c, ctx) => tr0(c, ctx).round(0, 'halftoeven') },
  pi: { scalar: () => f64(Math.PI) },
  e: { scalar: () => f64(Math.E) },
  bitwise_not: { scalar: bitwiseNot },
  cbrt: { delegated: 'libm results differ from Java/V8 in the last bit' },
  exp: { delegated: 'libm results differ from Java/V8 in the last bit' },
  expm1: { delegated: 'libm results differ from Java/V8 in the last bit' },
  log10: { delegated: 'Polars computes ln(x)/ln(10), not log10' },
  log2: { delegated: 'Polars computes ln(x)/ln(2), not log2' },
  log1p: { delegated: 'libm results differ from Java/V8 in the last bit' },
  ln: { delegated: 'libm results differ from Java/V8 in the last bit' },
  log: { delegated: 'Polars computes ln(x)/ln(base)' },
  sin: { delegated: 'libm results differ from Java/V8 in the last bit' },
  cos: { delegated: 'libm results differ from Java/V8 in the last bit' },
  tan: { delegated: 'libm results differ from Java/V8 in the last bit' },
  asin: { delegated: 'libm results differ from Java/V8 in the last bit' },
  acos: { delegated: 'libm results differ from Java/V8 in the last bit' },
  atan: { delegated: 'libm results differ from Java/V8 in the last bit' },
  sinh: { delegated: 'libm results differ from Java/V8 in the last bit' },
  cosh: { delegated: 'libm results differ from Java/V8 in the last bit' },
  tanh: { delegated: 'libm results differ from Java/V8 in the last bit' },
  asinh: { delegated: 'libm results differ from Java/V8 in the last bit' },
  acosh: { delegated: 'libm results differ from Java/V8 in the last bit' },
  atanh: { delegated: 'libm results differ from Java/V8 in the last bit' },
  degrees: { delegated: 'rounding of the conversion constant must match the interpreter' },
  radians: { delegated: 'rounding of the conversion constant must match the interpreter' },
  pow: { delegated: 'libm pow differs from Java/V8 in the last bit' },
  atan2: { delegated: 'libm results differ from Java/V8 in the last bit' },
  hypot: { delegated: 'libm results differ from Java/V8 in the last bit' },
  factorial: { delegated: 'not available in Polars' },
  rand: { delegated: "must use the interpreter's seeded generator" },
  randn: { delegated: "must use the interpreter's seeded generator" },
  // strings
  upper: { scalar: (c, ctx) => tr0(c, ctx).strToUppercase() },
  lower: { scalar: (c, ctx) => tr0(c, ctx).strToLowercase() },
  length: {
    scalar: (c, ctx) => {
      if (!(typeOf(c.args[0]!) instanceof StringType)) delegate('length of a binary (its byte count)');
      return tr0(c, ctx).strLengths().cast(PL.Int32, true);
    },
  },
  trim: { scalar: trimFn(true, true) },
  ltrim: { scalar: trimFn(true, false) },
  rtrim: { scalar: trimFn(false, true) },
  concat: { scalar: concat },
  concat_ws: { scalar: concatWs },
  split: { scalar: split },
  regexp_replace: { scalar: regexpReplace },
  regexp_extract: { scalar: regexpExtract },
  lpad: { scalar: pad(true) },
  rpad: { scalar: pad(false) },
  hex: {
    scalar: (c, ctx) => {
      if (!(typeOf(c.args[0]!) instanceof StringType)) delegate('hex of integers and binary');
      return tr0(c, ctx).strHexEncode().strToUppercase();
    },
  },
  initcap: { delegated: 'not available in Polars' },
  reverse: { delegated: 'not exposed by the binding' },
  soundex: { delegated: 'not available in Polars' },
  md5: { delegated: 'not available in Polars' },
  sha1: { delegated: 'not available in Polars' },
  sha2: { delegated: 'not available in Polars' },
  crc32: { delegated: 'not available in Polars' },
  base64: { delegated: "Spark's MIME-chunked encoding" },
  unbase64: { delegated: 'binary results' },
  ascii: { delegated: 'not available in Polars' },
  repeat: { delegated: 'not exposed by the binding' },
  instr: { delegated: 'not exposed by the binding' },
  locate: { delegated: 'not exposed by the binding' },
  substring_index: { delegated: 'not available in Polars' },
  translate: { delegated: 'not available in Polars' },
  levenshtein: { delegated: 'not available in Polars' },
  overlay: { delegated: 'not available in Polars' },
  // datetime
  current_date: { scalar: (_c, ctx) => instantToWallClock(nowLiteral(ctx), ctx.timeZone).cast(PL.Date, true) },
  current_timestamp: { scalar: (_c, ctx) => nowLiteral(ctx) },
  to_date: { scalar: toDate },
  to_timestamp: { delegated: 'Spark datetime patterns' },
  date_format: { delegated: 'Spark datetime patterns' },
  year: { scalar: datePart((d) => d.year()) },
  quarter: { scalar: datePart((d) => d.month().cast(PL.Int32, true).sub(i32(1)).div(i32(3)).add(i32(1))) },
  month: { scalar: datePart((d) => d.month()) },
  dayofmonth: { scalar: datePart((d) => d.day()) },
  dayofweek: { scalar: datePart((d) => d.weekday().cast(PL.Int32, true).rem(i32(7)).add(i32(1))) },
  dayofyear: { scalar: datePart((d) => d.ordinalDay()) },
  weekofyear: { scalar: datePart((d) => d.week()) },
  hour: { scalar: timePart((d) => d.hour()) },
  minute: { scalar: timePart((d) => d.minute()) },
  second: { scalar: timePart((d) => d.second()) },
  date_add: { scalar: (c, ctx) => days(tr0(c, ctx)).add(ctx.tr(arg(c, 1))).cast(PL.Date, true) },
  date_sub: { scalar: (c, ctx) => days(tr0(c, ctx)).sub(ctx.tr(arg(c, 1))).cast(PL.Date, true) },
  datediff: { scalar: (c, ctx) => days(tr0(c, ctx)).sub(days(ctx.tr(arg(c, 1)))) },
  add_months: { delegated: 'month arithmetic with end-of-month rules' },
  months_between: { delegated: "Spark's 31-day month arithmetic" },
  last_day: { delegated: 'not exposed by the binding' },
  trunc: { delegated: 'not exposed by the binding' },
  date_trunc: { delegated: 'not exposed by the binding' },
  unix_timestamp: { delegated: 'Spark datetime patterns' },
  from_unixtime: { delegated: 'Spark datetime patterns' },
  timestamp_seconds: { scalar: timestampSeconds },
  from_utc_timestamp: { delegated: 'time zone rules must match the interpreter' },
  to_utc_timestamp: { delegated: 'time zone rules must match the interpreter' },
  // collections
  array: { scalar: arrayFn },
  struct: { scalar: structFn },
  create_map: { delegated: 'duplicate-key policy' },
  size: { scalar: size },
  array_contains: { delegated: 'null-element semantics' },
  element_at: { scalar: elementAt },
  array_max: { scalar: arrayMinMax(true) },
  array_min: { scalar: arrayMinMax(false) },
  array_distinct: { delegated: 'first-occurrence order' },
  sort_array: { delegated: 'null and NaN placement' },
  array_join: { scalar: arrayJoin },
  map_keys: { scalar: mapPart('key') },
  map_values: { scalar: mapPart('value') },
};
