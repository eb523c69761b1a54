/**
 * JDK 17's `Float.toString` (FloatingDecimal's digit generator, replaced in JDK 19) develops the
 * digits of some floats in 64-bit arithmetic: value = b/s, with m the half-interval, all scaled by
 * powers of 2 and 5, and each step multiplying the remainder b and m by ten. The width test that
 * picks 64-bit arithmetic bounds b and 10·s but not m, and m grows tenfold a digit: for some
 * floats above 2^63 (2^83, 7·2^83) m wraps around 2^63, the "inside the interval" tests read the
 * wrapped value, the loop stops early and the last digit is the farther one (2^83 prints
 * 9.6714065E24 where the nearer 8-digit decimal is 9.6714066E24).
 *
 * This module replays that arithmetic (with 64-bit wrap-around) and reports its digits only
 * when a wrap happened; otherwise the exact rules of jdk17-double-digits.ts hold.
 */
import type { DecimalDigits } from './jdk17-double-digits.js';

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

/** Bits of 5^i (0 for i = 0), Java's N_5_BITS table, which covers 5^0..5^26. */
function fiveBits(i: number): number {
  if (i === 0) return 0;
  if (i > 26) return i * 3;
  return (5n ** BigInt(i)).toString(2).length;
}

/**
 * The digits JDK 17 prints for a positive normal float `mantissa · 2^(binExp-23)` (mantissa with
 * its hidden bit, 24 bits) when its 64-bit digit loop overflows; undefined when it does not.
 * `decExp` is Java's estimate of the decimal exponent (floor of log10), isCompatibleFormat true.
 */
export function jdk17FloatOverflowDigits(mantissa: number, binExp: number, decExpEstimate: number): DecimalDigits | undefined {
  let tailZeros = 0;
  while (((mantissa >>> tailZeros) & 1) === 0) tailZeros++;
  const nFractBits = 24 - tailZeros;
  const nTinyBits = Math.max(0, nFractBits - binExp - 1);
  if (binExp <= 62) return undefined; // exact-integer and small cases take other paths
  let decExp = decExpEstimate;
  const b5 = Math.max(0, -decExp);
  let b2 = b5 + nTinyBits + binExp;
  const s5 = Math.max(0, decExp);
  let s2 = s5 + nTinyBits;
  const m5 = b5;
  let m2 = b2 - 24;
  const fract = BigInt(mantissa >>> tailZeros);
  b2 -= nFractBits - 1;
  const common = Math.min(b2, s2);
  b2 -= common;
  s2 -= common;
  m2 -= common;
  if (nFractBits === 1) m2 -= 1;
  if (m2 < 0) {
    b2 -= m2;
    s2 -= m2;
    m2 = 0;
  }
  const bBits = nFractBits + b2 + fiveBits(b5);
  const tenSBits = s2 + 1 + fiveBits(s5 + 1);
  // Only the 64-bit path (not the 32-bit one, not the big-integer one) can wrap.
  if (!(bBits < 64 && tenSBits < 64) || (bBits < 32 && tenSBits < 32)) return undefined;
  let b = wrap((fract * 5n ** BigInt(b5)) << BigInt(b2));
  const s = wrap(5n ** BigInt(s5) << BigInt(s2));
  let m = wrap(5n ** BigInt(m5) << BigInt(m2));
  const tens = wrap(s * 10n);
  let wrapped = false;
  const times10 = (v: bigint): bigint => {
    const r = wrap(v * 10n);
    if (r !== v * 10n) wrapped = true;
    return r;
  };
  const sum = (x: bigint, y: bigint): bigint => {
    const r = wrap(x + y);
    if (r !== x + y) wrapped = true;
    return r;
  };
  const digits: number[] = [];
  let q = Number(b / s);
  b = times10(b % s);
  m = times10(m);
  let low = b < m;
  let high = sum(b, m) > tens;
  if (q === 0 && !high) decExp--;
  else digits.push(q);
  if (decExp < -3 || decExp >= 8) high = low = false;
  while (!low && !high) {
    q = Number(b / s);
    b = times10(b % s);
    m = times10(m);
    if (m > 0n) {
      low = b < m;
      high = sum(b, m) > tens;
    } else {
      low = high = true;
    }
    digits.push(q);
  }
  if (!wrapped) return undefined;
  const lowDigitDifference = wrap((b << 1n) - tens);
  let exp = decExp; // of the first digit
  if (high && (!low || lowDigitDifference > 0n || (lowDigitDifference === 0n && digits[digits.length - 1]! % 2 === 1))) {
    // Round the last digit up, carrying.
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === 9) digits[i--] = 0;
    if (i < 0) {
      digits.length = 1;
      digits[0] = 1;
      exp++;
    } else digits[i]!++;
  }
  let text = digits.join('');
  while (text.length > 1 && text.endsWith('0')) text = text.slice(0, -1);
  return { digits: text, exp };
}
