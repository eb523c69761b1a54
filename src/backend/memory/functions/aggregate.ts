/**
 * Aggregate functions as accumulator factories. Nulls are ignored (except by
 * `count(1)`, whose argument is never null, and `first`/`last` without
 * ignoreNulls). Floating-point moments use Spark's exact update formulas so
 * results match to the last bit.
 */
import type { Call } from '../../../expr/nodes.js';
import type { ExecContext } from '../context.js';
import { DecimalType, DoubleType, FloatType } from '../../../types/data-types.js';
import { comparatorFor, hashKey } from '../runtime/compare.js';
import { divHalfUp, fitsPrecision, pow10, rescale } from '../runtime/decimal.js';
import { javaHashCode, openHashIterationOrder } from '../runtime/open-hash-order.js';
import { addLong, subLong, type Long } from '../runtime/long.js';
import { approxCountDistinct } from './approx-count-distinct.js';
import type { Accumulator, AggregateImpl, FunctionImpl, GroupedInput } from './types.js';
import { argType, isNullish, literalArg, resultType } from './util.js';


type Grouped = (call: Call, input: GroupedInput, ctx: ExecContext) => unknown[] | undefined;

const aggregate = (create: (call: Call) => Accumulator, grouped?: Grouped): AggregateImpl =>
  grouped ? { kind: 'aggregate', create, grouped: (call, ctx, input) => grouped(call, input, ctx) } : { kind: 'aggregate', create };

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

/** `ignoreNulls` from the call's options or a literal second argument (first(x, true)). */
function ignoreNulls(call: Call): boolean {
  const opt = call.options?.ignoreNulls ?? call.options?.ignorenulls;
  if (typeof opt === 'boolean') return opt;
  const lit = literalArg(call, 1);
  return lit?.value === true;
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

export interface Moments {
  n: number;
  avg: number;
  m2: number;
  m3: number;
  m4: number;
}

export const noMoments = (): Moments => ({ n: 0, avg: 0, m2: 0, m3: 0, m4: 0 });

/** Spark's CentralMomentAgg update of one partition's buffer by a value (orders above `order` stay 0). */
export function updateMoments(b: Moments, v: number, order: 2 | 3 | 4): void {
  const newN = b.n + 1;
  const delta = v - b.avg;
  const deltaN = delta / newN;
  const newM2 = b.m2 + delta * (delta - deltaN);
  const delta2 = delta * delta;
  const deltaN2 = deltaN * deltaN;
  const newM3 = order >= 3 ? b.m3 - 3.0 * deltaN * newM2 + delta * (delta2 - deltaN2) : 0;
  const newM4 = order >= 4 ? b.m4 - 4.0 * deltaN * newM3 - 6.0 * deltaN2 * newM2 + delta * (delta * delta2 - deltaN * deltaN2) : 0;
  b.n = newN;
  b.avg += deltaN;
  b.m2 = newM2;
  b.m3 = newM3;
  b.m4 = newM4;
}

/** Spark's CentralMomentAgg merge of two partial buffers (the higher-order moment formulas of Chan et al.). */
export function mergeMoments(l: Moments, r: Moments, order: 2 | 3 | 4): Moments {
  const n1 = l.n;
  const n2 = r.n;
  const n = n1 + n2;
  const delta = r.avg - l.avg;
  const deltaN = n === 0 ? 0 : delta / n;
  const m2 = l.m2 + r.m2 + delta * deltaN * n1 * n2;
  const m3 = order >= 3 ? l.m3 + r.m3 + deltaN * deltaN * delta * n1 * n2 * (n1 - n2) + 3.0 * deltaN * (n1 * r.m2 - n2 * l.m2) : 0;
  const m4 =
    order >= 4
      ? l.m4 +
        r.m4 +
        deltaN * deltaN * deltaN * delta * n1 * n2 * (n1 * n1 - n1 * n2 + n2 * n2) +
        6.0 * deltaN * deltaN * (n1 * n1 * r.m2 + n2 * n2 * l.m2) +
        4.0 * deltaN * (n1 * r.m3 - n2 * l.m3)
      : 0;
  return { n, avg: l.avg + deltaN * n2, m2, m3, m4 };
}

/**
 * Spark's CentralMomentAgg: each partition updates its own buffer row by row, and the final
 * aggregation merges the partials, in partition order, into an empty buffer; the last digits
 * of skewness or kurtosis depend on that shape.
 */
function moments(order: 2 | 3 | 4, finish: (n: number, m2: number, m3: number, m4: number) => number | null): AggregateImpl {
  return aggregate(() => {
    let merged = noMoments();
    let part = noMoments();
    return {
      add: (a) => {
        const x = a[0];
        if (isNullish(x)) return;
        updateMoments(part, typeof x === 'bigint' ? Number(x) : (x as number), order);
      },
      startPartition: () => {
        merged = mergeMoments(merged, part, order);
        part = noMoments();
      },
      result: () => {
        const b = mergeMoments(merged, part, order);
        return b.n === 0 ? null : finish(b.n, b.m2, b.m3, b.m4);
      },
    };
  });
}

export interface CoMoments {
  n: number;
  xAvg: number;
  yAvg: number;
  ck: number;
  xMk: number;
  yMk: number;
}

export const noCoMoments = (): CoMoments => ({ n: 0, xAvg: 0, yAvg: 0, ck: 0, xMk: 0, yMk: 0 });

/** Spark's Covariance / PearsonCorrelation update of one partition's buffer by a pair (x is the first argument). */
export function updateCoMoments(b: CoMoments, x: number, y: number): void {
  const newN = b.n + 1;
  const dx = x - b.xAvg;
  const dxN = dx / newN;
  const dy = y - b.yAvg;
  const dyN = dy / newN;
  const newXAvg = b.xAvg + dxN;
  const newYAvg = b.yAvg + dyN;
  b.ck += dx * (y - newYAvg);
  b.xMk += dx * (x - newXAvg);
  b.yMk += dy * (y - newYAvg);
  b.xAvg = newXAvg;
  b.yAvg = newYAvg;
  b.n = newN;
}

/** Spark's PearsonCorrelation/Covariance merge of two partial buffers. */
export function mergeCoMoments(l: CoMoments, r: CoMoments): CoMoments {
  const n1 = l.n;
  const n2 = r.n;
  const n = n1 + n2;
  const dx = r.xAvg - l.xAvg;
  const dxN = n === 0 ? 0 : dx / n;
  const dy = r.yAvg - l.yAvg;
  const dyN = n === 0 ? 0 : dy / n;
  return {
    n,
    xAvg: l.xAvg + dxN * n2,
    yAvg: l.yAvg + dyN * n2,
    ck: l.ck + r.ck + dx * dyN * n1 * n2,
    xMk: l.xMk + r.xMk + dx * dxN * n1 * n2,
    yMk: l.yMk + r.yMk + dy * dyN * n1 * n2,
  };
}

/** How a two-argument aggregate keeps its buffer: Spark updates it row by row within a partition and merges partials in order. */
export interface PairBuffer<B> {
  empty: () => B;
  update: (b: B, first: number, second: number) => void;
  merge: (l: B, r: B) => B;
  count: (b: B) => number;
}

/** An aggregate over the non-null (first, second) pairs; `whenEmpty` answers when no pair counted. */
export function pairAggregate<B>(buf: PairBuffer<B>, finish: (b: B) => number | null, whenEmpty: number | null = null): AggregateImpl {
  return aggregate(() => {
    let merged = buf.empty();
    let part = buf.empty();
    return {
      add: (a) => {
        if (isNullish(a[0]) || isNullish(a[1])) return;
        buf.update(part, Number(a[0]), Number(a[1]));
      },
      startPartition: () => {
        merged = buf.merge(merged, part);
        part = buf.empty();
      },
      result: () => {
        const b = buf.merge(merged, part);
        return buf.count(b) === 0 ? whenEmpty : finish(b);
      },
    };
  });
}

const coMomentBuffer: PairBuffer<CoMoments> = { empty: noCoMoments, update: updateCoMoments, merge: mergeCoMoments, count: (m) => m.n };

/** Spark's Covariance / PearsonCorrelation over their co-moments. */
export function bivariate(finish: (n: number, ck: number, xMk: number, yMk: number) => number | null): AggregateImpl {
  return pairAggregate(coMomentBuffer, (m) => finish(m.n, m.ck, m.xMk, m.yMk));
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

const stddevSamp = moments(2, (n, m2) => (n === 1 ? null : Math.sqrt(m2 / (n - 1))));
const varSamp = moments(2, (n, m2) => (n === 1 ? null : m2 / (n - 1)));

export const aggregateImpls: Record<string, FunctionImpl> = {
  count,
  sum,
  avg,
  mean: avg,
  min: extreme(-1),
  max: extreme(1),
  first: firstLast(false),
  last: firstLast(true),
  first_value: firstLast(false),
  last_value: firstLast(true),
  any_value: firstLast(false),
  collect_list: collectList,
  array_agg: collectList,
  collect_set: collectSet,
  stddev_samp: stddevSamp,
  stddev: stddevSamp,
  std: stddevSamp,
  stddev_pop: moments(2, (n, m2) => Math.sqrt(m2 / n)),
  var_samp: varSamp,
  variance: varSamp,
  var_pop: moments(2, (n, m2) => m2 / n),
  skewness: moments(3, (n, m2, m3) => (m2 === 0 ? null : (Math.sqrt(n) * m3) / Math.sqrt(m2 * m2 * m2))),
  kurtosis: moments(4, (n, m2, _m3, m4) => (m2 === 0 ? null : (n * m4) / (m2 * m2) - 3.0)),
  // Spark divides with its Divide expression: a zero denominator (a constant side) gives NULL, not NaN
  corr: bivariate((n, ck, xMk, yMk) => {
    const d = Math.sqrt(xMk * yMk);
    return n === 1 || d === 0 ? null : ck / d;
  }),
  covar_pop: bivariate((n, ck) => ck / n),
  covar_samp: bivariate((n, ck) => (n === 1 ? null : ck / (n - 1))),
  approx_count_distinct: approxCountDistinct,
  product,
  percentile_approx: percentileApprox,
  approx_percentile: percentileApprox,
  bool_and: boolAgg(true),
  every: boolAgg(true),
  bool_or: boolAgg(false),
  some: boolAgg(false),
  any: boolAgg(false),
  count_if: countIf,
  max_by: byOrder(1),
  min_by: byOrder(-1),
  mode,
};
