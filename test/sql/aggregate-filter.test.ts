/**
 * `agg(args) FILTER (WHERE cond)` masks the rows the aggregate sees (Spark's AggregateExpression
 * filter), rather than rewriting its arguments into CASE WHEN: first() skips masked rows instead of
 * returning their NULLs, literal arguments stay literals, and the column is named
 * `agg(args) FILTER (WHERE cond)`. Every expectation checked against Spark 3.5.7.
 */
import { describe, expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { rows, sqlError } from '../helpers/sql-errors.js';

const SLOW = 30_000;
const T = 'FROM VALUES (1, 1), (2, 2), (3, NULL) AS t(a, b)';

/** `name:type` of each output column, `!` marking a non-nullable one. */
const schemaOf = (spark: SparkSession, q: string): string[] =>
  spark.sql(q).schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}${f.nullable ? '' : '!'}`);

describe('aggregate FILTER (WHERE ...)', () => {
  forEachBackend('row mask', (session) => {
    it('first/last skip masked rows; literal arguments stay foldable', () => {
      const spark = session();
      const q = `SELECT first(b) FILTER (WHERE b > 1), percentile_approx(b, 0.5) FILTER (WHERE a > 1), count(*) FILTER (WHERE a > 1) + 1, sum(b) FILTER (WHERE a > 5), last(b) FILTER (WHERE a < 3) ${T}`;
      expect(schemaOf(spark, q)).toEqual([
        'first(b) FILTER (WHERE (b > 1)):int',
        'percentile_approx(b, 0.5, 10000) FILTER (WHERE (a > 1)):int',
        '(count(1) FILTER (WHERE (a > 1)) + 1):bigint!',
        'sum(b) FILTER (WHERE (a > 5)):bigint',
        'last(b) FILTER (WHERE (a < 3)):int',
      ]);
      expect(rows(spark, q)).toEqual([[2, 2, 3, null, 2]]);
    }, SLOW);

    it('a filter with a scalar subquery is named scalarsubquery()', () => {
      const spark = session();
      const q = 'SELECT avg(b) FILTER (WHERE a > (SELECT 1)) FROM VALUES (1, 1), (2, 2) AS t(a, b)';
      expect(schemaOf(spark, q)).toEqual(['avg(b) FILTER (WHERE (a > scalarsubquery())):double']);
      expect(rows(spark, q)).toEqual([[2]]);
    }, SLOW);

    it('the filtered and unfiltered call are different aggregates; DISTINCT is masked too', () => {
      const spark = session();
      const q =
        'SELECT a, count(DISTINCT b) FILTER (WHERE b IS NOT NULL), sum(b), sum(b) FILTER (WHERE b = 1) ' +
        'FROM VALUES (1, 1), (1, 2), (1, 1), (2, 5) AS t(a, b) GROUP BY a ORDER BY a';
      expect(schemaOf(spark, q)).toEqual(['a:int!', 'count(DISTINCT b) FILTER (WHERE (b IS NOT NULL)):bigint!', 'sum(b):bigint', 'sum(b) FILTER (WHERE (b = 1)):bigint']);
      expect(rows(spark, q)).toEqual([
        [1, 2, 4, 2],
        [2, 1, 5, null],
      ]);
    }, SLOW);

    it("SQL-only aggregate forms keep the mask and Spark's names", () => {
      const spark = session();
      const q = 'SELECT count_if(b > 1) FILTER (WHERE a > 1), every(b > 0) FILTER (WHERE a = 1), first_value(b) FILTER (WHERE a = 2), collect_list(b) FILTER (WHERE a <> 2) FROM VALUES (1, 1), (2, 2), (3, 3) AS t(a, b)';
      expect(schemaOf(spark, q)).toEqual([
        'count_if((b > 1)) FILTER (WHERE (a > 1)):bigint!',
        'every((b > 0)) FILTER (WHERE (a = 1)):boolean',
        'first_value(b) FILTER (WHERE (a = 2)):int',
        'collect_list(b) FILTER (WHERE (NOT (a = 2))):array<int>!',
      ]);
      expect(rows(spark, q)).toEqual([[2, true, 2, [1, 3]]]);
    }, SLOW);

    it("Spark's refusals", () => {
      const spark = session();
      const cases: [string, string][] = [
        ['SELECT sum(b) FILTER (WHERE a) FROM VALUES (1, 1) AS t(a, b)', 'FILTER expression is not of type boolean. It cannot be used in an aggregate function.'],
        ['SELECT abs(a) FILTER (WHERE a > 1) FROM VALUES (1) AS t(a)', 'Function abs does not support FILTER clause.'],
        ['SELECT sum(a) FILTER (WHERE sum(a) > 1) FROM VALUES (1) AS t(a)', 'FILTER expression contains aggregate. It cannot be used in an aggregate function.'],
        ['SELECT sum(a) FILTER (WHERE rand() > 1) FROM VALUES (1) AS t(a)', 'FILTER expression is non-deterministic, it cannot be used in aggregate functions.'],
      ];
      for (const [q, message] of cases) {
        const err = sqlError(spark, q);
        expect(err.name).toBe('AnalysisException');
        expect(err.message).toContain(message);
      }
    }, SLOW);
  });
});
