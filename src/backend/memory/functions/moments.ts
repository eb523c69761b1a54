/**
 * Statistical moments as Spark's aggregates compute them: CentralMomentAgg (stddev, variance,
 * skewness, kurtosis) and the co-moments of Covariance / PearsonCorrelation. Each partition
 * updates its own buffer row by row and the partials merge in partition order, so the last
 * digits match Spark's. regr_* (regression.ts) reuses these buffers.
 */
import type { AggregateImpl, FunctionImpl } from './types.js';
import { aggregate, isNullish } from './util.js';

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

const stddevSamp = moments(2, (n, m2) => (n === 1 ? null : Math.sqrt(m2 / (n - 1))));
const varSamp = moments(2, (n, m2) => (n === 1 ? null : m2 / (n - 1)));

export const momentImpls: Record<string, FunctionImpl> = {
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
};
