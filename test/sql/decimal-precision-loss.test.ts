/**
 * spark.sql.decimalOperations.allowPrecisionLoss: by default a decimal result wider than 38
 * digits gives up scale (rounding); set to false the type is only capped at 38 digits, so a
 * value that no longer fits is NULL, and a quotient's scale gives up half the excess digits.
 * Types and values checked on Spark 3.5.7.
 */
import { expect, it } from 'vitest';
import type { SparkSession } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

const Q =
  'SELECT a * b AS m, c * d AS n, e / f AS q, g % h AS r FROM VALUES (10.300000000000000000, 3.000000000000000000, ' +
  '123456789123456789.1234567890, 1.123456789123456789, CAST(1 AS DECIMAL(38,18)), CAST(3 AS DECIMAL(38,18)), CAST(7 AS DECIMAL(10,2)), CAST(3 AS DECIMAL(5,1))) t(a, b, c, d, e, f, g, h)';

const typesAndValues = (spark: SparkSession): [string[], string[]] => {
  const df = spark.sql(Q);
  return [df.schema.fields.map((f) => f.dataType.simpleString()), [...df.collect()[0]!].map(String)];
};

forEachBackend('decimal precision loss', (session) => {
  it('by default results round to fit 38 digits', () => {
    expect(typesAndValues(session())).toEqual([
      ['decimal(38,34)', 'decimal(38,18)', 'decimal(38,6)', 'decimal(6,2)'],
      ['30.9000000000000000000000000000000000', '138698367904130467.654320988515622621', '0.333333', '1.00'],
    ]);
  });

  it('with allowPrecisionLoss=false the exact type is capped and what does not fit is NULL', () => {
    const spark = session();
    spark.conf.set('spark.sql.decimalOperations.allowPrecisionLoss', 'false');
    expect(typesAndValues(spark)).toEqual([
      ['decimal(38,36)', 'decimal(38,28)', 'decimal(38,18)', 'decimal(6,2)'],
      ['30.900000000000000000000000000000000000', 'null', '0.333333333333333333', '1.00'],
    ]);
    const big = spark.sql('SELECT 1.0123456789012345678901234567890123456e31BD / 10.0');
    expect(big.schema.fields[0]!.dataType.simpleString()).toBe('decimal(38,7)');
    expect(String(big.collect()[0]!.get(0))).toBe('1012345678901234567890123456789.0123456');
  });
});
