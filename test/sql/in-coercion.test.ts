/**
 * `IN` over a string and other types, with ANSI off (InConversion: the values compared as
 * STRINGs, never null from the cast) and on (AnsiTypeCoercion: the string read as the other
 * side's type, BIGINT next to an integral, CAST_INVALID_INPUT when malformed, evaluated left
 * to right so a match stops before a bad value). Every expectation checked against Spark 3.5.7.
 */
import { describe, expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { errorOf, rows } from '../helpers/sql-errors.js';

const SLOW = 30_000;

/** `name:type` of each output column, `!` marking a non-nullable one. */
const schemaOf = (spark: SparkSession, q: string): string[] =>
  spark.sql(q).schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}${f.nullable ? '' : '!'}`);

const withAnsi = (spark: SparkSession, enabled: string): SparkSession => {
  spark.conf.set('spark.sql.ansi.enabled', enabled);
  return spark;
};

const MIXED =
  "SELECT '1' IN (1, 2), 1 IN ('1', 2), '1.5' IN (1.5, 2), s IN (1, 2), 1 IN (s, '2'), '2020-01-01' IN (DATE'2020-01-01'), 1L IN ('1'), '1' IN (1, 'a') FROM VALUES ('1') t(s)";
const MIXED_NAMES = ['(1 IN (1, 2))', '(1 IN (1, 2))', '(1.5 IN (1.5, 2))', '(s IN (1, 2))', '(1 IN (s, 2))', "(2020-01-01 IN (DATE '2020-01-01'))", '(1 IN (1))', '(1 IN (1, a))'];

const diffTypes = (expr: string, types: string): string =>
  `[DATATYPE_MISMATCH.DATA_DIFF_TYPES] Cannot resolve "${expr}" due to data type mismatch: Input to \`in\` should all be the same type, but it's ${types}.`;

describe('IN with a string among other types', () => {
  forEachBackend('IN coercion', (session) => {
    it('without ANSI the values compare as strings, never null', () => {
      const spark = withAnsi(session(), 'false');
      expect(schemaOf(spark, MIXED)).toEqual(MIXED_NAMES.map((n) => `${n}:boolean!`));
      expect(rows(spark, MIXED)).toEqual([[true, true, true, true, true, true, true, true]]);
      expect(rows(spark, "SELECT 'a' IN (1, 2), 1 IN ('a', 1)")).toEqual([[false, true]]);
      const e = errorOf(() => spark.sql("SELECT true IN ('true', 'x')").schema);
      expect(e.message).toContain(diffTypes('(true IN (true, x))', '["BOOLEAN", "STRING", "STRING"]'));
    }, SLOW);

    it('under ANSI the string takes the other type (nullable), a malformed one raises CAST_INVALID_INPUT', () => {
      const spark = withAnsi(session(), 'true');
      expect(schemaOf(spark, MIXED)).toEqual(MIXED_NAMES.map((n) => `${n}:boolean`));
      expect(rows(spark, MIXED)).toEqual([[true, true, true, true, true, true, true, true]]);
      expect(rows(spark, "SELECT true IN ('true', 'x')")).toEqual([[true]]);
      const cases: [string, string][] = [
        ["SELECT 'a' IN (1, 2)", "== SQL(line 1, position 12) ==\nSELECT 'a' IN (1, 2)\n           ^^^^^^^^^"],
        ["SELECT 1 IN ('a', 1)", "== SQL(line 1, position 10) ==\nSELECT 1 IN ('a', 1)\n         ^^^^^^^^^^^"],
      ];
      for (const [q, context] of cases) {
        const e = errorOf(() => spark.sql(q).collect(), q);
        expect([e.errorClass, e.name], q).toEqual(['CAST_INVALID_INPUT', 'NumberFormatException']);
        expect(e.message, q).toContain(`[CAST_INVALID_INPUT] The value 'a' of the type "STRING" cannot be cast to "BIGINT" because it is malformed.`);
        expect(e.message, q).toContain(context);
      }
    }, SLOW);

    for (const enabled of ['false', 'true']) {
      it(`a number among booleans or arrays is DATA_DIFF_TYPES (ansi=${enabled})`, () => {
        const spark = withAnsi(session(), enabled);
        const cases: [string, string][] = [
          ['SELECT 1 IN (true)', diffTypes('(1 IN (true))', '["INT", "BOOLEAN"]')],
          ['SELECT 1 IN (array(1))', diffTypes('(1 IN (array(1)))', '["INT", "ARRAY<INT>"]')],
        ];
        for (const [q, message] of cases) {
          const e = errorOf(() => spark.sql(q).schema, q);
          expect(e.errorClass, q).toBe('DATATYPE_MISMATCH.DATA_DIFF_TYPES');
          expect(e.message, q).toContain(message);
        }
        expect(rows(spark, "SELECT '1' NOT IN (1, NULL), NULL IN ('1', 1)")).toEqual([[false, null]]);
      }, SLOW);
    }
  });
});
