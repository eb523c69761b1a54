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

/** Scala's `##` of a whole number: the Int's own value when it fits, else Long.hashCode. */
function wholeHash(n: bigint): number | undefined {
  if (n >= INT_MIN && n <= INT_MAX) return Number(n);
  if (n >= LONG_MIN && n <= LONG_MAX) return longHash(n);
  return undefined;
}

/**
 * Scala BigDecimal.hashCode: a whole value hashes as its integer; a value its double represents
 * exactly (as Double.toString prints it) hashes as Scala's `##` of that double (as a Float when the
 * float is the same number). Other values (BigInteger hashes of huge or long-fraction decimals) are not done.
 */
function decimalHash(unscaled: bigint, scale: number): number | undefined {
  const unit = pow10(Math.max(scale, 0));
  if (scale <= 0) return wholeHash(unscaled * pow10(-scale));
  if (unscaled % unit === 0n) return wholeHash(unscaled / unit);
  const d = decimalToDouble(unscaled, scale);
  if (!Number.isFinite(d)) return undefined;
  const shown = parseDecimal(javaDoubleToString(d));
  if (!shown) return undefined;
  // compare unscaled×10^-scale with the double's decimal digits at a common scale
  const s = Math.max(scale, shown.scale);
  if (unscaled * pow10(s - scale) !== shown.unscaled * pow10(s - shown.scale)) return undefined;
  return Math.fround(d) === d ? floatHash(d) : doubleHash(d);
}

export function javaHashCode(v: unknown, t: DataType | undefined): number {
  const kind = t?.typeName() ?? '';
  if (typeof v === 'string') return hashBytes(new TextEncoder().encode(v), SPARK_HASH_SEED);
  if (typeof v === 'boolean') return v ? 1231 : 1237;
  if (kind === 'integer' || kind === 'short' || kind === 'byte' || kind === 'date') return Number(v) | 0;
  if (kind === 'long' || kind === 'timestamp' || kind === 'timestamp_ntz') return longHash(BigInt(v as number | bigint));
  if (kind === 'float') return floatHash(v as number);
  if (kind === 'double') return doubleHash(v as number);
  if (t instanceof DecimalType && typeof v === 'bigint') {
    const h = decimalHash(v, t.scale);
    if (h !== undefined) return h;
  }
  throw new NotImplementedException(`format_string's %h of a ${t?.simpleString() ?? 'value'}`);
}
