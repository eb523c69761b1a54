/**
 * Aggregate functions, lowered to expressions valid in a group-by `agg`
 * (and in `select` for global aggregation, and under `over` for windows).
 *
 * Spark details that Polars defaults differ on:
 *  - sum/avg of no non-null values is null (Polars: 0 / NaN);
 *  - double sums are sequential in input order (Polars sums pairwise), so
 *    they use a cumulative sum's last value;
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
import { ifElse, nullOf } from '../nx.js';
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

/** Non-null values of the single argument, distinct (first occurrence) when DISTINCT. */
function values(call: Call, ctx: FnContext): NativeExpr {
  const a = arg(call, 0);
  const t = typeOf(a);
  const x = ctx.tr(a);
  if (a.kind === 'Literal') delegate(`${call.fn} of a literal`);
  const nn = x.dropNulls();
  return call.distinct ? normalized(nn, t).uniqueStable() : nn;
}

/** Pool key of an aggregation over the call's first argument. */
const keyFor = (what: string, call: Call, ctx: FnContext): string =>
  `${what}|${call.distinct ? 'd' : ''}|${ctx.keyOf(arg(call, 0))}`;

/** Sequential double sum of the non-null values (null when there are none), once per group. */
function seqSumPart(call: Call, ctx: FnContext): NativeExpr {
  return ctx.part(keyFor('seqsum', call, ctx), () => {
    const v = values(call, ctx);
    const dbl = typeOf(arg(call, 0)) instanceof DoubleType ? v : v.cast(PL.Float64, true);
    return dbl.cumSum(false).last();
  });
}

/** Number of non-null (distinct) values, once per group. */
function countPart(call: Call, ctx: FnContext): NativeExpr {
  return ctx.part(keyFor('count', call, ctx), () => values(call, ctx).count().cast(PL.Int64, true));
}

const count: AggregateLowering = (call, ctx) => {
  const args = call.args;
  if (args.length === 1) {
    const a = args[0]!;
    if (a.kind === 'Literal') {
      if (a.value === null) return ctx.pl.lit(0).cast(PL.Int64, true);
      return ctx.part('len', () => ctx.pl.len().cast(PL.Int64, true));
    }
    const t = typeOf(a);
    const x = ctx.tr(a);
    if (call.distinct) {
      if (t instanceof MapType) delegate('count(DISTINCT map)');
      return ctx.part(keyFor('ndistinct', call, ctx), normalized(x, t).dropNulls().nUnique().cast(PL.Int64, true));
    }
    return ctx.part(keyFor('count', call, ctx), x.count().cast(PL.Int64, true));
  }
  if (call.distinct) delegate('count(DISTINCT a, b, ...)');
  let all: NativeExpr | undefined;
  for (const a of args) {
    const nn = ctx.tr(a).isNotNull();
    all = all ? all.and(nn) : nn;
  }
  return ctx.part(`countall|${args.map((a) => ctx.keyOf(a)).join(',')}`, all!.cast(PL.Int64, true).sum());
}

const sum: AggregateLowering = (call, ctx) => {
  notComplex(call);
  const t = typeOf(arg(call, 0));
  if (integralBits(t) !== undefined) {
    const s = ctx.part(keyFor('intsum', call, ctx), () => values(call, ctx).cast(PL.Int64, true).sum());
    return ifElse(countPart(call, ctx).eq(ctx.pl.lit(0).cast(PL.Int64, true)), nullOf(call.dataType!), s);
  }
  // Polars sums doubles pairwise; Spark's (and the interpreter's) sum is sequential.
  return foldNegativeZero(seqSumPart(call, ctx), DOUBLE);
};

const avg: AggregateLowering = (call, ctx) => {
  notComplex(call);
  return seqSumPart(call, ctx).trueDiv(countPart(call, ctx).cast(PL.Float64, true));
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
