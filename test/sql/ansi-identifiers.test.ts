/**
 * Identifiers in SQL text as Spark 3.5.7 reads them (its ansi/double-quoted-identifiers sql-tests):
 * `spark.sql.ansi.doubleQuotedIdentifiers` under ANSI mode makes `"x"` an identifier, function
 * names may be backquoted or qualified, and an alias is never a string literal.
 */
import { describe, expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { ansi, firstLineError, rows, sqlError } from '../helpers/sql-errors.js';

const SLOW = 30_000;

describe('SQL identifiers', () => {
  forEachBackend('spark.sql.ansi.doubleQuotedIdentifiers', (session) => {
    const quoting = () => {
      const spark = ansi(session());
      spark.conf.set('spark.sql.ansi.doubleQuotedIdentifiers', 'true');
      return spark;
    };

    it('a double-quoted name is a column, a view, a CTE and an alias', () => {
      const spark = quoting();
      expect(sqlError(spark, 'SELECT "hello"').errorClass).toBe('UNRESOLVED_COLUMN.WITHOUT_SUGGESTION');
      spark.sql('CREATE OR REPLACE TEMPORARY VIEW "ansi_dq_view"("c1") AS WITH "v"("a") AS (SELECT 1) SELECT "a" FROM "v"');
      const df = spark.sql('SELECT "a1" AS "a2" FROM "ansi_dq_view" AS "atab"("a1")');
      expect(df.columns).toEqual(['a2']);
      expect(df.collect().map((r) => [...r])).toEqual([[1]]);
      expect(sqlError(spark, 'SELECT 1 FROM "ansi_dq_missing"').errorClass).toBe('TABLE_OR_VIEW_NOT_FOUND');
      spark.sql('DROP VIEW "ansi_dq_view"');
    }, SLOW);

    it('where a string literal is required, a double-quoted text is a syntax error', () => {
      const spark = quoting();
      expect(firstLineError(() => spark.sql('CREATE TEMPORARY VIEW ansi_dq_v(c1 COMMENT "hello") AS SELECT 1'))).toEqual({
        errorClass: 'PARSE_SYNTAX_ERROR',
        message: `[PARSE_SYNTAX_ERROR] Syntax error at or near '"hello"'.(line 1, pos 43)`,
      });
      expect(sqlError(spark, 'SELECT INTERVAL "1" YEAR').errorClass).toBe('PARSE_SYNTAX_ERROR');
      expect(rows(spark, "SELECT 'hello'")).toEqual([['hello']]);
    }, SLOW);

    it('without ANSI mode, or with the setting off, a double-quoted text is a string', () => {
      const spark = session();
      spark.conf.set('spark.sql.ansi.doubleQuotedIdentifiers', 'true');
      expect(rows(spark, 'SELECT "hello"')).toEqual([['hello']]);
      ansi(spark).conf.set('spark.sql.ansi.doubleQuotedIdentifiers', 'false');
      expect(rows(spark, 'SELECT "hello"')).toEqual([['hello']]);
    }, SLOW);
  });

  forEachBackend('function names and aliases', (session) => {
    it('a backquoted function name calls the function', () => {
      const df = session().sql('SELECT `abs`(-1)');
      expect(df.columns).toEqual(['abs(-1)']);
      expect(df.collect().map((r) => [...r])).toEqual([[1]]);
    }, SLOW);

    it('a qualified or unknown backquoted name is UNRESOLVED_ROUTINE, each part quoted', () => {
      const spark = session();
      const path = 'on search path [`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`].; line 1 pos 7';
      expect(firstLineError(() => spark.sql('SELECT `ansi_nope`()'))).toEqual({
        errorClass: 'UNRESOLVED_ROUTINE',
        message: `[UNRESOLVED_ROUTINE] Cannot resolve function \`ansi_nope\` ${path}`,
      });
      expect(firstLineError(() => spark.sql('SELECT `ansi_nope`.ansi_nope()'))).toEqual({
        errorClass: 'UNRESOLVED_ROUTINE',
        message: `[UNRESOLVED_ROUTINE] Cannot resolve function \`ansi_nope\`.\`ansi_nope\` ${path}`,
      });
      // Spark 3.5 resolves no builtin through a database
      expect(firstLineError(() => spark.sql('SELECT default.abs(-1)'))).toEqual({
        errorClass: 'UNRESOLVED_ROUTINE',
        message: `[UNRESOLVED_ROUTINE] Cannot resolve function \`default\`.\`abs\` ${path}`,
      });
    }, SLOW);

    it('a string after AS is a syntax error', () => {
      expect(firstLineError(() => session().sql("SELECT 1 AS 'x'"))).toEqual({
        errorClass: 'PARSE_SYNTAX_ERROR',
        message: "[PARSE_SYNTAX_ERROR] Syntax error at or near ''x'': extra input ''x''.(line 1, pos 12)",
      });
      expect(firstLineError(() => session().sql("SELECT 1 AS 'x', 2"))).toEqual({
        errorClass: 'PARSE_SYNTAX_ERROR',
        message: "[PARSE_SYNTAX_ERROR] Syntax error at or near ''x''.(line 1, pos 12)",
      });
      expect(firstLineError(() => session().sql('SELECT 1 AS "x" FROM VALUES (1)'))).toEqual({
        errorClass: 'PARSE_SYNTAX_ERROR',
        message: `[PARSE_SYNTAX_ERROR] Syntax error at or near '"x"'.(line 1, pos 12)`,
      });
    }, SLOW);
  });
});
