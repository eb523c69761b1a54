/**
 * MurmurHash3 x64 128 (Austin Appleby's public algorithm) and the HLL coupon
 * DataSketches derives from it: the low 26 bits of the first half address the
 * slot, the second half's leading zeros (at most 62) plus one are the value.
 */
const M64 = (1n << 64n) - 1n;
const C1 = 0x87c37b91114253d5n;
const C2 = 0x4cf5ad432745937fn;

const rotl = (x: bigint, r: bigint): bigint => ((x << r) | (x >> (64n - r))) & M64;
const mul = (a: bigint, b: bigint): bigint => (a * b) & M64;

function fmix(k: bigint): bigint {
  k ^= k >> 33n;
  k = mul(k, 0xff51afd7ed558ccdn);
  k ^= k >> 33n;
  k = mul(k, 0xc4ceb9fe1a85ec53n);
  return k ^ (k >> 33n);
}

function le64(b: Uint8Array, at: number, n: number): bigint {
  let v = 0n;
  for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[at + i]!);
  return v;
}

const mixK1 = (k: bigint): bigint => mul(rotl(mul(k, C1), 31n), C2);
const mixK2 = (k: bigint): bigint => mul(rotl(mul(k, C2), 33n), C1);

/** The two 64-bit halves of MurmurHash3_x64_128(bytes, seed), unsigned. */
export function murmur3x64(bytes: Uint8Array, seed: bigint): [bigint, bigint] {
  let h1 = seed & M64;
  let h2 = seed & M64;
  const blocks = bytes.length >> 4;
  for (let i = 0; i < blocks; i++) {
    h1 ^= mixK1(le64(bytes, i * 16, 8));
    h1 = (mul(rotl(h1, 27n) + h2, 5n) + 0x52dce729n) & M64;
    h2 ^= mixK2(le64(bytes, i * 16 + 8, 8));
    h2 = (mul(rotl(h2, 31n) + h1, 5n) + 0x38495ab5n) & M64;
  }
  const tail = bytes.length & 15;
  const at = blocks * 16;
  if (tail > 8) h2 ^= mixK2(le64(bytes, at + 8, tail - 8));
  if (tail > 0) h1 ^= mixK1(le64(bytes, at, Math.min(tail, 8)));
  const len = BigInt(bytes.length);
  h1 ^= len;
  h2 ^= len;
  h1 = (h1 + h2) & M64;
  h2 = (h2 + h1) & M64;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 = (h1 + h2) & M64;
  h2 = (h2 + h1) & M64;
  return [h1, h2];
}

const UPDATE_SEED = 9001n;
const KEY_MASK_26 = 0x3ffffff;

function clz64(x: bigint): number {
  return x === 0n ? 64 : 64 - x.toString(2).length;
}

/** The coupon of an item's bytes (DataSketches' default update seed 9001). */
export function couponOf(bytes: Uint8Array): number {
  const [h1, h2] = murmur3x64(bytes, UPDATE_SEED);
  const value = Math.min(clz64(h2), 62) + 1;
  return ((value << 26) | (Number(h1 & BigInt(KEY_MASK_26)))) | 0;
}

const longBytes = new DataView(new ArrayBuffer(8));

/** A long's coupon: the hash of its 8 little-endian bytes. */
export function couponOfLong(v: number | bigint): number {
  longBytes.setBigInt64(0, BigInt.asIntN(64, BigInt(v)), true);
  return couponOf(new Uint8Array(longBytes.buffer.slice(0)));
}
