/**
 * spark.sql.ansi.enabled=true: overflow, division by zero, invalid casts and
 * out-of-range indices raise Spark's errors on every backend (connect applies
 * ANSI server-side), in SQL and in the DataFrame API; try_* functions and
 * TRY_CAST keep returning NULL.
 */
import { describe, expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { ansi, errorOf, rows, sqlError } from '../helpers/sql-errors.js';

const SLOW = 30_000;


describe('ANSI mode', () => {
  forEachBackend('string operands next to numbers (PromoteStrings)', (session) => {
    it("a string next to an integral operand is BIGINT, next to a fractional one DOUBLE (checked on Spark 3.5.7)", () => {
      const spark = ansi(session());
      const df = spark.sql("SELECT '1' + a, a + '2', '1.5' + 1.5D, '3' * 1.5BD, a = '1', '2' > a, '7' / a, '7' % a FROM VALUES (1) AS t(a)");
      expect(df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}`)).toEqual([
        '(1 + a):bigint',
        '(a + 2):bigint',
        '(1.5 + 1.5):double',
        '(3 * 1.5):double',
        '(a = 1):boolean',
        '(2 > a):boolean',
        '(7 / a):double',
        '(7 % a):bigint',
      ]);
      expect(df.collect().map((r) => [...r])).toEqual([[2n, 3n, 3, 4.5, true, true, 7, 0n]].map((r) => r.map((v) => (typeof v === 'bigint' ? Number(v) : v))));
    });

    it('a malformed string raises CAST_INVALID_INPUT to BIGINT', () => {
      const err = sqlError(ansi(session()), "SELECT a = '1.5' FROM VALUES (1) AS t(a)");
      expect(err.errorClass).toBe('CAST_INVALID_INPUT');
      expect(err.message).toContain(`The value '1.5' of the type "STRING" cannot be cast to "BIGINT" because it is malformed.`);
    });
  });

  forEachBackend('arithmetic', (session) => {
    it('integral overflow raises ARITHMETIC_OVERFLOW with the try_ function to use', () => {
      const spark = ansi(session());
      const add = sqlError(spark, 'SELECT a + 1 FROM VALUES (2147483647) t(a)');
      expect(add.errorClass).toBe('ARITHMETIC_OVERFLOW');
      expect(add.name).toBe('ArithmeticException');
      expect(add.message).toContain("[ARITHMETIC_OVERFLOW] integer overflow. Use 'try_add' to tolerate overflow and return NULL instead.");
      const mul = sqlError(spark, 'SELECT a * 2 FROM VALUES (9223372036854775807L) t(a)');
      expect(mul.message).toContain("long overflow. Use 'try_multiply'");
      expect(sqlError(spark, 'SELECT a - 1 FROM VALUES (-2147483648) t(a)').message).toContain("Use 'try_subtract'");
      const neg = sqlError(spark, 'SELECT -a FROM VALUES (-2147483648) t(a)');
      expect(neg.errorClass).toBe('ARITHMETIC_OVERFLOW');
      expect(neg.message).toContain('integer overflow. If necessary set "spark.sql.ansi.enabled" to "false"');
      expect(sqlError(spark, 'SELECT abs(a) FROM VALUES (-9223372036854775808L) t(a)').message).toContain('long overflow.');
      const small = sqlError(spark, 'SELECT CAST(a AS TINYINT) + CAST(1 AS TINYINT) FROM VALUES (127) t(a)');
      expect(small.errorClass).toBe('BINARY_ARITHMETIC_OVERFLOW');
      expect(small.message).toContain('127S + 1S caused overflow.');
      expect(sqlError(spark, 'SELECT -a FROM VALUES (CAST(-128 AS TINYINT)) t(a)').message).toContain('- -128 caused overflow.');
    }, SLOW);

    it('results in range, doubles and the try_ functions are unchanged', () => {
      const spark = ansi(session());
      expect(rows(spark, 'SELECT a + 1, -a, abs(a), a * 2.5D, try_add(a, 2147483647) FROM VALUES (7) t(a)')).toEqual([[8, -7, 7, 17.5, null]]);
      expect(rows(spark, 'SELECT try_divide(a, 0), CAST(NULL AS INT) / 0 FROM VALUES (1) t(a)')).toEqual([[null, null]]);
    }, SLOW);

    it('division by zero raises DIVIDE_BY_ZERO for /, div, % and pmod', () => {
      const spark = ansi(session());
      for (const q of ['a / 0', 'a div 0', 'a % 0', 'pmod(a, 0)', 'a / 0.0D', 'CAST(a AS DECIMAL(3,1)) / 0']) {
        const e = sqlError(spark, `SELECT ${q} FROM VALUES (5) t(a)`);
        expect(e.errorClass, q).toBe('DIVIDE_BY_ZERO');
        expect(e.name, q).toBe('ArithmeticException');
        expect(e.message, q).toContain('Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead.');
      }
    }, SLOW);

    it('the DataFrame API raises the same errors', () => {
      const spark = ansi(session());
      const df = spark.createDataFrame([[2147483647, 0]], 'a int, b int');
      expect(errorOf(() => df.select(F.col('a').plus(1)).collect()).errorClass).toBe('ARITHMETIC_OVERFLOW');
      expect(errorOf(() => df.select(F.col('a').divide(F.col('b'))).collect()).errorClass).toBe('DIVIDE_BY_ZERO');
      expect(errorOf(() => df.select(F.col('a').cast('tinyint')).collect()).errorClass).toBe('CAST_OVERFLOW');
      expect(df.select(F.col('a').minus(1)).collect().map((r) => [...r])).toEqual([[2147483646]]);
    }, SLOW);

    it('with ANSI off the same queries wrap and return NULL', () => {
      const spark = session();
      expect(rows(spark, 'SELECT a + 1, a / 0, CAST(\'x\' AS INT) FROM VALUES (2147483647) t(a)')).toEqual([[-2147483648, null, null]]);
    }, SLOW);
  });

  forEachBackend('casts', (session) => {
    it('malformed strings raise CAST_INVALID_INPUT with the class per target type', () => {
      const spark = ansi(session());
      const cases: [string, string, string][] = [
        ["'abc'", 'INT', 'NumberFormatException'],
        ["'1.5'", 'INT', 'NumberFormatException'],
        ["'x'", 'DOUBLE', 'NumberFormatException'],
        ["'x'", 'DATE', 'DateTimeException'],
        ["'x'", 'TIMESTAMP', 'DateTimeException'],
      ];
      for (const [v, t, cls] of cases) {
        const e = sqlError(spark, `SELECT CAST(s AS ${t}) FROM VALUES (${v}) t(s)`);
        expect(e.errorClass, `${v} ${t}`).toBe('CAST_INVALID_INPUT');
        expect(e.name, `${v} ${t}`).toBe(cls);
        expect(e.message).toContain(`The value ${v} of the type "STRING" cannot be cast to "${t}" because it is malformed.`);
      }
      expect(sqlError(spark, "SELECT CAST(s AS BOOLEAN) FROM VALUES ('x') t(s)").errorClass).toBe('CAST_INVALID_INPUT');
      expect(rows(spark, "SELECT CAST(s AS INT), CAST(s AS DOUBLE), TRY_CAST('x' AS INT) FROM VALUES (' 12 ') t(s)")).toEqual([[12, 12, null]]);
      expect(spark.sql("SELECT TRY_CAST(s AS INT) FROM VALUES ('x') t(s)").columns).toEqual(['s']);
      expect(spark.sql("SELECT TRY_CAST('x' AS INT)").columns).toEqual(['TRY_CAST(x AS INT)']);
    }, SLOW);

    it('numeric narrowing out of range raises CAST_OVERFLOW; decimals NUMERIC_VALUE_OUT_OF_RANGE', () => {
      const spark = ansi(session());
      const e = sqlError(spark, 'SELECT CAST(a AS INT) FROM VALUES (3000000000L) t(a)');
      expect(e.errorClass).toBe('CAST_OVERFLOW');
      expect(e.name).toBe('ArithmeticException');
      expect(e.message).toContain('The value 3000000000L of the type "BIGINT" cannot be cast to "INT" due to an overflow.');
      expect(sqlError(spark, 'SELECT CAST(a AS TINYINT) FROM VALUES (300) t(a)').message).toContain('The value 300 of the type "INT" cannot be cast to "TINYINT"');
      expect(sqlError(spark, 'SELECT CAST(a AS INT) FROM VALUES (1e20D) t(a)').message).toContain('The value 1.0E20D of the type "DOUBLE"');
      const d = sqlError(spark, 'SELECT CAST(a AS DECIMAL(4,1)) FROM VALUES (15000000000L) t(a)');
      expect(d.errorClass).toBe('NUMERIC_VALUE_OUT_OF_RANGE');
      expect(d.message).toContain('15000000000 cannot be represented as Decimal(4, 1).');
      expect(rows(spark, 'SELECT CAST(a AS TINYINT), CAST(a AS FLOAT) FROM VALUES (100) t(a)')).toEqual([[100, 100]]);
    }, SLOW);

    it("casts Spark's analyzer refuses only in ANSI mode fail at analysis (no rows are needed)", () => {
      const spark = ansi(session());
      const analysisError = (q: string) => errorOf(() => spark.sql(q).schema);
      const date = analysisError("SELECT CAST(d AS INT) FROM VALUES (DATE'2020-01-01') t(d) WHERE false");
      expect(date.name).toBe('AnalysisException');
      expect(date.errorClass).toBe('DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION');
      expect(date.message).toContain(
        '[DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION] Cannot resolve "CAST(d AS INT)" due to data type mismatch: cannot cast "DATE" to "INT".\nTo convert values from "DATE" to "INT", you can use the functions `UNIX_DATE` instead.',
      );
      expect(analysisError("SELECT TRY_CAST(d AS DOUBLE) FROM VALUES (DATE'2020-01-01') t(d)").message).toContain(
        'Cannot resolve "TRY_CAST(d AS DOUBLE)" due to data type mismatch: cannot cast "DATE" to "DOUBLE".',
      );
      const conf: [string, string, string][] = [
        ['SELECT CAST(b AS TIMESTAMP) FROM VALUES (true) t(b)', 'CAST(b AS TIMESTAMP)', '"BOOLEAN" to "TIMESTAMP"'],
        ['SELECT CAST(i AS BINARY) FROM VALUES (1) t(i)', 'CAST(i AS BINARY)', '"INT" to "BINARY"'],
        ["SELECT CAST(d AS BOOLEAN) FROM VALUES (DATE'2020-01-01') t(d)", 'CAST(d AS BOOLEAN)', '"DATE" to "BOOLEAN"'],
        ["SELECT CAST(t AS BOOLEAN) FROM VALUES (TIMESTAMP'2020-01-01 00:00:00') t(t)", 'CAST(t AS BOOLEAN)', '"TIMESTAMP" to "BOOLEAN"'],
      ];
      for (const [q, sql, types] of conf) {
        const e = analysisError(q);
        expect(e.errorClass, q).toBe('DATATYPE_MISMATCH.CAST_WITH_CONF_SUGGESTION');
        expect(e.message, q).toContain(
          `Cannot resolve "${sql}" due to data type mismatch: cannot cast ${types} with ANSI mode on.\nIf you have to cast ${types}, you can set "spark.sql.ansi.enabled" as 'false'.`,
        );
      }
      // what ANSI still allows
      expect(rows(spark, "SELECT CAST(t AS INT), CAST(i AS TIMESTAMP) IS NOT NULL FROM VALUES (TIMESTAMP'2020-01-01 00:00:00', 1) t(t, i)")).toEqual([[1577836800, true]]);
      spark.conf.set('spark.sql.ansi.enabled', 'false');
      expect(rows(spark, "SELECT CAST(d AS BOOLEAN) FROM VALUES (DATE'2020-01-01') t(d)")).toEqual([[null]]);
      // without ANSI an integral casts to its big-endian bytes, as wide as its type
      expect(rows(spark, 'SELECT HEX(CAST(123 AS BINARY)), HEX(CAST(-123S AS BINARY)), HEX(CAST(123L AS BINARY)), HEX(CAST(-1Y AS BINARY))')).toEqual([
        ['0000007B', 'FF85', '000000000000007B', 'FF'],
      ]);
      expect(analysisError('SELECT CAST(1.5 AS BINARY)').errorClass).toBe('DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION');
      // TRY_CAST follows ANSI's castability in both modes, with no configuration to suggest
      for (const mode of ['false', 'true']) {
        spark.conf.set('spark.sql.ansi.enabled', mode);
        const e = analysisError('SELECT TRY_CAST(123 AS BINARY)');
        expect(e.errorClass).toBe('DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION');
        expect(e.message).toContain('Cannot resolve "TRY_CAST(123 AS BINARY)" due to data type mismatch: cannot cast "INT" to "BINARY".');
        expect(analysisError("SELECT TRY_CAST(DATE'2020-01-01' AS INT)").errorClass).toBe('DATATYPE_MISMATCH.CAST_WITH_FUNC_SUGGESTION');
        expect(analysisError('SELECT TRY_CAST(true AS TIMESTAMP)').errorClass).toBe('DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION');
      }
    }, SLOW);

    it('a boolean compared with a number is BINARY_OP_DIFF_TYPES (no BooleanEquality under ANSI)', () => {
      const spark = session();
      const q = ['SELECT a = true FROM VALUES (1) t(a)', 'SELECT b <=> 1 FROM VALUES (true) t(b)'];
      expect(q.map((x) => rows(spark, x))).toEqual([[[true]], [[true]]]);
      ansi(spark);
      const e = errorOf(() => spark.sql(q[0]!).schema);
      expect(e.errorClass).toBe('DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES');
      expect(e.message).toContain(
        'Cannot resolve "(a = true)" due to data type mismatch: the left and right operands of the binary operator have incompatible types ("INT" and "BOOLEAN").',
      );
      expect(errorOf(() => spark.sql(q[1]!).schema).message).toContain('incompatible types ("BOOLEAN" and "INT")');
    }, SLOW);
  });

  forEachBackend('collections', (session) => {
    it('array indices out of range raise; missing map keys still give NULL (Spark 3.5)', () => {
      const spark = ansi(session());
      const at = sqlError(spark, 'SELECT element_at(a, 5) FROM VALUES (array(1, 2)) t(a)');
      expect(at.errorClass).toBe('INVALID_ARRAY_INDEX_IN_ELEMENT_AT');
      expect(at.name).toBe('ArrayIndexOutOfBoundsException');
      expect(at.message).toContain('The index 5 is out of bounds. The array has 2 elements. Use `try_element_at`');
      expect(sqlError(spark, 'SELECT element_at(a, -3) FROM VALUES (array(1, 2)) t(a)').errorClass).toBe('INVALID_ARRAY_INDEX_IN_ELEMENT_AT');
      expect(sqlError(spark, 'SELECT element_at(a, 0) FROM VALUES (array(1, 2)) t(a)').errorClass).toBe('INVALID_INDEX_OF_ZERO');
      const idx = sqlError(spark, 'SELECT a[-1] FROM VALUES (array(1, 2)) t(a)');
      expect(idx.errorClass).toBe('INVALID_ARRAY_INDEX');
      expect(idx.message).toContain('The index -1 is out of bounds. The array has 2 elements. Use the SQL function `get()`');
      expect(rows(spark, 'SELECT element_at(a, -1), a[0], try_element_at(a, 9), get(a, 5), element_at(m, 3), m[3] FROM VALUES (array(1, 2), map(1, 2)) t(a, m)')).toEqual([
        [2, 1, null, null, null, null],
      ]);
    }, SLOW);
  });
});

forEachBackend('ANSI mode: what Spark changes and sparkless refuses', (session, backend) => {
  it('integral sums raise ARITHMETIC_OVERFLOW, grouped or not', () => {
    const spark = ansi(session());
    // Connect reports this executor-side error as a failed stage whose message quotes it (no error class)
    const overflow = (q: string): void => {
      const e = sqlError(spark, q);
      if (backend !== 'connect') expect(e.errorClass).toBe('ARITHMETIC_OVERFLOW');
      expect(e.message).toContain("[ARITHMETIC_OVERFLOW] long overflow. Use 'try_add' to tolerate overflow");
    };
    overflow('SELECT sum(x) FROM VALUES (9223372036854775807L), (1L) t(x)');
    overflow('SELECT k, sum(x) FROM VALUES (1, 9223372036854775807L), (1, 1L), (2, 1L) t(k, x) GROUP BY k');
    expect(rows(spark, 'SELECT k, sum(x) FROM VALUES (1, 2147483647), (1, 1), (2, 5) t(k, x) GROUP BY k ORDER BY k')).toEqual([
      [1, 2147483648],
      [2, 5],
    ]);
  }, SLOW);

  it('size(NULL) is NULL under ANSI, -1 without', () => {
    const spark = session();
    const q = 'SELECT size(a), cardinality(a) FROM VALUES (CAST(NULL AS ARRAY<INT>)), (array(1)) t(a)';
    expect(rows(spark, q)).toEqual([[-1, -1], [1, 1]]);
    expect(rows(ansi(spark), q)).toEqual([[null, null], [1, 1]]);
  }, SLOW);

  it('ANSI errors Spark raises that sparkless does not model are refused, never computed the non-ANSI way', () => {
    const spark = ansi(session());
    const queries = [
      'SELECT sum(x) FROM VALUES (CAST(9 AS DECIMAL(38,0)) * 1e37BD), (CAST(9 AS DECIMAL(38,0)) * 1e37BD) t(x)',
    ];
    for (const q of queries) {
      const e = sqlError(spark, q);
      if (backend === 'connect') expect(e.name, q).not.toBe('NotImplementedException');
      else expect(e.name, q).toBe('NotImplementedException');
    }
    // what ANSI leaves alone still computes: double sums, explicit casts
    expect(rows(spark, "SELECT sum(x), CAST('2' AS INT) + 1 FROM VALUES (1.5D), (2D) t(x)")).toEqual([[3.5, 3]]);
  }, SLOW);
});
