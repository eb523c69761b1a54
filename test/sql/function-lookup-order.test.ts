/**
 * Spark looks a function up before it resolves the function's arguments: a call of an unknown
 * name is UNRESOLVED_ROUTINE even when an argument names no column (SQL, F.expr, call_function).
 * Every expectation checked against Spark 3.5.7.
 */
import { describe, expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { errorOf, sqlError } from '../helpers/sql-errors.js';
import { functions as F } from '../../src/index.js';

const SLOW = 30_000;
const routine = (name: string): string =>
  `[UNRESOLVED_ROUTINE] Cannot resolve function \`${name}\` on search path [\`system\`.\`builtin\`, \`system\`.\`session\`, \`spark_catalog\`.\`default\`].`;

describe('function lookup before argument resolution', () => {
  forEachBackend('unknown functions', (session) => {
    it('SQL: an unknown function with unresolvable arguments is UNRESOLVED_ROUTINE at the call', () => {
      const spark = session();
      expect(sqlError(spark, 'SELECT nosuch(FOO)').message).toBe(`${routine('nosuch')}; line 1 pos 7`);
      expect(sqlError(spark, 'SELECT timestamp_diff(FOO, a, b) FROM VALUES (1,2) t(a,b)').message).toBe(`${routine('timestamp_diff')}; line 1 pos 7`);
      expect(sqlError(spark, 'SELECT a + nosuch(FOO) FROM VALUES (1) t(a)').message).toBe(`${routine('nosuch')}; line 1 pos 11`);
      expect(sqlError(spark, 'SELECT nosuch(1) OVER ()').errorClass).toBe('UNRESOLVED_ROUTINE');
      // a known function still resolves its arguments first
      expect(sqlError(spark, 'SELECT upper(FOO)').message).toBe(
        '[UNRESOLVED_COLUMN.WITHOUT_SUGGESTION] A column or function parameter with name `FOO` cannot be resolved. ; line 1 pos 13',
      );
    }, SLOW);

    it('DataFrame: F.expr and call_function of an unknown name are UNRESOLVED_ROUTINE', () => {
      const spark = session();
      const df = spark.sql('SELECT 1 AS a');
      const viaExpr = errorOf(() => df.select(F.expr('nosuch(FOO)')).collect());
      expect(viaExpr.errorClass).toBe('UNRESOLVED_ROUTINE');
      expect(String(viaExpr.message).split('\n')[0]).toBe(`${routine('nosuch')}; line 1 pos 0`);
      const viaCall = errorOf(() => df.select(F.call_function('nosuch', F.col('FOO'))).collect());
      expect(viaCall.errorClass).toBe('UNRESOLVED_ROUTINE');
      expect(String(viaCall.message).split('\n')[0]).toBe(routine('nosuch'));
    }, SLOW);

    // Spark 3.5.7 (live): after `USE db` the search path's last entry is `spark_catalog`.`db`.
    it('the search path names the current database', () => {
      const spark = session();
      const inDb = (name: string): string => routine(name).replace('`spark_catalog`.`default`]', '`spark_catalog`.`fnlookup_db`]');
      spark.sql('CREATE DATABASE IF NOT EXISTS fnlookup_db');
      try {
        spark.sql('USE fnlookup_db');
        expect(sqlError(spark, 'SELECT nosuchfn(1)').message).toBe(`${inDb('nosuchfn')}; line 1 pos 7`);
        expect(sqlError(spark, 'SELECT nosuch(FOO)').message).toBe(`${inDb('nosuch')}; line 1 pos 7`);
        const viaExpr = errorOf(() => spark.sql('SELECT 1 AS a').select(F.expr('nosuch(FOO)')).collect());
        expect(String(viaExpr.message).split('\n')[0]).toBe(`${inDb('nosuch')}; line 1 pos 0`);
      } finally {
        spark.sql('USE default');
        spark.sql('DROP DATABASE IF EXISTS fnlookup_db');
      }
      expect(sqlError(spark, 'SELECT nosuchfn(1)').message).toBe(`${routine('nosuchfn')}; line 1 pos 7`);
    }, SLOW);
  });
});
