/**
 * sin, cos and tan as Spark computes them. Spark's Sin/Cos/Tan call java.lang.Math, which
 * HotSpot on x86_64 replaces by intrinsics (Intel's libm) that return the correctly rounded
 * result on nearly every input; V8's Math.sin/cos/tan (and StrictMath, both fdlibm) are one
 * ulp off on a few percent of inputs (cos(0.1): Spark 0.9950041652780258, V8
 * 0.9950041652780257). So these are evaluated in double-double and rounded once:
 *
 *   1. reduce x = k·π/2 + r, |r| ≲ π/4, with r in double-double: Cody-Waite with π/2 cut in
 *      32-bit pieces (k·piece exact) below 2^20, and an exact BigInt product with 2/π
 *      (Payne-Hanek) above, where the cancellation can reach 2^-61 of x;
 *   2. sin r and cos r by their Taylor series in r² (31st power: below 2^-118; the small
 *      high-order terms in plain doubles);
 *   3. pick by k mod 4 (tan = sin/cos), round hi + lo to the nearest double.
 *
 * Intel's libm is not correctly rounded everywhere (Spark's cos(-3.9672511729194886) is
 * -0.678073104618275, the correctly rounded value -0.6780731046182749): such inputs still
 * differ (KNOWN_GAPS.md).
 */
import { bigToDD, ddAdd, ddAddD, ddDiv, ddMul, ddNeg, twoSum, type DD } from './double-double.js';
import { highWord, lowWord } from './fdlibm.js';

/** Bits of π kept: enough for 2/π to 2^-1280 (Payne-Hanek reaches 2^-1216 for the largest doubles). */
const PI_BITS = 1600n;

/** floor(π · 2^PI_BITS) by Machin's formula π = 16·atan(1/5) − 4·atan(1/239). */
function piScaled(): bigint {
  const guard = 32n;
  const one = 1n << (PI_BITS + guard);
  const atanInv = (n: bigint): bigint => {
    let sum = 0n;
    let power = one / n; // one / n^(2i+1)
    const n2 = n * n;
    for (let i = 0n; power !== 0n; i++) {
      const term = power / (2n * i + 1n);
      sum += i % 2n === 0n ? term : -term;
      power /= n2;
    }
    return sum;
  };
  return (16n * atanInv(5n) - 4n * atanInv(239n)) >> guard;
}

interface Tables {
  /** floor(2/π · 2^TWO_OVER_PI_BITS). */
  twoOverPi: bigint;
  /** π/2 cut in pieces of at most 32 significant bits each (Cody-Waite). */
  pio2Pieces: number[];
  pio2: DD;
  /** (−1)^i/(2i+1)! and (−1)^i/(2i)! for i = 0..15. */
  sinCoefficients: DD[];
  cosCoefficients: DD[];
}

const TWO_OVER_PI_BITS = 1280n;
let tables: Tables | undefined;

function buildTables(): Tables {
  const pi = piScaled();
  const twoOverPi = (1n << (TWO_OVER_PI_BITS + PI_BITS + 1n)) / pi;
  // π/2 = pi · 2^-(PI_BITS+1); its leading bit is the units bit.
  const pio2Scale = PI_BITS + 1n;
  const pio2Pieces: number[] = [];
  let rest = pi;
  for (let i = 1n; i <= 6n; i++) {
    const shift = pio2Scale - 32n * i + 1n;
    const piece = rest >> shift;
    rest -= piece << shift;
    pio2Pieces.push(Number(piece) * 2 ** -Number(32n * i - 1n));
  }
  const factorials: bigint[] = [1n];
  for (let n = 1n; n <= 31n; n++) factorials.push(factorials[factorials.length - 1]! * n);
  const inverse = (n: number, negative: boolean): DD => {
    const c = bigToDD((1n << 400n) / factorials[n]!, 400);
    return negative ? ddNeg(c) : c;
  };
  const sinCoefficients: DD[] = [];
  const cosCoefficients: DD[] = [];
  for (let i = 0; i <= 15; i++) {
    sinCoefficients.push(inverse(2 * i + 1, i % 2 === 1));
    cosCoefficients.push(inverse(2 * i, i % 2 === 1));
  }
  return { twoOverPi, pio2Pieces, pio2: bigToDD(pi, Number(pio2Scale)), sinCoefficients, cosCoefficients };
}

const PI_OVER_4 = Math.PI / 4;
const TWO_OVER_PI = 2 / Math.PI;
const CODY_WAITE_LIMIT = 2 ** 20;

/** x = quadrant·π/2 + r for finite x ≥ π/4. */
function reduce(x: number, t: Tables): { quadrant: number; r: DD } {
  if (x < CODY_WAITE_LIMIT) {
    const k = Math.round(x * TWO_OVER_PI);
    let r = twoSum(x, -k * t.pio2Pieces[0]!);
    for (let i = 1; i < t.pio2Pieces.length; i++) r = ddAddD(r, -k * t.pio2Pieces[i]!);
    return { quadrant: k % 4, r };
  }
  // x = mantissa · 2^exponent exactly (x ≥ 2^20 is normal).
  const hi = highWord(x);
  const exponent = ((hi >>> 20) & 0x7ff) - 1075;
  const mantissa = (BigInt((hi & 0xfffff) | 0x100000) << 32n) | BigInt(lowWord(x) >>> 0);
  // x·2/π = product · 2^-shift, correct far beyond the 192 fraction bits kept.
  const product = mantissa * t.twoOverPi;
  const shift = TWO_OVER_PI_BITS - BigInt(exponent);
  let quadrant = Number((product >> shift) & 3n);
  let fraction = (product & ((1n << shift) - 1n)) >> (shift - 192n);
  if (fraction >= 1n << 191n) {
    // Past one half: round to the next multiple of π/2, the remainder is negative.
    fraction -= 1n << 192n;
    quadrant = (quadrant + 1) % 4;
  }
  return { quadrant, r: ddMul(bigToDD(fraction, 192), t.pio2) };
}

/**
 * Σ coefficients[i]·z^i by Horner's rule. From z^6 on (|r| ≤ π/4) the terms are
 * below 2^-33 and summed in plain doubles (error under 2^-85 of the result); the rest in double-double.
 */
function series(z: DD, coefficients: DD[]): DD {
  let tail = coefficients[coefficients.length - 1]![0];
  for (let i = coefficients.length - 2; i >= DOUBLE_TERMS_FROM; i--) tail = tail * z[0] + coefficients[i]![0];
  let p: DD = [tail, 0];
  for (let i = DOUBLE_TERMS_FROM - 1; i >= 0; i--) p = ddAdd(ddMul(p, z), coefficients[i]!);
  return p;
}
const DOUBLE_TERMS_FROM = 6;

/** sin r and cos r for |r| ≲ π/4. */
function kernel(r: DD, t: Tables): { sin: DD; cos: DD } {
  const z = ddMul(r, r);
  return { sin: ddMul(r, series(z, t.sinCoefficients)), cos: series(z, t.cosCoefficients) };
}

/** Below 2^-27 the correctly rounded sin and tan are x, and cos is 1. */
const TINY = 2 ** -27;

type Which = 'sin' | 'cos' | 'tan';

function evaluate(x: number, which: Which): number {
  if (!Number.isFinite(x)) return NaN;
  const a = Math.abs(x);
  if (a < TINY) return which === 'cos' ? 1 : x;
  const t = (tables ??= buildTables());
  const { quadrant, r } = a <= PI_OVER_4 ? { quadrant: 0, r: [a, 0] as DD } : reduce(a, t);
  const { sin, cos } = kernel(r, t);
  let v: DD;
  if (which === 'tan') v = quadrant % 2 === 0 ? ddDiv(sin, cos) : ddNeg(ddDiv(cos, sin));
  else {
    // sin(r + qπ/2) and cos(r + qπ/2) cycle through sin, cos, −sin, −cos.
    const q = which === 'sin' ? quadrant : (quadrant + 1) % 4;
    v = q === 0 ? sin : q === 1 ? cos : q === 2 ? ddNeg(sin) : ddNeg(cos);
  }
  const result = v[0] + v[1];
  return which !== 'cos' && x < 0 ? -result : result;
}

/** java.lang.Math.sin as HotSpot computes it on x86_64 (correctly rounded). */
export function javaSin(x: number): number {
  return evaluate(x, 'sin');
}

/** java.lang.Math.cos as HotSpot computes it on x86_64 (correctly rounded). */
export function javaCos(x: number): number {
  return evaluate(x, 'cos');
}

/** java.lang.Math.tan as HotSpot computes it on x86_64 (correctly rounded). */
export function javaTan(x: number): number {
  return evaluate(x, 'tan');
}
