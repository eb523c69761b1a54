/**
 * Differences Spark 3.5.7's `ansi/` sql-tests inputs showed (datetime, json-functions, csv-functions,
 * map, array): result nullability under ANSI, from_json's schema text and map naming, literal
 * functions read as columns, and the SQL configs Spark removed.
 */
import { describe, expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { ansi, firstLineError, resultOf, rows } from '../helpers/sql-errors.js';

const SLOW = 30_000;

describe('ANSI sql-tests', () => {
  forEachBackend('nullability of parses and constructors that raise under ANSI', (session) => {
    const q =
      "SELECT to_date('2016-12-31', 'yyyy-MM-dd') AS a, to_timestamp('2016-12-31', 'yyyy-MM-dd') AS b, unix_timestamp('2016-12-31', 'yyyy-MM-dd') AS c, " +
      "make_date(2020, 1, 1) AS d, make_timestamp(2020, 1, 1, 1, 1, 1) AS e, to_date('2016-12-31') AS f, try_to_timestamp('2016-12-31', 'yyyy-MM-dd') AS g";

    it('under ANSI a pattern parse or a make_* of non-null arguments is not nullable (a cast without pattern still is)', () => {
      expect(resultOf(ansi(session()), q).nullable).toEqual([false, false, false, false, false, true, true]);
    }, SLOW);

    it('without ANSI they are all nullable', () => {
      expect(resultOf(session(), q).nullable).toEqual([true, true, true, true, true, true, true]);
    }, SLOW);
  });

  forEachBackend('from_json', (session) => {
    it('a map schema names the column entries, also inside another expression', () => {
      const r = resultOf(ansi(session()), `SELECT from_json('{"a":1, "b":2}', 'map<string, int>'), to_json(from_json('{"a":1}', 'map<string,int>'))`);
      expect(r.names).toEqual(['entries', 'to_json(entries)']);
      expect(r.rows).toEqual([[new Map([['a', 1], ['b', 2]]), '{"a":1}']]);
    }, SLOW);

    it('an object read with an array-of-structs schema is the array of that one struct', () => {
      expect(rows(ansi(session()), `SELECT from_json('{"a": 1}', 'array<struct<a:int>>'), from_json('{"a": "x"}', 'array<struct<a:int>>')`).map((r) => r.map((v) => JSON.stringify(v)))).toEqual([
        ['[{"a":1}]', '[{"a":null}]'],
      ]);
    }, SLOW);

    it("a schema text that is neither a type nor columns reports the type's syntax error first", () => {
      for (const q of [`SELECT from_json('{"a":1}', 'a InvalidType')`, `SELECT from_csv('1', 'a InvalidType')`]) {
        const err = firstLineError(() => session().sql(q).collect());
        expect(err.errorClass).toBe('PARSE_SYNTAX_ERROR');
        expect(err.message).toContain("Syntax error at or near 'InvalidType': extra input 'InvalidType'.");
      }
      expect(firstLineError(() => session().sql(`SELECT from_json('{"a":1}', 'a int, b InvalidType')`).collect()).message).toContain("Syntax error at or near 'int'.");
      expect(firstLineError(() => session().sql(`SELECT from_json('{"a":1}', 'struct<a:InvalidType>')`).collect()).errorClass).toBe('UNSUPPORTED_DATATYPE');
    }, SLOW);
  });

  forEachBackend('current_date without parentheses', (session) => {
    it('is a column of that name when the relation has one, with or without ANSI', () => {
      const q = 'SELECT current_date, current_timestamp FROM VALUES (1, 2) AS ansi_ttf(current_date, current_timestamp)';
      expect(resultOf(session(), q)).toEqual({ names: ['current_date', 'current_timestamp'], nullable: [false, false], rows: [[1, 2]] });
      expect(rows(ansi(session()), q)).toEqual([[1, 2]]);
      expect(resultOf(session(), 'SELECT current_date = current_date(), a FROM VALUES (1) AS t(a)').names).toEqual(['(current_date() = current_date())', 'a']);
    }, SLOW);
  });

  forEachBackend('removed SQL configs', (session) => {
    it('SET of a removed config to another value than it had fails; its old value is accepted', () => {
      const spark = session();
      const err = firstLineError(() => spark.sql('SET spark.sql.ansi.strictIndexOperator=false'));
      expect(err.message).toBe(
        "The SQL config 'spark.sql.ansi.strictIndexOperator' was removed in the version 3.4.0. This was an internal configuration. It is not needed anymore since Spark SQL always returns null when getting a map value with a non-existing key. See SPARK-40066 for more details.",
      );
      expect(rows(spark, 'SET spark.sql.ansi.strictIndexOperator=true')).toEqual([['spark.sql.ansi.strictIndexOperator', 'true']]);
      expect(firstLineError(() => spark.conf.set('spark.sql.optimizer.planChangeLog.level', 'TRACE')).message).toBe(
        "The SQL config 'spark.sql.optimizer.planChangeLog.level' was removed in the version 3.1.0. Please use `spark.sql.planChangeLog.level` instead.",
      );
    }, SLOW);
  });
});
