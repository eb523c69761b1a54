/**
 * median and percentile_cont/disc over a window take the whole partition: Spark 3.5.7 refuses an
 * ORDER BY or any frame but ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING with
 * INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC; percentile itself runs over any window.
 * Every expectation checked against Spark 3.5.7.
 */
import { describe, expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError, rows } from '../helpers/sql-errors.js';

const SLOW = 30_000;
const T = 'FROM VALUES (1, 10), (1, 30), (2, 20) t(k, a)';
// Spark 3.5.7 positions these at the window expression (`median(...) OVER ...`).
const refused = (agg: string, pos = 7): { errorClass: string; message: string } => ({
  errorClass: 'INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC',
  message: `[INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC] Cannot specify ORDER BY or a window frame for "${agg}".; line 1 pos ${pos}`,
});

describe('whole-partition aggregates over windows', () => {
  forEachBackend('median / percentile_cont / percentile_disc', (session) => {
    it('refuse an ORDER BY or a frame other than the whole partition', () => {
      const spark = session();
      const err = (q: string) => firstLineError(() => spark.sql(q).collect());
      expect(err(`SELECT median(a) OVER (ORDER BY a) ${T}`)).toEqual(refused('median(a)'));
      expect(err(`SELECT median(a) OVER w ${T} WINDOW w AS (ORDER BY a)`)).toEqual(refused('median(a)'));
      expect(err(`SELECT median(a) OVER (PARTITION BY k ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) ${T}`)).toEqual(refused('median(a)'));
      expect(err(`SELECT median(a) OVER (PARTITION BY k RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ${T}`)).toEqual(refused('median(a)'));
      expect(err(`SELECT median(a) OVER (ORDER BY a ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ${T}`)).toEqual(refused('median(a)'));
      expect(err("SELECT median(i) OVER (ORDER BY a) FROM VALUES (1, INTERVAL '1' DAY) t(a, i)")).toEqual(refused('median(i)'));
      expect(err(`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a) OVER (PARTITION BY k ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) ${T}`)).toEqual(
        refused('percentile_cont(a, 0.5)'),
      );
      // Nested or in ORDER BY, still at the window expression.
      expect(err(`SELECT k, 1 + median(a) OVER (ORDER BY a) ${T}`)).toEqual(refused('median(a)', 14));
      expect(err(`SELECT k, row_number() OVER (ORDER BY a) + median(a) OVER (ORDER BY a) AS z ${T}`)).toEqual(refused('median(a)', 43));
      expect(err(`SELECT 1, median(a) OVER w AS m ${T} WINDOW w AS (ORDER BY a)`)).toEqual(refused('median(a)', 10));
      expect(err(`SELECT k ${T} WHERE a > 0 ORDER BY median(a) OVER (ORDER BY a)`)).toEqual(refused('median(a)', 76));
      // DISTINCT is refused first
      expect(err(`SELECT median(DISTINCT a) OVER (ORDER BY a) ${T}`)).toEqual({
        errorClass: 'DISTINCT_WINDOW_FUNCTION_UNSUPPORTED',
        message:
          '[DISTINCT_WINDOW_FUNCTION_UNSUPPORTED] Distinct window functions are not supported: "median(DISTINCT a) OVER (ORDER BY a ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)".; line 1 pos 7',
      });
    }, SLOW);

    it('run over the whole partition, written or implied; percentile runs over any window', () => {
      const spark = session();
      expect(rows(spark, `SELECT k, median(a) OVER (PARTITION BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS m ${T} ORDER BY k, a`)).toEqual([
        [1, 20],
        [1, 20],
        [2, 20],
      ]);
      expect(
        rows(
          spark,
          `SELECT k, percentile_disc(0.5) WITHIN GROUP (ORDER BY a) OVER (PARTITION BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS p ${T} ORDER BY k, a`,
        ),
      ).toEqual([
        [1, 10],
        [1, 10],
        [2, 20],
      ]);
      expect(rows(spark, `SELECT a, percentile(a, 0.5) OVER (ORDER BY a) AS p ${T} ORDER BY a`)).toEqual([
        [10, 10],
        [20, 15],
        [30, 20],
      ]);
    }, SLOW);
  });
});
