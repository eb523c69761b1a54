/**
 * Output nullability of set operations, as Spark 3.5.7 declares it: UNION is
 * nullable where either side is, INTERSECT [ALL] only where both sides are,
 * EXCEPT [ALL] keeps its left side's (sql-tests intersect-all.sql).
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';

function shape(spark: SparkSession, sql: string): { fields: string[]; rows: string[] } {
  const df = spark.sql(sql);
  return {
    fields: df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}${f.nullable ? '?' : '!'}`),
    rows: df.collect().map((r) => [...r].map((v) => (v === null ? 'NULL' : String(v))).join(',')).sort(),
  };
}

const TAB1 = 'VALUES (1, 2), (1, 2), (1, 3), (1, 3), (2, 3), (null, null), (null, null) AS tab1(k, v)';

forEachBackend('set operation nullability', (session) => {
  it('INTERSECT [ALL] is non-nullable where either side is', () => {
    const spark = session();
    expect(shape(spark, `SELECT * FROM ${TAB1} INTERSECT ALL SELECT CAST(1 AS BIGINT), CAST(2 AS BIGINT)`)).toEqual({ fields: ['k:bigint!', 'v:bigint!'], rows: ['1,2'] });
    expect(shape(spark, 'SELECT cast(null as int) INTERSECT SELECT * FROM VALUES (1) t(a)')).toEqual({ fields: ['CAST(NULL AS INT):int!'], rows: [] });
    expect(shape(spark, `SELECT * FROM ${TAB1} INTERSECT SELECT * FROM ${TAB1}`).fields).toEqual(['k:int?', 'v:int?']);
  });

  it('EXCEPT [ALL] keeps the left side, UNION takes either', () => {
    const spark = session();
    expect(shape(spark, 'SELECT * FROM VALUES (1), (2) t(a) EXCEPT SELECT cast(null as int)')).toEqual({ fields: ['a:int!'], rows: ['1', '2'] });
    expect(shape(spark, 'SELECT * FROM VALUES (1), (2) t(a) EXCEPT ALL SELECT 2').fields).toEqual(['a:int!']);
    expect(shape(spark, 'SELECT cast(null as int) EXCEPT SELECT * FROM VALUES (1) t(a)')).toEqual({ fields: ['CAST(NULL AS INT):int?'], rows: ['NULL'] });
    expect(shape(spark, 'SELECT * FROM VALUES (1) t(a) UNION SELECT cast(null as int)').fields).toEqual(['a:int?']);
  });
});
