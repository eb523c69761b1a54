/**
 * Implicit casts of function arguments probed by Spark's typeCoercion/native sql-tests
 * (functionArgumentConversion.sql, stackCoercion.sql, concat.sql, mapconcat.sql): nanvl's
 * ("DOUBLE" or "FLOAT") inputs, stack's constant row count, and the nullability of array,
 * map and map_concat elements whose cast may fail under ANSI. Every expectation was asked
 * of Spark 3.5.7 first.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { ansi, firstLineError } from '../helpers/sql-errors.js';

/** `name:type` of each output column (`!` marks a non-nullable one). */
const schemaOf = (spark: SparkSession, q: string): string[] =>
  spark.sql(q).schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}${f.nullable ? '' : '!'}`);

/** The element / value nullability of each array or map column. */
const innerNullable = (spark: SparkSession, q: string): boolean[] =>
  spark.sql(q).schema.fields.map((f) => {
    const t = f.dataType as { containsNull?: boolean; valueContainsNull?: boolean };
    return (t.containsNull ?? t.valueContainsNull)!;
  });

forEachBackend('function argument coercion', (session) => {
  it('nanvl reads any other number or a string as DOUBLE; only FLOAT with FLOAT (or NULL) stays FLOAT', () => {
    const spark = session();
    const q =
      "SELECT nanvl(cast(1 as float), null) a, nanvl(null, cast(1 as float)) b, nanvl(cast('NaN' as float), cast(2 as float)) c, " +
      "nanvl(1, 2.5BD) d, nanvl(cast('NaN' as double), '3') e, nanvl(cast(1 as float), 2) f, nanvl(cast(1 as tinyint), cast(2 as tinyint)) g";
    expect(schemaOf(spark, q)).toEqual(['a:float', 'b:double', 'c:float', 'd:double!', 'e:double', 'f:double!', 'g:double!']);
    expect([...spark.sql(q).collect()[0]!]).toEqual([1, null, 2, 1, 3, 1, 1]);
  });

  it('nanvl names the first argument that is no number with UNEXPECTED_INPUT_TYPE', () => {
    const spark = session();
    expect(firstLineError(() => spark.sql('SELECT nanvl(true, 1)').schema)).toEqual({
      errorClass: 'DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE',
      message:
        '[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "nanvl(true, 1)" due to data type mismatch: Parameter 1 requires the ("DOUBLE" or "FLOAT") type, however "true" has the type "BOOLEAN".; line 1 pos 7',
    });
    expect(firstLineError(() => spark.sql("SELECT nanvl(1.5D, date'2020-01-01')").schema, true).message).toBe(
      '[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "nanvl(1.5, DATE \'2020-01-01\')" due to data type mismatch: Parameter 2 requires the ("DOUBLE" or "FLOAT") type, however "DATE \'2020-01-01\'" has the type "DATE".',
    );
  });

  it("stack's row count may be any constant INT expression, not only a literal", () => {
    const spark = session();
    expect(schemaOf(spark, 'SELECT stack(cast(1 as int), cast(1 as tinyint), null)')).toEqual(['col0:tinyint', 'col1:void']);
    const df = spark.sql('SELECT stack(1 + 1, 1, 2, 3)');
    expect(df.collect().map((r) => [...r])).toEqual([
      [1, 2],
      [3, null],
    ]);
  });

  it('under ANSI an array or map element read from a string may be NULL', () => {
    const spark = ansi(session());
    expect(innerNullable(spark, "SELECT map(1, '1', 2, 2) m, map('1', 1, 2, 2) k, array('1', 2) a, array(1, 2) b")).toEqual([true, false, true, false]);
    const q =
      "SELECT array('1') || array(1) a, concat(array('2020-01-01'), array(date'2020-01-01')) b, coalesce(array('1'), array(2)) c, map_concat(map(1, '1'), map(2, 2)) d";
    expect(schemaOf(spark, q)).toEqual(['a:array<bigint>!', 'b:array<date>!', 'c:array<bigint>!', 'd:map<int,bigint>!']);
    expect(innerNullable(spark, q)).toEqual([true, true, true, true]);
    expect(spark.sql(q).collect()[0]!.a).toEqual([1, 1]);
  });

  it('under ANSI map_concat refuses maps whose keys would be read from strings', () => {
    const spark = ansi(session());
    expect(firstLineError(() => spark.sql("SELECT map_concat(map('a', 1), map(1, 2))").schema)).toEqual({
      errorClass: 'DATATYPE_MISMATCH.DATA_DIFF_TYPES',
      message:
        '[DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "map_concat(map(a, 1), map(1, 2))" due to data type mismatch: Input to `map_concat` should all be the same type, but it\'s ("MAP<STRING, INT>" or "MAP<INT, INT>").; line 1 pos 7',
    });
  });
});
