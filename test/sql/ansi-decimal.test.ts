/**
 * spark.sql.ansi.enabled=true and decimals: +, -, * and / beyond the result
 * precision raise NUMERIC_VALUE_OUT_OF_RANGE with the value Spark computed
 * (NULL without ANSI); sum/avg of decimals compute where no total can
 * overflow. Expectations checked against Spark 3.5.7.
 */
import { describe, expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { sqlError } from '../helpers/sql-errors.js';

const SLOW = 30_000;
const MAX = "CAST('99999999999999999999999999999999999999' AS DECIMAL(38,0))";
const MIN = "CAST('-99999999999999999999999999999999999999' AS DECIMAL(38,0))";

const rows = (spark: SparkSession, q: string): string[][] => spark.sql(q).collect().map((r) => [...r].map(String));

describe('ANSI mode: decimal overflow', () => {
  forEachBackend('decimal arithmetic', (session) => {
    it('+, -, * and / beyond the result precision raise NUMERIC_VALUE_OUT_OF_RANGE with the exact value', () => {
      const spark = session();
      const cases: [string, string, string][] = [
        [`SELECT a + a FROM VALUES (${MAX}) t(a)`, '199999999999999999999999999999999999998', 'Decimal(38, 0)'],
        [`SELECT a - b FROM VALUES (${MIN}, CAST(1 AS DECIMAL(38,0))) t(a, b)`, '-100000000000000000000000000000000000000', 'Decimal(38, 0)'],
        [`SELECT a * a FROM VALUES (${MAX}) t(a)`, '9999999999999999999999999999999999999800000000000000000000000000000000000000', 'Decimal(38, 0)'],
        [
          "SELECT a * b FROM VALUES (CAST('99999999999999999999.5' AS DECIMAL(38,1)), CAST('99999999999999999999.25' AS DECIMAL(38,2))) t(a, b)",
          '9999999999999999999875000000000000000000',
          'Decimal(38, 3)',
        ],
        [
          "SELECT a + b FROM VALUES (CAST('999999999999999999999999999999999999.9' AS DECIMAL(37,1)), CAST('99999999999999999999999999999999999999' AS DECIMAL(38,0))) t(a, b)",
          '100999999999999999999999999999999999998.9',
          'Decimal(38, 1)',
        ],
        [`SELECT a / b FROM VALUES (${MAX}, CAST(0.3 AS DECIMAL(38,1))) t(a, b)`, '333333333333333333333333333333333333330.000000000000000000000000000000000000000', 'Decimal(38, 6)'],
      ];
      for (const [q] of cases) {
        expect(rows(spark, q), q).toEqual([['null']]);
      }
      spark.conf.set('spark.sql.ansi.enabled', 'true');
      for (const [q, value, type] of cases) {
        const e = sqlError(spark, q);
        expect(e.name, q).toBe('ArithmeticException');
        expect(e.errorClass, q).toBe('NUMERIC_VALUE_OUT_OF_RANGE');
        expect(e.message, q).toContain(
          `[NUMERIC_VALUE_OUT_OF_RANGE] ${value} cannot be represented as ${type}. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error, and return NULL instead.`,
        );
      }
      expect(rows(spark, "SELECT a * b, a / b FROM VALUES (CAST('9999999999' AS DECIMAL(10,0)), CAST('9999999999' AS DECIMAL(10,0))) t(a, b)")).toEqual([
        ['99999999980000000001', '1.00000000000'],
      ]);
    }, SLOW);
  });

  forEachBackend('decimal aggregates', (session, backend) => {
    it('sum and avg of decimals compute when no total can overflow', () => {
      const spark = session();
      spark.conf.set('spark.sql.ansi.enabled', 'true');
      expect(rows(spark, 'SELECT sum(x), avg(x) FROM VALUES (CAST(99 AS DECIMAL(2,0))), (CAST(99 AS DECIMAL(2,0))), (NULL) t(x)')).toEqual([['198', '99.0000']]);
      expect(rows(spark, 'SELECT k, sum(x), avg(x) FROM VALUES (1, 1.5BD), (1, -2.25BD), (2, NULL) t(k, x) GROUP BY k ORDER BY k')).toEqual([
        ['1', '-0.75', '-0.375000'],
        ['2', 'null', 'null'],
      ]);
      const schema = spark.sql('SELECT sum(x), avg(x) FROM VALUES (CAST(1 AS DECIMAL(10,2))) t(x)').schema.fields.map((f) => f.dataType.simpleString());
      expect(schema).toEqual(['decimal(20,2)', 'decimal(14,6)']);
      // beyond 38 digits Spark raises NUMERIC_VALUE_OUT_OF_RANGE or ARITHMETIC_OVERFLOW depending on its plan: refused locally
      const over = sqlError(spark, `SELECT sum(x) FROM VALUES (${MAX}), (${MAX}) t(x)`);
      if (backend === 'connect') expect(over.message).toMatch(/NUMERIC_VALUE_OUT_OF_RANGE|ARITHMETIC_OVERFLOW/);
      else expect(over.name).toBe('NotImplementedException');
    }, SLOW);
  });
});
