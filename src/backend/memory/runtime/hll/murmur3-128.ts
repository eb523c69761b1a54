/**
 * MurmurHash3 x64 128 (Austin Appleby's public algorithm) and the HLL coupon
 * DataSketches derives from it: the low 26 bits of the first half address the
 * slot, the second half's leading zeros (at most 62) plus one are the value.
 * 64-bit words are kept as unsigned 32-bit halves [hi, lo] (BigInt arithmetic
 * was ~40× slower per row).
 */
type U64 = [hi: number, lo: number];

/** The full 64-bit product of two unsigned 32-bit numbers, as [hi, lo]. */
function mulU32(a: number, b: number): U64 {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const p0 = a0 * b0;
  const p1 = a1 * b0;
  const p2 = a0 * b1;
  const mid = (p0 >>> 16) + (p1 & 0xffff) + (p2 & 0xffff);
  const lo = (((mid & 0xffff) << 16) | (p0 & 0xffff)) >>> 0;
  const hi = (a1 * b1 + (p1 >>> 16) + (p2 >>> 16) + (mid >>> 16)) >>> 0;
  return [hi, lo];
}

/** a * b modulo 2^64. */
function mul(a: U64, b: U64): U64 {
  const [hi, lo] = mulU32(a[1], b[1]);
  return [(hi + Math.imul(a[0], b[1]) + Math.imul(a[1], b[0])) >>> 0, lo];
}

function add(a: U64, b: U64): U64 {
  const lo = a[1] + b[1];
  return [(a[0] + b[0] + (lo > 0xffffffff ? 1 : 0)) >>> 0, lo >>> 0];
}

const xor = (a: U64, b: U64): U64 => [(a[0] ^ b[0]) >>> 0, (a[1] ^ b[1]) >>> 0];

function rotl(a: U64, r: number): U64 {
  const [h, l] = r >= 32 ? [a[1], a[0]] : a;
  const s = r & 31;
  if (s === 0) return [h, l];
  return [((h << s) | (l >>> (32 - s))) >>> 0, ((l << s) | (h >>> (32 - s))) >>> 0];
}

/** a >>> 33, xor-ed into a (fmix's step). */
const xorShr33 = (a: U64): U64 => [a[0], (a[1] ^ (a[0] >>> 1)) >>> 0];

const C1: U64 = [0x87c37b91, 0x114253d5];
const C2: U64 = [0x4cf5ad43, 0x2745937f];
const FMIX1: U64 = [0xff51afd7, 0xed558ccd];
const FMIX2: U64 = [0xc4ceb9fe, 0x1a85ec53];
const FIVE: U64 = [0, 5];

function fmix(k: U64): U64 {
  return xorShr33(mul(xorShr33(mul(xorShr33(k), FMIX1)), FMIX2));
}

/** Up to 8 little-endian bytes from `at` as a 64-bit word. */
function le64(b: Uint8Array, at: number, n: number): U64 {
  let lo = 0;
  let hi = 0;
  for (let i = Math.min(n, 8) - 1; i >= 4; i--) hi = ((hi << 8) | b[at + i]!) >>> 0;
  for (let i = Math.min(n, 4) - 1; i >= 0; i--) lo = ((lo << 8) | b[at + i]!) >>> 0;
  return [hi, lo];
}

const mixK1 = (k: U64): U64 => mul(rotl(mul(k, C1), 31), C2);
const mixK2 = (k: U64): U64 => mul(rotl(mul(k, C2), 33), C1);

/** The two 64-bit halves of MurmurHash3_x64_128(bytes, seed), as [hi, lo] pairs of unsigned 32-bit numbers. */
export function murmur3x64(bytes: Uint8Array, seed: number): [U64, U64] {
  let h1: U64 = [0, seed >>> 0];
  let h2: U64 = [0, seed >>> 0];
  const blocks = bytes.length >> 4;
  for (let i = 0; i < blocks; i++) {
    h1 = xor(h1, mixK1(le64(bytes, i * 16, 8)));
    h1 = add(mul(add(rotl(h1, 27), h2), FIVE), [0, 0x52dce729]);
    h2 = xor(h2, mixK2(le64(bytes, i * 16 + 8, 8)));
    h2 = add(mul(add(rotl(h2, 31), h1), FIVE), [0, 0x38495ab5]);
  }
  const tail = bytes.length & 15;
  const at = blocks * 16;
  if (tail > 8) h2 = xor(h2, mixK2(le64(bytes, at + 8, tail - 8)));
  if (tail > 0) h1 = xor(h1, mixK1(le64(bytes, at, tail)));
  const len: U64 = [0, bytes.length >>> 0];
  h1 = xor(h1, len);
  h2 = xor(h2, len);
  h1 = add(h1, h2);
  h2 = add(h2, h1);
  h1 = fmix(h1);
  h2 = fmix(h2);
  h1 = add(h1, h2);
  h2 = add(h2, h1);
  return [h1, h2];
}

const UPDATE_SEED = 9001;
const KEY_MASK_26 = 0x3ffffff;

/** The coupon of an item's bytes (DataSketches' default update seed 9001). */
export function couponOf(bytes: Uint8Array): number {
  const [h1, h2] = murmur3x64(bytes, UPDATE_SEED);
  const lz = h2[0] !== 0 ? Math.clz32(h2[0]) : 32 + Math.clz32(h2[1]);
  return ((Math.min(lz, 62) + 1) << 26) | (h1[1] & KEY_MASK_26);
}

const longView = new DataView(new ArrayBuffer(8));
const longBytes = new Uint8Array(longView.buffer);

/** A long's coupon: the hash of its 8 little-endian bytes. */
export function couponOfLong(v: number | bigint): number {
  if (typeof v === 'number' && Number.isSafeInteger(v)) {
    longView.setInt32(0, v % 0x100000000 | 0, true);
    longView.setInt32(4, Math.floor(v / 0x100000000) | 0, true);
  } else {
    longView.setBigInt64(0, BigInt.asIntN(64, BigInt(v)), true);
  }
  return couponOf(longBytes);
}
