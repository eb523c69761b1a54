/**
 * The iteration order of Spark's `OpenHashMap[AnyRef, _]` (an `OpenHashSet`
 * of keys: capacity 64, load factor 0.7, Murmur3 re-hash of the key's Java
 * `hashCode`, triangular probing, doubling rehash in position order). `mode`
 * returns the first most frequent key in this order, so ties are broken
 * exactly as Spark breaks them.
 */
import { BooleanType, ByteType, DateType, DoubleType, FloatType, IntegerType, LongType, ShortType, StringType, TimestampNTZType, TimestampType, type DataType } from '../../../types/data-types.js';
import { hashBytes, hashInt } from '../../../types/hash.js';

const encoder = new TextEncoder();
const f64 = new Float64Array(1);
const f32 = new Float32Array(1);
const i32 = new Int32Array(f64.buffer);
const i32f = new Int32Array(f32.buffer);

const longHash = (v: number | bigint): number => {
  const b = BigInt.asUintN(64, BigInt(v));
  return Number(BigInt.asIntN(32, b ^ (b >> 32n)));
};

/** Java's `hashCode()` of the value Spark holds for type `t`, or undefined when it is not modelled. */
export function javaHashCode(v: unknown, t: DataType): number | undefined {
  if (t instanceof IntegerType || t instanceof ShortType || t instanceof ByteType || t instanceof DateType) return (v as number) | 0;
  if (t instanceof LongType || t instanceof TimestampType || t instanceof TimestampNTZType) return longHash(v as number | bigint);
  if (t instanceof StringType) return hashBytes(encoder.encode(v as string), 42);
  if (t instanceof BooleanType) return v ? 1231 : 1237;
  if (t instanceof DoubleType) {
    // Double.hashCode over doubleToLongBits (one canonical NaN).
    f64[0] = Number.isNaN(v as number) ? Number.NaN : (v as number);
    return (i32[0]! ^ i32[1]!) | 0;
  }
  if (t instanceof FloatType) {
    f32[0] = v as number;
    return Number.isNaN(v as number) ? 0x7fc00000 : i32f[0]!;
  }
  return undefined;
}

/**
 * Positions of distinct keys (given by hash code, in first-insertion order)
 * as an OpenHashSet places them; returns the insertion indexes in iteration order.
 */
export function openHashIterationOrder(hashes: readonly number[]): number[] {
  let capacity = 64;
  let slots: (number | undefined)[] = new Array(capacity);
  const place = (table: (number | undefined)[], mask: number, key: number): void => {
    let pos = hashInt(hashes[key]!, 0) & mask;
    for (let delta = 1; table[pos] !== undefined; delta++) pos = (pos + delta) & mask;
    table[pos] = key;
  };
  for (let k = 0; k < hashes.length; k++) {
    place(slots, capacity - 1, k);
    if (k + 1 > Math.floor(0.7 * capacity)) {
      const next: (number | undefined)[] = new Array(capacity * 2);
      for (const key of slots) if (key !== undefined) place(next, capacity * 2 - 1, key);
      capacity *= 2;
      slots = next;
    }
  }
  return slots.filter((k): k is number => k !== undefined);
}
