/**
 * Unary `+` and `positive(x)` are Spark's UnaryPositive, not a no-op: a number or an interval
 * keeps its type, a string or NULL becomes a DOUBLE (a malformed string is NULL, or
 * CAST_INVALID_INPUT under ANSI), anything else is UNEXPECTED_INPUT_TYPE; unary `-` words its
 * refusal the same way. Every expectation checked against Spark 3.5.7 with ANSI on and off.
 */
import { describe, expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { errorOf, rows } from '../helpers/sql-errors.js';

const SLOW = 30_000;
const NUMERIC_OR_INTERVAL = '("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH" or "INTERVAL")';

/** `name:type` of each output column, `!` marking a non-nullable one. */
const schemaOf = (spark: SparkSession, q: string): string[] =>
  spark.sql(q).schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}${f.nullable ? '' : '!'}`);

const withAnsi = (spark: SparkSession, enabled: string): SparkSession => {
  spark.conf.set('spark.sql.ansi.enabled', enabled);
  return spark;
};

const REFUSALS: [string, string, string, string][] = [
  ['SELECT +true', '(+ true)', 'true', '"BOOLEAN"'],
  ['SELECT positive(true)', '(+ true)', 'true', '"BOOLEAN"'],
  ["SELECT +DATE'2020-01-01'", "(+ DATE '2020-01-01')", "DATE '2020-01-01'", '"DATE"'],
  ['SELECT +array(1)', '(+ array(1))', 'array(1)', '"ARRAY<INT>"'],
  ['SELECT -true', '(- true)', 'true', '"BOOLEAN"'],
  ["SELECT -DATE'2020-01-01'", "(- DATE '2020-01-01')", "DATE '2020-01-01'", '"DATE"'],
];

describe('unary plus', () => {
  forEachBackend('typing and names', (session) => {
    for (const enabled of ['false', 'true']) {
      it(`numbers and intervals keep their type, strings and NULL become DOUBLE (ansi=${enabled})`, () => {
        const spark = withAnsi(session(), enabled);
        const q =
          "SELECT +1, +a, +'1', +INTERVAL 1 DAY, positive(a), positive('1'), + -1, -(+1), +'1.5', +CAST(1 AS TINYINT), positive(1.5), +NULL, " +
          "+INTERVAL '1-2' YEAR TO MONTH FROM VALUES (2) AS t(a)";
        expect(schemaOf(spark, q)).toEqual([
          '(+ 1):int!',
          '(+ a):int!',
          '(+ 1):double',
          "(+ INTERVAL '1' DAY):interval day!",
          '(+ a):int!',
          '(+ 1):double',
          '(+ -1):int!',
          '(- (+ 1)):int!',
          '(+ 1.5):double',
          '(+ CAST(1 AS TINYINT)):tinyint!',
          '(+ 1.5):decimal(2,1)!',
          '(+ NULL):double',
          "(+ INTERVAL '1-2' YEAR TO MONTH):interval year to month!",
        ]);
        const [row] = rows(spark, q);
        expect(row!.slice(0, 3)).toEqual([1, 2, 1]);
        expect(row!.slice(4, 10)).toEqual([2, 1, -1, -1, 1.5, 1]);
        expect(String(row![10])).toBe('1.5');
        expect(row![11]).toBeNull();
        // The interval values are unchanged: the same as the literal without `+`.
        expect([row![3], row![12]]).toEqual(rows(spark, "SELECT INTERVAL 1 DAY, INTERVAL '1-2' YEAR TO MONTH")[0]);
      }, SLOW);

      it(`booleans, dates and arrays are refused as Spark refuses them (ansi=${enabled})`, () => {
        const spark = withAnsi(session(), enabled);
        for (const [q, name, arg, type] of REFUSALS) {
          const e = errorOf(() => spark.sql(q).schema, q);
          expect(e.errorClass, q).toBe('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE');
          expect(e.message, q).toContain(
            `Cannot resolve "${name}" due to data type mismatch: Parameter 1 requires the ${NUMERIC_OR_INTERVAL} type, however "${arg}" has the type ${type}.`,
          );
        }
      }, SLOW);
    }

    it('a malformed string is NULL, or CAST_INVALID_INPUT under ANSI', () => {
      const spark = withAnsi(session(), 'false');
      expect(schemaOf(spark, "SELECT +'x'")).toEqual(['(+ x):double']);
      expect(rows(spark, "SELECT +'x'")).toEqual([[null]]);
      withAnsi(spark, 'true');
      const e = errorOf(() => spark.sql("SELECT +'x'").collect());
      expect(e.errorClass).toBe('CAST_INVALID_INPUT');
      expect(e.message).toContain(`[CAST_INVALID_INPUT] The value 'x' of the type "STRING" cannot be cast to "DOUBLE" because it is malformed.`);
      expect(e.message).toContain("== SQL(line 1, position 8) ==\nSELECT +'x'\n       ^^^^");
    }, SLOW);
  });
});
