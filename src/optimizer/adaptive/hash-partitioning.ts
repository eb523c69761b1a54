/**
 * Spark's Murmur3_x86_32 (seed 42), as used by `hash()` and by hash
 * partitioning of shuffles. Strings use Spark's legacy `hashUnsafeBytes`,
 * which mixes trailing bytes one at a time (not the standard Murmur3 tail),
 * so partition numbers match Spark's.
 */
import { ArrayType, BooleanType, ByteType, DataType, DateType, DoubleType, FloatType, IntegerType, LongType, ShortType, StringType, TimestampNTZType, TimestampType } from '../../types/data-types.js';

export const SPARK_HASH_SEED = 42;

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

function mixK1(k: number): number {
  k = Math.imul(k, C1);
  k = rotl(k, 15);
  return Math.imul(k, C2);
}

function mixH1(h: number, k: number): number {
  h ^= k;
  h = rotl(h, 13);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

export function hashInt(input: number, seed: number): number {
  return fmix(mixH1(seed, mixK1(input | 0)), 4);
}

export function hashLong(input: bigint, seed: number): number {
  const v = BigInt.asUintN(64, input);
  const low = Number(v & 0xffffffffn) | 0;
  const high = Number(v >> 32n) | 0;
  let h = mixH1(seed, mixK1(low));
  h = mixH1(h, mixK1(high));
  return fmix(h, 8);
}

const encoder = new TextEncoder();

export function hashBytes(bytes: Uint8Array, seed: number): number {
  const aligned = bytes.length - (bytes.length % 4);
  let h = seed;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < aligned; i += 4) h = mixH1(h, mixK1(view.getInt32(i, true)));
  for (let i = aligned; i < bytes.length; i++) h = mixH1(h, mixK1((bytes[i]! << 24) >> 24));
  return fmix(h, bytes.length);
}

const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** Hash of one internal value of type `t`, chained from `seed` (null leaves the seed unchanged). */
export function hashValue(value: unknown, t: DataType, seed: number): number {
  if (value === null || value === undefined) return seed;
  if (t instanceof IntegerType || t instanceof ShortType || t instanceof ByteType || t instanceof DateType) return hashInt(value as number, seed);
  if (t instanceof BooleanType) return hashInt(value ? 1 : 0, seed);
  if (t instanceof LongType || t instanceof TimestampType || t instanceof TimestampNTZType) return hashLong(BigInt(value as number | bigint), seed);
  if (t instanceof FloatType) {
    f32[0] = (value as number) === 0 ? 0 : (value as number);
    return hashInt(Number.isNaN(value as number) ? 0x7fc00000 : i32[0]!, seed);
  }
  if (t instanceof DoubleType) {
    f64[0] = (value as number) === 0 ? 0 : (value as number);
    return hashLong(Number.isNaN(value as number) ? 0x7ff8000000000000n : i64[0]!, seed);
  }
  if (t instanceof StringType) return hashBytes(encoder.encode(value as string), seed);
  if (value instanceof Uint8Array) return hashBytes(value, seed);
  if (t instanceof ArrayType) return (value as unknown[]).reduce<number>((h, v) => hashValue(v, t.elementType, h), seed);
  return hashBytes(encoder.encode(String(value)), seed);
}

/** Spark's `hash(c1, c2, ...)` of one row. */
export function hashRow(values: readonly unknown[], types: readonly DataType[]): number {
  return values.reduce<number>((h, v, i) => hashValue(v, types[i]!, h), SPARK_HASH_SEED);
}

/** The shuffle partition Spark's HashPartitioning assigns: pmod(hash, n). */
export function partitionOf(values: readonly unknown[], types: readonly DataType[], numPartitions: number): number {
  const h = hashRow(values, types);
  return ((h % numPartitions) + numPartitions) % numPartitions;
}
