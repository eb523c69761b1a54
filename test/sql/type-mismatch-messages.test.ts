/**
 * The wording of Spark 3.5.7's analysis errors for arguments that share no common type
 * (DATA_DIFF_TYPES lists them `("INT" or "ARRAY<INT>")` for coalesce/array/map_concat and
 * `["INT", "ARRAY<INT>"]` for greatest/least/in/if/CASE; `map` has its own key/value classes),
 * and of ANSI mode's forbidden cast-alias functions (`int(d)` is named as `d`).
 * Every message checked against Spark 3.5.7.
 */
import { describe, expect, it } from 'vitest';
import { forEachBackend } from '../helpers/backends.js';
import { ansi, errorOf } from '../helpers/sql-errors.js';

const SLOW = 30_000;
const mismatch = (sql: string, detail: string, pos = 7): string => `Cannot resolve "${sql}" due to data type mismatch: ${detail}.; line 1 pos ${pos}`;
const diff = (fn: string, types: string): string => `Input to \`${fn}\` should all be the same type, but it's ${types}`;
const OR = '("INT" or "ARRAY<INT>")';
const LIST = '["INT", "ARRAY<INT>"]';

const DIFF_TYPES: [string, string, string][] = [
  ['SELECT coalesce(1, array(1))', 'DATA_DIFF_TYPES', mismatch('coalesce(1, array(1))', diff('coalesce', OR))],
  ["SELECT coalesce(1, 2, array(1), 'x')", 'DATA_DIFF_TYPES', mismatch('coalesce(1, 2, array(1), x)', diff('coalesce', '("INT" or "INT" or "ARRAY<INT>" or "STRING")'))],
  ['SELECT nvl(1, array(1))', 'DATA_DIFF_TYPES', mismatch('coalesce(1, array(1))', diff('coalesce', OR))],
  ['SELECT ifnull(1, array(1))', 'DATA_DIFF_TYPES', mismatch('coalesce(1, array(1))', diff('coalesce', OR))],
  ['SELECT array(1, array(1))', 'DATA_DIFF_TYPES', mismatch('array(1, array(1))', diff('array', OR))],
  [
    "SELECT map_concat(map(1,1), map('a', array(1)))",
    'DATA_DIFF_TYPES',
    mismatch('map_concat(map(1, 1), map(a, array(1)))', diff('map_concat', '("MAP<INT, INT>" or "MAP<STRING, ARRAY<INT>>")')),
  ],
  ['SELECT greatest(1, array(1))', 'DATA_DIFF_TYPES', mismatch('greatest(1, array(1))', diff('greatest', LIST))],
  ['SELECT least(1, array(1))', 'DATA_DIFF_TYPES', mismatch('least(1, array(1))', diff('least', LIST))],
  ['SELECT 1 IN (array(1))', 'DATA_DIFF_TYPES', mismatch('(1 IN (array(1)))', diff('in', LIST), 9)],
  ['SELECT CASE WHEN true THEN 1 ELSE array(1) END', 'DATA_DIFF_TYPES', mismatch('CASE WHEN true THEN 1 ELSE array(1) END', diff('casewhen', LIST))],
  ['SELECT if(true, 1, array(1))', 'DATA_DIFF_TYPES', mismatch('(IF(true, 1, array(1)))', diff('if', LIST))],
  ['SELECT nvl2(null, 2, array(3))', 'DATA_DIFF_TYPES', mismatch('(IF((NULL IS NOT NULL), 2, array(3)))', diff('if', LIST))],
  [
    'SELECT if(1, 2, 3)',
    'UNEXPECTED_INPUT_TYPE',
    mismatch('(IF(1, 2, 3))', 'Parameter 1 requires the "BOOLEAN" type, however "1" has the type "INT"'),
  ],
  [
    'SELECT map(1, 1, 2, array(1))',
    'CREATE_MAP_VALUE_DIFF_TYPES',
    mismatch('map(1, 1, 2, array(1))', `The given values of function \`map\` should all be the same type, but they are ${LIST}`),
  ],
  [
    'SELECT map(1, 1, array(1), 2)',
    'CREATE_MAP_KEY_DIFF_TYPES',
    mismatch('map(1, 1, array(1), 2)', `The given keys of function \`map\` should all be the same type, but they are ${LIST}`),
  ],
];

const DATE_TO_INT =
  'cannot cast "DATE" to "INT".\nTo convert values from "DATE" to "INT", you can use the functions `UNIX_DATE` instead';

describe('type mismatch messages', () => {
  forEachBackend('arguments without a common type', (session) => {
    it('DATA_DIFF_TYPES and the map classes are worded per function, as Spark words them', () => {
      const spark = session();
      for (const [q, sub, message] of DIFF_TYPES) {
        for (const s of [spark, ansi(spark)]) {
          const e = errorOf(() => s.sql(q).schema, q);
          expect(e.errorClass, q).toBe(`DATATYPE_MISMATCH.${sub}`);
          expect(e.message, q).toBe(`[DATATYPE_MISMATCH.${sub}] ${message}`);
        }
      }
    }, SLOW);
  });

  forEachBackend('ANSI cast-alias functions', (session) => {
    it('a forbidden int(d)/boolean(d) fails at analysis, named as its argument', () => {
      const spark = session();
      // without ANSI the cast gives NULL, and the column is named as the argument too
      const plain = spark.sql("SELECT int(DATE '2020-01-01')");
      expect(plain.columns).toEqual(["DATE '2020-01-01'"]);
      expect(plain.collect().map((r) => [...r])).toEqual([[null]]);
      ansi(spark);
      const cases: [string, string, string][] = [
        ["SELECT int(DATE '2020-01-01')", 'CAST_WITH_FUNC_SUGGESTION', mismatch("DATE '2020-01-01'", DATE_TO_INT)],
        ["SELECT int(a) FROM VALUES (DATE '2020-01-01') t(a)", 'CAST_WITH_FUNC_SUGGESTION', mismatch('a', DATE_TO_INT)],
        ["SELECT cast(DATE '2020-01-01' as int)", 'CAST_WITH_FUNC_SUGGESTION', mismatch("CAST(DATE '2020-01-01' AS INT)", DATE_TO_INT)],
        [
          "SELECT boolean(DATE '2020-01-01')",
          'CAST_WITH_CONF_SUGGESTION',
          mismatch(
            "DATE '2020-01-01'",
            'cannot cast "DATE" to "BOOLEAN" with ANSI mode on.\nIf you have to cast "DATE" to "BOOLEAN", you can set "spark.sql.ansi.enabled" as \'false\'',
          ),
        ],
      ];
      for (const [q, sub, message] of cases) {
        const e = errorOf(() => spark.sql(q).schema, q);
        expect(e.errorClass, q).toBe(`DATATYPE_MISMATCH.${sub}`);
        expect(e.message, q).toBe(`[DATATYPE_MISMATCH.${sub}] ${message}`);
      }
    }, SLOW);
  });
});
