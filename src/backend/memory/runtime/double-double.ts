/**
 * Double-double arithmetic: a value is the unevaluated sum hi + lo of two doubles with
 * |lo| ≤ ulp(hi)/2, about 106 bits of precision. Used where a result must be rounded to a
 * double correctly (runtime/java-trig.ts), which plain double arithmetic cannot promise.
 * The algorithms are the classic error-free transformations (Knuth's two-sum, Dekker's
 * split and product) and the usual double-double add, multiply and divide built on them.
 */

export type DD = readonly [hi: number, lo: number];

/** a + b exactly, as the rounded sum and its rounding error (Knuth). */
export function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** a + b exactly when |a| ≥ |b| (Dekker's fast two-sum). */
export function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

/** 2^27 + 1: splits a double into two halves of 26 bits each. */
const SPLITTER = 134217729;

/** a · b exactly, as the rounded product and its rounding error (Dekker; |a|, |b| < 2^996). */
export function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

// The operations below inline two-sum and two-product (no tuple per step): the trig functions
// run a few dozen of them per value.

export function ddAdd(a: DD, b: DD): DD {
  // (s1, s2) = twoSum(a.hi, b.hi), (t1, t2) = twoSum(a.lo, b.lo), then two renormalizations.
  const s1 = a[0] + b[0];
  let bb = s1 - a[0];
  let s2 = a[0] - (s1 - bb) + (b[0] - bb);
  const t1 = a[1] + b[1];
  bb = t1 - a[1];
  const t2 = a[1] - (t1 - bb) + (b[1] - bb);
  s2 += t1;
  const u1 = s1 + s2;
  const u2 = s2 - (u1 - s1) + t2;
  const hi = u1 + u2;
  return [hi, u2 - (hi - u1)];
}

/** A double-double plus a double. */
export function ddAddD(a: DD, b: number): DD {
  const s1 = a[0] + b;
  const bb = s1 - a[0];
  const s2 = a[0] - (s1 - bb) + (b - bb) + a[1];
  const hi = s1 + s2;
  return [hi, s2 - (hi - s1)];
}

export function ddMul(a: DD, b: DD): DD {
  const x = a[0];
  const y = b[0];
  const p = x * y;
  let t = SPLITTER * x;
  const xh = t - (t - x);
  const xl = x - xh;
  t = SPLITTER * y;
  const yh = t - (t - y);
  const yl = y - yh;
  const e = xh * yh - p + xh * yl + xl * yh + xl * yl + (x * b[1] + a[1] * y);
  const hi = p + e;
  return [hi, e - (hi - p)];
}

export function ddNeg(a: DD): DD {
  return [-a[0], -a[1]];
}

/** a / b by three rounds of long division. */
export function ddDiv(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = ddAdd(a, ddNeg(ddMul(b, [q1, 0])));
  const q2 = r[0] / b[0];
  r = ddAdd(r, ddNeg(ddMul(b, [q2, 0])));
  const q3 = r[0] / b[0];
  return ddAddD(quickTwoSum(q1, q2), q3);
}

/** n · 2^-scale as a double-double (n may have any number of bits; the result must be a normal double). */
export function bigToDD(n: bigint, scale: number): DD {
  const negative = n < 0n;
  let m = negative ? -n : n;
  // Keep 160 bits: more than the 106 a double-double holds, so hi and lo round from an exact value.
  const excess = m.toString(2).length - 160;
  if (excess > 0) {
    m >>= BigInt(excess);
    scale -= excess;
  }
  const hi = Number(m);
  const lo = Number(m - BigInt(hi));
  const unit = 2 ** -scale;
  return negative ? [-hi * unit, -lo * unit] : [hi * unit, lo * unit];
}
