/** Operators: arithmetic, comparison, logic, predicates, string matching, field/element access. */
import type { Call } from '../../../expr/nodes.js';
import { typeOf } from '../../../expr/nodes.js';
import {
  ArrayType,
  BinaryType,
  DataType,
  DecimalType,
  DoubleType,
  FloatType,
  MapType,
  StringType,
  StructType,
} from '../../../types/data-types.js';
import { delegate } from '../delegation.js';
import { valuesToSeries } from '../input.js';
import { native, type NativeExpr } from '../native.js';
import { bool, cachedExpr, exactDiv, f64, i64, ifElse, literal, nullOf, str } from '../nx.js';
import { PL, integralBits, toPolarsDType } from '../type-mapper.js';
import { arg, type FnContext, type FunctionTable, type ScalarLowering } from './types.js';
import { javaRegexToRust, likeToRegex } from './regex.js';
import { fieldUpdates } from '../../../functions/defs/update-fields.js';

const isFloatT = (t: DataType): boolean => t instanceof DoubleType || t instanceof FloatType;

/** A numeric literal of the same Polars dtype as `t`. */
export function numLit(v: number, t: DataType): NativeExpr {
  const d = toPolarsDType(t);
  if (!d) delegate(`numeric literal of ${t.simpleString()}`);
  return cachedExpr(`num:${t.simpleString()}:${Object.is(v, -0) ? '-0' : v}`, () => native().lit(v).cast(d, true));
}

/**
 * -0.0 → 0.0 (Spark normalizes floating keys for grouping, joins and sorting;
 * BigDecimal-based rounding has no negative zero). Written as a CASE because
 * Polars' optimizer removes `x + 0.0`.
 */
export function foldNegativeZero(x: NativeExpr, t: DataType): NativeExpr {
  const zero = numLit(0, t);
  return ifElse(x.eq(zero), zero, x);
}

function noDecimal(call: Call): void {
  for (const a of call.args) if (typeOf(a) instanceof DecimalType) delegate(`${call.fn} on decimals`);
  if (call.dataType instanceof DecimalType) delegate(`${call.fn} producing a decimal`);
}

function binary(call: Call, ctx: FnContext): [NativeExpr, NativeExpr, DataType] {
  noDecimal(call);
  return [ctx.tr(arg(call, 0)), ctx.tr(arg(call, 1)), typeOf(arg(call, 0))];
}

const add: ScalarLowering = (call, ctx) => {
  const [a, b] = binary(call, ctx);
  return a.add(b);
};
const subtract: ScalarLowering = (call, ctx) => {
  const [a, b] = binary(call, ctx);
  return a.sub(b);
};
const multiply: ScalarLowering = (call, ctx) => {
  const [a, b] = binary(call, ctx);
  return a.mul(b);
};

/** `/`: always double; division by zero (either sign) is null. */
const divide: ScalarLowering = (call, ctx) => {
  const [a, b] = binary(call, ctx);
  return ifElse(b.eq(f64(0)), nullOf(new DoubleType()), exactDiv(a, b));
};

/** `%` on integers: Java semantics (sign of the dividend); `% 0` is null. */
const remainder: ScalarLowering = (call, ctx) => {
  const [a, b, t] = binary(call, ctx);
  const zero = numLit(0, t);
  // Polars' float % is a - b*floor(a/b), not the exact fmod Java computes.
  if (isFloatT(t)) delegate('floating-point remainder (Polars does not compute an exact fmod)');
  const r = a.rem(b); // null when b = 0
  return ifElse(r.neq(zero).and(a.lt(zero).xor(b.lt(zero))), r.sub(b), r);
};

const negate: ScalarLowering = (call, ctx) => {
  noDecimal(call);
  const t = typeOf(arg(call, 0));
  const a = ctx.tr(arg(call, 0));
  return isFloatT(t) ? a.mul(numLit(-1, t)) : numLit(0, t).sub(a);
};

function comparable(call: Call): void {
  for (const a of call.args) {
    const t = typeOf(a);
    if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType || t instanceof BinaryType) {
      delegate(`${call.fn} on ${t.simpleString()}`);
    }
  }
}
const cmp =
  (op: 'eq' | 'neq' | 'gt' | 'gtEq' | 'lt' | 'ltEq'): ScalarLowering =>
  (call, ctx) => {
    comparable(call);
    return ctx.tr(arg(call, 0))[op](ctx.tr(arg(call, 1)));
  };

const eqNullSafe: ScalarLowering = (call, ctx) => {
  comparable(call);
  const a = ctx.tr(arg(call, 0));
  const b = ctx.tr(arg(call, 1));
  return a.eq(b).fillNull(a.isNull().and(b.isNull()));
};

/** `a IN (v…)`: OR of equalities (SQL null semantics); a literal set without nulls uses `is_in`. */
const inOp: ScalarLowering = (call, ctx) => {
  comparable(call);
  const a = ctx.tr(arg(call, 0));
  const values = call.args.slice(1);
  if (values.length === 0) return ifElse(a.isNull(), nullOf(call.dataType!), bool(false));
  const t = typeOf(arg(call, 0));
  const allLiterals = values.every((v) => v.kind === 'Literal' && v.value !== null);
  if (allLiterals && values.length > 4) {
    const s = valuesToSeries('', t, values.map((v) => (v.kind === 'Literal' ? v.value : null)));
    if (s) return a.isIn(native().litSeries(s).implode(), false);
  }
  let acc: NativeExpr | undefined;
  for (const v of values) {
    const e = a.eq(ctx.tr(v));
    acc = acc ? acc.or(e) : e;
  }
  return acc!;
};

function literalString(call: Call, i: number): string | undefined {
  const a = call.args[i];
  return a && a.kind === 'Literal' && typeof a.value === 'string' ? a.value : undefined;
}

/** The LIKE escape character (`like(s, p, escapeChar)`); Spark's default is a backslash. */
const escapeOf = (call: Call): string => {
  const e = call.options?.escapeChar;
  return typeof e === 'string' && e.length > 0 ? e : '\\';
};

const like: ScalarLowering = (call, ctx) => {
  const p = literalString(call, 1);
  if (p === undefined) delegate('LIKE with a non-literal pattern');
  const re = likeToRegex(p, escapeOf(call));
  if (re === undefined) delegate('LIKE pattern with an invalid escape');
  return ctx.tr(arg(call, 0)).strContains(str(re), false, true);
};

const ilike: ScalarLowering = (call, ctx) => {
  const p = literalString(call, 1);
  if (p === undefined) delegate('ILIKE with a non-literal pattern');
  const re = likeToRegex(p.toLowerCase(), escapeOf(call));
  if (re === undefined) delegate('ILIKE pattern with an invalid escape');
  return ctx.tr(arg(call, 0)).strToLowercase().strContains(str(re), false, true);
};

const rlike: ScalarLowering = (call, ctx) => {
  const p = literalString(call, 1);
  if (p === undefined) delegate('RLIKE with a non-literal pattern');
  const re = javaRegexToRust(p);
  if (re === undefined) delegate(`RLIKE pattern /${p}/ uses Java-only regex features`);
  return ctx.tr(arg(call, 0)).strContains(str(re), false, true);
};

/** Byte-wise predicates over two binaries are the interpreter's. */
const overStrings =
  (lower: ScalarLowering): ScalarLowering =>
  (call, ctx) => {
    if (typeOf(arg(call, 0)) instanceof BinaryType) delegate(`${call.fn} over binary`);
    return lower(call, ctx);
  };
const startswith = overStrings((call, ctx) => ctx.tr(arg(call, 0)).strStartsWith(ctx.tr(arg(call, 1))));
const endswith = overStrings((call, ctx) => ctx.tr(arg(call, 0)).strEndsWith(ctx.tr(arg(call, 1))));
const contains = overStrings((call, ctx) => ctx.tr(arg(call, 0)).strContains(ctx.tr(arg(call, 1)), true, true));

/**
 * Spark's `substring(s, pos, len)` (UTF8String.substringSQL): 1-based, pos 0
 * behaves as 1, negative pos counts from the end; the window is clipped.
 */
export function substringSql(s: NativeExpr, pos: NativeExpr, len: NativeExpr | undefined, posLit?: number): NativeExpr {
  const pl = native();
  const p = pos.cast(PL.Int64, true);
  let start: NativeExpr;
  if (posLit !== undefined && posLit > 0) start = i64(posLit - 1);
  else if (posLit === 0) start = i64(0);
  else {
    const n = s.strLengths().cast(PL.Int64, true);
    start = ifElse(p.gt(i64(0)), p.sub(i64(1)), ifElse(p.lt(i64(0)), n.add(p), i64(0)));
  }
  const clipped = ifElse(start.lt(i64(0)), i64(0), start);
  if (!len) return s.strSlice(clipped, pl.lit(null).cast(PL.Int64, true));
  const end = start.add(len.cast(PL.Int64, true));
  const length = ifElse(end.sub(clipped).lt(i64(0)), i64(0), end.sub(clipped));
  // Null pos/len give null (the function is null-intolerant).
  const out = s.strSlice(clipped, length);
  return ifElse(p.isNull().or(len.isNull()), nullOf(new StringType()), out);
}

const substring: ScalarLowering = (call, ctx) => {
  if (!(call.dataType instanceof StringType)) delegate('substring of a binary (byte positions)');
  const s = ctx.tr(arg(call, 0));
  const posArg = arg(call, 1);
  const posLit = posArg.kind === 'Literal' && typeof posArg.value === 'number' ? posArg.value : undefined;
  const len = call.args[2] ? ctx.tr(call.args[2]) : undefined;
  return substringSql(s, ctx.tr(posArg), len, posLit);
};

const bitwise =
  (op: 'and' | 'or' | 'xor'): ScalarLowering =>
  (call, ctx) => {
    const t = typeOf(arg(call, 0));
    if (integralBits(t) === undefined) delegate(`${call.fn} on ${t.simpleString()}`);
    return ctx.tr(arg(call, 0))[op](ctx.tr(arg(call, 1)));
  };

/** `arr[i]` (0-based, out of range → null) or `map[key]` with a literal key. */
const getItem: ScalarLowering = (call, ctx) => {
  const t = typeOf(arg(call, 0));
  const x = ctx.tr(arg(call, 0));
  if (t instanceof ArrayType) {
    const idx = ctx.tr(arg(call, 1)).cast(PL.Int64, true);
    return ifElse(idx.lt(i64(0)), nullOf(t.elementType), x.listGet(idx, true));
  }
  if (t instanceof MapType) return mapLookup(x, t, arg(call, 1), ctx);
  return delegate(`get_item on ${t.simpleString()}`);
};

/** Value for a literal key in a map (list of key/value structs); null when absent. */
export function mapLookup(x: NativeExpr, t: MapType, keyExpr: Call['args'][number], ctx: FnContext): NativeExpr {
  if (keyExpr.kind !== 'Literal') delegate('map lookup with a non-literal key');
  if (keyExpr.value === null) return nullOf(t.valueType);
  const pl = ctx.pl;
  const key = literal(keyExpr.value, t.keyType);
  const hits = x.listEval(pl.element().filter(pl.element().structFieldByName('key').eq(key)), false);
  return hits.listGet(i64(0), true).structFieldByName('value');
}

const getField: ScalarLowering = (call, ctx) => {
  if (typeOf(arg(call, 0)) instanceof ArrayType) delegate('a field of an array of structs');
  const x = ctx.tr(arg(call, 0));
  const index = call.options?.index;
  if (typeof index === 'number') return x.structFieldByIndex(index);
  return x.structFieldByName(String(call.options?.field));
};

/** Rebuilds a struct with `fields` (name → expression); a null struct stays null. */
function rebuildStruct(x: NativeExpr, result: StructType, value: (name: string, i: number) => NativeExpr): NativeExpr {
  const pl = native();
  const built = pl.asStruct(result.fields.map((f, i) => value(f.name, i).alias(f.name)));
  return ifElse(x.isNull(), nullOf(result), built);
}

/** Nested paths and case-insensitive matches go to the interpreter (update-fields.ts). */
function requireExactTopLevel(call: Call, src: StructType): void {
  for (const u of fieldUpdates(call)) {
    const name = u.parts[0]!;
    const exact = src.fields.some((f) => f.name === name);
    if (u.parts.length > 1 || (!exact && src.fields.some((f) => f.name.toLowerCase() === name.toLowerCase()))) {
      delegate(`${call.fn} of a nested or case-insensitive field path`);
    }
  }
}

const withField: ScalarLowering = (call, ctx) => {
  const src = typeOf(arg(call, 0)) as StructType;
  const result = call.dataType as StructType;
  requireExactTopLevel(call, src);
  const name = fieldUpdates(call)[0]!.parts[0]!;
  const x = ctx.tr(arg(call, 0));
  const v = ctx.tr(arg(call, 1));
  if (new Set(result.fields.map((f) => f.name)).size !== result.fields.length) delegate('with_field on a struct with duplicate field names');
  return rebuildStruct(x, result, (n) => (n === name ? v : x.structFieldByIndex(src.fields.findIndex((f) => f.name === n))));
};

const dropFields: ScalarLowering = (call, ctx) => {
  const src = typeOf(arg(call, 0)) as StructType;
  const result = call.dataType as StructType;
  requireExactTopLevel(call, src);
  const x = ctx.tr(arg(call, 0));
  if (new Set(src.fields.map((f) => f.name)).size !== src.fields.length) delegate('drop_fields on a struct with duplicate field names');
  return rebuildStruct(x, result, (n) => x.structFieldByIndex(src.fields.findIndex((f) => f.name === n)));
};

export const operatorFunctions: FunctionTable = {
  add: { scalar: add },
  subtract: { scalar: subtract },
  multiply: { scalar: multiply },
  divide: { scalar: divide },
  remainder: { scalar: remainder },
  negate: { scalar: negate },
  eq: { scalar: cmp('eq') },
  eq_null_safe: { scalar: eqNullSafe },
  gt: { scalar: cmp('gt') },
  gte: { scalar: cmp('gtEq') },
  lt: { scalar: cmp('lt') },
  lte: { scalar: cmp('ltEq') },
  and: { scalar: (c, ctx) => ctx.tr(arg(c, 0)).and(ctx.tr(arg(c, 1))) },
  or: { scalar: (c, ctx) => ctx.tr(arg(c, 0)).or(ctx.tr(arg(c, 1))) },
  not: { scalar: (c, ctx) => ctx.tr(arg(c, 0)).not() },
  is_null: { scalar: (c, ctx) => ctx.tr(arg(c, 0)).isNull() },
  is_not_null: { scalar: (c, ctx) => ctx.tr(arg(c, 0)).isNotNull() },
  in: { scalar: inOp },
  like: { scalar: like },
  rlike: { scalar: rlike },
  ilike: { scalar: ilike },
  startswith: { scalar: startswith },
  endswith: { scalar: endswith },
  contains: { scalar: contains },
  substring: { scalar: substring },
  bitwise_and: { scalar: bitwise('and') },
  bitwise_or: { scalar: bitwise('or') },
  bitwise_xor: { scalar: bitwise('xor') },
  get_item: { scalar: getItem },
  get_field: { scalar: getField },
  with_field: { scalar: withField },
  drop_fields: { scalar: dropFields },
};
