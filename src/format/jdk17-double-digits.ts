/**
 * The digits JDK 17's `Double.toString` / `Float.toString` print (the Spark 3.5 server's JDK).
 * Before JDK 19 they are not always the shortest round-trip digits; the two rules below were
 * derived from Spark 3.5.7's `CAST(x AS STRING)` over thousands of sampled values
 * (test/format/jdk17-double-digits.test.ts):
 *
 * 1. An integer-valued number below 2^63 prints its exact integer digits, rounded half up at
 *    10^k where k = floor((binExp - n - 1) · log10 2) for n significant bits (53 for a double,
 *    24 for a float; 0 when that is below 2): `pow(1.5, 100)` prints 4.0656117753521523E17.
 * 2. Otherwise the digits are the shortest that lie strictly inside the rounding interval
 *    (half an ulp each side, a quarter below and above for a power of two): a decimal exactly on
 *    the interval's edge does not count, so 7.36e23, whose double is 7.36e23 + ulp/2, prints
 *    7.360000000000001E23. Ties between two candidates go to the even last digit, and a number
 *    in E-form gets at least two digits when Java's exponent guess is right (estimatedExponent).
 *
 * Some floats above 2^63 break rule 2 through an overflow in Java's arithmetic
 * (jdk17-float-overflow.ts).
 */

import { jdk17FloatOverflowDigits } from './jdk17-float-overflow.js';

export interface DecimalDigits {
  /** Significant digits without trailing zeros (at least one digit). */
  readonly digits: string;
  /** Decimal exponent of the first digit: value = d.ddd × 10^exp. */
  readonly exp: number;
}

const LOG10_2 = Math.log10(2);
const scratch = new DataView(new ArrayBuffer(8));

/** Digits of a finite, positive double as JDK 17's `Double.toString` prints them. */
export function jdk17DoubleDigits(x: number): DecimalDigits {
  const view = scratch;
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  const fractionIsZero = (high & 0xfffff) === 0 && view.getUint32(4) === 0;
  if (biased !== 0 && !fractionIsZero && (x < 2 ** 53 || !Number.isInteger(x))) {
    // Below 2^53 a midpoint between two doubles has 18 or more significant digits, so the
    // shortest digits (what JS prints) are never on the interval's edge and Java prints them.
    const shortest = jsShortest(x.toExponential());
    if (x < 2 ** 53 || !mayBeMidpoint(shortest, 54)) return shortest;
  }
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  return biased === 0
    ? binaryToDigits(fraction, -1074, 53, x)
    : binaryToDigits(fraction | (1n << 52n), biased - 1075, 53, x);
}

/** Digits of a finite, positive float32 value (held in a JS number) as JDK 17's `Float.toString` prints them. */
export function jdk17FloatDigits(x: number): DecimalDigits {
  const view = scratch;
  view.setFloat32(0, x);
  const bits = view.getUint32(0);
  const biased = (bits >>> 23) & 0xff;
  const fraction = bits & 0x7fffff;
  if (biased !== 0 && fraction !== 0 && x < 2 ** 23) {
    // As for doubles: below 2^23 a midpoint between two floats has more than 9 significant
    // digits, so the shortest float32 digits are never on the interval's edge.
    for (let p = 1; p < 9; p++) {
      const candidate = x.toExponential(p - 1);
      if (Math.fround(Number(candidate)) === x) return evenOnTie(jsShortest(candidate), p, x);
    }
    return evenOnTie(jsShortest(x.toExponential(8)), 9, x);
  }
  if (biased === 0) return binaryToDigits(BigInt(fraction), -149, 24, x);
  const mantissa = BigInt(fraction) | (1n << 23n);
  const wrapped = jdk17FloatOverflowDigits(fraction | (1 << 23), biased - 127, estimatedExponent(mantissa, biased - 127));
  return wrapped ?? binaryToDigits(mantissa, biased - 150, 24, x);
}

/**
 * JS rounds a tie up, Java to the even digit: when x lies exactly halfway between two
 * candidates of the chosen length (its exact digits are one longer and end in 5), take the even one.
 */
function evenOnTie(rounded: DecimalDigits, length: number, x: number): DecimalDigits {
  const exact = jsShortest(x.toExponential());
  if (exact.digits.length !== length + 1 || !exact.digits.endsWith('5')) return rounded;
  const truncated = exact.digits.slice(0, length);
  return Number(truncated.at(-1)) % 2 === 0 ? { digits: stripZeros(truncated), exp: exact.exp } : rounded;
}

/** Digits and exponent of a JS `toExponential()` text. */
function jsShortest(text: string): DecimalDigits {
  const e = text.indexOf('e');
  const digits = text.length > 1 && text[1] === '.' ? text[0]! + text.slice(2, e) : text.slice(0, e);
  return { digits: stripZeros(digits), exp: Number(text.slice(e + 1)) };
}

/**
 * Whether d.ddd × 10^exp could be the midpoint of two adjacent binary numbers of `bits - 1`
 * significant bits, i.e. is a dyadic rational of at most `bits` significant bits.
 */
function mayBeMidpoint(d: DecimalDigits, bits: number): boolean {
  const u = d.exp - d.digits.length + 1;
  let odd = BigInt(d.digits);
  if (u >= 0) {
    if (u > 25) return false; // 5^u alone already has more than 54 bits
    odd *= 5n ** BigInt(u);
  } else {
    const five = 5n ** BigInt(-u);
    if (-u > 25 || odd % five !== 0n) return false; // not dyadic
    odd /= five;
  }
  while ((odd & 1n) === 0n) odd >>= 1n;
  return odd.toString(2).length <= bits;
}

/** value = mantissa × 2^e2 (mantissa > 0); `bits` is the format's significand width. */
function binaryToDigits(mantissa: bigint, e2: number, bits: number, x: number): DecimalDigits {
  const binExp = mantissa.toString(2).length - 1 + e2;
  if (Number.isInteger(x) && binExp <= 62) return integerDigits(BigInt(x), binExp, bits);
  return shortestInsideInterval(mantissa, e2, binExp);
}

/** Rule 1: the exact integer, its insignificant low digits rounded away half up. */
function integerDigits(value: bigint, binExp: number, bits: number): DecimalDigits {
  const p2 = binExp - bits - 1;
  const k = p2 > 1 ? Math.floor(p2 * LOG10_2) : 0;
  let q = value;
  if (k > 0) {
    const unit = 10n ** BigInt(k);
    q = value / unit;
    if ((value % unit) * 2n >= unit) q += 1n;
  }
  const text = q.toString();
  return { digits: stripZeros(text), exp: text.length - 1 + k };
}

/** Rule 2: the shortest digits strictly within the rounding interval, nearest (ties to even). */
function shortestInsideInterval(mantissa: bigint, e2: number, binExp: number): DecimalDigits {
  // value = num / den and half the interval = half / den (num and half carry a factor 4 so that a quarter ulp stays integral).
  const powerOfTwo = (mantissa & (mantissa - 1n)) === 0n;
  let num = mantissa << 2n;
  let half = powerOfTwo ? 1n : 2n;
  let den = 4n;
  if (e2 >= 0) {
    num <<= BigInt(e2);
    half <<= BigInt(e2);
  } else {
    den <<= BigInt(-e2);
  }
  let e10 = Math.floor(binExp * LOG10_2);
  // Correct the estimate so that 10^e10 <= value < 10^(e10 + 1).
  while (compareToPow10(num, den, e10 + 1) >= 0) e10++;
  while (compareToPow10(num, den, e10) < 0) e10--;
  const forceTwo = (e10 < -3 || e10 >= 8) && estimatedExponent(mantissa, binExp) === e10;
  for (let p = 1; ; p++) {
    const u = e10 - p + 1;
    const a = u < 0 ? num * 10n ** BigInt(-u) : num;
    const b = u > 0 ? den * 10n ** BigInt(u) : den;
    const h = u < 0 ? half * 10n ** BigInt(-u) : half;
    let q = a / b;
    const r = a - q * b;
    const low = r < h;
    const high = b - r < h;
    if (p === 1 && forceTwo) continue;
    if (!low && !high) continue;
    if (low && high) {
      const twice = 2n * r;
      if (twice > b || (twice === b && q % 2n === 1n)) q += 1n;
    } else if (high) {
      q += 1n;
    }
    const text = q.toString();
    return { digits: stripZeros(text), exp: u + text.length - 1 };
  }
}

/**
 * Java's first guess at the decimal exponent: log10 of the significand by its tangent at 1.5
 * (never below the true exponent, sometimes one above). Java forces a second digit in E-form
 * only when the guess is right: a guess one too high spends that rule on a leading zero, which
 * is why 2 × 2^-1074 prints 1.0E-323 while 2^-1074 prints 4.9E-324.
 */
function estimatedExponent(mantissa: bigint, binExp: number): number {
  const bits = mantissa.toString(2);
  const significand = Number.parseInt(bits.slice(0, 53).padEnd(53, '0'), 2) / 2 ** 52;
  return Math.floor((significand - 1.5) * 0.289529654 + 0.176091259 + binExp * 0.301029995663981);
}

/** Sign of num/den - 10^e. */
function compareToPow10(num: bigint, den: bigint, e: number): number {
  const left = e < 0 ? num * 10n ** BigInt(-e) : num;
  const right = e > 0 ? den * 10n ** BigInt(e) : den;
  return left < right ? -1 : left > right ? 1 : 0;
}

function stripZeros(text: string): string {
  let end = text.length;
  while (end > 1 && text.charCodeAt(end - 1) === 48) end--;
  return end === text.length ? text : text.slice(0, end);
}
