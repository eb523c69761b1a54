/**
 * Outer references in lateral and correlated subqueries, as Spark 3.5 resolves them: a bare outer
 * column as a select item keeps its own name (`outer(t1.c1)` only inside an expression); a subquery
 * sees only its immediately enclosing query (no deep correlation); an alias is visible only to the
 * items after it (`c1 * 10 AS c1` reads the outer c1); a window cannot sit above a correlated filter;
 * a scalar subquery is typed nullable.
 * Every expectation checked against Spark 3.5.7.
 */
import { describe, expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { rows, sqlError } from '../helpers/sql-errors.js';

const SLOW = 30_000;
const T1 = 'VALUES (1, 2) AS t1(c1, c2)';

/** `name:type` of each output column, `!` marking a non-nullable one. */
const schemaOf = (spark: SparkSession, q: string): string[] =>
  spark.sql(q).schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}${f.nullable ? '' : '!'}`);

describe('outer references', () => {
  forEachBackend('naming and scoping', (session) => {
    it('a bare outer column keeps its name; inside an expression it is outer(t.c)', () => {
      const spark = session();
      const q = `SELECT * FROM ${T1}, LATERAL (SELECT c1, t1.c2, c1 + 1, upper(t1.c2), c1 AS x)`;
      expect(schemaOf(spark, q)).toEqual(['c1:int!', 'c2:int!', 'c1:int!', 'c2:int!', '(outer(t1.c1) + 1):int!', 'upper(outer(t1.c2)):string!', 'x:int!']);
      expect(rows(spark, q)).toEqual([[1, 2, 1, 2, 2, '2', 1]]);
    }, SLOW);

    it('an alias is not visible to its own expression', () => {
      const spark = session();
      const q = 'SELECT t1.c1, s.c1 FROM VALUES (1, 2), (3, 4) AS t1(c1, c2) JOIN LATERAL (SELECT c1 * 10 AS c1) s ON s.c1 > 10';
      expect(rows(spark, q)).toEqual([[3, 30]]);
      const nested = `SELECT * FROM ${T1}, LATERAL (SELECT * FROM (SELECT c1 + 1 AS c1), LATERAL (SELECT c1))`;
      expect(schemaOf(spark, nested)).toEqual(['c1:int!', 'c2:int!', 'c1:int!', 'c1:int!']);
      expect(rows(spark, nested)).toEqual([[1, 2, 2, 2]]);
    }, SLOW);

    it('no deep correlation: only the enclosing query is searched', () => {
      const spark = session();
      const unresolved: [string, string][] = [
        [`SELECT * FROM ${T1}, LATERAL (SELECT * FROM VALUES (3, 4) AS t2(c1, c2), LATERAL (SELECT t1.c1 + t2.c1))`, 't1.c1'],
        [`SELECT * FROM ${T1}, LATERAL (SELECT * FROM (SELECT c1), LATERAL (SELECT c2))`, 'c2'],
        [`SELECT * FROM ${T1}, LATERAL (SELECT (SELECT t1.c1 + c3 FROM VALUES (5) AS t2(c3)))`, 't1.c1'],
        ['SELECT * FROM VALUES (1) t1(a) WHERE EXISTS (SELECT 1 FROM VALUES (1) t2(b) WHERE EXISTS (SELECT 1 FROM VALUES (1) t3(c) WHERE t3.c = t1.a))', 't1.a'],
      ];
      for (const [q, name] of unresolved) {
        const err = sqlError(spark, q);
        expect(err.errorClass, q).toMatch(/^UNRESOLVED_COLUMN\./);
        expect(err.message).toContain(name.split('.').pop());
      }
    }, SLOW);

    it('a scalar subquery is nullable whatever its value', () => {
      const spark = session();
      const q = `SELECT * FROM ${T1}, LATERAL (SELECT c2, (SELECT max(a) FROM VALUES (1) t(a)), (SELECT 1) + 1)`;
      expect(schemaOf(spark, q)).toEqual(['c1:int!', 'c2:int!', 'c2:int!', 'scalarsubquery():int', '(scalarsubquery() + 1):int']);
      expect(rows(spark, q)).toEqual([[1, 2, 2, 1, 2]]);
    }, SLOW);

    it('a window over a correlated filter is refused', () => {
      const spark = session();
      for (const q of [
        `SELECT * FROM ${T1} JOIN LATERAL (SELECT sum(t2.c2) OVER (ORDER BY t2.c1) FROM VALUES (1, 2) AS t2(c1, c2) WHERE t2.c1 >= t1.c1)`,
        `SELECT * FROM ${T1} WHERE c2 IN (SELECT sum(t2.c2) OVER (ORDER BY t2.c1) FROM VALUES (1, 2) AS t2(c1, c2) WHERE t2.c1 = t1.c1)`,
      ]) {
        expect(sqlError(spark, q).errorClass).toBe('UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED');
      }
    }, SLOW);
  });
});
