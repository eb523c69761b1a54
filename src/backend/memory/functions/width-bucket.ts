/** width_bucket over numbers (interval-math.ts applies it to ANSI intervals). */
import { LONG_MAX, normLong, toBigInt, type Long } from '../runtime/long.js';
import type { FunctionImpl } from './types.js';
import { scalar } from './util.js';

/**
 * width_bucket(v, min, max, n) as in Spark (0 below, n+1 above the range). The bucket is the
 * double quotient truncated to a BIGINT, exact past 2^53; n = Long.MaxValue gives null.
 */
export const widthBucket = scalar((a) => {
  const v = a[0] as number;
  const min = a[1] as number;
  const max = a[2] as number;
  const nBig = toBigInt(a[3] as Long);
  const n = Number(nBig);
  // An infinite value falls in bucket 0 or n + 1; infinite bounds and NaN give null (Spark's WidthBucket).
  if (nBig <= 0n || nBig === LONG_MAX || min === max || Number.isNaN(v) || !Number.isFinite(min) || !Number.isFinite(max)) return null;
  const bucket = (q: number): Long => normLong(BigInt(Math.trunc(q)) + 1n);
  const last = normLong(nBig + 1n);
  if (min < max) {
    if (v < min) return 0;
    if (v >= max) return last;
    return bucket((n * (v - min)) / (max - min));
  }
  if (v > min) return 0;
  if (v <= max) return last;
  return bucket((n * (min - v)) / (min - max));
});

export const widthBucketImpls: Record<string, FunctionImpl> = { width_bucket: widthBucket };
