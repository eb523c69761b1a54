/**
 * Conditional (coalesce, greatest/least, NaN tests) and math scalar functions on the Polars backend;
 * math that libm computes differently from Java is delegated.
 */
import { typeOf, type Call } from '../../../expr/nodes.js';
import { ArrayType, DecimalType, MapType, StructType } from '../../../types/data-types.js';
import { floatToIntegral } from '../cast.js';
import { delegate } from '../delegation.js';
import { cases, f64, ifElse } from '../nx.js';
import { PL, integralBits } from '../type-mapper.js';
import { foldNegativeZero, numLit } from './operators.js';
import { arg, type FunctionTable, type ScalarLowering } from './types.js';
import { litInt, notDecimal, tr0 } from './scalar-args.js';

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

export const conditionalMathFunctions: FunctionTable = {
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
};
