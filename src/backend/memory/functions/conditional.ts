/** Null handling and conditional functions. */
import { comparatorFor, equalityFor } from '../runtime/compare.js';
import type { FunctionImpl, RowFn } from './types.js';
import { argType, compiled, isNullish } from './util.js';


/** coalesce: the first non-null argument, evaluating lazily left to right. */
const coalesce = compiled((args) => {
  const n = args.length;
  return (i) => {
    for (let k = 0; k < n; k++) {
      const v = args[k]!(i);
      if (v !== null && v !== undefined) return v;
    }
    return null;
  };
});

/** greatest/least: skip nulls (null only when all are null); NaN is the largest double. */
function extreme(sign: 1 | -1): FunctionImpl {
  return compiled((args, call) => {
    const cmp = comparatorFor(argType(call, 0));
    return (i) => {
      let best: unknown = null;
      for (const f of args) {
        const v = f(i);
        if (isNullish(v)) continue;
        if (best === null || sign * cmp(v, best) > 0) best = v;
      }
      return best;
    };
  });
}

const isnan = compiled((args) => {
  const a = args[0]!;
  return (i) => {
    const v = a(i);
    return typeof v === 'number' && Number.isNaN(v);
  };
});

/** nanvl(a, b): b when a is NaN, else a. */
const nanvl = compiled((args) => {
  const [a, b] = args as [RowFn, RowFn];
  return (i) => {
    const x = a(i);
    if (isNullish(x)) return null;
    if (typeof x === 'number' && Number.isNaN(x)) {
      const y = b(i);
      return isNullish(y) ? null : y;
    }
    return x;
  };
});

/** nvl2(a, b, c): b when a is not null, else c. */
const nvl2 = compiled((args) => {
  const [a, b, c] = args as [RowFn, RowFn, RowFn];
  return (i) => (isNullish(a(i)) ? c(i) : b(i)) ?? null;
});

/** nullif(a, b): null when a = b, else a. */
const nullif = compiled((args, call) => {
  const [a, b] = args as [RowFn, RowFn];
  const eq = equalityFor(argType(call, 0));
  return (i) => {
    const x = a(i);
    if (isNullish(x)) return null;
    const y = b(i);
    return !isNullish(y) && eq(x, y) ? null : x;
  };
});

/** if(cond, a, b): a when cond is true (null counts as false). */
const ifFn = compiled((args) => {
  const [c, a, b] = args as [RowFn, RowFn, RowFn];
  return (i) => (c(i) === true ? a(i) : b(i)) ?? null;
});

export const conditionalImpls: Record<string, FunctionImpl> = {
  coalesce,
  nvl: coalesce,
  ifnull: coalesce,
  greatest: extreme(1),
  least: extreme(-1),
  isnan,
  nanvl,
  nvl2,
  nullif,
  if: ifFn,
  iff: ifFn,
};
