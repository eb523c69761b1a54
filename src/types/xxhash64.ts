/**
 * Spark's XXH64 (`xxhash64`, seed 42): the standard 64-bit xxHash over
 * bytes, and Spark's one-word forms for ints and longs, walking values as
 * every HashExpression does (types/hash.ts). 64-bit arithmetic in BigInt.
 */
import type { DataType } from './data-types.js';
import { hashValueWith, type HashFamily } from './hash.js';

const M = (1n << 64n) - 1n;
const P1 = 0x9e3779b185ebca87n;
const P2 = 0xc2b2ae3d27d4eb4fn;
const P3 = 0x165667b19e3779f9n;
const P4 = 0x85ebca77c2b2ae63n;
const P5 = 0x27d4eb2f165667c5n;

const mul = (a: bigint, b: bigint): bigint => (a * b) & M;
const add = (a: bigint, b: bigint): bigint => (a + b) & M;
const rotl = (x: bigint, r: bigint): bigint => ((x << r) | (x >> (64n - r))) & M;

function fmix(h: bigint): bigint {
  h ^= h >> 33n;
  h = mul(h, P2);
  h ^= h >> 29n;
  h = mul(h, P3);
  return h ^ (h >> 32n);
}

const round = (acc: bigint, lane: bigint): bigint => mul(rotl(add(acc, mul(lane, P2)), 31n), P1);
const mergeRound = (h: bigint, v: bigint): bigint => add(mul(h ^ round(0n, v), P1), P4);

function hashInt(v: number, seed: bigint): bigint {
  let h = add(add(seed, P5), 4n);
  h ^= mul(BigInt(v >>> 0), P1);
  return fmix(add(mul(rotl(h, 23n), P2), P3));
}

function hashLong(low: number, high: number, seed: bigint): bigint {
  const v = (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
  let h = add(add(seed, P5), 8n);
  h ^= round(0n, v);
  return fmix(add(mul(rotl(h, 27n), P1), P4));
}

function hashBytes(b: Uint8Array, seed: bigint): bigint {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const n = b.length;
  let i = 0;
  let h: bigint;
  if (n >= 32) {
    let v1 = add(add(seed, P1), P2);
    let v2 = add(seed, P2);
    let v3 = seed;
    let v4 = (seed - P1) & M;
    for (; i + 32 <= n; i += 32) {
      v1 = round(v1, view.getBigUint64(i, true));
      v2 = round(v2, view.getBigUint64(i + 8, true));
      v3 = round(v3, view.getBigUint64(i + 16, true));
      v4 = round(v4, view.getBigUint64(i + 24, true));
    }
    h = add(add(add(rotl(v1, 1n), rotl(v2, 7n)), rotl(v3, 12n)), rotl(v4, 18n));
    for (const v of [v1, v2, v3, v4]) h = mergeRound(h, v);
  } else h = add(seed, P5);
  h = add(h, BigInt(n));
  for (; i + 8 <= n; i += 8) h = add(mul(rotl(h ^ round(0n, view.getBigUint64(i, true)), 27n), P1), P4);
  if (i + 4 <= n) {
    h ^= mul(BigInt(view.getUint32(i, true)), P1);
    h = add(mul(rotl(h, 23n), P2), P3);
    i += 4;
  }
  for (; i < n; i++) {
    h ^= mul(BigInt(b[i]!), P5);
    h = mul(rotl(h, 11n), P1);
  }
  return fmix(h);
}

const XXH64: HashFamily<bigint> = { int: hashInt, longWords: hashLong, bytes: hashBytes };

/** Spark's `xxhash64(c1, c2, ...)` of one row: a signed 64-bit value. */
export function xxhash64Row(values: readonly unknown[], types: readonly DataType[]): bigint {
  const h = values.reduce<bigint>((acc, v, i) => hashValueWith(XXH64, v, types[i]!, acc), 42n);
  return BigInt.asIntN(64, h);
}
