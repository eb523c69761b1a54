/**
 * The DataSketches HLL estimators, from their published definitions: the
 * coupon-count mapping (LIST and SET modes), and the composite estimator used
 * once a sketch is out of order (after unions): a raw HLL estimate corrected by
 * cubic interpolation in per-lgK tables, blended with the linear-counting
 * (bitmap) estimate at small fill.
 */
import { COMPOSITE_X_TABLES, COMPOSITE_Y_STRIDES, COUPON_MAPPING_X, COUPON_MAPPING_Y } from './tables.js';

/** Lagrange cubic through four points, evaluated at x (terms summed in this order). */
function cubic(xs: readonly number[], ys: readonly number[], x: number): number {
  let sum = 0;
  for (let i = 0; i < 4; i++) {
    let num = 1;
    let den = 1;
    for (let j = 0; j < 4; j++) {
      if (j === i) continue;
      num *= x - xs[j]!;
      den *= xs[i]! - xs[j]!;
    }
    sum += (ys[i]! * num) / den;
  }
  return sum;
}

/** The index i with xs[i] <= x < xs[i + 1], by the same bisection DataSketches uses. */
function straddle(xs: readonly number[], x: number): number {
  let left = 0;
  let right = xs.length - 1;
  while (left + 1 !== right) {
    const middle = left + ((right - left) >> 1);
    if (xs[middle]! <= x) left = middle;
    else right = middle;
  }
  return left;
}

/** The 4-point window around x's straddle, clamped at both ends. */
function windowStart(xs: readonly number[], x: number): number {
  const offset = straddle(xs, x);
  if (offset === 0) return 0;
  if (offset === xs.length - 2) return offset - 2;
  return offset - 1;
}

function interpolate(xs: readonly number[], y: (i: number) => number, x: number): number {
  if (x === xs[xs.length - 1]) return y(xs.length - 1);
  const at = windowStart(xs, x);
  return cubic(xs.slice(at, at + 4), [0, 1, 2, 3].map((k) => y(at + k)), x);
}

/** LIST and SET modes: the coupon count mapped through the coupon table, never below the count. */
export function couponEstimate(count: number): number {
  return Math.max(
    interpolate(COUPON_MAPPING_X, (i) => COUPON_MAPPING_Y[i]!, count),
    count,
  );
}

const EULER_GAMMA = 0.57721566490153286;
const EXACT_HARMONIC = [0, 1, 1.5, 11 / 6, 25 / 12, 137 / 60, 49 / 20, 363 / 140, 761 / 280, 7129 / 2520, 7381 / 2520, 83711 / 27720, 86021 / 27720,
  1145993 / 360360, 1171733 / 360360, 1195757 / 360360, 2436559 / 720720, 42142223 / 12252240, 14274301 / 4084080, 275295799 / 77597520,
  55835135 / 15519504, 18858053 / 5173168, 19093197 / 5173168, 444316699 / 118982864, 1347822955 / 356948592];

/** H(n): exact below 25, else the asymptotic series to the n^-8 term. */
function harmonic(n: number): number {
  if (n < EXACT_HARMONIC.length) return EXACT_HARMONIC[n]!;
  const invSq = 1 / (n * n);
  let sum = Math.log(n) + EULER_GAMMA + 1 / (2 * n);
  let pow = invSq;
  sum -= pow * (1 / 12);
  pow *= invSq;
  sum += pow * (1 / 120);
  pow *= invSq;
  sum -= pow * (1 / 252);
  pow *= invSq;
  sum += pow * (1 / 240);
  return sum;
}

function bitmapEstimate(lgK: number, curMin: number, numAtCurMin: number): number {
  const k = 1 << lgK;
  const unhit = curMin === 0 ? numAtCurMin : 0;
  if (unhit === 0) return k * Math.log(k / 0.5);
  return k * (harmonic(k) - harmonic(unhit));
}

function rawEstimate(lgK: number, kxqSum: number): number {
  const k = 1 << lgK;
  const factor = lgK === 4 ? 0.673 : lgK === 5 ? 0.697 : lgK === 6 ? 0.709 : 0.7213 / (1 + 1.079 / k);
  return (factor * k * k) / kxqSum;
}

/** The composite estimate of an HLL-mode sketch's registers summary. */
export function compositeEstimate(lgK: number, kxq0: number, kxq1: number, curMin: number, numAtCurMin: number): number {
  const raw = rawEstimate(lgK, kxq0 + kxq1);
  const xs = COMPOSITE_X_TABLES[lgK - 4]!;
  const stride = COMPOSITE_Y_STRIDES[lgK - 4]!;
  const last = xs.length - 1;
  if (raw < xs[0]!) return 0;
  if (raw > xs[last]!) return raw * ((stride * last) / xs[last]!);
  const adjusted = interpolate(xs, (i) => stride * i, raw);
  if (adjusted > 3 * (1 << lgK)) return adjusted;
  const linear = bitmapEstimate(lgK, curMin, numAtCurMin);
  const crossOver = lgK === 4 ? 0.718 : lgK === 5 ? 0.672 : 0.64;
  return (adjusted + linear) / 2 > crossOver * (1 << lgK) ? adjusted : linear;
}
