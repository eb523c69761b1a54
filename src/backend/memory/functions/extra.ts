/**
 * Further Spark functions: pmod and try_* arithmetic, shifts and bit
 * functions, conv/bin/width_bucket, date_part/extract, make_timestamp,
 * regression aggregates, bitwise aggregates, typeof,
 * raise_error/assert_true and session information.
 */
import { userInfo } from 'node:os';
import type { Call } from '../../../expr/nodes.js';
// The default assert_true message quotes the condition's SQL text, as Spark's does.
import { exprSql } from '../../../expr/naming.js';
import { ExecutionException, IllegalArgumentException } from '../../../errors/index.js';
import { DecimalType, TimestampNTZType, TimestampType } from '../../../types/data-types.js';
import { sessionZone, type ExecContext } from '../context.js';
import { castValue } from '../expressions/cast.js';
import { fitsPrecision, pow10, rescale } from '../runtime/decimal.js';
import {
  MICROS_PER_DAY,
  MICROS_PER_SECOND,
  dayOfYear,
  daysFromCivil,
  fromLocalMicros,
  isValidDate,
  isoDayOfWeek,
  isoWeek,
  localFields,
  toLocalMicros,
} from '../runtime/datetime.js';
import { zoneOrThrow } from '../runtime/datetime-parse.js';
import { javaCos, javaSin, javaTan } from '../runtime/java-trig.js';
import { parseDateTime } from '../runtime/datetime-pattern-parse.js';
import { LONG_MAX, normLong, remLong, toBigInt, type Long } from '../runtime/long.js';
import { aggregateImpls } from './aggregate.js';
import { bivariate } from './moments.js';
import { conditionalImpls } from './conditional.js';
import { datetimeImpls } from './datetime.js';
import { operatorImpls } from './operators.js';
import { regressionImpls } from './regression.js';
import { stringImpls } from './string.js';
import { VERSION_STRING } from '../../../session/spark-version.js';
import type { AggregateImpl, FunctionImpl, RowFn } from './types.js';
import { aggregate, argType, binary, compiled, intWrap, isNullish, literalArg, numericKind, resultType, scalar, scalarWithNulls } from './util.js';

/** Integral result ranges by type name (try_* arithmetic, ANSI overflow checks). */
export const INT_RANGES: Record<string, [bigint, bigint]> = {
  byte: [-128n, 127n],
  short: [-32768n, 32767n],
  integer: [-2147483648n, 2147483647n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

// --- arithmetic ---------------------------------------------------------------

/** pmod: a positive remainder ((a % n) + n) % n; `pmod(x, 0)` is null. */
const pmod = compiled((args, call) => {
  const [a, b] = args as [RowFn, RowFn];
  const t = resultType(call);
  switch (numericKind(t)) {
    case 'int':
    case 'long':
      return binary(a, b, (x: Long, y: Long) => {
        if (y === 0) return null;
        const r = remLong(x, y);
        return r < 0 ? remLong(normLong(toBigInt(r) + toBigInt(y)), y) : r;
      });
    case 'float':
    case 'double':
      return binary(a, b, (x: number, y: number) => {
        if (y === 0) return null;
        const r = x % y;
        return r < 0 ? (r + y) % y : r;
      });
    case 'decimal': {
      const rt = t as DecimalType;
      const sx = (argType(call, 0) as DecimalType).scale;
      const sy = (argType(call, 1) as DecimalType).scale;
      return binary(a, b, (x: bigint, y: bigint) => {
        if (y === 0n) return null;
        const s = Math.max(sx, sy);
        const xs = x * pow10(s - sx);
        const ys = y * pow10(s - sy);
        let r = xs % ys;
        if (r < 0n) r = (r + ys) % ys;
        const out = rescale(r, s, rt.scale);
        return fitsPrecision(out, rt.precision) ? out : null;
      });
    }
  }
});

/** try_add / try_subtract / try_multiply: null instead of wrapping on integral overflow. */
function tryArith(op: 'add' | 'subtract' | 'multiply'): FunctionImpl {
  const base = operatorImpls[op]!;
  return compiled((args, call, ctx) => {
    const t = resultType(call);
    const range = INT_RANGES[t.typeName()];
    if (!range) return (base as { compile: (a: readonly RowFn[], c: Call, x: ExecContext) => RowFn }).compile(args, call, ctx);
    const [lo, hi] = range;
    return binary(args[0]!, args[1]!, (x: Long, y: Long) => {
      const bx = toBigInt(x);
      const by = toBigInt(y);
      const r = op === 'add' ? bx + by : op === 'subtract' ? bx - by : bx * by;
      return r < lo || r > hi ? null : normLong(r);
    });
  });
}

// --- bits ---------------------------------------------------------------------

function shift(kind: 'left' | 'right' | 'unsigned'): FunctionImpl {
  return compiled((args, call) => {
    const t = resultType(call);
    if (numericKind(t) === 'int') {
      const wrap = intWrap(t);
      return binary(args[0]!, args[1]!, (x: number, n: number) =>
        wrap(kind === 'left' ? x << n : kind === 'right' ? x >> n : (x >>> n) | 0),
      );
    }
    return binary(args[0]!, args[1]!, (x: Long, n: number) => {
      const s = BigInt(n & 63);
      const b = toBigInt(x);
      if (kind === 'left') return normLong(b << s);
      if (kind === 'right') return normLong(b >> s);
      return normLong(BigInt.asUintN(64, b) >> s);
    });
  });
}

function popcount64(x: bigint): number {
  let u = BigInt.asUintN(64, x);
  let n = 0;
  while (u) {
    u &= u - 1n;
    n++;
  }
  return n;
}

/** bit_count: set bits of the value sign-extended to 64 bits (Long.bitCount), booleans 1/0. */
const bitCount = scalar((a) => (typeof a[0] === 'boolean' ? (a[0] ? 1 : 0) : popcount64(toBigInt(a[0] as Long))));

const bitGet = scalar((a, _ctx, call) => {
  const pos = a[1] as number;
  const bits = numericKind(argType(call, 0)) === 'long' ? 64 : argType(call, 0).typeName() === 'byte' ? 8 : argType(call, 0).typeName() === 'short' ? 16 : 32;
  if (pos < 0 || pos >= bits) {
    throw new IllegalArgumentException(`Invalid bit position: ${pos} exceeds the bit upper limit ${bits}.`, { errorClass: 'INVALID_PARAMETER_VALUE.BIT_POSITION_RANGE' });
  }
  return Number((toBigInt(a[0] as Long) >> BigInt(pos)) & 1n);
});

const bin = scalar((a) => BigInt.asUintN(64, toBigInt(a[0] as Long)).toString(2));

/** conv(num, fromBase, toBase): Spark's NumberConverter over unsigned 64-bit values. */
const conv = scalar((a) => {
  const text = String(a[0]).trim();
  const from = a[1] as number;
  const to = a[2] as number;
  if (Math.abs(from) < 2 || Math.abs(from) > 36 || Math.abs(to) < 2 || Math.abs(to) > 36) return null;
  if (text === '') return null;
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const radix = Math.abs(from);
  let value = 0n;
  const max = 2n ** 64n - 1n;
  let overflow = false;
  for (const ch of digits.toLowerCase()) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= radix) break;
    value = value * BigInt(radix) + BigInt(d);
    if (value > max) overflow = true;
  }
  if (overflow) value = max;
  // Spark negates a negative input only for a positive toBase (an overflowed or >= 2^63 magnitude gives -1);
  // for a negative toBase it prints the magnitude, signed, behind the input's '-'.
  let neg = negative;
  if (neg && to > 0) value = value >= 2n ** 63n ? max : BigInt.asUintN(64, -value);
  if (to < 0 && BigInt.asIntN(64, value) < 0n) {
    value = -BigInt.asIntN(64, value);
    neg = true;
  }
  if (to < 0) return (neg ? '-' : '') + value.toString(-to).toUpperCase();
  return value.toString(to).toUpperCase();
});

/**
 * width_bucket(v, min, max, n) as in Spark (0 below, n+1 above the range). The bucket is the
 * double quotient truncated to a BIGINT, exact past 2^53; n = Long.MaxValue gives null.
 */
const widthBucket = scalar((a) => {
  const v = a[0] as number;
  const min = a[1] as number;
  const max = a[2] as number;
  const nBig = toBigInt(a[3] as Long);
  const n = Number(nBig);
  // An infinite value falls in bucket 0 or n + 1; infinite bounds and NaN give null (Spark's WidthBucket).
  if (nBig <= 0n || nBig === LONG_MAX || min === max || Number.isNaN(v) || !Number.isFinite(min) || !Number.isFinite(max)) return null;
  const bucket = (q: number): Long => normLong(BigInt(Math.trunc(q)) + 1n);
  const last = normLong(nBig + 1n);
  if (min < max) {
    if (v < min) return 0;
    if (v >= max) return last;
    return bucket((n * (v - min)) / (max - min));
  }
  if (v > min) return 0;
  if (v <= max) return last;
  return bucket((n * (min - v)) / (min - max));
});

// --- datetime -------------------------------------------------------------------

const FIELD_ALIASES: Record<string, string> = {
  year: 'YEAR', y: 'YEAR', years: 'YEAR', yr: 'YEAR', yrs: 'YEAR',
  yearofweek: 'YEAROFWEEK',
  quarter: 'QUARTER', qtr: 'QUARTER',
  month: 'MONTH', mon: 'MONTH', mons: 'MONTH', months: 'MONTH',
  week: 'WEEK', w: 'WEEK', weeks: 'WEEK',
  day: 'DAY', d: 'DAY', days: 'DAY',
  dayofweek: 'DAYOFWEEK', dow: 'DAYOFWEEK',
  dayofweek_iso: 'DOW_ISO', dow_iso: 'DOW_ISO',
  doy: 'DOY',
  hour: 'HOUR', h: 'HOUR', hours: 'HOUR', hr: 'HOUR', hrs: 'HOUR',
  minute: 'MINUTE', m: 'MINUTE', min: 'MINUTE', mins: 'MINUTE', minutes: 'MINUTE',
  second: 'SECOND', s: 'SECOND', sec: 'SECOND', seconds: 'SECOND', secs: 'SECOND',
};

/** date_part(field, source) / extract(field FROM source). */
const datePart = compiled((args, call, ctx) => {
  const lit = literalArg(call, 0);
  const srcType = argType(call, 1);
  const zone = sessionZone(ctx);
  const rt = resultType(call);
  const fieldOf = (f: unknown): string => {
    const key = FIELD_ALIASES[String(f).toLowerCase()];
    if (!key) throw new ExecutionException(`The value '${String(f)}' of the field is invalid for the function date_part.`, { errorClass: 'INVALID_EXTRACT_FIELD' });
    return key;
  };
  // A NULL field (typed at analysis as a NULL double) gives NULL.
  if (lit && isNullish(lit.value)) return () => null;
  const fixed = lit ? fieldOf(lit.value) : undefined;
  return (i) => {
    const field = fixed ?? (() => {
      const f = args[0]!(i);
      return isNullish(f) ? undefined : fieldOf(f);
    })();
    const v = args[1]!(i);
    if (field === undefined || isNullish(v)) return null;
    let local: number;
    if (srcType instanceof TimestampType) local = toLocalMicros(v as number, zone);
    else if (srcType instanceof TimestampNTZType) local = v as number;
    else local = (v as number) * MICROS_PER_DAY;
    const f = localFields(local);
    switch (field) {
      case 'YEAR':
        return f.year;
      case 'YEAROFWEEK':
        return isoWeek(f.days).year;
      case 'QUARTER':
        return Math.floor((f.month - 1) / 3) + 1;
      case 'MONTH':
        return f.month;
      case 'WEEK':
        return isoWeek(f.days).week;
      case 'DAY':
        return f.day;
      case 'DAYOFWEEK':
        return (isoDayOfWeek(f.days) % 7) + 1;
      case 'DOW_ISO':
        return isoDayOfWeek(f.days);
      case 'DOY':
        return dayOfYear(f.days);
      case 'HOUR':
        return f.hour;
      case 'MINUTE':
        return f.minute;
      default: {
        const micros = f.second * MICROS_PER_SECOND + f.micros;
        return rt instanceof DecimalType ? BigInt(micros) * pow10(rt.scale) / 1_000_000n : rt.typeName() === 'double' ? micros / MICROS_PER_SECOND : f.second;
      }
    }
  };
});

/** make_timestamp(y, mo, d, h, mi, sec[, tz]): sec may carry microseconds; 60 seconds rolls into the next minute. */
function makeTimestamp(kind: 'ltz' | 'ntz'): FunctionImpl {
  return compiled((args, call, ctx) => {
    const secType = argType(call, 5);
    const session = sessionZone(ctx);
    return (i) => {
      const vals = args.map((f) => f(i));
      if (vals.slice(0, 6).some(isNullish)) return null;
      // Spark resolves the zone argument before it validates the fields: an unknown zone is an error.
      const tzText = vals.length > 6 ? vals[6] : undefined;
      const zone = kind === 'ntz' || tzText === undefined ? session : isNullish(tzText) ? undefined : zoneOrThrow(tzText as string);
      const [y, mo, d, h, mi] = vals.slice(0, 5).map((x) => Number(x)) as [number, number, number, number, number];
      let micros: number;
      const sec = vals[5];
      if (secType instanceof DecimalType) micros = Number(rescale(sec as bigint, secType.scale, 6));
      else micros = Math.round(Number(sec) * MICROS_PER_SECOND);
      if (!isValidDate(y, mo, d) || h < 0 || h > 23 || mi < 0 || mi > 59 || micros < 0) return null;
      if (micros >= 60 * MICROS_PER_SECOND) {
        if (micros !== 60 * MICROS_PER_SECOND) return null;
      }
      const local = daysFromCivil(y, mo, d) * MICROS_PER_DAY + (h * 3600 + mi * 60) * MICROS_PER_SECOND + micros;
      if (kind === 'ntz') return local;
      return zone ? fromLocalMicros(local, zone) : null;
    };
  });
}

/** to_timestamp_ntz(s[, fmt]): local date-time text as TIMESTAMP_NTZ. */
const toTimestampNtz = compiled((args, call, ctx) => {
  const t = argType(call, 0);
  const plain = castValue(t, new TimestampNTZType(), ctx);
  return (i) => {
    const v = args[0]!(i);
    if (isNullish(v)) return null;
    if (args.length < 2) return plain(v);
    const fmt = args[1]!(i);
    if (isNullish(fmt)) return null;
    const p = parseDateTime(String(v), fmt as string);
    return p ? p.local : null;
  };
});

// --- aggregates -------------------------------------------------------------------

function bitAgg(op: (x: bigint, y: bigint) => bigint): AggregateImpl {
  return aggregate(() => {
    let acc: bigint | null = null;
    return {
      add: (a) => {
        if (isNullish(a[0])) return;
        const v = toBigInt(a[0] as Long);
        acc = acc === null ? v : op(acc, v);
      },
      result: () => (acc === null ? null : normLong(acc)),
    };
  });
}

/** try_sum: like sum, but null when an integral sum leaves the 64-bit range. */
const trySum = aggregate((call) => {
  const base = (aggregateImpls['sum'] as AggregateImpl).create(call, { timeZone: 'UTC', now: 0 });
  if (resultType(call).typeName() !== 'long') return base;
  let acc = 0n;
  let seen = false;
  return {
    add: (a) => {
      if (isNullish(a[0])) return;
      acc += toBigInt(a[0] as Long);
      seen = true;
    },
    result: () => (!seen ? null : acc < -(2n ** 63n) || acc > 2n ** 63n - 1n ? null : normLong(acc)),
  };
});

// --- collections and misc ------------------------------------------------------

const typeofFn = compiled((_args, call) => {
  const name = argType(call, 0).simpleString();
  return () => name;
});

/**
 * Spark 3.5 fails with a plain java.lang.RuntimeException: no error class (USER_RAISED_EXCEPTION is
 * Spark 4's), and PySpark's Connect client maps it to no specific class, as ExecutionException here.
 */
const userRaised = (message: string): ExecutionException => new ExecutionException(message);

/** raise_error(msg): always fails with msg (a null msg gives an empty message, as Java's RuntimeException(null)). */
const raiseError = scalarWithNulls((a) => {
  const message = isNullish(a[0]) ? '' : String(a[0]);
  throw userRaised(message);
});

/** assert_true(cond[, msg]): null when cond is true; otherwise fails with msg, by default `'<cond's SQL>' is not true!`. */
const assertTrue = scalarWithNulls((a, _ctx, call) => {
  if (a[0] === true) return null;
  const message = a.length > 1 ? (isNullish(a[1]) ? '' : String(a[1])) : `'${exprSql(call.args[0]!)}' is not true!`;
  throw userRaised(message);
});

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'spark';
  }
}

const unaryDouble = (f: (x: number) => number): FunctionImpl => scalar((a) => f(a[0] as number));

export const extraImpls: Record<string, FunctionImpl> = {
  pmod,
  try_add: tryArith('add'),
  try_subtract: tryArith('subtract'),
  try_multiply: tryArith('multiply'),
  try_divide: operatorImpls['divide']!,
  try_sum: trySum,
  try_avg: aggregateImpls['avg']!,
  shiftleft: shift('left'),
  shiftright: shift('right'),
  shiftrightunsigned: shift('unsigned'),
  bit_count: bitCount,
  bit_get: bitGet,
  getbit: bitGet,
  bin,
  conv,
  width_bucket: widthBucket,
  // Spark: 1 / java.lang.Math.tan (cos, sin)
  cot: unaryDouble((x) => 1 / javaTan(x)),
  sec: unaryDouble((x) => 1 / javaCos(x)),
  csc: unaryDouble((x) => 1 / javaSin(x)),
  positive: compiled((args) => args[0]!),
  // UnwrapUDT yields a user-defined type's underlying value; the analyzer rejects every
  // input (no UDTs exist locally), so this identity is never reached with data.
  unwrap_udt: compiled((args) => args[0]!),
  equal_null: operatorImpls['eq_null_safe']!,
  sha: stringImpls['sha1']!,
  position: stringImpls['locate']!,
  date_part: datePart,
  datepart: datePart,
  extract: datePart,
  date_diff: datetimeImpls['datediff']!,
  dateadd: datetimeImpls['date_add']!,
  curdate: datetimeImpls['current_date']!,
  localtimestamp: compiled((_a, _c, ctx) => {
    const v = toLocalMicros(ctx.now, sessionZone(ctx));
    return () => v;
  }),
  make_timestamp: makeTimestamp('ltz'),
  make_timestamp_ltz: makeTimestamp('ltz'),
  make_timestamp_ntz: makeTimestamp('ntz'),
  to_timestamp_ltz: datetimeImpls['to_timestamp']!,
  try_to_timestamp: datetimeImpls['to_timestamp']!,
  to_timestamp_ntz: toTimestampNtz,
  ...regressionImpls,
  // Spark's RegrR2: null without variance in y, 1 without variance in x, else the squared correlation.
  // It is a PearsonCorrelation over (y, x), merged per partition like corr; the square is corr * corr.
  regr_r2: bivariate((_n, ck, yMk, xMk) => {
    if (yMk === 0) return null;
    if (xMk === 0) return 1;
    const corr = ck / Math.sqrt(yMk * xMk);
    return corr * corr;
  }),
  bit_and: bitAgg((x, y) => x & y),
  bit_or: bitAgg((x, y) => x | y),
  bit_xor: bitAgg((x, y) => x ^ y),
  typeof: typeofFn,
  raise_error: raiseError,
  assert_true: assertTrue,
  current_database: compiled((_a, _c, ctx) => () => ctx.currentDatabase ?? 'default'),
  current_schema: compiled((_a, _c, ctx) => () => ctx.currentDatabase ?? 'default'),
  current_catalog: compiled(() => () => 'spark_catalog'),
  current_user: compiled(() => () => currentUser()),
  version: compiled(() => () => VERSION_STRING),
  user: compiled(() => () => currentUser()),
  nvl: conditionalImpls['coalesce']!,
};
