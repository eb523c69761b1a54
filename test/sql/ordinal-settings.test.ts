/**
 * GROUP BY / ORDER BY ordinals and their settings: spark.sql.groupByOrdinal=false and
 * spark.sql.orderByOrdinal=false make integer keys plain constants (ORDER BY too on DataFrame
 * plans, as Spark's SubstituteUnresolvedOrdinals), and a GROUP BY ordinal with `SELECT *` is
 * STAR_GROUP_BY_POS; an ORDER BY position may name a sort column the select list lacks, as Spark 3.5
 * adds those before reading positions. Checked against Spark 3.5.7.
 */
import { describe, expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { rows, sqlError } from '../helpers/sql-errors.js';

const SLOW = 30_000;
const DATA = 'SELECT * FROM VALUES (1, 1), (1, 2), (2, 1), (2, 2), (3, 1), (3, 2) AS data(a, b)';

const withData = (spark: SparkSession): SparkSession => {
  spark.sql(`CREATE OR REPLACE TEMPORARY VIEW data AS ${DATA}`).collect();
  return spark;
};

describe('ordinal settings', () => {
  forEachBackend('GROUP BY / ORDER BY positions', (session) => {
    it('a GROUP BY position with SELECT * is STAR_GROUP_BY_POS', () => {
      const spark = withData(session());
      for (const q of ['SELECT * FROM data GROUP BY a, b, 1', 'SELECT * FROM data GROUP BY 5']) {
        const err = sqlError(spark, q);
        expect(err.errorClass).toBe('STAR_GROUP_BY_POS');
        expect(err.message).toContain('Star (*) is not allowed in a select list when GROUP BY an ordinal position is used.');
      }
    }, SLOW);

    it('spark.sql.groupByOrdinal=false groups by the constant', () => {
      const spark = withData(session());
      spark.conf.set('spark.sql.groupByOrdinal', 'false');
      expect(rows(spark, 'SELECT sum(b) FROM data GROUP BY -1')).toEqual([[9]]);
      expect(rows(spark, 'SELECT a, sum(b) FROM data GROUP BY a, 1 ORDER BY a')).toEqual([
        [1, 3],
        [2, 3],
        [3, 3],
      ]);
    }, SLOW);

    it('an ORDER BY position counts the sort columns the select list lacks (Spark 3.5)', () => {
      const spark = session();
      const v = 'VALUES (1, 2, 9), (2, 1, 8), (3, 1, 7) AS data(a, b, c)';
      expect(rows(spark, `SELECT a FROM ${v} ORDER BY 2, b + 1`)).toEqual([[2], [3], [1]]);
      expect(rows(spark, `SELECT a FROM ${v} ORDER BY 3, b, c`)).toEqual([[3], [2], [1]]);
      expect(rows(spark, `SELECT a FROM ${v} ORDER BY 2 DESC, b`)).toEqual([[1], [2], [3]]);
      const err = sqlError(spark, `SELECT a FROM ${v} ORDER BY 3, b`);
      expect(err.errorClass).toBe('ORDER_BY_POS_OUT_OF_RANGE');
      expect(err.message).toContain('ORDER BY position 3 is not in select list (valid range is [1, 2]).');
    }, SLOW);

    it('spark.sql.orderByOrdinal=false sorts by the constant (SQL and DataFrame plans)', () => {
      const spark = withData(session());
      spark.conf.set('spark.sql.orderByOrdinal', 'false');
      expect(rows(spark, 'SELECT * FROM data ORDER BY 0')).toHaveLength(6);
      expect(rows(spark, 'SELECT * FROM data SORT BY 0')).toHaveLength(6);
      expect(rows(spark, 'SELECT a FROM data ORDER BY 5, a DESC')).toEqual([[3], [3], [2], [2], [1], [1]]);
      spark.conf.set('spark.sql.orderByOrdinal', 'true');
      expect(sqlError(spark, 'SELECT * FROM data ORDER BY 0').errorClass).toBe('ORDER_BY_POS_OUT_OF_RANGE');
    }, SLOW);
  });
});
