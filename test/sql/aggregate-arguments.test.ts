/**
 * count's SQL argument rules under their legacy confs (`count()`, `count(t.*)`)
 * and the names of DISTINCT aggregates, each checked against Spark 3.5.7 on
 * every backend.
 */
import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError, resultOf } from '../helpers/sql-errors.js';

const SLOW = 30_000;
const T = 'FROM VALUES (1, 2), (1, 2), (NULL, 3) t(a, b)';

forEachBackend('SQL aggregate arguments', (session) => {
  it('refuses count() unless spark.sql.legacy.allowParameterlessCount, then counts 0 per group', () => {
    const spark = session();
    expect(firstLineError(() => spark.sql(`SELECT count() ${T}`).collect())).toEqual({
      errorClass: 'WRONG_NUM_ARGS.WITH_SUGGESTION',
      message:
        '[WRONG_NUM_ARGS.WITH_SUGGESTION] The `count` requires  >= 1 parameters but the actual number is 0. If you have to call this function with 0 parameters, set the legacy configuration "spark.sql.legacy.allowParameterlessCount" to "true".',
    });
    spark.sql('SET spark.sql.legacy.allowParameterlessCount=true');
    expect(resultOf(spark, `SELECT count() ${T}`)).toEqual({ names: ['count()'], nullable: [false], rows: [[0]] });
    expect(resultOf(spark, `SELECT b, count(), count(*) ${T} GROUP BY b ORDER BY b`)).toEqual({
      names: ['b', 'count()', 'count(1)'],
      nullable: [false, false, false],
      rows: [
        [2, 0, 2],
        [3, 0, 1],
      ],
    });
    expect(resultOf(spark, `SELECT count() ${T} WHERE a > 5`).rows).toEqual([[0]]);
    expect(resultOf(spark, `SELECT count() FILTER (WHERE a > 0) ${T}`).names).toEqual(['count() FILTER (WHERE (a > 0))']);
  }, SLOW);

  it('refuses count(t.*) unless spark.sql.legacy.allowStarWithSingleTableIdentifierInCount; several stars are expanded', () => {
    const spark = session();
    const refused = { errorClass: '_LEGACY_ERROR_TEMP_1021', message: 'count(t.*) is not allowed. Please use count(*) or expand the columns manually, e.g. count(col1, col2).' };
    expect(firstLineError(() => spark.sql(`SELECT count(t.*) ${T}`).collect()).message).toBe(refused.message);
    expect(firstLineError(() => spark.sql(`SELECT count(DISTINCT t.*) ${T}`).collect()).message).toBe(refused.message);
    expect(resultOf(spark, `SELECT count(t.*, t.*), count(DISTINCT t.*, t.*) ${T}`)).toEqual({
      names: ['count(a, b, a, b)', 'count(DISTINCT a, b, a, b)'],
      nullable: [false, false],
      rows: [[2, 1]],
    });
    spark.sql('SET spark.sql.legacy.allowStarWithSingleTableIdentifierInCount=true');
    expect(resultOf(spark, `SELECT count(t.*) ${T}`)).toEqual({ names: ['count(a, b)'], nullable: [false], rows: [[2]] });
  }, SLOW);

  it('names every DISTINCT aggregate with the keyword, default arguments included', () => {
    const spark = session();
    const r = resultOf(
      spark,
      `SELECT percentile_approx(DISTINCT a, 0.8), approx_percentile(DISTINCT a, 0.5), percentile(DISTINCT a, 0.5), first(DISTINCT a), last_value(DISTINCT a), any_value(DISTINCT a), last(DISTINCT a) IGNORE NULLS, first_value(DISTINCT a, true), histogram_numeric(DISTINCT a, 2) ${T}`,
    );
    expect(r.names).toEqual([
      'percentile_approx(DISTINCT a, 0.8, 10000)',
      'approx_percentile(DISTINCT a, 0.5, 10000)',
      'percentile(DISTINCT a, 0.5, 1)',
      'first(DISTINCT a)',
      'last_value(DISTINCT a)',
      'any_value(DISTINCT a)',
      'last(DISTINCT a)',
      'first_value(DISTINCT a)',
      'histogram_numeric(DISTINCT a, 2)',
    ]);
    expect(r.rows[0]!.slice(0, 8)).toEqual([1, 1, 1, 1, null, 1, 1, 1]);
  }, SLOW);
});
