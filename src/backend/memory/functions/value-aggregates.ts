/**
 * Aggregates whose result is one of the input values or a collection of them: first/last,
 * max_by/min_by, mode, percentile_approx, collect_list/collect_set.
 */
import type { Call } from '../../../expr/nodes.js';
import { comparatorFor, hashKey } from '../runtime/compare.js';
import { javaHashCode, openHashIterationOrder } from '../runtime/open-hash-order.js';
import type { AggregateImpl, FunctionImpl } from './types.js';
import { aggregate, argType, isNullish, literalArg } from './util.js';

/** `ignoreNulls` from the call's options or a literal second argument (first(x, true)). */
function ignoreNulls(call: Call): boolean {
  const opt = call.options?.ignoreNulls ?? call.options?.ignorenulls;
  if (typeof opt === 'boolean') return opt;
  const lit = literalArg(call, 1);
  return lit?.value === true;
}

function firstLast(last: boolean): AggregateImpl {
  return aggregate((call) => {
    const skipNulls = ignoreNulls(call);
    let value: unknown = null;
    let set = false;
    return {
      add: (a) => {
        const v = a[0] ?? null;
        if (skipNulls && v === null) return;
        if (last || !set) {
          value = v;
          set = true;
        }
      },
      result: () => value,
    };
  });
}

const collectList = aggregate(() => {
  const items: unknown[] = [];
  return {
    add: (a) => {
      if (!isNullish(a[0])) items.push(a[0]);
    },
    result: () => items.slice(),
  };
});

const collectSet = aggregate((call) => {
  const t = argType(call, 0);
  const seen = new Map<unknown, unknown>();
  return {
    add: (a) => {
      const v = a[0];
      if (isNullish(v)) return;
      const k = hashKey(v, t);
      if (!seen.has(k)) seen.set(k, v);
    },
    result: () => [...seen.values()],
  };
});

/** percentile_approx: the smallest value whose rank reaches p·n (exact for the data sizes we hold). */
const percentileApprox = aggregate((call) => {
  const t = argType(call, 0);
  const cmp = comparatorFor(t);
  const p = literalArg(call, 1)?.value;
  const values: unknown[] = [];
  return {
    add: (a) => {
      if (!isNullish(a[0])) values.push(a[0]);
    },
    result: () => {
      if (values.length === 0) return null;
      const sorted = values.slice().sort(cmp);
      const pick = (q: number): unknown => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
      return Array.isArray(p) ? p.map((q) => pick(q as number)) : pick((p as number | undefined) ?? 0.5);
    },
  };
});

/**
 * max_by(x, ord) / min_by(x, ord): x at the row with the largest/smallest
 * non-null ord; on ties the last such row wins (Spark keeps the old value only
 * when its ord is strictly better).
 */
function byOrder(sign: 1 | -1): AggregateImpl {
  return aggregate((call) => {
    const cmp = comparatorFor(argType(call, 1));
    let bestOrd: unknown = null;
    let value: unknown = null;
    return {
      add: (a) => {
        const o = a[1];
        if (isNullish(o)) return;
        if (bestOrd === null || sign * cmp(o, bestOrd) >= 0) {
          bestOrd = o;
          value = a[0] ?? null;
        }
      },
      result: () => value,
    };
  });
}

/**
 * mode: the most frequent non-null value. Ties go to the first in the
 * iteration order of Spark's OpenHashMap (see runtime/open-hash-order.ts);
 * for types whose Java hash code is not modelled, to the first seen.
 */
const mode = aggregate((call) => {
  const t = argType(call, 0);
  const counts = new Map<unknown, { v: unknown; n: number }>();
  return {
    add: (a) => {
      if (isNullish(a[0])) return;
      const k = hashKey(a[0], t);
      const e = counts.get(k);
      if (e) e.n++;
      else counts.set(k, { v: a[0], n: 1 });
    },
    result: () => {
      const entries = [...counts.values()];
      const hashes = entries.map((e) => javaHashCode(e.v, t));
      const order = hashes.every((h) => h !== undefined) ? openHashIterationOrder(hashes as number[]) : entries.map((_, k) => k);
      let best: { v: unknown; n: number } | undefined;
      for (const k of order) if (!best || entries[k]!.n > best.n) best = entries[k];
      return best ? best.v : null;
    },
  };
});

export const valueAggregateImpls: Record<string, FunctionImpl> = {
  first: firstLast(false),
  last: firstLast(true),
  first_value: firstLast(false),
  last_value: firstLast(true),
  any_value: firstLast(false),
  collect_list: collectList,
  array_agg: collectList,
  collect_set: collectSet,
  percentile_approx: percentileApprox,
  approx_percentile: percentileApprox,
  max_by: byOrder(1),
  min_by: byOrder(-1),
  mode,
};
