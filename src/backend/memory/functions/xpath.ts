/** The xpath functions (runtime/xpath.ts); numbers narrow as Java's double casts do. */
import { xpathBoolean, xpathNodes, xpathNumber, xpathString } from '../runtime/xpath.js';
import type { FunctionImpl } from './types.js';
import { scalar } from './util.js';

/** Java's (int)/(long) of a double: NaN is 0, out of range saturates, fractions truncate. */
const javaIntegral = (d: number, min: number, max: number): number => (Number.isNaN(d) ? 0 : Math.max(min, Math.min(max, Math.trunc(d))));
const toLong = (d: number): number | bigint => {
  if (Number.isNaN(d)) return 0;
  const t = Math.trunc(d);
  if (Number.isSafeInteger(t)) return t;
  const b = BigInt.asIntN(64, BigInt(Math.max(-9223372036854775808, Math.min(9223372036854775807, t))));
  return d >= 9223372036854775807 ? 9223372036854775807n : d <= -9223372036854775808 ? -9223372036854775808n : b;
};

const numeric = (conv: (d: number) => unknown): FunctionImpl => scalar((a) => conv(xpathNumber(a[0], a[1])));

export const xpathImpls: Record<string, FunctionImpl> = {
  xpath: scalar((a) => xpathNodes(a[0], a[1])),
  xpath_string: scalar((a) => xpathString(a[0], a[1])),
  xpath_boolean: scalar((a) => xpathBoolean(a[0], a[1])),
  xpath_number: numeric((d) => d),
  xpath_double: numeric((d) => d),
  xpath_float: numeric((d) => Math.fround(d)),
  xpath_int: numeric((d) => javaIntegral(d, -2147483648, 2147483647)),
  xpath_long: numeric(toLong),
  // Double.shortValue: (short)(int)d, wrapping.
  xpath_short: numeric((d) => (javaIntegral(d, -2147483648, 2147483647) << 16) >> 16),
};
