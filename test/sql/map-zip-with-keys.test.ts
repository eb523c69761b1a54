/**
 * map_zip_with over maps of different key types, as Spark 3.5.7 widens them: without ANSI a
 * string key makes both sides strings; under ANSI a string widens with nothing
 * (MAP_ZIP_WITH_DIFF_TYPES), numbers still widen (INT and BIGINT, INT and DECIMAL). Spark checks
 * the keys before binding the lambda, so its message shows the lambda's variables by name.
 */
import { describe, expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { errorOf, rows } from '../helpers/sql-errors.js';

const SLOW = 30_000;

const withAnsi = (spark: SparkSession, enabled: string): SparkSession => {
  spark.conf.set('spark.sql.ansi.enabled', enabled);
  return spark;
};

const zip = (m1: string, m2: string): string => `map_zip_with(${m1}, ${m2}, (k, v1, v2) -> concat(v1, v2))`;

const keyMismatch = (m1: string, m2: string, types: string): string =>
  `[DATATYPE_MISMATCH.MAP_ZIP_WITH_DIFF_TYPES] Cannot resolve "map_zip_with(${m1}, ${m2}, lambdafunction(concat(v1, v2), k, v1, v2))" due to data type mismatch: ` +
  `Input to the \`map_zip_with\` should have been two maps with compatible key types, but it's ${types}.`;

describe('map_zip_with key types', () => {
  forEachBackend('map_zip_with keys', (session) => {
    for (const enabled of ['false', 'true']) {
      it(`numeric keys widen (ansi=${enabled})`, () => {
        const spark = withAnsi(session(), enabled);
        const q = `SELECT CAST(${zip("map(1, 'a')", "map(1L, 'b', 2L, 'c')")} AS STRING) a, CAST(${zip("map(1, 'a')", "map(1.5, 'b')")} AS STRING) b`;
        expect(spark.sql(q).schema.fields.map((f) => f.dataType.simpleString())).toEqual(['string', 'string']);
        expect(rows(spark, q)).toEqual([['{1 -> ab, 2 -> null}', '{1.0 -> null, 1.5 -> null}']]);
        const e = errorOf(() => spark.sql(`SELECT ${zip("map(1, 'a')", "map(true, 'b')")}`).schema);
        expect(e.errorClass).toBe('DATATYPE_MISMATCH.MAP_ZIP_WITH_DIFF_TYPES');
        expect(e.message).toContain(keyMismatch('map(1, a)', 'map(true, b)', '["INT", "BOOLEAN"]'));
      }, SLOW);
    }

    it('a string key makes both sides strings without ANSI, and does not widen under ANSI', () => {
      const spark = withAnsi(session(), 'false');
      const q = `SELECT ${zip("map(1, 'a')", "map('1', 'b')")} z`;
      expect(spark.sql(q).schema.fields[0]!.dataType.simpleString()).toBe('map<string,string>');
      expect(rows(spark, `SELECT CAST(${zip("map(1, 'a')", "map('1', 'b')")} AS STRING)`)).toEqual([['{1 -> ab}']]);
      withAnsi(spark, 'true');
      const e = errorOf(() => spark.sql(q).schema);
      expect(e.errorClass).toBe('DATATYPE_MISMATCH.MAP_ZIP_WITH_DIFF_TYPES');
      expect(e.message).toContain(keyMismatch('map(1, a)', 'map(1, b)', '["INT", "STRING"]'));
    }, SLOW);
  });
});
