/**
 * A RANGE frame's interval offset over an integral or decimal ORDER BY key: Spark 3.5's
 * WindowFrameCoercion casts the signed offset (`- INTERVAL '1' DAY` for `1 DAY PRECEDING`) to the
 * key's type, which counts the interval's end field (`INTERVAL '1 02' DAY TO HOUR` → 26) and
 * raises CAST_OVERFLOW past the key's range, as the CAST does (interval-number-cast.ts).
 */
import type { FrameBoundary } from '../../../expr/nodes.js';
import type { DataType } from '../../../types/data-types.js';
import { DecimalType } from '../../../types/data-types.js';
import { intervalNumberCaster } from '../expressions/interval-number-cast.js';

/** The key moved by the cast offset: `key` and the result in the key type's representation. */
export type CastOffsetAdder = (key: unknown) => unknown;

/** The adder of the signed interval offset `value` (months or microseconds) cast to `keyType`. */
export function castIntervalOffset(value: number, interval: DataType, keyType: DataType, ascending: boolean, tz: string): CastOffsetAdder {
  const cast = intervalNumberCaster(interval, keyType, tz)(value);
  // A descending key moves the other way; the cast (and its overflow) is of the written offset.
  if (keyType instanceof DecimalType) {
    const d = ascending ? (cast as bigint) : -(cast as bigint);
    return (key) => (key as bigint) + d;
  }
  const n = BigInt(cast as number | bigint);
  const d = ascending ? n : -n;
  return (key) => (typeof key === 'bigint' ? key + d : (key as number) + Number(d));
}

const adders = new WeakMap<FrameBoundary, Map<string, CastOffsetAdder>>();

/**
 * The adder of a `castTo` interval boundary, cast once per boundary and key direction; the
 * window operator asks for it before reading any row, so an overflow fails even an empty input, as in Spark.
 */
export function castOffsetAdder(b: FrameBoundary & { type: 'offset' }, keyType: DataType, ascending: boolean, tz: string): CastOffsetAdder {
  const byKey = adders.get(b) ?? new Map<string, CastOffsetAdder>();
  adders.set(b, byKey);
  const k = `${keyType.simpleString()} ${ascending}`;
  let add = byKey.get(k);
  if (!add) {
    add = castIntervalOffset(b.value, b.interval!, keyType, ascending, tz);
    byKey.set(k, add);
  }
  return add;
}
