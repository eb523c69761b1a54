/**
 * Aggregate functions, lowered to expressions valid in a group-by `agg`
 * (and in `select` for global aggregation, and under `over` for windows).
 *
 * Spark details that Polars defaults differ on:
 *  - sum/avg of no non-null values is null (Polars: 0 / NaN);
 *  - double sums of small inputs are sequential in input order (Polars sums
 *    pairwise), so they use a cumulative sum's last value; large inputs use
 *    Polars' sum (see `doubleSum`);
 *  - max of doubles is NaN when any value is NaN (Polars ignores NaN).
 */
import type { Call } from '../../../expr/nodes.js';
import { typeOf } from '../../../expr/nodes.js';
import {
  ArrayType,
  BinaryType,
  DataType,
  DecimalType,
  DOUBLE,
  DoubleType,
  FloatType,
  MapType,
  StructType,
} from '../../../types/data-types.js';
import { delegate } from '../delegation.js';
import type { NativeExpr } from '../native.js';
import { f64, i64, ifElse, nullOf } from '../nx.js';
import { PL, integralBits } from '../type-mapper.js';
import { foldNegativeZero, numLit } from './operators.js';
import { arg, type AggregateLowering, type FnContext, type FunctionTable } from './types.js';

const isFloatT = (t: DataType): boolean => t instanceof DoubleType || t instanceof FloatType;

function notComplex(call: Call): void {
  for (const a of call.args) {
    const t = typeOf(a);
    if (t instanceof DecimalType || t instanceof ArrayType || t instanceof MapType || t instanceof StructType || t instanceof BinaryType) {
      delegate(`${call.fn} over ${t.simpleString()}`);
    }
  }
}

/** The argument with -0.0 folded into 0.0 (Spark normalizes floating keys for DISTINCT). */
function normalized(x: NativeExpr, t: DataType): NativeExpr {
  return isFloatT(t) ? foldNegativeZero(x, t) : x;
}

/**
 * The single argument's values, distinct (first occurrence) when DISTINCT;
 * nulls stay: for aggregations that ignore them (sum, count).
 */
function operand(call: Call, ctx: FnContext): NativeExpr {
  const a = arg(call, 0);
  if (a.kind === 'Literal') delegate(`${call.fn} of a literal`);
  const x = ctx.tr(a);
  return call.distinct ? normalized(x, typeOf(a)).uniqueStable() : x;
}

/** The operand as Float64 (the type Spark sums floating and integral values in for sum/avg). */
function asDouble(x: NativeExpr, call: Call): NativeExpr {
  return typeOf(arg(call, 0)) instanceof DoubleType ? x : x.cast(PL.Float64, true);
}

/** Pool key of an aggregation over the call's first argument. */
const keyFor = (what: string, call: Call, ctx: FnContext): string =>
  `${what}|${call.distinct ? 'd' : ''}|${ctx.keyOf(arg(call, 0))}`;

/**
 * Number of non-null (distinct) values, once per group, as Polars' index type
 * (UInt32): callers cast where a Spark long is the result, so the aggregation
 * itself stays a plain `count()` / `n_unique()`.
 */
function countPart(call: Call, ctx: FnContext): NativeExpr {
  if (call.distinct) {
    const t = typeOf(arg(call, 0));
    return ctx.part(keyFor('count', call, ctx), () => normalized(ctx.tr(arg(call, 0)), t).dropNulls().nUnique());
  }
  // A null-free argument (see operators/nullability.ts) counts every row of the group.
  if (arg(call, 0).nullable === false) return ctx.part('len', () => ctx.pl.len());
  return ctx.part(keyFor('count', call, ctx), () => ctx.tr(arg(call, 0)).count());
}

/** `x`, or null when the group has no non-null value. */
const nullWhenEmpty = (call: Call, ctx: FnContext, x: NativeExpr, t: DataType): NativeExpr =>
  ifElse(countPart(call, ctx).eq(i64(0)), nullOf(t), x);

/**
 * Double sum of the non-null (distinct) values, null when there are none.
 * Sequential (`ctx.sequentialSums`, small inputs): added in row order like the
 * interpreter and Spark on one partition, as a cumulative sum's last value.
 * Otherwise Polars' native sum (pairwise, vectorized): no single Spark answer
 * exists for large inputs, whose sums depend on partitioning. Both propagate
 * NaN and give NaN for +Infinity plus -Infinity, as Spark does. Neither gives
 * -0.0: Spark's and the interpreter's sums start from 0.0.
 */
function doubleSum(call: Call, ctx: FnContext): NativeExpr {
  if (ctx.partitionedSums) delegate('a double sum over several partitions (spark.default.parallelism > 1) adds per-partition partials');
  if (ctx.sequentialSums) {
    // drop_nulls: the cumulative sum keeps nulls in place, and last() must see the final total
    // (not needed where the argument is proved null-free; the pool key tells the two apart, as it includes nullability).
    // Polars' cumulative sum starts from 0.0 (so never ends at -0.0), and its last() of no values is null.
    return ctx.part(keyFor('seqsum', call, ctx), () => {
      const x = asDouble(operand(call, ctx), call);
      return (arg(call, 0).nullable === false ? x : x.dropNulls()).cumSum(false).last();
    });
  }
  // Polars' sum ignores nulls but gives 0 (not null) without values, and -0.0 for a lone -0.0
  // (Polars' `x + 0.0` keeps -0.0 too, so the fold is a comparison).
  const s = ctx.part(keyFor('sum', call, ctx), () => asDouble(operand(call, ctx), call).sum());
  const zero = f64(0);
  return ctx.pl.when(countPart(call, ctx).eq(i64(0))).then(nullOf(DOUBLE)).when(s.eq(zero)).then(zero).otherwise(s);
}

const count: AggregateLowering = (call, ctx) => {
  const args = call.args;
  if (args.length === 1) {
    const a = args[0]!;
    if (a.kind === 'Literal') {
      if (a.value === null) return i64(0);
      const len = ctx.part('len', () => ctx.pl.len());
      // count(DISTINCT 1): one distinct value in a group that has rows
      return (call.distinct ? len.gt(i64(0)) : len).cast(PL.Int64, true);
    }
    if (call.distinct && typeOf(a) instanceof MapType) delegate('count(DISTINCT map)');
    return countPart(call, ctx).cast(PL.Int64, true);
  }
  if (call.distinct) delegate('count(DISTINCT a, b, ...)');
  let all: NativeExpr | undefined;
  for (const a of args) {
    const nn = ctx.tr(a).isNotNull();
    all = all ? all.and(nn) : nn;
  }
  return ctx.part(`countall|${args.map((a) => ctx.keyOf(a)).join(',')}`, () => all!.sum()).cast(PL.Int64, true);
};

const sum: AggregateLowering = (call, ctx) => {
  notComplex(call);
  const t = typeOf(arg(call, 0));
  if (integralBits(t) !== undefined) {
    const s = ctx.part(keyFor('intsum', call, ctx), () => operand(call, ctx).cast(PL.Int64, true).sum());
    return nullWhenEmpty(call, ctx, s, call.dataType!);
  }
  return doubleSum(call, ctx);
};

const avg: AggregateLowering = (call, ctx) => {
  notComplex(call);
  // Null sum (no values) over a zero count is null. Float64 / UInt32 divides in Float64.
  return doubleSum(call, ctx).trueDiv(countPart(call, ctx));
};

const minMax =
  (max: boolean): AggregateLowering =>
  (call, ctx) => {
    notComplex(call);
    const t = typeOf(arg(call, 0));
    const x = ctx.tr(arg(call, 0));
    if (arg(call, 0).kind === 'Literal') delegate(`${call.fn} of a literal`);
    const key = keyFor(max ? 'max' : 'min', call, ctx);
    if (!max) return ctx.part(key, x.min());
    if (isFloatT(t)) return ctx.part(key, ifElse(x.isNan().any(true), numLit(NaN, t), x.max()));
    return ctx.part(key, x.max());
  };

const firstLast =
  (last: boolean): AggregateLowering =>
  (call, ctx) => {
    const a = arg(call, 0);
    if (a.kind === 'Literal') delegate(`${call.fn} of a literal`);
    const x = ctx.tr(a);
    const ignore = call.options?.ignoreNulls === true;
    const v = ignore ? x.dropNulls() : x;
    return ctx.part(`${last ? 'last' : 'first'}|${ignore ? 'i' : ''}|${ctx.keyOf(a)}`, last ? v.last() : v.first());
  };

const collectList: AggregateLowering = (call, ctx) => {
  const a = arg(call, 0);
  if (a.kind === 'Literal') delegate(`${call.fn} of a literal`);
  return ctx.part(keyFor('list', call, ctx), ctx.tr(a).dropNulls().implode());
};

const collectSet: AggregateLowering = (call, ctx) => {
  const a = arg(call, 0);
  const t = typeOf(a);
  if (a.kind === 'Literal') delegate(`${call.fn} of a literal`);
  if (t instanceof MapType) delegate('collect_set of maps');
  return ctx.part(keyFor('set', call, ctx), normalized(ctx.tr(a), t).dropNulls().uniqueStable().implode());
};

export const aggregateFunctions: FunctionTable = {
  count: { aggregate: count },
  sum: { aggregate: sum },
  avg: { aggregate: avg },
  min: { aggregate: minMax(false) },
  max: { aggregate: minMax(true) },
  first: { aggregate: firstLast(false) },
  last: { aggregate: firstLast(true) },
  any_value: { aggregate: firstLast(false) },
  collect_list: { aggregate: collectList },
  collect_set: { aggregate: collectSet },
  stddev_samp: { delegated: "the interpreter's streaming moments define the exact result" },
  stddev_pop: { delegated: "the interpreter's streaming moments define the exact result" },
  var_samp: { delegated: "the interpreter's streaming moments define the exact result" },
  var_pop: { delegated: "the interpreter's streaming moments define the exact result" },
  skewness: { delegated: "the interpreter's streaming moments define the exact result" },
  kurtosis: { delegated: "the interpreter's streaming moments define the exact result" },
  corr: { delegated: "the interpreter's streaming moments define the exact result" },
  covar_pop: { delegated: "the interpreter's streaming moments define the exact result" },
  covar_samp: { delegated: "the interpreter's streaming moments define the exact result" },
  approx_count_distinct: { delegated: 'HyperLogLog++ estimate' },
  product: { delegated: 'sequential product order' },
  median: { delegated: "Spark's percentile interpolation" },
};
