/**
 * Spark's count-min sketch (org.apache.spark.util.sketch.CountMinSketch, format
 * version 1), written from its documented layout and hashing:
 * - width = ceil(2 / eps), depth = ceil(-ln(1 - confidence) / ln 2);
 * - one hash seed per row, java.util.Random(seed).nextInt(Int.MaxValue);
 * - a long item goes to ((int) h) % width with h = seedA * item, h += h >> 32,
 *   h &= 2^31 - 1 (all in 64-bit two's complement);
 * - bytes (strings as UTF-8) use double hashing of Murmur3 x86_32 (Spark's
 *   legacy hashUnsafeBytes): h1 with seed 0, h2 with seed h1, row i takes
 *   |(h1 + i * h2) % width| (int arithmetic);
 * - serialized big-endian: int version 1, long total count, int depth, int
 *   width, depth longs of seeds, then depth × width longs of counters.
 */
import { hashBytes } from '../../../types/hash.js';
import { JavaRandom } from './java-random.js';

const PRIME_MODULUS = (1n << 31n) - 1n;
const INT_MAX = 2147483647;

export class CountMinSketch {
  readonly depth: number;
  readonly width: number;
  readonly #seeds: bigint[];
  readonly #table: bigint[];
  #total = 0n;

  constructor(eps: number, confidence: number, seed: number) {
    this.width = Math.ceil(2 / eps);
    this.depth = Math.ceil(-Math.log(1 - confidence) / Math.log(2));
    const random = new JavaRandom(seed);
    this.#seeds = Array.from({ length: this.depth }, () => BigInt(random.nextInt(INT_MAX)));
    this.#table = new Array<bigint>(this.depth * this.width).fill(0n);
  }

  /** Adds one integral value (number or bigint). */
  addLong(item: number | bigint): void {
    const v = BigInt.asIntN(64, BigInt(item));
    for (let i = 0; i < this.depth; i++) {
      let h = BigInt.asIntN(64, this.#seeds[i]! * v);
      h = BigInt.asIntN(64, h + (h >> 32n));
      h &= PRIME_MODULUS;
      this.#bump(i, Number(h) % this.width);
    }
    this.#total += 1n;
  }

  /** Adds one byte string (a string's UTF-8 bytes or a binary). */
  addBytes(bytes: Uint8Array): void {
    const h1 = hashBytes(bytes, 0);
    const h2 = hashBytes(bytes, h1);
    for (let i = 0; i < this.depth; i++) {
      // Java's int remainder keeps the sign; its absolute value picks the column.
      this.#bump(i, Math.abs(((h1 + Math.imul(i, h2)) | 0) % this.width));
    }
    this.#total += 1n;
  }

  #bump(row: number, col: number): void {
    const k = row * this.width + col;
    this.#table[k] = this.#table[k]! + 1n;
  }

  serialize(): Uint8Array {
    const out = new DataView(new ArrayBuffer(4 + 8 + 4 + 4 + 8 * this.depth + 8 * this.#table.length));
    let at = 0;
    const int = (v: number) => {
      out.setInt32(at, v);
      at += 4;
    };
    const long = (v: bigint) => {
      out.setBigInt64(at, v);
      at += 8;
    };
    int(1);
    long(this.#total);
    int(this.depth);
    int(this.width);
    this.#seeds.forEach(long);
    this.#table.forEach(long);
    return new Uint8Array(out.buffer);
  }
}
