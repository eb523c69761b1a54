/**
 * Exact percentiles (Spark's `percentile` and `median`): the values' counts
 * sorted by value, the position `(n - 1) * p` and Spark's interpolation
 * `(higher - pos) * lowerValue + (pos - lower) * higherValue`, whose digits
 * differ from `a + (pos - lower) * (b - a)`.
 */
import { ExecutionException } from '../../../errors/index.js';
import type { Call, Expr } from '../../../expr/nodes.js';
import { ArrayType, DecimalType } from '../../../types/data-types.js';
import type { AggregateImpl, FunctionImpl } from './types.js';
import { isNullish } from './util.js';

/** The percentages of a percentile call: a literal or an array() of literals (checked by the definition). */
export function percentagesOf(e: Expr | undefined): number[] | undefined {
  if (!e) return undefined;
  if (e.kind === 'Literal') {
    // Decimal literals (SQL's 0.25) hold their unscaled value.
    if (typeof e.value === 'bigint') return [Number(`${e.value}e-${e.dataType instanceof DecimalType ? e.dataType.scale : 0}`)];
    return typeof e.value === 'number' ? [e.value] : undefined;
  }
  if (e.kind === 'Cast') return percentagesOf(e.child);
  if (e.kind === 'Call' && e.fn === 'array') {
    const parts = e.args.map(percentagesOf);
    return parts.every((p) => p?.length === 1) ? parts.map((p) => p![0]!) : undefined;
  }
  return undefined;
}

/** Value at 0-based position `k` of the sorted values expanded by their counts. */
function valueAt(keys: readonly number[], cumulative: readonly number[], k: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > k) hi = mid;
    else lo = mid + 1;
  }
  return keys[lo]!;
}

function percentileOf(keys: readonly number[], cumulative: readonly number[], p: number): number {
  const total = cumulative[cumulative.length - 1]!;
  const pos = (total - 1) * p;
  const lower = Math.floor(pos);
  const higher = Math.ceil(pos);
  const lowerValue = valueAt(keys, cumulative, lower);
  if (higher === lower) return lowerValue;
  const higherValue = valueAt(keys, cumulative, higher);
  if (higherValue === lowerValue) return lowerValue;
  return (higher - pos) * lowerValue + (pos - lower) * higherValue;
}

function percentileAgg(fixed?: number): AggregateImpl {
  return {
    kind: 'aggregate',
    create: (call: Call) => {
      const ps = fixed !== undefined ? [fixed] : percentagesOf(call.args[1]) ?? [0.5];
      const asArray = call.dataType instanceof ArrayType;
      const counts = new Map<number, number>();
      return {
        add: (a) => {
          if (isNullish(a[0])) return;
          const f = call.args.length > 2 ? a[2] : 1;
          if (isNullish(f)) return;
          const n = Number(f);
          if (n < 0) {
            throw new ExecutionException(`Negative values found in ${String(call.args[2] && 'frequency')}`, { errorClass: 'INVALID_PARAMETER_VALUE' });
          }
          if (n === 0) return;
          // -0.0 and 0.0 are one key, as Spark's map of doubles normalizes them.
          const v = Object.is(a[0], -0) ? 0 : (a[0] as number);
          counts.set(v, (counts.get(v) ?? 0) + n);
        },
        result: () => {
          if (counts.size === 0) return null;
          const keys = [...counts.keys()].sort((x, y) => (Number.isNaN(x) ? 1 : Number.isNaN(y) ? -1 : x - y));
          let acc = 0;
          const cumulative = keys.map((k) => (acc += counts.get(k)!));
          const out = ps.map((p) => percentileOf(keys, cumulative, p));
          return asArray ? out : out[0]!;
        },
      };
    },
  };
}

export const percentileImpls: Record<string, FunctionImpl> = {
  percentile: percentileAgg(),
  median: percentileAgg(0.5),
};
