/**
 * Arguments Spark reads as constants at analysis (checked on Spark 3.5.7): date_add/date_sub
 * read a constant string second argument as an INT (StringLiteralCoercion, non-ANSI), and
 * to_binary's format may be any foldable string expression, NULL included; mask's
 * replacements must be constant one-character strings.
 */
import { expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { ansi, errorOf, rows } from '../helpers/sql-errors.js';

const names = (spark: { sql(q: string): { schema: { fields: readonly { name: string; nullable: boolean }[] } } }, q: string) =>
  spark.sql(q).schema.fields.map((f) => `${f.name}${f.nullable ? '?' : ''}`);

/** A DATE value as yyyy-mm-dd. */
const day = (v: unknown): string => (v as Date).toISOString().slice(0, 10);

forEachBackend('constant arguments read at analysis', (session) => {
  it('date_add/date_sub read a constant string as an INT once, named by the number', () => {
    const spark = session();
    spark.conf.set('spark.sql.ansi.enabled', 'false');
    const q = "SELECT date_sub(date'2011-11-11', ' +2 '), date_add(date'2011-11-11', concat('1', '')), date_add(date'2011-11-11', CAST(NULL AS STRING)), date_add('2011-11-11', '1')";
    expect(names(spark, q)).toEqual([
      "date_sub(DATE '2011-11-11', 2)",
      "date_add(DATE '2011-11-11', 1)",
      "date_add(DATE '2011-11-11', 0)",
      'date_add(2011-11-11, 1)?',
    ]);
    expect(rows(spark, q).map((r) => r.map(day))).toEqual([['2011-11-09', '2011-11-12', '2011-11-11', '2011-11-12']]);
    for (const bad of ["'1.2'", "'1.0'", "'2147483648'", "'x'"]) {
      const e = errorOf(() => spark.sql(`SELECT date_add(date'2011-11-11', ${bad})`).schema, bad);
      expect(e.errorClass).toBe('SECOND_FUNCTION_ARGUMENT_NOT_INTEGER');
      expect(e.message).toContain('The second argument of date_add function needs to be an integer.');
    }
    // a string column is no INT without ANSI
    expect(errorOf(() => spark.sql("SELECT date_add('2011-11-11', s) FROM VALUES ('1') t(s)").schema).errorClass).toBe(
      'DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE',
    );
  });

  it('under ANSI the string is an implicit cast, named as written', () => {
    const spark = ansi(session());
    expect(names(spark, "SELECT date_sub(date'2011-11-11', ' 2 ')")).toEqual(["date_sub(DATE '2011-11-11',  2 )?"]);
    expect(rows(spark, "SELECT date_add('2011-11-11', s) FROM VALUES ('1') t(s)").map((r) => r.map(day))).toEqual([['2011-11-12']]);
    expect(errorOf(() => rows(spark, "SELECT date_add(date'2011-11-11', '1.2')")).errorClass).toBe('CAST_INVALID_INPUT');
  });

  it("to_binary's format is any constant string; NULL gives NULL", () => {
    const spark = session();
    expect(names(spark, "SELECT to_binary('abc', concat('utf', '-8')), to_binary('abc', NULL)")).toEqual([
      'to_binary(abc, concat(utf, -8))',
      'to_binary(abc, NULL)?',
    ]);
    const [[bytes, none]] = rows(spark, "SELECT to_binary('abc', concat('utf', '-8')), to_binary('abc', NULL)") as [[Uint8Array, null]];
    expect([...bytes]).toEqual([0x61, 0x62, 0x63]);
    expect(none).toBeNull();
    expect(errorOf(() => spark.sql("SELECT to_binary('abc', f) FROM VALUES ('utf-8') t(f)").schema).errorClass).toBe('DATATYPE_MISMATCH.NON_FOLDABLE_INPUT');
  });
  it("mask's replacements are constant one-character strings, and no argument is cast to STRING", () => {
    const spark = session();
    expect(rows(spark, "SELECT mask('aB1-', concat('Q', ''), NULL, 'd', 'o'), mask(c, 'Q') FROM VALUES ('aB1') t(c)")).toEqual([['aQdo', 'xQn']]);
    const err = (q: string) => errorOf(() => spark.sql(q).schema, q);
    // types are checked over every argument before any length
    let e = err("SELECT mask('a', 'Qa', -1)");
    expect(e.errorClass).toBe('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE');
    expect(e.message).toContain('Cannot resolve "mask(a, Qa, -1, n, NULL)" due to data type mismatch: Parameter 3 requires the "STRING" type, however "-1" has the type "INT".');
    e = err('SELECT mask(c) FROM VALUES (1) t(c)');
    expect(e.message).toContain('Parameter 1 requires the "STRING" type, however "c" has the type "INT".');
    e = err("SELECT mask('abcd', 'A', 'w', '')");
    expect(e.errorClass).toBe('DATATYPE_MISMATCH.INPUT_SIZE_NOT_ONE');
    expect(e.message).toContain('Cannot resolve "mask(abcd, A, w, , NULL)" due to data type mismatch: Length of digitChar should be 1.');
    e = err("SELECT mask(c1, r) FROM VALUES ('abc', 'a') t(c1, r)");
    expect(e.errorClass).toBe('DATATYPE_MISMATCH.NON_FOLDABLE_INPUT');
    expect(e.message).toContain('the input upperChar should be a foldable "STRING" expression; however, got "r".');
  });
});
