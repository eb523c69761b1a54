/**
 * 64-bit integer arithmetic on the internal LongType representation: a
 * `number` when the value is a safe integer, a `bigint` otherwise. Results are
 * always normalized so that equal values have the same representation
 * (which lets grouping and joins use them directly as Map keys).
 *
 * Spark (non-ANSI) wraps on overflow like Java, so every operation reduces
 * modulo 2^64 into the signed range.
 */
export type Long = number | bigint;

export const LONG_MIN = -(2n ** 63n);
export const LONG_MAX = 2n ** 63n - 1n;

/** Wraps a bigint into the signed 64-bit range and normalizes it. */
export function normLong(b: bigint): Long {
  const w = BigInt.asIntN(64, b);
  return w >= -9007199254740991n && w <= 9007199254740991n ? Number(w) : w;
}

export function toBigInt(x: Long): bigint {
  return typeof x === 'bigint' ? x : BigInt(x);
}

export function addLong(a: Long, b: Long): Long {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normLong(toBigInt(a) + toBigInt(b));
}

export function subLong(a: Long, b: Long): Long {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normLong(toBigInt(a) - toBigInt(b));
}

export function mulLong(a: Long, b: Long): Long {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r === 0 ? 0 : r;
  }
  return normLong(toBigInt(a) * toBigInt(b));
}

/** Java's `/` on longs (truncating); `MIN / -1` wraps to MIN. Caller handles `/ 0`. */
export function divLong(a: Long, b: Long): Long {
  // A float quotient truncates exactly only while both operands fit in 32 bits.
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a) <= 0x7fffffff && Math.abs(b) <= 0x7fffffff) {
    return Math.trunc(a / b) + 0;
  }
  return normLong(toBigInt(a) / toBigInt(b));
}

/** Java's `%` on longs: the sign follows the dividend. Caller handles `% 0`. */
export function remLong(a: Long, b: Long): Long {
  if (typeof a === 'number' && typeof b === 'number') return (a % b) + 0;
  return normLong(toBigInt(a) % toBigInt(b));
}

export function negLong(a: Long): Long {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  return normLong(-a);
}

/** Converts a long to a JS number (rounding like Java's `(double) l`). */
export function longToNumber(x: Long): number {
  return typeof x === 'number' ? x : Number(x);
}

/** Java's saturating `(long) d` for a double: NaN → 0, ±Inf/out of range → MIN/MAX. */
export function doubleToLong(d: number): Long {
  if (Number.isNaN(d)) return 0;
  const t = Math.trunc(d);
  if (Number.isSafeInteger(t)) return t + 0;
  if (t >= 9223372036854775807) return LONG_MAX;
  if (t <= -9223372036854775808) return LONG_MIN;
  return normLong(BigInt(t));
}

/** Java's saturating `(int) d`. */
export function doubleToInt(d: number): number {
  if (Number.isNaN(d)) return 0;
  if (d >= 2147483647) return 2147483647;
  if (d <= -2147483648) return -2147483648;
  return Math.trunc(d) | 0;
}

/** Java's narrowing `(int) l` for a long: keeps the low 32 bits. */
export function longToInt(x: Long): number {
  if (typeof x === 'number') {
    if (x >= -2147483648 && x <= 2147483647) return x;
    return Number(BigInt.asIntN(32, BigInt(x)));
  }
  return Number(BigInt.asIntN(32, x));
}

export const toByte = (x: number): number => (x << 24) >> 24;
export const toShort = (x: number): number => (x << 16) >> 16;

/** Java's `Math.floorDiv` for longs represented as numbers (and bigints). */
export function floorDivLong(a: Long, b: Long): Long {
  if (typeof a === 'number' && typeof b === 'number') return floorDiv(a, b);
  const ba = toBigInt(a);
  const bb = toBigInt(b);
  let q = ba / bb;
  if ((ba % bb !== 0n) && ((ba < 0n) !== (bb < 0n))) q -= 1n;
  return normLong(q);
}

/** Parses a decimal integer string exactly into a Long, or undefined when out of the 64-bit range. */
export function parseLongExact(digits: string, negative: boolean): Long | undefined {
  if (digits.length <= 15) {
    const n = Number(digits);
    return negative ? (n === 0 ? 0 : -n) : n;
  }
  const b = negative ? -BigInt(digits) : BigInt(digits);
  if (b < LONG_MIN || b > LONG_MAX) return undefined;
  return normLong(b);
}

/** Exact `Math.floorDiv` for safe integers (corrects the float quotient's rounding). */
export function floorDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  const r = a - q * b;
  if (b > 0 ? r < 0 : r > 0) q -= 1;
  else if (b > 0 ? r >= b : r <= b) q += 1;
  return q + 0;
}

/** Exact `Math.floorMod` for safe integers. */
export function floorMod(a: number, b: number): number {
  return a - floorDiv(a, b) * b + 0;
}
