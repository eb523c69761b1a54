/**
 * Java's hashCode() of the object Spark hands java.util.Formatter for a value (format_string's %h):
 * UTF8String is Murmur3 of its bytes (seed 42), boxed numbers and booleans hash as java.lang does,
 * and Spark's Decimal hashes as the Scala BigDecimal it wraps.
 */
import { NotImplementedException } from '../../../errors/index.js';
import { SPARK_HASH_SEED, hashBytes } from '../../../types/hash.js';
import { javaDoubleToString } from '../../../format/value-string.js';
import { DecimalType, type DataType } from '../../../types/data-types.js';
import { decimalToDouble, parseDecimal, pow10 } from './decimal.js';

const INT_MIN = -(2n ** 31n);
const INT_MAX = 2n ** 31n - 1n;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** java.lang.Long.hashCode: the two halves xor-ed. */
function longHash(v: bigint): number {
  const u = BigInt.asUintN(64, v);
  return Number(BigInt.asIntN(32, u ^ (u >> 32n)));
}

function floatHash(v: number): number {
  const view = new DataView(new ArrayBuffer(4));
  view.setFloat32(0, Number.isNaN(v) ? Number.NaN : v);
  return view.getInt32(0);
}

function doubleHash(v: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Number.isNaN(v) ? Number.NaN : v);
  return view.getInt32(0) ^ view.getInt32(4);
}

/** java.math.BigInteger.hashCode: 31-polynomial of the magnitude's 32-bit words (most significant first) times the sign. */
function bigIntegerHash(n: bigint): number {
  const sign = n < 0n ? -1 : n > 0n ? 1 : 0;
  let mag = n < 0n ? -n : n;
  const words: number[] = [];
  for (; mag > 0n; mag >>= 32n) words.unshift(Number(mag & 0xffffffffn));
  let h = 0;
  for (const w of words) h = (Math.imul(31, h) + w) | 0;
  return Math.imul(h, sign);
}

/** Scala's `##` of a whole number (BigInt.hashCode): the Int's own value when it fits, Long.hashCode within a long, else BigInteger's. */
function wholeHash(n: bigint): number {
  if (n >= INT_MIN && n <= INT_MAX) return Number(n);
  if (n >= LONG_MIN && n <= LONG_MAX) return longHash(n);
  return bigIntegerHash(n);
}

/** scala.util.hashing.MurmurHash3.mixLast. */
function mixLast(hash: number, data: number): number {
  let k = Math.imul(data, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  return hash ^ k;
}

/**
 * Scala BigDecimal.hashCode: a whole value hashes as its integer (BigInt.hashCode); a value its
 * double represents exactly (as Double.toString prints it) hashes as Scala's `##` of that double (as
 * a Float when the float is the same number); any other value mixes the BigInteger hash of its digits
 * without trailing zeros with their scale (MurmurHash3.mixLast).
 */
function decimalHash(unscaled: bigint, scale: number): number {
  const unit = pow10(Math.max(scale, 0));
  if (scale <= 0) return wholeHash(unscaled * pow10(-scale));
  if (unscaled % unit === 0n) return wholeHash(unscaled / unit);
  if (isDecimalDouble(unscaled, scale)) {
    const d = decimalToDouble(unscaled, scale);
    return Math.fround(d) === d ? floatHash(d) : doubleHash(d);
  }
  let digits = unscaled;
  let stripped = scale;
  while (digits % 10n === 0n) {
    digits /= 10n;
    stripped--;
  }
  return mixLast(bigIntegerHash(digits), stripped);
}

/** Whether a decimal is what Double.toString prints for its nearest double (Scala's isDecimalDouble). */
function isDecimalDouble(unscaled: bigint, scale: number): boolean {
  const d = decimalToDouble(unscaled, scale);
  if (!Number.isFinite(d)) return false;
  const shown = parseDecimal(javaDoubleToString(d));
  if (!shown) return false;
  // compare unscaled×10^-scale with the double's decimal digits at a common scale
  const s = Math.max(scale, shown.scale);
  return unscaled * pow10(s - scale) === shown.unscaled * pow10(s - shown.scale);
}

export function javaHashCode(v: unknown, t: DataType | undefined): number {
  const kind = t?.typeName() ?? '';
  if (typeof v === 'string') return hashBytes(new TextEncoder().encode(v), SPARK_HASH_SEED);
  if (typeof v === 'boolean') return v ? 1231 : 1237;
  if (kind === 'integer' || kind === 'short' || kind === 'byte' || kind === 'date') return Number(v) | 0;
  if (kind === 'long' || kind === 'timestamp' || kind === 'timestamp_ntz') return longHash(BigInt(v as number | bigint));
  if (kind === 'float') return floatHash(v as number);
  if (kind === 'double') return doubleHash(v as number);
  if (t instanceof DecimalType && typeof v === 'bigint') return decimalHash(v, t.scale);
  throw new NotImplementedException(`format_string's %h of a ${t?.simpleString() ?? 'value'}`);
}
