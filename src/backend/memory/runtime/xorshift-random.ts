/**
 * Spark's `XORShiftRandom` (org.apache.spark.util.random), the generator behind
 * `rand(seed)` and `randn(seed)`: a 64-bit xorshift (21, 35, 4) whose state is the
 * seed scrambled by MurmurHash3, with java.util.Random's `nextDouble` and
 * `nextGaussian` on top. Spark seeds one generator per partition with
 * `seed + partitionIndex`; the local engines hold a relation in one partition,
 * so `rand(42)` here draws exactly what Spark draws for data in one partition.
 */
const MASK64 = (1n << 64n) - 1n;

export class XorShiftRandom {
  private seed: bigint;
  private nextNextGaussian = 0;
  private haveNextNextGaussian = false;

  constructor(init: number | bigint) {
    this.seed = hashSeed(BigInt.asIntN(64, typeof init === 'bigint' ? init : BigInt(Math.trunc(init))));
  }

  /** The low `bits` bits of the next state, as Java's `int`. */
  private next(bits: number): number {
    let s = this.seed;
    s ^= (s << 21n) & MASK64;
    s ^= s >> 35n;
    s ^= (s << 4n) & MASK64;
    this.seed = s;
    return Number(s & ((1n << BigInt(bits)) - 1n));
  }

  /** java.util.Random#nextDouble: 53 random bits in [0, 1). */
  nextDouble(): number {
    return (this.next(26) * 134217728 + this.next(27)) / 9007199254740992;
  }

  /** java.util.Random#nextGaussian: Marsaglia's polar method, the second deviate cached. */
  nextGaussian(): number {
    if (this.haveNextNextGaussian) {
      this.haveNextNextGaussian = false;
      return this.nextNextGaussian;
    }
    let v1: number;
    let v2: number;
    let s: number;
    do {
      v1 = 2 * this.nextDouble() - 1;
      v2 = 2 * this.nextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s === 0);
    const multiplier = Math.sqrt((-2 * Math.log(s)) / s);
    this.nextNextGaussian = v2 * multiplier;
    this.haveNextNextGaussian = true;
    return v1 * multiplier;
  }
}

/** XORShiftRandom.hashSeed: two MurmurHash3 passes over the seed's big-endian bytes. */
function hashSeed(seed: bigint): bigint {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, seed, false);
  const low = murmur3Bytes(bytes, 0x3c074a61);
  const high = murmur3Bytes(bytes, low);
  return ((BigInt(high >>> 0) << 32n) | BigInt(low >>> 0)) & MASK64;
}

/** MurmurHash3 x86_32 of a byte array (Scala's MurmurHash3.bytesHash), as a signed 32-bit int. */
function murmur3Bytes(data: Uint8Array, seed: number): number {
  let h = seed | 0;
  const whole = data.length & ~3;
  for (let i = 0; i < whole; i += 4) {
    const k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    h = mixLast(h, k);
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  }
  let k = 0;
  const tail = data.length & 3;
  if (tail === 3) k ^= data[whole + 2]! << 16;
  if (tail >= 2) k ^= data[whole + 1]! << 8;
  if (tail >= 1) {
    k ^= data[whole]!;
    h = mixLast(h, k);
  }
  h ^= data.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

function mixLast(h: number, k: number): number {
  let x = Math.imul(k, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  return h ^ x;
}
