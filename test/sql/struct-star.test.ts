/**
 * `s.*` star expansion beyond relation qualifiers: a struct column's fields (`ST.*`, `T.ST.*`,
 * `STRUCT(ST.*)`), Spark's refusal for a non-struct column, and `t1.*` naming the enclosing
 * query's relation inside a LATERAL subquery. Checked against Spark 3.5.7.
 */
import { describe, expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { rows, sqlError } from '../helpers/sql-errors.js';

const SLOW = 30_000;

/** `name:type` of each output column, `!` marking a non-nullable one. */
const schemaOf = (spark: SparkSession, q: string): string[] =>
  spark.sql(q).schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}${f.nullable ? '' : '!'}`);

describe('star expansion', () => {
  forEachBackend('struct and outer stars', (session) => {
    it("expands a struct column's fields", () => {
      const spark = session();
      const q = "SELECT ST.*, T.ST.*, STRUCT(ST.*) NST FROM VALUES (named_struct('C', 1, 'D', 'x')) AS T(ST)";
      expect(schemaOf(spark, q)).toEqual(['C:int!', 'D:string!', 'C:int!', 'D:string!', 'NST:struct<C:int,D:string>!']);
      const [row] = rows(spark, q);
      expect(row!.slice(0, 4)).toEqual([1, 'x', 1, 'x']);
      expect({ ...(row![4] as object) }).toEqual({ C: 1, D: 'x' });
    }, SLOW);

    it('refuses a non-struct column', () => {
      const err = sqlError(session(), 'SELECT ST.* FROM VALUES (1) AS T(ST)');
      expect(err.name).toBe('AnalysisException');
      expect(err.message).toContain('Can only star expand struct data types. Attribute: `ArrayBuffer(ST)`.');
    }, SLOW);

    it("t1.* in a LATERAL subquery lists the enclosing relation's columns", () => {
      const spark = session();
      const q = 'SELECT * FROM VALUES (1, 2) AS t1(c1, c2), LATERAL (SELECT t1.*, t2.*, c2 + 1 FROM VALUES (3, 4) AS t2(c1, c3))';
      expect(schemaOf(spark, q)).toEqual(['c1:int!', 'c2:int!', 'c1:int!', 'c2:int!', 'c1:int!', 'c3:int!', '(outer(t1.c2) + 1):int!']);
      expect(rows(spark, q)).toEqual([[1, 2, 1, 2, 3, 4, 3]]);
    }, SLOW);
  });
});
