/**
 * Spark evaluates exp (and cosh, hypot, cbrt) through java.lang.StrictMath, which is defined as fdlibm 5.3's
 * algorithm bit for bit. V8's Math.exp rounds differently in the last place
 * (exp(1): V8 2.718281828459045, StrictMath 2.7182818284590455), so the
 * interpreter carries its own implementation of the published fdlibm method:
 *
 *   1. reduce x = k·ln2 + r with |r| ≤ ln2/2, ln2 split in a high part (exact
 *      product with k) and a low correction;
 *   2. approximate exp(r) with the rational form 1 + 2r/(R(r) − r), where
 *      R(r) = r − r²·(P1 + r²·(P2 + … + r²·P5)) is fdlibm's Remez polynomial;
 *   3. scale by 2^k by adding k to the exponent field.
 */

const buf = new DataView(new ArrayBuffer(8));

/** The high 32 bits of x's IEEE 754 encoding, as a signed int (fdlibm's __HI). */
export function highWord(x: number): number {
  buf.setFloat64(0, x);
  return buf.getInt32(0);
}

/** The low 32 bits, as a signed int (fdlibm's __LO). */
export function lowWord(x: number): number {
  buf.setFloat64(0, x);
  return buf.getInt32(4);
}

/** The double whose high 32 bits are `hi` and low 32 bits `lo`. */
export function fromWords(hi: number, lo: number): number {
  buf.setInt32(0, hi);
  buf.setInt32(4, lo);
  return buf.getFloat64(0);
}

/** x with `k` added to its binary exponent (x normal, result normal). */
function addExponent(x: number, k: number): number {
  buf.setFloat64(0, x);
  buf.setInt32(0, buf.getInt32(0) + (k << 20));
  return buf.getFloat64(0);
}

const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.44269504088896338700;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;
const OVERFLOW_THRESHOLD = 7.09782712893383973096e2;
const UNDERFLOW_THRESHOLD = -7.45133219101941108420e2;
const TWO_M1000 = 2 ** -1000;

/** StrictMath.exp. */
export function strictExp(x: number): number {
  if (Number.isNaN(x)) return x;
  const hx = highWord(x) & 0x7fffffff;
  const negative = x < 0;
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78: infinities, overflow and total underflow
    if (x === Infinity) return Infinity;
    if (x === -Infinity) return 0;
    if (x > OVERFLOW_THRESHOLD) return Infinity;
    if (x < UNDERFLOW_THRESHOLD) return 0;
  }
  let k = 0;
  let hi = 0;
  let lo = 0;
  let r = x;
  if (hx > 0x3fd62e42) {
    // |x| > ln2/2: argument reduction
    if (hx < 0x3ff0a2b2) {
      // |x| < 1.5·ln2: k is ±1
      hi = negative ? x + LN2_HI : x - LN2_HI;
      lo = negative ? -LN2_LO : LN2_LO;
      k = negative ? -1 : 1;
    } else {
      k = Math.trunc(INV_LN2 * x + (negative ? -0.5 : 0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    r = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28: exp(x) rounds to 1 + x
    return 1 + x;
  }
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  return k >= -1021 ? addExponent(y, k) : addExponent(y, k + 1000) * TWO_M1000;
}

const LN_MAX_DOUBLE = 7.09782712893383973096e2;
const COSH_OVERFLOW = 7.10475860073943863426e2;

/**
 * StrictMath.cosh, fdlibm's method over |x|: 1 + t²/(2(1+t)) with t = expm1(|x|)
 * below ln2/2, (e + 1/e)/2 below 22, e/2 up to ln(MAX_VALUE), then exp(|x|/2)²/2.
 * (V8's Math.expm1 is fdlibm's own, verified against Spark.)
 */
export function strictCosh(x: number): number {
  if (Number.isNaN(x)) return x;
  const a = Math.abs(x);
  if (a === Infinity) return Infinity;
  const ix = highWord(a);
  if (ix < 0x3fd62e43) {
    const t = Math.expm1(a);
    const w = 1 + t;
    if (ix < 0x3c800000) return w;
    return 1 + (t * t) / (w + w);
  }
  if (ix < 0x40360000) {
    const t = strictExp(a);
    return 0.5 * t + 0.5 / t;
  }
  if (a <= LN_MAX_DOUBLE) return 0.5 * strictExp(a);
  if (a <= COSH_OVERFLOW) {
    const w = strictExp(0.5 * a);
    const t = 0.5 * w;
    return t * w;
  }
  return Infinity;
}

const TWO_600_HIGH = 0x25800000; // 600 << 20: scaling by 2^±600 through the exponent field

/**
 * StrictMath.hypot (java.lang.Math.hypot delegates to it), fdlibm's method:
 * order |x| ≥ |y|; if they are 2^60 apart the sum is the answer; scale both by
 * 2^±600 (2^1022 for a subnormal) into the middle range; then take sqrt of
 * a² + b² written so that the large products are exact (the operands are split
 * into a 20-bit high part and the rest), and scale back.
 */
export function strictHypot(x: number, y: number): number {
  let ha = highWord(x) & 0x7fffffff;
  let hb = highWord(y) & 0x7fffffff;
  let a = Math.abs(x);
  let b = Math.abs(y);
  if (hb > ha) {
    [a, b] = [b, a];
    [ha, hb] = [hb, ha];
  }
  if (ha - hb > 0x3c00000) return a + b; // a/b > 2^60
  let k = 0;
  if (ha > 0x5f300000) {
    // a > 2^500
    if (ha >= 0x7ff00000) {
      // an infinity wins over a NaN
      if (a === Infinity || b === Infinity) return Infinity;
      return a + b;
    }
    ha -= TWO_600_HIGH;
    hb -= TWO_600_HIGH;
    k += 600;
    a = fromWords(ha, lowWord(a));
    b = fromWords(hb, lowWord(b));
  }
  if (hb < 0x20b00000) {
    // b < 2^-500
    if (hb <= 0x000fffff) {
      // b subnormal or zero
      if (b === 0) return a;
      const t = 2 ** 1022;
      a *= t;
      b *= t;
      k -= 1022;
      // fdlibm keeps the unscaled high words for the split below (still exact
      // algebra, different rounding); StrictMath reproduces that, so do we
    } else {
      ha += TWO_600_HIGH;
      hb += TWO_600_HIGH;
      k -= 600;
      a = fromWords(ha, lowWord(a));
      b = fromWords(hb, lowWord(b));
    }
  }
  let w = a - b;
  if (w > b) {
    const t1 = fromWords(ha, 0);
    const t2 = a - t1;
    w = Math.sqrt(t1 * t1 - (b * -b - t2 * (a + t1)));
  } else {
    a = a + a;
    const y1 = fromWords(hb, 0);
    const y2 = b - y1;
    const t1 = fromWords(ha + 0x00100000, 0);
    const t2 = a - t1;
    w = Math.sqrt(t1 * y1 - (w * -w - (t1 * y2 + t2 * b)));
  }
  return k === 0 ? w : fromWords(0x3ff00000 + (k << 20), 0) * w;
}

const CBRT_B1 = 715094163; // (682 − 0.03306235651)·2^20
const CBRT_B2 = 696219795; // (664 − 0.03306235651)·2^20
const CBRT_C = 5.42857142857142815906e-1; // 19/35
const CBRT_D = -7.05306122448979611050e-1; // −864/1225
const CBRT_E = 1.41428571428571436819; // 99/70
const CBRT_F = 1.60714285714285720630; // 45/28
const CBRT_G = 3.57142857142857150787e-1; // 5/14

/**
 * StrictMath.cbrt (java.lang.Math.cbrt delegates to it in JDK 17), fdlibm's method
 * over |x|: a 5-bit guess from dividing the exponent bits by 3, a rational step
 * to 23 bits, chopped to 20 bits and nudged above the root, then one Newton step.
 */
export function strictCbrt(x: number): number {
  const hxSigned = highWord(x);
  const negative = hxSigned < 0;
  const hx = hxSigned & 0x7fffffff;
  if (hx >= 0x7ff00000) return x + x; // NaN, ±Infinity
  if (x === 0) return x; // ±0
  const ax = Math.abs(x);
  let t: number;
  if (hx < 0x00100000) {
    // subnormal: scale by 2^54 first
    const s = 2 ** 54 * ax;
    t = fromWords(Math.trunc(highWord(s) / 3) + CBRT_B2, lowWord(s));
  } else {
    t = fromWords(Math.trunc(hx / 3) + CBRT_B1, 0);
  }
  let r = (t * t) / ax;
  let s = CBRT_C + r * t;
  t *= CBRT_G + CBRT_F / (s + CBRT_E + CBRT_D / s);
  t = fromWords(highWord(t) + 1, 0);
  s = t * t;
  r = ax / s;
  const w = t + t;
  r = (r - t) / (w + r);
  t = t + t * r;
  return negative ? -t : t;
}
