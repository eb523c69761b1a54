/** bin and conv: integers written in another base, over Spark's unsigned 64-bit values. */
import { toBigInt, type Long } from '../runtime/long.js';
import type { FunctionImpl } from './types.js';
import { scalar } from './util.js';

const bin = scalar((a) => BigInt.asUintN(64, toBigInt(a[0] as Long)).toString(2));

/** conv(num, fromBase, toBase): Spark's NumberConverter over unsigned 64-bit values. */
const conv = scalar((a) => {
  const text = String(a[0]).trim();
  const from = a[1] as number;
  const to = a[2] as number;
  if (Math.abs(from) < 2 || Math.abs(from) > 36 || Math.abs(to) < 2 || Math.abs(to) > 36) return null;
  if (text === '') return null;
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  const radix = Math.abs(from);
  let value = 0n;
  const max = 2n ** 64n - 1n;
  let overflow = false;
  for (const ch of digits.toLowerCase()) {
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= radix) break;
    value = value * BigInt(radix) + BigInt(d);
    if (value > max) overflow = true;
  }
  if (overflow) value = max;
  // Spark negates a negative input only for a positive toBase (an overflowed or >= 2^63 magnitude gives -1);
  // for a negative toBase it prints the magnitude, signed, behind the input's '-'.
  let neg = negative;
  if (neg && to > 0) value = value >= 2n ** 63n ? max : BigInt.asUintN(64, -value);
  if (to < 0 && BigInt.asIntN(64, value) < 0n) {
    value = -BigInt.asIntN(64, value);
    neg = true;
  }
  if (to < 0) return (neg ? '-' : '') + value.toString(-to).toUpperCase();
  return value.toString(to).toUpperCase();
});

export const numberBaseImpls: Record<string, FunctionImpl> = { bin, conv };
