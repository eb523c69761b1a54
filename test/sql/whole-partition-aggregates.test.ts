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
const refused = (agg: string): { errorClass: string; message: string } => ({
  errorClass: 'INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC',
  message: `[INVALID_WINDOW_SPEC_FOR_AGGREGATION_FUNC] Cannot specify ORDER BY or a window frame for "${agg}".`,
});

describe('whole-partition aggregates over windows', () => {
  forEachBackend('median / percentile_cont / percentile_disc', (session) => {
    it('refuse an ORDER BY or a frame other than the whole partition', () => {
      const spark = session();
      // Spark adds `; line 1 pos 7`; window-level errors carry no position here (KNOWN_GAPS).
      const err = (q: string) => firstLineError(() => spark.sql(q).collect(), true);
      expect(err(`SELECT median(a) OVER (ORDER BY a) ${T}`)).toEqual(refused('median(a)'));
      expect(err(`SELECT median(a) OVER w ${T} WINDOW w AS (ORDER BY a)`)).toEqual(refused('median(a)'));
      expect(err(`SELECT median(a) OVER (PARTITION BY k ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) ${T}`)).toEqual(refused('median(a)'));
      expect(err(`SELECT median(a) OVER (PARTITION BY k RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ${T}`)).toEqual(refused('median(a)'));
      expect(err(`SELECT median(a) OVER (ORDER BY a ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ${T}`)).toEqual(refused('median(a)'));
      expect(err("SELECT median(i) OVER (ORDER BY a) FROM VALUES (1, INTERVAL '1' DAY) t(a, i)")).toEqual(refused('median(i)'));
      expect(err(`SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a) OVER (PARTITION BY k ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) ${T}`)).toEqual(
        refused('percentile_cont(a, 0.5)'),
      );
      // DISTINCT is refused first
      expect(err(`SELECT median(DISTINCT a) OVER (ORDER BY a) ${T}`).errorClass).toBe('DISTINCT_WINDOW_FUNCTION_UNSUPPORTED');
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
