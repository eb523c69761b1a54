/** Bitmap functions: 32768-bit buckets, 4096-byte bitmaps with bit k at byte k/8, bit k%8. */
import { ExecutionException } from '../../../errors/index.js';
import type { AggregateImpl, FunctionImpl } from './types.js';
import { isNullish, scalar } from './util.js';

const BITS = 32768n;
const BYTES = 4096;

const big = (v: unknown): bigint => BigInt(v as number | bigint);
const norm = (b: bigint): number | bigint => (b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b);

/** Java's long division and remainder truncate toward zero, as BigInt's do. */
const bitPosition = scalar((a) => {
  const v = big(a[0]);
  return norm(v > 0n ? (v - 1n) % BITS : -v % BITS);
});
const bucketNumber = scalar((a) => {
  const v = big(a[0]);
  return norm(v > 0n ? 1n + (v - 1n) / BITS : v / BITS);
});

const POPCOUNT = Uint8Array.from({ length: 256 }, (_, i) => {
  let n = 0;
  for (let x = i; x; x >>= 1) n += x & 1;
  return n;
});
const bitmapCount = scalar((a) => (a[0] as Uint8Array).reduce((n, b) => n + POPCOUNT[b]!, 0));

const bitmapAgg = (update: (bitmap: Uint8Array, v: unknown) => void): AggregateImpl => ({
  kind: 'aggregate',
  create: () => {
    const bitmap = new Uint8Array(BYTES);
    return {
      add: (a) => {
        if (!isNullish(a[0])) update(bitmap, a[0]);
      },
      result: () => Uint8Array.from(bitmap),
    };
  },
});

const construct = bitmapAgg((bitmap, v) => {
  const pos = big(v);
  if (pos < 0n || pos >= BITS) {
    throw new ExecutionException(`The 0-indexed bitmap position ${pos} is out of bounds. The bitmap has ${BITS} bits (${BYTES} bytes).`, {
      errorClass: 'INVALID_BITMAP_POSITION',
      messageParameters: { bitPosition: String(pos), bitmapNumBytes: String(BYTES), bitmapNumBits: String(BITS) },
    });
  }
  const p = Number(pos);
  bitmap[p >> 3] = bitmap[p >> 3]! | (1 << (p & 7));
});

const orAgg = bitmapAgg((bitmap, v) => {
  const b = v as Uint8Array;
  for (let i = 0; i < Math.min(b.length, BYTES); i++) bitmap[i] = bitmap[i]! | b[i]!;
});

export const bitmapImpls: Record<string, FunctionImpl> = {
  bitmap_bit_position: bitPosition,
  bitmap_bucket_number: bucketNumber,
  bitmap_count: bitmapCount,
  bitmap_construct_agg: construct,
  bitmap_or_agg: orAgg,
};
