/**
 * Aggregate functions as accumulator factories. Nulls are ignored (except by
 * `count(1)`, whose argument is never null, and `first`/`last` without
 * ignoreNulls). Floating-point moments use Spark's exact update formulas so
 * results match to the last bit. Aggregates that return input values (first/last, max_by, mode,
 * collect_list, ...) are in value-aggregates.ts.
 */
import type { Call } from '../../../expr/nodes.js';
import type { ExecContext } from '../context.js';
import { DecimalType, DoubleType, FloatType } from '../../../types/data-types.js';
import { comparatorFor } from '../runtime/compare.js';
import { divHalfUp, fitsPrecision, pow10, rescale } from '../runtime/decimal.js';
import { addLong, subLong, type Long } from '../runtime/long.js';
import { approxCountDistinct } from './approx-count-distinct.js';
import type { AggregateImpl, FunctionImpl, GroupedInput } from './types.js';
import { momentImpls } from './moments.js';
import { valueAggregateImpls } from './value-aggregates.js';
import { aggregate, argType, isNullish, resultType, type Grouped } from './util.js';

/** Floating sums over several partitions add per-partition partials: the row-order fast path does not apply. */
const partitionedFloating = (call: Call, ctx: ExecContext): boolean => {
  const t = argType(call, 0);
  return (ctx.defaultParallelism ?? 1) > 1 && (t instanceof DoubleType || t instanceof FloatType);
};

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** count per group: rows whose arguments are all non-null. */
const groupedCount: Grouped = (call, { numGroups, numRows, groupOf, args }) => {
  const counts = new Float64Array(numGroups);
  const checked = args.filter((_, j) => {
    const a = call.args[j];
    return !(a && a.kind === 'Literal' && a.value !== null && a.value !== undefined);
  });
  if (checked.length === 0) {
    for (let k = 0; k < numRows; k++) counts[groupOf[k]!]!++;
  } else {
    outer: for (let k = 0; k < numRows; k++) {
      for (const col of checked) {
        const v = col[k];
        if (v === null || v === undefined) continue outer;
      }
      counts[groupOf[k]!]!++;
    }
  }
  return Array.from(counts);
};

/** Sums of number values per group, with a flag per group that saw a value; undefined if a value is not a number. */
function numberSums(input: GroupedInput): { sums: Float64Array; counts: Float64Array; maxAbs: number } | undefined {
  const { numGroups, numRows, groupOf, args } = input;
  const col = args[0]!;
  const sums = new Float64Array(numGroups);
  const counts = new Float64Array(numGroups);
  let maxAbs = 0;
  for (let k = 0; k < numRows; k++) {
    const v = col[k];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'number') return undefined;
    const g = groupOf[k]!;
    const s = sums[g]! + v;
    sums[g] = s;
    counts[g]!++;
    if (s > maxAbs || -s > maxAbs) maxAbs = Math.abs(s);
  }
  return { sums, counts, maxAbs };
}

const groupedSum: Grouped = (call, input, ctx) => {
  const rt = resultType(call);
  if (rt instanceof DecimalType || partitionedFloating(call, ctx)) return undefined;
  const r = numberSums(input);
  if (!r) return undefined;
  const isDouble = rt instanceof DoubleType || rt instanceof FloatType;
  // Integral sums are exact in doubles only while every partial sum stays safe.
  if (!isDouble && !(r.maxAbs <= MAX_SAFE)) return undefined;
  const out = new Array<unknown>(input.numGroups);
  for (let g = 0; g < input.numGroups; g++) out[g] = r.counts[g] === 0 ? null : r.sums[g]! + 0;
  return out;
};

const groupedAvg: Grouped = (call, input, ctx) => {
  if (resultType(call) instanceof DecimalType || partitionedFloating(call, ctx)) return undefined;
  const r = numberSums(input);
  if (!r) return undefined;
  const out = new Array<unknown>(input.numGroups);
  for (let g = 0; g < input.numGroups; g++) out[g] = r.counts[g] === 0 ? null : r.sums[g]! / r.counts[g]!;
  return out;
};

function groupedExtreme(sign: 1 | -1): Grouped {
  return (call, { numGroups, numRows, groupOf, args }) => {
    const cmp = comparatorFor(argType(call, 0));
    const best = new Array<unknown>(numGroups).fill(null);
    const col = args[0]!;
    for (let k = 0; k < numRows; k++) {
      const v = col[k];
      if (v === null || v === undefined) continue;
      const g = groupOf[k]!;
      const b = best[g];
      if (b === null || sign * cmp(v, b) > 0) best[g] = v;
    }
    return best;
  };
}

const count = aggregate((call) => {
  let n = 0;
  const k = call.args.length;
  const test = (args: readonly unknown[]): boolean => {
    for (let j = 0; j < k; j++) if (isNullish(args[j])) return false;
    return true;
  };
  return {
    add: (args) => {
      if (test(args)) n++;
    },
    remove: (args) => {
      if (test(args)) n--;
    },
    result: () => n,
  };
}, groupedCount);

/** sum: long (wrapping) for integral input, double for floating, decimal(p+10,s) with null on overflow. */
const sum = aggregate((call) => {
  const rt = resultType(call);
  const t = argType(call, 0);
  if (rt instanceof DecimalType) {
    const from = (t as DecimalType).scale;
    let acc = 0n;
    let seen = 0;
    return {
      add: (a) => {
        if (isNullish(a[0])) return;
        acc += a[0] as bigint;
        seen++;
      },
      remove: (a) => {
        if (isNullish(a[0])) return;
        acc -= a[0] as bigint;
        seen--;
      },
      result: () => {
        if (seen === 0) return null;
        const r = rescale(acc, from, rt.scale);
        return fitsPrecision(r, rt.precision) ? r : null;
      },
    };
  }
  if (rt instanceof DoubleType || rt instanceof FloatType) {
    // one partial sum per partition, added in partition order (Spark's partial/final Sum)
    const partials = partitionedSum();
    return {
      add: (a) => {
        if (isNullish(a[0])) return;
        const v = a[0];
        partials.add(typeof v === 'bigint' ? Number(v) : (v as number));
      },
      startPartition: partials.startPartition,
      result: () => (partials.count() === 0 ? null : partials.sum()),
    };
  }
  let acc: Long = 0;
  let seen = 0;
  return {
    add: (a) => {
      if (isNullish(a[0])) return;
      acc = addLong(acc, a[0] as Long);
      seen++;
    },
    remove: (a) => {
      if (isNullish(a[0])) return;
      acc = subLong(acc, a[0] as Long);
      seen--;
    },
    result: () => (seen > 0 ? acc : null),
  };
}, groupedSum);

/** avg: double sum / count; decimals divide exactly into decimal(p+4, s+4) (HALF_UP). */
const avg = aggregate((call) => {
  const rt = resultType(call);
  const t = argType(call, 0);
  if (rt instanceof DecimalType && t instanceof DecimalType) {
    let acc = 0n;
    let n = 0;
    return {
      add: (a) => {
        if (isNullish(a[0])) return;
        acc += a[0] as bigint;
        n++;
      },
      remove: (a) => {
        if (isNullish(a[0])) return;
        acc -= a[0] as bigint;
        n--;
      },
      result: () => {
        if (n === 0) return null;
        if (!fitsPrecision(acc, Math.min(38, t.precision + 10))) return null;
        const r = divHalfUp(acc * pow10(rt.scale - t.scale), BigInt(n));
        return fitsPrecision(r, rt.precision) ? r : null;
      },
    };
  }
  const partials = partitionedSum();
  return {
    add: (a) => {
      if (isNullish(a[0])) return;
      const v = a[0];
      partials.add(typeof v === 'bigint' ? Number(v) : (v as number));
    },
    startPartition: partials.startPartition,
    result: () => (partials.count() === 0 ? null : partials.sum() / partials.count()),
  };
}, groupedAvg);

/** A double sum kept per partition and merged in order; with one partition, the plain running sum. */
function partitionedSum() {
  let merged = 0;
  let part = 0;
  let n = 0;
  return {
    add: (v: number) => {
      part += v;
      n++;
    },
    startPartition: () => {
      merged += part;
      part = 0;
    },
    sum: () => merged + part,
    count: () => n,
  };
}

function extreme(sign: 1 | -1): AggregateImpl {
  return aggregate((call) => {
    const cmp = comparatorFor(argType(call, 0));
    let best: unknown = null;
    return {
      add: (a) => {
        const v = a[0];
        if (isNullish(v)) return;
        if (best === null || sign * cmp(v, best) > 0) best = v;
      },
      result: () => best,
    };
  }, groupedExtreme(sign));
}

const product = aggregate(() => {
  let acc = 1;
  let seen = false;
  return {
    add: (a) => {
      if (isNullish(a[0])) return;
      acc *= a[0] as number;
      seen = true;
    },
    result: () => (seen ? acc : null),
  };
});

function boolAgg(all: boolean): AggregateImpl {
  return aggregate(() => {
    let acc: boolean | null = null;
    return {
      add: (a) => {
        const v = a[0];
        if (isNullish(v)) return;
        acc = acc === null ? (v as boolean) : all ? acc && (v as boolean) : acc || (v as boolean);
      },
      result: () => acc,
    };
  });
}

const countIf = aggregate(() => {
  let n = 0;
  return {
    add: (a) => {
      if (a[0] === true) n++;
    },
    remove: (a) => {
      if (a[0] === true) n--;
    },
    result: () => n,
  };
});

export const aggregateImpls: Record<string, FunctionImpl> = {
  count,
  sum,
  avg,
  mean: avg,
  min: extreme(-1),
  max: extreme(1),
  ...momentImpls,
  approx_count_distinct: approxCountDistinct,
  product,
  bool_and: boolAgg(true),
  every: boolAgg(true),
  bool_or: boolAgg(false),
  some: boolAgg(false),
  any: boolAgg(false),
  count_if: countIf,
  ...valueAggregateImpls,
};
