/**
 * Spark 3.5 non-ANSI implicit coercion in binary operators, IN and
 * comparisons, in SQL and through the DataFrame API. Expected names, types
 * and values were checked against Spark 3.5.7.
 */
import { describe, expect, it } from 'vitest';
import { F } from '../../src/index.js';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';

const VIEW =
  "CREATE OR REPLACE TEMP VIEW t AS SELECT * FROM VALUES (true, 1, 2L, cast(1.25 as decimal(10,2)), '3', date'2020-01-01', 1.5D) AS t(b, i, l, d, s, dt, db)";

function run(spark: SparkSession, sql: string): { fields: string[]; row: unknown[] } {
  spark.sql(VIEW);
  const df = spark.sql(sql);
  const fields = df.schema.fields.map((f) => `${f.name}: ${f.dataType.simpleString()}${f.nullable ? '' : ' not null'}`);
  const row = [...df.collect()[0]!].map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null ? null : String(v)));
  return { fields, row };
}

function errorClassOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as { errorClass?: string }).errorClass;
  }
  return undefined;
}

forEachBackend('binary operator coercion', (session, backend) => {
  it('IN casts every value to the wider common type: numbers and strings compare as strings', () => {
    const spark = session();
    const r = run(spark, "SELECT 1 IN ('1.0') AS a, 1 IN ('1', 2) AS b, i IN (1L, 1.5D) AS c, dt IN ('2020-01-01', s) AS d FROM t");
    expect(r.row).toEqual(['false', 'true', 'true', 'true']);
    expect(errorClassOf(() => spark.sql("SELECT true IN ('true')"))).toBe('DATATYPE_MISMATCH.DATA_DIFF_TYPES');
  });

  it('a boolean equals a number as that number; in SQL a literal 1 or 0 becomes the boolean itself', () => {
    const r = run(session(), 'SELECT b = 1, b = 0, b <=> 1, 1 = b, b = i, b = 2, b = 1.0, b = db FROM t');
    expect(r.fields).toEqual([
      'b: boolean not null',
      '(NOT b): boolean not null',
      '((b IS NOT NULL) AND b): boolean not null',
      'b: boolean not null',
      '(b = i): boolean not null',
      '(b = 2): boolean not null',
      'b: boolean not null',
      '(b = db): boolean not null',
    ]);
    expect(r.row).toEqual(['true', 'false', 'true', 'true', 'true', 'false', 'true', 'false']);
    expect(errorClassOf(() => session().sql('SELECT true < 1'))).toBe('DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES');
  });

  it('date + n, n + date and date - n are date_add / date_sub', () => {
    const spark = session();
    const r = run(spark, 'SELECT dt + i, i + dt, dt - i, dt - cast(1 as tinyint), dt + NULL FROM t');
    expect(r.fields).toEqual([
      'date_add(dt, i): date not null',
      'date_add(dt, i): date not null',
      'date_sub(dt, i): date not null',
      'date_sub(dt, CAST(1 AS TINYINT)): date not null',
      'date_add(dt, NULL): date',
    ]);
    expect(r.row).toEqual(['2020-01-02', '2020-01-02', '2019-12-31', '2019-12-31', null]);
    // A string operand is cast to double, which date_add does not take.
    expect(errorClassOf(() => spark.sql("SELECT date'2020-01-01' + '1'"))).toMatch(/^DATATYPE_MISMATCH\./);
  });

  it('an integral literal next to a decimal takes the narrowest decimal type', () => {
    const r = run(session(), 'SELECT d * 2, d + 1, d * i, d / 3, d * 100000, 0 + 1.5, -5 * 1.5, d + 12345678901 FROM t');
    expect(r.fields).toEqual([
      '(d * 2): decimal(12,2)',
      '(d + 1): decimal(11,2)',
      '(d * i): decimal(21,2)',
      '(d / 3): decimal(14,6)',
      '(d * 100000): decimal(17,2)',
      '(0 + 1.5): decimal(3,1)',
      '(-5 * 1.5): decimal(4,1)',
      '(d + 12345678901): decimal(14,2)',
    ]);
    expect(r.row).toEqual(['2.50', '2.25', '1.25', '0.416667', '125000.00', '1.5', '-7.5', '12345678902.25']);
  });

  it('try_add / try_subtract / try_multiply / try_divide narrow integral literals as their operators do; a tinyint literal is not narrowed', () => {
    const r = run(session(), 'SELECT try_add(1, 0.5), try_subtract(2L, 0.5), try_multiply(1, 0.5), try_divide(1, 0.5), try_divide(0.5, 2), try_add(1S, 0.5), try_add(1Y, 0.5), 1Y + 0.5, try_add(1, 1.0 / 0.0) FROM t');
    expect(r.fields).toEqual([
      'try_add(1, 0.5): decimal(3,1)',
      'try_subtract(2, 0.5): decimal(3,1)',
      'try_multiply(1, 0.5): decimal(3,1)',
      'try_divide(1, 0.5): decimal(8,6)',
      'try_divide(0.5, 2): decimal(6,6)',
      'try_add(1, 0.5): decimal(3,1)',
      'try_add(1, 0.5): decimal(5,1)',
      '(1 + 0.5): decimal(5,1)',
      'try_add(1, (1.0 / 0.0)): decimal(9,6)',
    ]);
    expect(r.row).toEqual(['1.5', '1.5', '0.5', '2.000000', '0.250000', '1.5', '1.5', '1.5', null]);
  });

  it('strings meet numbers, decimals, dates and binary as Spark casts them', () => {
    const r = run(session(), "SELECT '1' + 1, '1.5' = 1.5, 1 = '1.0', 'abc' = 1, s * d, dt > s, X'41' = 'A', 1 + 1L FROM t");
    expect(r.fields).toEqual([
      '(1 + 1): double',
      '(1.5 = 1.5): boolean',
      '(1 = 1.0): boolean',
      '(abc = 1): boolean',
      '(s * d): double',
      '(dt > s): boolean',
      "(X'41' = A): boolean not null",
      '(1 + 1): bigint not null',
    ]);
    expect(r.row).toEqual(['2', 'true', 'true', null, '3.75', null, 'true', '2']);
  });

  it('BETWEEN compares as its two comparisons and is named after them', () => {
    const r = run(session(), "SELECT dt BETWEEN '2019-12-31' AND '2020-01-02', i NOT BETWEEN '0.5' AND 2 FROM t");
    expect(r.fields).toEqual(['((dt >= 2019-12-31) AND (dt <= 2020-01-02)): boolean', '(NOT ((i >= 0.5) AND (i <= 2))): boolean']);
    expect(r.row).toEqual(['true', 'false']);
  });

  it('boolean and string have no common type for coalesce and CASE', () => {
    const spark = session();
    spark.sql(VIEW);
    expect(errorClassOf(() => spark.sql("SELECT coalesce(b, 'x') FROM t"))).toBe('DATATYPE_MISMATCH.DATA_DIFF_TYPES');
    expect(errorClassOf(() => spark.sql("SELECT CASE WHEN i = 1 THEN b ELSE 'x' END FROM t"))).toBe('DATATYPE_MISMATCH.DATA_DIFF_TYPES');
  });

  it('the DataFrame API coerces the same way but keeps the written column names', () => {
    const spark = session();
    spark.sql(VIEW);
    const df = spark.table('t').select(F.col('dt').plus(1), F.col('b').eq(1), F.col('d').multiply(2), F.expr('dt - 1'), F.expr('b = 0'));
    // Classic PySpark names a Column from its unresolved form; Spark Connect (3.5.7) lets the
    // server name it after coercion, as spark.sql does.
    const names =
      backend === 'connect'
        ? ['date_add(dt, 1): date', 'b: boolean', '(d * 2): decimal(12,2)', 'date_sub(dt, 1): date', '(NOT b): boolean']
        : ['(dt + 1): date', '(b = 1): boolean', '(d * 2): decimal(12,2)', '(dt - 1): date', '(b = 0): boolean'];
    expect(df.schema.fields.map((f) => `${f.name}: ${f.dataType.simpleString()}`)).toEqual(names);
    const row = [...df.collect()[0]!].map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)));
    expect(row).toEqual(['2020-01-02', 'true', '2.50', '2019-12-31', 'false']);
  });
});

describe('coercion unit rules', () => {
  it('casts that cannot produce null keep a null-intolerant result non-nullable', async () => {
    const { castForcesNull } = await import('../../src/types/coercion.js');
    const T = await import('../../src/types/data-types.js');
    expect(castForcesNull(T.INT, T.LONG)).toBe(false);
    expect(castForcesNull(T.STRING, T.DOUBLE)).toBe(true);
    expect(castForcesNull(T.INT, new T.DecimalType(11, 1))).toBe(false);
    expect(castForcesNull(T.INT, new T.DecimalType(1, 0))).toBe(true);
    expect(castForcesNull(new T.DecimalType(10, 2), T.DOUBLE)).toBe(false);
    expect(castForcesNull(T.DOUBLE, T.INT)).toBe(true);
  });
});
