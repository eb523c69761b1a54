/**
 * SHOW FUNCTIONS and DESCRIBE FUNCTION / DESCRIBE EXTENDED: Spark's column
 * names and layout (checked against Spark 3.5.7). sparkless lists only the
 * functions it implements, so the checks use names both have.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

const SLOW = 30_000;
const rows = (spark: SparkSession, sql: string): unknown[][] => spark.sql(sql).collect().map((r) => [...r]);

function errorClassOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as { errorClass?: string }).errorClass;
  }
  return undefined;
}

forEachBackend('SHOW FUNCTIONS and DESCRIBE', (session) => {
  it('SHOW FUNCTIONS [LIKE] lists names in one `function` column, operators under their symbols, patterns with * and |', () => {
    const spark = session();
    const df = spark.sql("SHOW FUNCTIONS LIKE 'upp*'");
    expect(df.columns).toEqual(['function']);
    expect(df.schema.fields[0]!.nullable).toBe(false);
    expect(rows(spark, "SHOW FUNCTIONS LIKE 'upp*'")).toEqual([['upper']]);
    expect(rows(spark, "SHOW FUNCTIONS 'low*|upp*'")).toEqual([['lower'], ['upper']]);
    expect(rows(spark, "SHOW SYSTEM FUNCTIONS LIKE '*='")).toEqual([['!='], ['<='], ['='], ['=='], ['>=']]);
    expect(rows(spark, 'SHOW USER FUNCTIONS')).toEqual([]);
    const all = rows(spark, 'SHOW FUNCTIONS').map((r) => r[0] as string);
    expect(all).toContain('date_add');
    expect(all).toContain('<=>');
    expect(all).not.toContain('eq_null_safe');
    expect([...all].sort()).toEqual(all);
  }, SLOW);

  it('DESCRIBE FUNCTION of an unknown name is UNRESOLVED_ROUTINE', () => {
    const spark = session();
    expect(errorClassOf(() => analyzed(spark.sql('DESCRIBE FUNCTION EXTENDED nosuchfn')))).toBe('UNRESOLVED_ROUTINE');
    // sparkless's internal helpers are no Spark builtins: Spark does not resolve them either.
    expect(errorClassOf(() => analyzed(spark.sql('DESCRIBE FUNCTION interval_add')))).toBe('UNRESOLVED_ROUTINE');
  }, SLOW);

  it("DESCRIBE FUNCTION [EXTENDED] prints Spark's Function, Class, Usage and Extended Usage rows", () => {
    const spark = session();
    const df = spark.sql('DESCRIBE FUNCTION UPPER');
    expect(df.schema.simpleString()).toBe('struct<function_desc:string>');
    expect(df.schema.fields[0]!.nullable).toBe(false);
    expect(rows(spark, 'DESCRIBE FUNCTION UPPER')).toEqual([
      ['Function: upper'],
      ['Class: org.apache.spark.sql.catalyst.expressions.Upper'],
      ['Usage: upper(str) - Returns `str` with all characters changed to uppercase.'],
    ]);
    expect(rows(spark, 'DESCRIBE FUNCTION EXTENDED `ucase`')).toEqual([
      ['Function: ucase'],
      ['Class: org.apache.spark.sql.catalyst.expressions.Upper'],
      ['Usage: ucase(str) - Returns `str` with all characters changed to uppercase.'],
      ["Extended Usage:\n    Examples:\n      > SELECT ucase('SparkSql');\n       SPARKSQL\n  \n    Since: 1.0.1\n"],
    ]);
    // An operator Spark shows no class for, named by a string.
    expect(rows(spark, "DESCRIBE FUNCTION EXTENDED '!='")).toEqual([
      ['Function: !='],
      ['Usage: expr1 != expr2 - Returns true if `expr1` is not equal to `expr2`.'],
      ['Extended Usage:\n    No example/argument for !=.\n'],
    ]);
    expect(rows(spark, 'DESCRIBE FUNCTION +')).toEqual([['Function: +'], ['Class: org.apache.spark.sql.catalyst.expressions.Add'], ['Usage: expr1 + expr2 - Returns `expr1`+`expr2`.']]);
  }, SLOW);

  it('DESCRIBE EXTENDED of a temp view lists its columns only', () => {
    const spark = session();
    spark.sql('CREATE OR REPLACE TEMP VIEW dv AS SELECT 1 AS a, CAST(NULL AS STRING) AS b');
    const df = spark.sql('DESCRIBE EXTENDED dv');
    expect(df.columns).toEqual(['col_name', 'data_type', 'comment']);
    expect(df.collect().map((r) => [...r])).toEqual([
      ['a', 'int', null],
      ['b', 'string', null],
    ]);
  }, SLOW);
});
