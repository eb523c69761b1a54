/**
 * Lateral column aliases in aggregating SELECT lists (Spark 3.4+): names,
 * values and nullability, and Spark's refusals (a reference inside an
 * aggregate function or a window, a grouping key taken from an item that
 * reads one), each checked against Spark 3.5.7 on every backend.
 */
import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError, resultOf } from '../helpers/sql-errors.js';

const SLOW = 30_000;
const T = 'FROM VALUES (1, 1), (1, 2), (2, 2) t(x, k)';

forEachBackend('SQL lateral column aliases with aggregation', (session) => {
  it('reads the alias of an aggregate or a grouping key from a later item, named lateralAliasReference(x)', () => {
    const spark = session();
    expect(resultOf(spark, 'SELECT count(*) AS c, c + 1 FROM VALUES (1), (2) t(x)')).toEqual({
      names: ['c', '(lateralAliasReference(c) + 1)'],
      nullable: [false, false],
      rows: [[2, 3]],
    });
    expect(resultOf(spark, `SELECT sum(x) AS s, s * 2, k ${T} GROUP BY k ORDER BY k`)).toEqual({
      names: ['s', '(lateralAliasReference(s) * 2)', 'k'],
      nullable: [true, true, false],
      rows: [
        [1, 2, 1],
        [3, 6, 2],
      ],
    });
    expect(resultOf(spark, `SELECT k AS a, count(*) AS c, c + a ${T} GROUP BY k ORDER BY a`)).toEqual({
      names: ['a', 'c', '(lateralAliasReference(c) + lateralAliasReference(a))'],
      nullable: [false, false, false],
      rows: [
        [1, 1, 2],
        [2, 2, 4],
      ],
    });
    expect(resultOf(spark, `SELECT sum(x) AS s, s + 1, avg(x) + s ${T}`)).toEqual({
      names: ['s', '(lateralAliasReference(s) + 1)', '(avg(x) + lateralAliasReference(s))'],
      nullable: [true, true, true],
      rows: [[4, 5, 5.333333333333333]],
    });
    // A written alias hides the reference; HAVING and ORDER BY read the later alias.
    expect(resultOf(spark, `SELECT sum(x) AS s, s + 1 AS t ${T} GROUP BY k HAVING t > 2 ORDER BY t`)).toEqual({
      names: ['s', 't'],
      nullable: [true, true],
      rows: [[3, 4]],
    });
    expect(resultOf(spark, 'SELECT count(*) AS c, c + 1 AS d FROM VALUES (1), (2) t(x) HAVING d > 10').rows).toEqual([]);
    // Under ROLLUP the aliased key turns nullable, as does every item reading it.
    expect(resultOf(spark, `SELECT k AS a, max(x) AS m, m + a AS z ${T} GROUP BY ROLLUP(k) ORDER BY z`)).toEqual({
      names: ['a', 'm', 'z'],
      nullable: [true, true, true],
      rows: [
        [null, 2, null],
        [1, 1, 2],
        [2, 2, 4],
      ],
    });
    // An input column of the same name wins over the alias.
    expect(firstLineError(() => spark.sql(`SELECT sum(x) AS x, x + 1 ${T}`).collect()).errorClass).toBe('MISSING_GROUP_BY');
  }, SLOW);

  it('checks grouping on the items the alias stands for', () => {
    const spark = session();
    const kk = firstLineError(() => spark.sql(`SELECT k AS kk, x + kk ${T} GROUP BY k`).collect());
    expect(kk.errorClass).toBe('MISSING_AGGREGATION');
    expect(kk.message).toContain('[MISSING_AGGREGATION] The non-aggregating expression "x" is based on columns which are not participating in the GROUP BY clause.');
    expect(firstLineError(() => spark.sql(`SELECT x AS a, a + 1 ${T} GROUP BY k`).collect()).errorClass).toBe('MISSING_AGGREGATION');
  }, SLOW);

  it("refuses a reference inside an aggregate function, after Spark's other aggregation errors", () => {
    const spark = session();
    const inAgg = (lca: string, fn: string) => ({
      errorClass: 'UNSUPPORTED_FEATURE.LATERAL_COLUMN_ALIAS_IN_AGGREGATE_FUNC',
      message: `[UNSUPPORTED_FEATURE.LATERAL_COLUMN_ALIAS_IN_AGGREGATE_FUNC] The feature is not supported: Referencing a lateral column alias \`${lca}\` in the aggregate function "${fn}".`,
    });
    expect(firstLineError(() => spark.sql(`SELECT sum(x) AS s, sum(s) ${T}`).collect())).toEqual(inAgg('s', 'sum(lateralAliasReference(s))'));
    expect(firstLineError(() => spark.sql(`SELECT x + 1 AS a, sum(a) ${T} GROUP BY x`).collect())).toEqual(inAgg('a', 'sum(lateralAliasReference(a))'));
    expect(firstLineError(() => spark.sql(`SELECT 1 AS a, sum(a) ${T}`).collect())).toEqual(inAgg('a', 'sum(lateralAliasReference(a))'));
    expect(firstLineError(() => spark.sql(`SELECT x + 1 AS a, sum(a) ${T}`).collect()).errorClass).toBe('MISSING_GROUP_BY');
    expect(firstLineError(() => spark.sql(`SELECT x + 1 AS a, sum(a), k ${T} GROUP BY x`).collect()).message).toContain(
      '[MISSING_AGGREGATION] The non-aggregating expression "k" is based on columns which are not participating in the GROUP BY clause.',
    );
  }, SLOW);

  it('refuses a reference inside a window expression, printed with the frame Spark has resolved so far', () => {
    const spark = session();
    const inWindow = (lca: string, w: string) => ({
      errorClass: 'UNSUPPORTED_FEATURE.LATERAL_COLUMN_ALIAS_IN_WINDOW',
      message: `[UNSUPPORTED_FEATURE.LATERAL_COLUMN_ALIAS_IN_WINDOW] The feature is not supported: Referencing a lateral column alias \`${lca}\` in window expression "${w}".`,
    });
    expect(firstLineError(() => spark.sql(`SELECT sum(x) AS s, rank() OVER (ORDER BY s) ${T}`).collect())).toEqual(
      inWindow('s', 'RANK() OVER (ORDER BY lateralAliasReference(s) ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)'),
    );
    expect(firstLineError(() => spark.sql(`SELECT x AS a, max(a) OVER () ${T}`).collect())).toEqual(inWindow('a', 'max(lateralAliasReference(a)) OVER (unspecifiedframe$())'));
    expect(firstLineError(() => spark.sql(`SELECT sum(x) AS s, sum(s) OVER () ${T}`).collect())).toEqual(inWindow('s', 'sum(lateralAliasReference(s)) OVER (unspecifiedframe$())'));
    expect(firstLineError(() => spark.sql(`SELECT x AS a, sum(x) OVER (ORDER BY a) ${T}`).collect())).toEqual(
      inWindow('a', 'sum(x) OVER (ORDER BY lateralAliasReference(a) ASC NULLS FIRST unspecifiedframe$())'),
    );
    expect(firstLineError(() => spark.sql(`SELECT x AS a, cume_dist() OVER (ORDER BY a) ${T}`).collect())).toEqual(
      inWindow('a', 'cume_dist() OVER (ORDER BY lateralAliasReference(a) ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)'),
    );
    expect(firstLineError(() => spark.sql(`SELECT x AS a, max(a) OVER (PARTITION BY k ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) ${T}`).collect())).toEqual(
      inWindow('a', 'max(lateralAliasReference(a)) OVER (PARTITION BY k ORDER BY x ASC NULLS FIRST ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)'),
    );
    // Refused before the missing GROUP BY.
    expect(firstLineError(() => spark.sql(`SELECT x AS a, sum(k), max(a) OVER () ${T}`).collect()).errorClass).toBe('UNSUPPORTED_FEATURE.LATERAL_COLUMN_ALIAS_IN_WINDOW');
  }, SLOW);

  it('refuses a grouping key (alias, ordinal or ALL) taken from an item that reads a lateral alias', () => {
    const spark = session();
    const inGroupBy = {
      errorClass: 'UNSUPPORTED_FEATURE.LATERAL_COLUMN_ALIAS_IN_GROUP_BY',
      message: '[UNSUPPORTED_FEATURE.LATERAL_COLUMN_ALIAS_IN_GROUP_BY] The feature is not supported: Referencing a lateral column alias via GROUP BY alias/ALL is not supported yet.',
    };
    for (const groupBy of ['b', '2', 'ALL', 'k, b']) {
      expect(firstLineError(() => spark.sql(`SELECT k AS a, a + 1 AS b, count(*) ${T} GROUP BY ${groupBy}`).collect())).toEqual(inGroupBy);
    }
    expect(firstLineError(() => spark.sql(`SELECT k AS a, a AS b, count(*) ${T} GROUP BY b`).collect())).toEqual(inGroupBy);
    expect(firstLineError(() => spark.sql(`SELECT k, sum(x) AS s, s + 1 ${T} GROUP BY ALL`).collect())).toEqual(inGroupBy);
    // The key the later items read is fine.
    expect(resultOf(spark, `SELECT k AS a, a AS b, count(*) ${T} GROUP BY a ORDER BY a`)).toEqual({
      names: ['a', 'b', 'count(1)'],
      nullable: [false, false, false],
      rows: [
        [1, 1, 1],
        [2, 2, 2],
      ],
    });
  }, SLOW);
});
