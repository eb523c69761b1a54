/**
 * Decimal values are held as a bigint unscaled value plus the scale carried
 * by their DecimalType (12.50 in decimal(4,2) is 1250n). These helpers do the
 * exact arithmetic Spark's `Decimal` does, with HALF_UP rounding whenever the
 * scale shrinks and null on precision overflow.
 */
import type { DecimalType } from '../../../types/data-types.js';
import { javaDoubleToString } from '../../../format/value-string.js';
import { normLong, type Long } from './long.js';

const POW10: bigint[] = [1n];
/** 10^n as a bigint (cached). */
export function pow10(n: number): bigint {
  while (POW10.length <= n) POW10.push(POW10[POW10.length - 1]! * 10n);
  return POW10[n]!;
}

const abs = (v: bigint): bigint => (v < 0n ? -v : v);

/** Integer division rounding to nearest; `awayOnTie(q)` decides a tie against the truncated quotient `q`. */
function divRounded(n: bigint, d: bigint, awayOnTie: (q: bigint) => boolean): bigint {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const twice = abs(r) * 2n;
  if (twice > d || (twice === d && awayOnTie(q))) return n < 0n ? q - 1n : q + 1n;
  return q;
}

/** Integer division rounding HALF_UP (away from zero on ties). */
export function divHalfUp(n: bigint, d: bigint): bigint {
  return divRounded(n, d, () => true);
}

/** Integer division rounding HALF_EVEN (banker's rounding, for `bround`). */
export function divHalfEven(n: bigint, d: bigint): bigint {
  return divRounded(n, d, (q) => q % 2n !== 0n);
}

/** Changes the scale of an unscaled value, rounding HALF_UP when it shrinks. */
export function rescale(v: bigint, from: number, to: number): bigint {
  if (to === from) return v;
  if (to > from) return v * pow10(to - from);
  return divHalfUp(v, pow10(from - to));
}

/** True when the unscaled value has at most `precision` digits. */
export function fitsPrecision(v: bigint, precision: number): boolean {
  return abs(v) < pow10(precision);
}

/** Rescales to the target type; null when the result does not fit its precision (non-ANSI overflow). */
export function toDecimalType(v: bigint, fromScale: number, to: DecimalType): bigint | null {
  const r = rescale(v, fromScale, to.scale);
  return fitsPrecision(r, to.precision) ? r : null;
}

/** A parsed decimal literal: `unscaled * 10^-scale` (scale may be negative). */
export interface ParsedDecimal {
  readonly unscaled: bigint;
  readonly scale: number;
}

const DECIMAL_RE = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses Java BigDecimal syntax (`-12.5`, `1e3`, `.5`); undefined when invalid. */
export function parseDecimal(text: string): ParsedDecimal | undefined {
  const m = DECIMAL_RE.exec(text);
  if (!m) return undefined;
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  if (intPart.length === 0 && frac.length === 0) return undefined;
  const exp = m[4] ? Number(m[4]) : 0;
  if (!Number.isFinite(exp) || Math.abs(exp) > 100000) return undefined;
  let unscaled = BigInt((intPart + frac) || '0');
  if (m[1] === '-') unscaled = -unscaled;
  return { unscaled, scale: frac.length - exp };
}

/** Brings a parsed decimal to the type's scale and checks its precision. */
export function parsedToDecimal(p: ParsedDecimal, to: DecimalType): bigint | null {
  let v: bigint;
  if (p.scale < 0) v = p.unscaled * pow10(-p.scale) * pow10(to.scale);
  else v = rescale(p.unscaled, p.scale, to.scale);
  return fitsPrecision(v, to.precision) ? v : null;
}

/** Exact decimal → double (correctly rounded, like BigDecimal.doubleValue). */
export function decimalToDouble(v: bigint, scale: number): number {
  return scale === 0 ? Number(v) : Number(`${v}e${-scale}`);
}

/** double → decimal via Java's `Double.toString` digits (Spark's `Decimal(d)`, JDK 17's digits); NaN/Inf → null. */
export function doubleToDecimal(d: number, to: DecimalType): bigint | null {
  if (!Number.isFinite(d)) return null;
  const p = parseDecimal(javaDoubleToString(d));
  return p ? parsedToDecimal(p, to) : null;
}

/** Truncates toward zero and wraps to 64 bits (Decimal.toLong). */
export function decimalToLong(v: bigint, scale: number): Long {
  return normLong(scale === 0 ? v : v / pow10(scale));
}

/** Plain (non-scientific) text of a decimal, e.g. `-0.050`. */
export function decimalToPlainString(v: bigint, scale: number): string {
  if (scale <= 0) return (v * pow10(-scale)).toString();
  const neg = v < 0n;
  const digits = abs(v).toString().padStart(scale + 1, '0');
  const s = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  return neg ? `-${s}` : s;
}

/** Compares two decimals of possibly different scales. */
export function compareDecimal(a: bigint, sa: number, b: bigint, sb: number): number {
  if (sa !== sb) {
    if (sa < sb) a *= pow10(sb - sa);
    else b *= pow10(sa - sb);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
