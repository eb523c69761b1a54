/** Math functions (Spark's mathExpressions), including HALF_UP `round` and HALF_EVEN `bround`. */
import type { Call } from '../../../expr/nodes.js';
import { DecimalType, FloatType } from '../../../types/data-types.js';
import { javaDoubleToString, javaFloatToString } from '../../../format/value-string.js';
import { divHalfEven, divHalfUp, fitsPrecision, parseDecimal, pow10, type ParsedDecimal } from '../runtime/decimal.js';
import { doubleToLong, negLong, normLong, toBigInt, type Long } from '../runtime/long.js';
import { strictCbrt, strictCosh, strictExp, strictHypot } from '../runtime/fdlibm.js';
import { strictPow } from '../runtime/fdlibm-pow.js';
import { javaCos, javaSin, javaTan } from '../runtime/java-trig.js';
import { XorShiftRandom } from '../runtime/xorshift-random.js';
import type { FunctionImpl, RowFn, ScalarImpl } from './types.js';
import { argType, compiled, intWrap, literalArg, numericKind, resultType, scalar, unary } from './util.js';

const d1 = (f: (x: number) => number | null): FunctionImpl => scalar((a) => f(a[0] as number));
const d2 = (f: (x: number, y: number) => number | null): FunctionImpl => scalar((a) => f(a[0] as number, a[1] as number));

/** Spark's logarithms are null outside their domain (x <= asymptote). */
const logOf = (f: (x: number) => number, asymptote = 0) => (x: number): number | null => (x <= asymptote ? null : f(x));

/** Java's Math.rint: round half to even, as a double. */
export function rint(x: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.floor(x);
  const diff = x - f;
  const r = diff < 0.5 ? f : diff > 0.5 ? f + 1 : f % 2 === 0 ? f : f + 1;
  // A negative input that rounds to zero keeps its sign (rint(-0.5) is -0.0).
  return r === 0 && x < 0 ? -0 : r;
}

type Rounding = (n: bigint, d: bigint) => bigint;

/** Rounds a decimal expansion to `scale` digits (negative = tens, hundreds...). */
function roundParsed(p: ParsedDecimal, scale: number, mode: Rounding): ParsedDecimal {
  if (p.scale <= scale) return p;
  return { unscaled: mode(p.unscaled, pow10(p.scale - scale)), scale };
}

const parsedToNumber = (p: ParsedDecimal): number => Number(`${p.unscaled}e${-p.scale}`);

/** round/bround for every numeric type; `mode` is HALF_UP or HALF_EVEN. */
function rounding(mode: Rounding): ScalarImpl {
  return compiled((args, call) => {
    const x = args[0]!;
    const scaleLit = literalArg(call, 1);
    const scaleFn: RowFn = scaleLit ? () => scaleLit.value ?? null : (args[1] ?? (() => 0));
    const t = argType(call, 0);
    const rt = resultType(call);
    const kind = numericKind(t);
    const roundOne = (v: unknown, scale: number): unknown => {
      switch (kind) {
        case 'double':
        case 'float': {
          const d = v as number;
          if (!Number.isFinite(d)) return d;
          const text = t instanceof FloatType ? javaFloatToString(d) : javaDoubleToString(d);
          const r = parsedToNumber(roundParsed(parseDecimal(text)!, scale, mode));
          return t instanceof FloatType ? Math.fround(r) : r;
        }
        case 'int': {
          if (scale >= 0) return v;
          const r = Number(mode(BigInt(v as number), pow10(-scale)) * pow10(-scale));
          return intWrap(t)(r);
        }
        case 'long': {
          if (scale >= 0) return v;
          return normLong(mode(toBigInt(v as Long), pow10(-scale)) * pow10(-scale));
        }
        case 'decimal': {
          const s = (t as DecimalType).scale;
          const out = rt as DecimalType;
          let u = v as bigint;
          if (scale < s) {
            u = mode(u, pow10(s - Math.max(scale, -38)));
            // back to the result scale
            u = scale >= 0 ? u * pow10(out.scale - scale) : u * pow10(-scale) * pow10(out.scale);
          } else {
            u = u * pow10(out.scale - s);
          }
          return fitsPrecision(u, out.precision) ? u : null;
        }
      }
    };
    return (i) => {
      const v = x(i);
      if (v === null || v === undefined) return null;
      const scale = scaleFn(i);
      if (scale === null || scale === undefined) return null;
      return roundOne(v, scale as number);
    };
  });
}

/** Integer division rounding toward +∞ (CEILING) or −∞ (FLOOR). */
const divToward =
  (up: boolean): Rounding =>
  (n, d) => {
    const q = n / d;
    const r = n % d;
    if (r === 0n) return q;
    return up ? (n > 0n ? q + 1n : q) : n < 0n ? q - 1n : q;
  };

/**
 * floor/ceil: doubles to bigint (saturating), integrals unchanged as bigint, decimals to scale 0;
 * with a scale (`ceil(x, 2)`) the analyzer made x a decimal, rounded like round() but CEILING/FLOOR.
 */
function floorCeil(up: boolean): FunctionImpl {
  const scaled = rounding(divToward(up));
  return compiled((args, call, ctx) => {
    if (call.args.length > 1) return scaled.compile!(args, call, ctx);
    const t = argType(call, 0);
    switch (numericKind(t)) {
      case 'int':
      case 'long':
        return unary(args[0]!, (v: Long) => v);
      case 'float':
      case 'double':
        return unary(args[0]!, (v: number) => doubleToLong(up ? Math.ceil(v) : Math.floor(v)));
      case 'decimal': {
        const s = (t as DecimalType).scale;
        const div = pow10(s);
        return unary(args[0]!, (v: bigint) => {
          let q = v / div;
          const r = v % div;
          if (r !== 0n && up && v > 0n) q += 1n;
          if (r !== 0n && !up && v < 0n) q -= 1n;
          return q;
        });
      }
    }
  });
}

const abs = compiled((args, call) => {
  const t = resultType(call);
  switch (numericKind(t)) {
    case 'int': {
      const wrap = intWrap(t);
      return unary(args[0]!, (x: number) => wrap(Math.abs(x)));
    }
    case 'long':
      return unary(args[0]!, (x: Long) => (x < 0 ? negLong(x) : x));
    case 'float':
    case 'double':
      return unary(args[0]!, Math.abs);
    case 'decimal':
      return unary(args[0]!, (x: bigint) => (x < 0n ? -x : x));
  }
});

const FACTORIALS: number[] = [1];
for (let k = 1; k <= 20; k++) FACTORIALS.push(FACTORIALS[k - 1]! * k);
const FACTORIAL_BIG = FACTORIALS.map((_, k) => normLong(Array.from({ length: k }, (_, j) => BigInt(j + 1)).reduce((a, b) => a * b, 1n)));

/**
 * rand/randn: Spark's XORShiftRandom per expression instance, seeded with the literal
 * argument (plus partition index 0: a local relation is one partition).
 */
function random(gaussian: boolean): FunctionImpl {
  return compiled((_args, call: Call, ctx) => {
    // The seed is an INT or BIGINT literal; the analyzer widens an INT one with an implicit cast.
    const arg = call.args[0];
    const lit = arg?.kind === 'Cast' && arg.implicit ? literalArg({ ...call, args: [arg.child] }, 0) : literalArg(call, 0);
    const seed = lit && lit.value !== null ? (lit.value as number | bigint) : (ctx.randomSeed ?? Math.floor(Math.random() * 2 ** 52));
    const rng = new XorShiftRandom(seed);
    return () => (gaussian ? rng.nextGaussian() : rng.nextDouble());
  });
}

export const mathImpls: Record<string, FunctionImpl> = {
  abs,
  round: rounding(divHalfUp),
  bround: rounding(divHalfEven),
  floor: floorCeil(false),
  ceil: floorCeil(true),
  sqrt: d1(Math.sqrt),
  // java.lang.Math.cbrt and hypot are StrictMath's (fdlibm) in JDK 17
  cbrt: d1(strictCbrt),
  // Spark calls StrictMath.exp (fdlibm); V8's Math.exp differs in the last place
  exp: d1(strictExp),
  expm1: d1(Math.expm1),
  log10: d1(logOf(Math.log10)),
  log2: d1(logOf((x) => Math.log(x) / Math.LN2)),
  log1p: d1(logOf(Math.log1p, -1)),
  ln: d1(logOf(Math.log)),
  log: d2((base, x) => (base <= 0 || x <= 0 ? null : Math.log(x) / Math.log(base))),
  // HotSpot's intrinsics for java.lang.Math.sin/cos/tan round correctly where V8's are an ulp off
  sin: d1(javaSin),
  cos: d1(javaCos),
  tan: d1(javaTan),
  asin: d1(Math.asin),
  acos: d1(Math.acos),
  atan: d1(Math.atan),
  sinh: d1(Math.sinh),
  // java.lang.Math.cosh is StrictMath.cosh (fdlibm)
  cosh: d1(strictCosh),
  tanh: d1(Math.tanh),
  // Spark's own formulas over StrictMath.log/log1p (not java.lang.Math's asinh, which it lacks):
  // asinh(-1e10) is -Infinity and asinh(-1e300) Infinity there, as here
  asinh: d1((x) => (x === -Infinity ? x : Math.log(x + Math.sqrt(x * x + 1)))),
  acosh: d1((x) => Math.log(x + Math.sqrt(x * x - 1))),
  atanh: d1((x) => 0.5 * (Math.log1p(x) - Math.log1p(-x))),
  degrees: d1((x) => x * 57.29577951308232),
  radians: d1((x) => x * 0.017453292519943295),
  signum: d1((x) => (Number.isNaN(x) ? NaN : x > 0 ? 1 : x < 0 ? -1 : x)),
  rint: d1(rint),
  // Spark's Pow calls StrictMath.pow (fdlibm)
  pow: d2(strictPow),
  atan2: d2(Math.atan2),
  hypot: d2(strictHypot),
  pi: scalar(() => Math.PI),
  e: scalar(() => Math.E),
  factorial: scalar((a) => {
    const n = a[0] as number;
    return n < 0 || n > 20 ? null : FACTORIAL_BIG[n];
  }),
  rand: random(false),
  randn: random(true),
};
