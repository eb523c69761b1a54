/**
 * Spark's regr_* aggregates over the (y, x) pairs where both are non-null. Spark builds
 * each from its moment aggregates, and the last digits depend on which one:
 *   - regr_count, regr_avgx, regr_avgy: Count and Average (a sum per partition, added up);
 *   - regr_sxx, regr_syy: a CentralMomentAgg over x (or y) alone, its m2;
 *   - regr_sxy: Covariance(y, x), its co-moment ck (y is Covariance's first side);
 *   - regr_slope: the co-moment ck of a Covariance(x, y) over the m2 of a separate
 *     CentralMomentAgg over x;
 *   - regr_intercept: avg(y) − slope·avg(x) with the averages of that Covariance.
 * Every buffer is updated row by row within a partition and the partials are merged in
 * partition order, as the other moment aggregates here do (regr_r2, which Spark builds on
 * PearsonCorrelation, lives with them).
 */
import type { AggregateImpl } from './types.js';
import {
  mergeCoMoments,
  mergeMoments,
  noCoMoments,
  noMoments,
  pairAggregate,
  updateCoMoments,
  updateMoments,
  type CoMoments,
  type Moments,
  type PairBuffer,
} from './moments.js';

/** One partition's buffers (or their merge). */
interface Buffers {
  /** CovPopulation(x, y) of regr_slope/regr_intercept: its first side is x. */
  xy: CoMoments;
  /** Covariance(y, x) of regr_sxy: its first side is y. */
  yx: CoMoments;
  x: Moments;
  y: Moments;
  sumX: number;
  sumY: number;
}

const empty = (): Buffers => ({ xy: noCoMoments(), yx: noCoMoments(), x: noMoments(), y: noMoments(), sumX: 0, sumY: 0 });

function update(b: Buffers, y: number, x: number): void {
  updateCoMoments(b.xy, x, y);
  updateCoMoments(b.yx, y, x);
  updateMoments(b.x, x, 2);
  updateMoments(b.y, y, 2);
  b.sumX += x;
  b.sumY += y;
}

function merge(l: Buffers, r: Buffers): Buffers {
  return {
    xy: mergeCoMoments(l.xy, r.xy),
    yx: mergeCoMoments(l.yx, r.yx),
    x: mergeMoments(l.x, r.x, 2),
    y: mergeMoments(l.y, r.y, 2),
    sumX: l.sumX + r.sumX,
    sumY: l.sumY + r.sumY,
  };
}

/** regr_* buffers take (y, x): Spark's argument order. */
const buffers: PairBuffer<Buffers> = { empty, update, merge, count: (b) => b.x.n };
const regression = (finish: (b: Buffers) => number | null, whenEmpty: number | null = null): AggregateImpl =>
  pairAggregate(buffers, finish, whenEmpty);

/**
 * The co-moment of x and y over x's m2, null without variance in x. (Spark's digits: dividing
 * each by n first, as covar_pop / var_pop would, is an ulp off on about a fifth of samples.)
 */
const slope = (b: Buffers): number | null => (b.x.m2 === 0 ? null : b.xy.ck / b.x.m2);

export const regressionImpls: Record<string, AggregateImpl> = {
  regr_count: regression((b) => b.x.n, 0),
  regr_avgx: regression((b) => b.sumX / b.x.n),
  regr_avgy: regression((b) => b.sumY / b.y.n),
  regr_sxx: regression((b) => b.x.m2),
  regr_syy: regression((b) => b.y.m2),
  regr_sxy: regression((b) => b.yx.ck),
  regr_slope: regression(slope),
  regr_intercept: regression((b) => {
    const s = slope(b);
    return s === null ? null : b.xy.yAvg - s * b.xy.xAvg;
  }),
};
