/**
 * UNRESOLVED_COLUMN and AMBIGUOUS_REFERENCE messages as Spark 3.5.7 prints them: the
 * reference quoted part by part (`t`.`z`), suggestions bare when one qualifier covers
 * them all, with the last qualifier part for a two-part reference, fully qualified
 * (`spark_catalog`.`db`.`t`.`c`) otherwise, unqualified ones last; ambiguous matches fully
 * qualified; CANNOT_RESOLVE_STAR_EXPAND's quoting (sql-tests columnresolution-negative.sql and probes).
 */
import { afterEach, expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError } from '../helpers/sql-errors.js';

const SLOW = 60_000;
const DID_YOU_MEAN = (name: string, list: string): string =>
  `[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name ${name} cannot be resolved. Did you mean one of the following? [${list}].`;
const AMBIGUOUS = (name: string, list: string): string => `[AMBIGUOUS_REFERENCE] Reference ${name} is ambiguous, could be: [${list}].`;

forEachBackend('SQL column resolution messages', (session) => {
  let spark: SparkSession | undefined;
  afterEach(() => {
    spark?.sql('DROP DATABASE IF EXISTS crm_db CASCADE').collect();
  });
  const message = (s: SparkSession, q: string): string => firstLineError(() => s.sql(q).collect(), true).message;

  it('quotes each part of the reference and qualifies suggestions as Spark does', () => {
    const s = session();
    const T = 'FROM VALUES (1, 2, 3) AS t(i1, j, k1)';
    expect(message(s, `SELECT zz ${T}`)).toBe(DID_YOU_MEAN('`zz`', '`j`, `i1`, `k1`'));
    expect(message(s, `SELECT t.zz ${T}`)).toBe(DID_YOU_MEAN('`t`.`zz`', '`t`.`j`, `t`.`i1`, `t`.`k1`'));
    expect(message(s, `SELECT a.b.zz ${T}`)).toBe(DID_YOU_MEAN('`a`.`b`.`zz`', '`t`.`j`, `t`.`i1`, `t`.`k1`'));
    expect(message(s, 'SELECT `a.b` FROM VALUES (1, 2) AS t(a, bb)')).toBe(DID_YOU_MEAN('`a.b`', '`a`, `bb`'));
    expect(message(s, 'SELECT z FROM VALUES (1, 2) AS v(a, bb) JOIN (SELECT 1 AS c) q')).toBe(DID_YOU_MEAN('`z`', '`v`.`a`, `q`.`c`, `v`.`bb`'));
    expect(message(s, 'SELECT zz FROM (SELECT 1 AS c) JOIN VALUES (1) AS t(ab)')).toBe(DID_YOU_MEAN('`zz`', '`t`.`ab`, `c`'));
    expect(message(s, 'SELECT i1 FROM (SELECT 1 AS i1) x, (SELECT 2 AS i1) y')).toBe(AMBIGUOUS('`i1`', '`x`.`i1`, `y`.`i1`'));
  });

  it('MISSING_AGGREGATION breaks its message where Spark does', () => {
    const s = session();
    expect(firstLineError(() => s.sql('SELECT a AS k FROM VALUES (1, 1) AS t(a, k) GROUP BY k').collect())).toEqual({
      errorClass: 'MISSING_AGGREGATION',
      message: '[MISSING_AGGREGATION] The non-aggregating expression "a" is based on columns which are not participating in the GROUP BY clause.',
    });
  });

  it('CANNOT_RESOLVE_STAR_EXPAND quotes the qualifier and the input columns, at the star', () => {
    const s = session();
    expect(firstLineError(() => s.sql('SELECT a, q.* FROM VALUES (1, 2) AS t(a, b)').collect())).toEqual({
      errorClass: 'CANNOT_RESOLVE_STAR_EXPAND',
      message:
        '[CANNOT_RESOLVE_STAR_EXPAND] Cannot resolve `q`.* given input columns `a`, `b`. Please check that the specified table or struct exists and is accessible in the input columns.; line 1 pos 10',
    });
  });

  it(
    'names catalog tables by their full qualifier',
    () => {
      const s = (spark = session());
      for (const q of ['DROP DATABASE IF EXISTS crm_db CASCADE', 'CREATE DATABASE crm_db', 'CREATE TABLE crm_db.t1 USING parquet AS SELECT 1 AS i1, 2 AS j']) s.sql(q).collect();
      const full = '`spark_catalog`.`crm_db`.`t1`';
      expect(message(s, 'SELECT zz FROM crm_db.t1')).toBe(DID_YOU_MEAN('`zz`', '`j`, `i1`'));
      expect(message(s, 'SELECT x.y FROM crm_db.t1')).toBe(DID_YOU_MEAN('`x`.`y`', '`t1`.`j`, `t1`.`i1`'));
      expect(message(s, 'SELECT a.b.c FROM crm_db.t1')).toBe(DID_YOU_MEAN('`a`.`b`.`c`', `${full}.\`j\`, ${full}.\`i1\``));
      expect(message(s, 'SELECT zz FROM crm_db.t1, crm_db.t1 x')).toBe(DID_YOU_MEAN('`zz`', `\`x\`.\`j\`, \`x\`.\`i1\`, ${full}.\`j\`, ${full}.\`i1\``));
      expect(message(s, 'SELECT t1.i1 FROM crm_db.t1, crm_db.t1')).toBe(AMBIGUOUS('`t1`.`i1`', `${full}.\`i1\`, ${full}.\`i1\``));
      // A column reached twice is suggested twice; ambiguous matches are listed sorted.
      expect(message(s, 'SELECT db1.t1.i1 FROM crm_db.t1, crm_db.t1')).toBe(DID_YOU_MEAN('`db1`.`t1`.`i1`', `${full}.\`i1\`, ${full}.\`i1\`, ${full}.\`j\`, ${full}.\`j\``));
      s.sql('CREATE TABLE crm_db.t0 USING parquet AS SELECT 5 AS i1').collect();
      expect(message(s, 'SELECT i1 FROM crm_db.t1, crm_db.t0')).toBe(AMBIGUOUS('`i1`', '`spark_catalog`.`crm_db`.`t0`.`i1`, `spark_catalog`.`crm_db`.`t1`.`i1`'));
    },
    SLOW,
  );
});
