/**
 * Spark's Murmur3_x86_32 hash (seed 42), as used by `hash()` and by the hash
 * partitioning of shuffles (Murmur3HashFunction). Strings and binary use
 * Spark's legacy `hashUnsafeBytes`, which mixes trailing bytes one at a time
 * (not the standard Murmur3 tail), so values and partition numbers match
 * Spark's bit for bit.
 */
import {
  ArrayType,
  BinaryType,
  BooleanType,
  DataType,
  DecimalType,
  DoubleType,
  FloatType,
  LongType,
  MapType,
  StringType,
  StructType,
  TimestampNTZType,
  TimestampType,
} from './data-types.js';

export const SPARK_HASH_SEED = 42;

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));
const mixK1 = (k: number): number => Math.imul(rotl(Math.imul(k, C1), 15), C2);
const mixH1 = (h: number, k: number): number => (Math.imul(rotl(h ^ k, 13), 5) + 0xe6546b64) | 0;
function fmix(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export const hashInt = (v: number, seed: number): number => fmix(mixH1(seed, mixK1(v | 0)), 4);

/** hashLong of the 64-bit value whose low and high 32-bit halves are given. */
const hashLongWords = (low: number, high: number, seed: number): number => fmix(mixH1(mixH1(seed, mixK1(low)), mixK1(high)), 8);

/** A 64-bit value (a number or, beyond 2^53, a bigint). */
export function hashLong(v: number | bigint, seed: number): number {
  return hashLongWords(...longWordsOf(v), seed);
}

/** Spark's legacy hashUnsafeBytes: 4-byte little-endian words, then each tail byte (signed) on its own. */
export function hashBytes(bytes: Uint8Array, seed: number): number {
  const aligned = bytes.length - (bytes.length % 4);
  let h = seed;
  for (let i = 0; i < aligned; i += 4) {
    const word = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    h = mixH1(h, mixK1(word));
  }
  for (let i = aligned; i < bytes.length; i++) h = mixH1(h, mixK1((bytes[i]! << 24) >> 24));
  return fmix(h, bytes.length);
}

const f64 = new Float64Array(1);
const i32of64 = new Int32Array(f64.buffer);
const f32 = new Float32Array(1);
const i32of32 = new Int32Array(f32.buffer);
const encoder = new TextEncoder();

/** Two's-complement big-endian minimal bytes (BigInteger.toByteArray). */
function bigIntBytes(v: bigint): Uint8Array {
  const bits = (v < 0n ? -v - 1n : v).toString(2).length + 1;
  const width = Math.ceil(bits / 8);
  let hex = BigInt.asUintN(8 * width, v).toString(16).padStart(2 * width, '0');
  if (hex.length % 2) hex = `0${hex}`;
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

/**
 * One of Spark's HashExpression hash functions over a seed of type `S`:
 * Murmur3 (`hash`, an int) or XXH64 (`xxhash64`, a long).
 */
export interface HashFamily<S> {
  int(v: number, seed: S): S;
  /** A 64-bit value given as its low and high 32-bit halves. */
  longWords(low: number, high: number, seed: S): S;
  bytes(b: Uint8Array, seed: S): S;
}

const longWordsOf = (v: number | bigint): [number, number] => {
  const b = BigInt.asUintN(64, typeof v === 'bigint' ? v : BigInt(v));
  return [Number(b & 0xffffffffn) | 0, Number(b >> 32n) | 0];
};

/** HashExpression's walk of one internal value of type `t`, chained from `seed` (null leaves the seed unchanged). */
export function hashValueWith<S>(f: HashFamily<S>, v: unknown, t: DataType, seed: S): S {
  if (v === null || v === undefined) return seed;
  if (t instanceof BooleanType) return f.int(v ? 1 : 0, seed);
  if (t instanceof LongType || t instanceof TimestampType || t instanceof TimestampNTZType) return f.longWords(...longWordsOf(v as number | bigint), seed);
  if (t instanceof DoubleType) {
    const d = v as number;
    if (d === 0) return f.longWords(0, 0, seed);
    f64[0] = Number.isNaN(d) ? NaN : d;
    return f.longWords(i32of64[0]!, i32of64[1]!, seed);
  }
  if (t instanceof FloatType) {
    const x = v as number;
    if (x === 0) return f.int(0, seed);
    f32[0] = Number.isNaN(x) ? NaN : x;
    return f.int(i32of32[0]!, seed);
  }
  if (t instanceof DecimalType) {
    if (t.precision <= 18) return f.longWords(...longWordsOf(v as bigint), seed);
    return f.bytes(bigIntBytes(v as bigint), seed);
  }
  if (t instanceof StringType) return f.bytes(encoder.encode(v as string), seed);
  if (t instanceof BinaryType) return f.bytes(v as Uint8Array, seed);
  if (t instanceof ArrayType) {
    let h = seed;
    for (const x of v as unknown[]) h = hashValueWith(f, x, t.elementType, h);
    return h;
  }
  if (t instanceof MapType) {
    let h = seed;
    for (const [k, x] of v as Map<unknown, unknown>) {
      h = hashValueWith(f, k, t.keyType, h);
      h = hashValueWith(f, x, t.valueType, h);
    }
    return h;
  }
  if (t instanceof StructType) {
    let h = seed;
    (v as unknown[]).forEach((x, i) => {
      h = hashValueWith(f, x, t.fields[i]!.dataType, h);
    });
    return h;
  }
  // byte, short, int, date
  return f.int(v as number, seed);
}

const MURMUR3: HashFamily<number> = { int: hashInt, longWords: hashLongWords, bytes: hashBytes };

/** Spark's Murmur3 hash of one internal value of type `t`, chained from `seed` (null leaves the seed unchanged). */
export function sparkHash(v: unknown, t: DataType, seed: number): number {
  return hashValueWith(MURMUR3, v, t, seed);
}

/** Spark's `hash(c1, c2, ...)` of one row. */
export function hashRow(values: readonly unknown[], types: readonly DataType[]): number {
  return values.reduce<number>((h, v, i) => sparkHash(v, types[i]!, h), SPARK_HASH_SEED);
}
