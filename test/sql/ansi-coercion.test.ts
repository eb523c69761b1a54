/**
 * spark.sql.ansi.enabled=true and strings where another type is expected: Spark 3.5's
 * AnsiTypeCoercion casts a string function argument to the type asked for (DOUBLE for a
 * numeric one, never to an integral class), promotes a string next to a typed value in
 * common types (coalesce, CASE, array, IN, UNION, join keys: BIGINT next to an integral,
 * DOUBLE next to a fractional), rejects arithmetic over two strings, and a malformed string
 * raises CAST_INVALID_INPUT. Every expectation checked against Spark 3.5.7.
 */
import { describe, expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { ansi, errorOf, rows, sqlError } from '../helpers/sql-errors.js';
import type { SparkSession } from '../../src/index.js';

const SLOW = 30_000;
const NUMERIC_OR_INTERVAL = '("NUMERIC" or "INTERVAL DAY TO SECOND" or "INTERVAL YEAR TO MONTH" or "INTERVAL")';

/** `name:type` of each output column, `!` marking a non-nullable one. */
const schemaOf = (spark: SparkSession, q: string): string[] =>
  spark.sql(q).schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}${f.nullable ? '' : '!'}`);

/** The analysis error of `q` (raised without running it). */
const analysisError = (spark: SparkSession, q: string) => errorOf(() => spark.sql(q).schema, q);

const INTEGRAL_REFUSALS: [string, string][] = [
  ["SELECT ~'1'", 'Cannot resolve "~1" due to data type mismatch: Parameter 1 requires the "INTEGRAL" type, however "1" has the type "STRING".'],
  ["SELECT bit_and('3')", 'Cannot resolve "bit_and(3)" due to data type mismatch: Parameter 1 requires the "INTEGRAL" type, however "3" has the type "STRING".'],
  [
    "SELECT bit_count('3')",
    'Cannot resolve "bit_count(3)" due to data type mismatch: Parameter 1 requires the ("INTEGRAL" or "BOOLEAN") type, however "3" has the type "STRING".',
  ],
  [
    "SELECT percentile(1, 0.5, '2')",
    'Cannot resolve "percentile(1, 0.5, 2)" due to data type mismatch: Parameter 3 requires the "INTEGRAL" type, however "2" has the type "STRING".',
  ],
];

const malformed = (value: string, type: string): string =>
  `[CAST_INVALID_INPUT] The value '${value}' of the type "STRING" cannot be cast to "${type}" because it is malformed.`;

describe('ANSI mode: implicit string coercion', () => {
  forEachBackend('string function arguments', (session) => {
    it('a string argument is cast to the type the function expects (DOUBLE for a numeric one)', () => {
      const spark = ansi(session());
      const q = "SELECT abs('-1'), sqrt('4'), substr(12345, 2, 2), date_add('2020-01-01', '1'), concat(1, 2), repeat('a', '3'), shiftleft('1', 1)";
      expect(schemaOf(spark, q)).toEqual([
        'abs(-1):double',
        'SQRT(4):double',
        'substr(12345, 2, 2):string!',
        'date_add(2020-01-01, 1):date',
        'concat(1, 2):string!',
        'repeat(a, 3):string',
        'shiftleft(1, 1):int',
      ]);
      const [row] = rows(spark, q);
      expect(row!.slice(0, 3)).toEqual([1, 2, '23']);
      expect(String(row![3])).toBe(String(rows(spark, "SELECT DATE'2020-01-02'")[0]![0]));
      expect(row!.slice(4)).toEqual(['12', 'aaa', 2]);
      expect(rows(spark, "SELECT ceil('1.5'), sign('-2'), pow('2', '3'), year('2020-01-01'), NOT 'true', 'true' AND true")).toEqual([[2, -1, 8, 2020, false, true]]);
      expect(schemaOf(spark, "SELECT NOT 'true', 'true' AND true")).toEqual(['(NOT true):boolean', '(true AND true):boolean']);
    }, SLOW);

    it('string columns and aggregates are coerced too', () => {
      const spark = ansi(session());
      const q = "SELECT abs(s), -s, s + 1 FROM VALUES ('-1'), ('2') t(s)";
      expect(schemaOf(spark, q)).toEqual(['abs(s):double', '(- s):double', '(s + 1):bigint']);
      expect(rows(spark, q)).toEqual([
        [1, 1, 0],
        [2, -2, 3],
      ]);
      const agg = "SELECT sum(s), avg(s), min(s), sum('1'), avg('2') FROM VALUES ('-1'), ('2') t(s)";
      expect(schemaOf(spark, agg)).toEqual(['sum(s):double', 'avg(s):double', 'min(s):string', 'sum(1):double', 'avg(2):double']);
      expect(rows(spark, agg)).toEqual([[1, 0.5, '-1', 2, 2]]);
    }, SLOW);

    it('a malformed string raises CAST_INVALID_INPUT to the chosen type', () => {
      const spark = ansi(session());
      const cases: [string, string, string][] = [
        ["SELECT abs('x')", 'DOUBLE', 'NumberFormatException'],
        ["SELECT abs(s) FROM VALUES ('x') t(s)", 'DOUBLE', 'NumberFormatException'],
        ["SELECT date_add('2020-01-01', 'x')", 'INT', 'NumberFormatException'],
        ["SELECT year('x')", 'DATE', 'DateTimeException'],
        ["SELECT NOT 'x'", 'BOOLEAN', 'SparkRuntimeException'],
      ];
      for (const [q, type, name] of cases) {
        const e = sqlError(spark, q);
        expect(e.errorClass, q).toBe('CAST_INVALID_INPUT');
        expect(e.name, q).toBe(name);
        expect(e.message, q).toContain(malformed('x', type));
      }
    }, SLOW);

    it('an integral parameter takes no string (UNEXPECTED_INPUT_TYPE), with ANSI on or off', () => {
      const spark = session();
      for (const enabled of ['true', 'false']) {
        spark.conf.set('spark.sql.ansi.enabled', enabled);
        for (const [q, message] of INTEGRAL_REFUSALS) {
          const e = analysisError(spark, q);
          expect(e.errorClass, `${q} ansi=${enabled}`).toBe('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE');
          expect(e.message, q).toContain(message);
        }
      }
    }, SLOW);
  });

  forEachBackend('operators over two strings', (session) => {
    it('arithmetic and bitwise operators reject two strings (BINARY_OP_WRONG_TYPE)', () => {
      const spark = ansi(session());
      const cases: [string, string, string][] = [
        ["'1' + '2'", '(1 + 2)', NUMERIC_OR_INTERVAL],
        ["'1' - '2'", '(1 - 2)', NUMERIC_OR_INTERVAL],
        ["'1' + NULL", '(1 + NULL)', NUMERIC_OR_INTERVAL],
        ["'1' * '2'", '(1 * 2)', '"NUMERIC"'],
        ["'1' % '2'", '(1 % 2)', '"NUMERIC"'],
        ["'1' / '2'", '(1 / 2)', '("DOUBLE" or "DECIMAL")'],
        ["'1' div '2'", '(1 div 2)', '("BIGINT" or "DECIMAL" or "INTERVAL YEAR TO MONTH" or "INTERVAL DAY TO SECOND")'],
        ["'1' & '2'", '(1 & 2)', '"INTEGRAL"'],
        ["'1' | NULL", '(1 | NULL)', '"INTEGRAL"'],
        ["NULL ^ '2'", '(NULL ^ 2)', '"INTEGRAL"'],
        ["pmod('7', '2')", 'pmod(7, 2)', '"NUMERIC"'],
        ["try_add('1', '2')", '(1 + 2)', NUMERIC_OR_INTERVAL],
        ["try_divide('1', '2')", '(1 / 2)', '("DOUBLE" or "DECIMAL")'],
      ];
      for (const [expr, sql, required] of cases) {
        const e = analysisError(spark, `SELECT ${expr}`);
        expect(e.name, expr).toBe('AnalysisException');
        expect(e.errorClass, expr).toBe('DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE');
        expect(e.message, expr).toContain(
          `[DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE] Cannot resolve "${sql}" due to data type mismatch: the binary operator requires the input type ${required}, not "STRING".`,
        );
      }
      expect(analysisError(spark, "SELECT s + t FROM VALUES ('1', '2') x(s, t)").message).toContain(
        `Cannot resolve "(s + t)" due to data type mismatch: the binary operator requires the input type ${NUMERIC_OR_INTERVAL}, not "STRING".`,
      );
    }, SLOW);

    it('two strings still compare as strings; a typed partner still promotes the string', () => {
      const spark = ansi(session());
      expect(rows(spark, "SELECT '1' < '2', '10' > '9', '1' <=> '2'")).toEqual([[true, false, false]]);
      expect(schemaOf(spark, "SELECT pmod('7', 2), try_add('1', 2)")).toEqual(['pmod(7, 2):bigint', 'try_add(1, 2):bigint']);
      expect(rows(spark, "SELECT pmod('7', 2), try_add('1', 2)")).toEqual([[1, 3]]);
      expect(rows(spark, "SELECT '2020-01-05' - DATE'2020-01-01' = INTERVAL '4' DAY")).toEqual([[true]]);
    }, SLOW);

    it('one type an operator does not take is the wrong type, not two different types', () => {
      const spark = ansi(session());
      const e = analysisError(spark, "SELECT TIMESTAMP'2020-01-01 00:00:00' + '1'");
      expect(e.errorClass).toBe('DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE');
      expect(e.message).toContain(`the binary operator requires the input type ${NUMERIC_OR_INTERVAL}, not "TIMESTAMP".`);
      // DATE + string: the string becomes a DATE, which date_add's day count refuses.
      expect(analysisError(spark, "SELECT DATE'2020-01-01' + '1'").message).toContain(
        'Cannot resolve "date_add(DATE \'2020-01-01\', 1)" due to data type mismatch: Parameter 2 requires the ("INT" or "SMALLINT" or "TINYINT") type, however "1" has the type "DATE".',
      );
      expect(analysisError(session(), 'SELECT true / true').message).toContain('the binary operator requires the input type ("DOUBLE" or "DECIMAL"), not "BOOLEAN".');
    }, SLOW);

    it('without ANSI two strings are added as doubles, and a bitwise operator rejects the doubles', () => {
      const spark = session();
      expect(rows(spark, "SELECT '1' + '2', '6' / '4'")).toEqual([[3, 1.5]]);
      const wrong = analysisError(spark, "SELECT '1' ^ '2'");
      expect(wrong.errorClass).toBe('DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE');
      expect(wrong.message).toContain('Cannot resolve "(1 ^ 2)" due to data type mismatch: the binary operator requires the input type "INTEGRAL", not "DOUBLE".');
      const diff = analysisError(spark, "SELECT 2 | '1'");
      expect(diff.errorClass).toBe('DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES');
      expect(diff.message).toContain('the left and right operands of the binary operator have incompatible types ("INT" and "DOUBLE").');
      expect(analysisError(spark, "SELECT '1' & NULL").message).toContain('incompatible types ("DOUBLE" and "VOID").');
    }, SLOW);
  });

  forEachBackend('common types with a string', (session) => {
    it('a string next to an integral value is BIGINT, next to a fractional one DOUBLE, next to another atomic type that type', () => {
      const spark = ansi(session());
      const q =
        "SELECT coalesce('1', 2) a, nvl('1', 2.5D) b, coalesce('1', 1.5BD) c, coalesce('2020-01-01', DATE'2020-01-02') d, coalesce('true', false) e, if(true, '1', 2) f, array(1, '2') g, coalesce('1', NULL) h";
      expect(schemaOf(spark, q)).toEqual(['a:bigint!', 'b:double!', 'c:double!', 'd:date!', 'e:boolean!', 'f:bigint', 'g:array<bigint>!', 'h:string!']);
      const [row] = rows(spark, q);
      expect([...row!.slice(0, 3), row![4], row![5], row![6], row![7]]).toEqual([1, 1, 1, true, 1, [1, 2], '1']);
      expect(rows(spark, "SELECT '1' IN (1, 2), 1 IN ('1'), 1.5D IN ('1.5')")).toEqual([[true, true, true]]);
      expect(schemaOf(spark, "SELECT '1' UNION ALL SELECT 2")).toEqual(['1:bigint']);
      expect(rows(spark, "SELECT '1' UNION ALL SELECT 2")).toEqual([[1], [2]]);
    }, SLOW);

    it('a string that is not a number fails where Spark casts it', () => {
      const spark = ansi(session());
      for (const q of ["SELECT CASE WHEN true THEN 'a' ELSE 2 END", "SELECT array('a', 2)", "SELECT 1 IN ('a')", "SELECT 'a' UNION ALL SELECT 2"]) {
        const e = sqlError(spark, q);
        expect(e.errorClass, q).toBe('CAST_INVALID_INPUT');
        expect(e.message, q).toContain(malformed('a', 'BIGINT'));
      }
      expect(sqlError(spark, "SELECT coalesce('a', true)").message).toContain(malformed('a', 'BOOLEAN'));
    }, SLOW);

    it('join keys compare as BIGINT; a full join coalesces them to BIGINT', () => {
      const spark = ansi(session());
      expect(schemaOf(spark, "SELECT * FROM VALUES ('1') l(k) FULL JOIN VALUES (1) r(k) USING (k)")).toEqual(['k:bigint']);
      expect(rows(spark, "SELECT * FROM VALUES ('1') l(k) FULL JOIN VALUES (1) r(k) USING (k)")).toEqual([[1]]);
      expect(rows(spark, "SELECT * FROM VALUES ('1'), ('2') l(k) JOIN VALUES (1) r(k) USING (k)")).toEqual([['1']]);
    }, SLOW);
  });

  forEachBackend('the DataFrame API', (session) => {
    it('coerces string arguments and operands as SQL does', () => {
      const spark = ansi(session());
      const df = spark.createDataFrame([['-1', '2']], 's string, t string');
      const abs = df.select(F.abs(F.lit('-1')), F.abs(F.col('s')), F.col('s').plus(1));
      expect(abs.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}`)).toEqual(['abs(-1):double', 'abs(s):double', '(s + 1):bigint']);
      expect(abs.collect().map((r) => [...r])).toEqual([[1, 1, 0]]);
      const e = errorOf(() => df.select(F.col('s').plus(F.col('t'))).schema);
      expect(e.errorClass).toBe('DATATYPE_MISMATCH.BINARY_OP_WRONG_TYPE');
      expect(e.message).toContain(`Cannot resolve "(s + t)" due to data type mismatch: the binary operator requires the input type ${NUMERIC_OR_INTERVAL}, not "STRING".`);
      const bad = errorOf(() => spark.createDataFrame([['x']], 's string').select(F.sqrt(F.col('s'))).collect());
      expect(bad.errorClass).toBe('CAST_INVALID_INPUT');
      expect(bad.message).toContain(malformed('x', 'DOUBLE'));
    }, SLOW);
  });

  forEachBackend('numbers in comparisons', (session) => {
    // Spark 3.5.7: under ANSI an integral number and a FLOAT compare as DOUBLEs (without ANSI as FLOATs).
    it('an integral number meets a FLOAT at DOUBLE', () => {
      const q = 'SELECT 16777217 = cast(16777216 as float) a, 16777217L < cast(16777216 as float) b, 16777217 <=> cast(16777216 as float) c, cast(16777216 as float) in (16777217) d';
      const spark = session();
      expect(rows(spark, q)).toEqual([[true, false, true, true]]);
      expect(rows(ansi(spark), q)).toEqual([[false, false, false, false]]);
    }, SLOW);
  });
});
