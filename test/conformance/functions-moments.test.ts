/**
 * Floating moment aggregates (stddev/variance, skewness, kurtosis, corr, covar, regr_r2) to the
 * last digit: Spark updates one buffer per partition of the scanned relation and merges the
 * partials in order (CentralMomentAgg / PearsonCorrelation), so its digits depend on the split.
 * With spark.default.parallelism = 2 (the referee's local[2]) the local backends split alike.
 */
import { expect, it } from 'vitest';
import { forEachBackend, REFEREE_PARALLELISM } from '../helpers/backends.js';

forEachBackend('moment aggregates', (session, backend) => {
  const referee = () => {
    const spark = session();
    if (backend !== 'connect') for (const [k, v] of Object.entries(REFEREE_PARALLELISM)) spark.conf.set(k, v);
    return spark;
  };
  const rows = (q: string) => referee().sql(q).collect().map((r) => r.toArray());

  it('grouped moments merge the partials of each partition (rows split by position over the whole input)', () => {
    const q =
      'SELECT g, kurtosis(a), skewness(a), stddev(a), var_pop(a), corr(a, b), covar_samp(a, b) FROM VALUES ' +
      '(1, -10D, 1D), (2, 3.3D, 0.1D), (1, -20D, 2.5D), (2, 7.1D, 9D), (1, 100D, 3D), (2, 0.7D, 4D), (1, 1000D, 0.3D), (2, 1.9D, 2D), (1, 5D, 7D) ' +
      'AS t(g, a, b) GROUP BY g ORDER BY g';
    expect(rows(q)).toEqual([
      [1, 0.18920481606525863, 1.457774528210887, 441.41816908686485, 155880.00000000003, -0.5190172406814626, -598.0],
      [2, -1.0197843904669053, 0.6827673192216123, 2.777888886666755, 5.787499999999999, 0.6815853405805916, 7.251666666666666],
    ]);
  });

  it('double sum/avg add one partial sum per partition (0.1 | 0.2 + 0.3)', () => {
    expect(rows('SELECT avg(a), sum(a) FROM VALUES (0.1D), (0.2D), (0.3D) AS t(a)')).toEqual([[0.19999999999999998, 0.6]]);
  });

  it("regr_r2 is PearsonCorrelation's corr * corr: null without variance in y, 1 without variance in x", () => {
    expect(rows('SELECT regr_r2(y, x) FROM VALUES (1.5, 2.1), (2.7, 2.2), (2.2, 3.9), (2.9, 4.4), (0.3, 7.7) AS t(y, x)')).toEqual([[0.4225177561411147]]);
    expect(rows('SELECT regr_r2(y, x) FROM VALUES (1, 2), (2, 2) AS t(y, x)')).toEqual([[1]]);
    expect(rows('SELECT regr_r2(y, x) FROM VALUES (1, 2), (1, 3) AS t(y, x)')).toEqual([[null]]);
    expect(rows('SELECT regr_r2(y, x) FROM VALUES (1, 2) AS t(y, x)')).toEqual([[null]]);
  });
});

forEachBackend(
  'moment aggregates, one partition',
  (session) => {
    it('without spark.default.parallelism the relation is one partition (a single buffer, merged once)', () => {
      const df = session().sql('SELECT kurtosis(a), skewness(a) FROM VALUES (-10), (-20), (100), (1000) AS t(a)');
      // what Spark computes over one partition (Spark's local[2] gives -0.7014368047529627, 1.1135657469022011)
      expect(df.first()!.toArray()).toEqual([-0.7014368047529609, 1.1135657469022011]);
      expect(() => session().conf.set('spark.default.parallelism', '0')).not.toThrow();
      expect(() => session().sql('SELECT 1').collect()).toThrow(/spark.default.parallelism should be a positive integer/);
    });
  },
  { localOnly: 'the partition count of the referee Spark is its own core count' },
);
