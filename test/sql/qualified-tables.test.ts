/**
 * Columns of catalog tables: they answer to `t.col`, `db.t.col` and `spark_catalog.db.t.col`
 * (Spark's multi-part qualifier; an alias replaces it), a name two tables answer to is
 * AMBIGUOUS_REFERENCE, and a file-source table (CREATE TABLE ... USING parquet, with or without AS
 * SELECT) reads every column, field and element as nullable. Checked against Spark 3.5.7.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { rows, sqlError } from '../helpers/sql-errors.js';

const SLOW = 60_000;

/** `name:type` of each output column, `!` marking a non-nullable one. */
const schemaOf = (spark: SparkSession, q: string): string[] =>
  spark.sql(q).schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}${f.nullable ? '' : '!'}`);

describe('qualified table columns', () => {
  forEachBackend('db.table.column', (session) => {
    let spark: SparkSession | undefined;
    afterEach(() => {
      for (const db of ['srq_db1', 'srq_db2']) spark?.sql(`DROP DATABASE IF EXISTS ${db} CASCADE`).collect();
    });
    const setUp = (): SparkSession => {
      spark = session();
      for (const q of [
        'DROP DATABASE IF EXISTS srq_db1 CASCADE',
        'DROP DATABASE IF EXISTS srq_db2 CASCADE',
        'CREATE DATABASE srq_db1',
        'CREATE DATABASE srq_db2',
        'CREATE TABLE srq_db1.t1 USING parquet AS SELECT 1 AS i1',
        'CREATE TABLE srq_db2.t1 USING parquet AS SELECT 20 AS i1',
        "CREATE TABLE srq_db1.t5 USING parquet AS SELECT named_struct('i1', 1, 'i2', 2) AS t5, array(1) AS arr",
        'CREATE TABLE srq_db1.t6 (a INT NOT NULL, s STRUCT<x: INT NOT NULL>) USING parquet',
      ]) {
        spark.sql(q).collect();
      }
      return spark;
    };

    it('resolves two- and three-part qualifiers, struct fields after them, and stars', () => {
      const s = setUp();
      expect(rows(s, 'SELECT srq_db1.t1.i1, spark_catalog.srq_db1.t1.i1, t1.i1 FROM srq_db1.t1')).toEqual([[1, 1, 1]]);
      expect(rows(s, 'SELECT srq_db1.t1.i1 FROM srq_db1.t1, srq_db2.t1')).toEqual([[1]]);
      expect(rows(s, 'SELECT srq_db1.t5.t5.i1, srq_db1.t5.t5.i2, t5.i1 FROM srq_db1.t5')).toEqual([[1, 2, 1]]);
      expect(rows(s, 'SELECT srq_db1.t1.* FROM srq_db1.t1')).toEqual([[1]]);
      const q = 'SELECT * FROM srq_db1.t1 WHERE i1 IN (SELECT srq_db2.t1.i1 - 19 FROM srq_db2.t1 WHERE srq_db2.t1.i1 > srq_db1.t1.i1)';
      expect(rows(s, q)).toEqual([[1]]);
    }, SLOW);

    it('an alias replaces the qualifier; a name both tables answer to is ambiguous', () => {
      const s = setUp();
      expect(sqlError(s, 'SELECT srq_db1.a.i1 FROM srq_db1.t1 a').errorClass).toBe('UNRESOLVED_COLUMN.WITH_SUGGESTION');
      expect(sqlError(s, 'SELECT t1.i1 FROM srq_db1.t1, srq_db2.t1').errorClass).toBe('AMBIGUOUS_REFERENCE');
    }, SLOW);

    it('file-source tables read as nullable, nested types included', () => {
      const s = setUp();
      expect(schemaOf(s, 'SELECT i1, t1.* FROM srq_db1.t1')).toEqual(['i1:int', 'i1:int']);
      const t5 = s.sql('SELECT * FROM srq_db1.t5').schema;
      expect(t5.fields.map((f) => f.nullable)).toEqual([true, true]);
      expect(JSON.stringify(t5)).not.toContain('"nullable":false');
      expect(JSON.stringify(t5)).not.toContain('"containsNull":false');
      const t6 = s.sql('SELECT * FROM srq_db1.t6').schema;
      expect(JSON.stringify(t6)).not.toContain('"nullable":false');
    }, SLOW);
  });
});
