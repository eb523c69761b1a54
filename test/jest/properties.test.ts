/** Property-based tests under Jest with plain fc.assert, the recipes, and the differential helper. */
import { describe, expect, it } from '@jest/globals';
import * as fc from 'fast-check';
import { functions as F } from '../../src/index.js';
import { arbitraryDataFrame, arbitraryRows, expectBackendsAgree, useSparkSession } from '../../src/jest/index.js';

describe('properties (Jest + fc.assert)', () => {
  const spark = useSparkSession({ backend: 'memory' });

  it('filter never increases the row count', () => {
    fc.assert(
      fc.property(arbitraryDataFrame(spark, 'region STRING, amount DOUBLE', { maxLength: 25 }), fc.double({ noNaN: true }), (df, t) => {
        expect(df.filter(F.col('amount').gt(t)).count()).toBeLessThanOrEqual(df.count());
      }),
    );
  });

  it('dropDuplicates is idempotent', () => {
    fc.assert(
      fc.property(arbitraryDataFrame(spark, 'a TINYINT, b BOOLEAN', { maxLength: 30 }), (df) => {
        const once = df.dropDuplicates();
        expect(once.dropDuplicates()).toEqualDataFrame(once);
      }),
    );
  });

  it('a failing property reports a minimal DataFrame as a table with seed and path', () => {
    let message = '';
    try {
      fc.assert(
        fc.property(arbitraryDataFrame(spark(), 'n INT NOT NULL', { maxLength: 20 }), (df) => df.filter(F.col('n').gt(10)).count() === 0),
        { seed: 3 },
      );
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('Counterexample: [DataFrame[n INT NOT NULL] (1 row)\n+---+\n|n  |\n+---+\n|11 |\n+---+]');
    expect(message).toMatch(/seed: 3, path: "[\d:]+"/);
  });

  it('memory and Polars agree on generated data', () => {
    fc.assert(
      fc.property(arbitraryRows('k TINYINT, v INT', { maxLength: 20 }), (rows) => {
        expectBackendsAgree((df) => df.groupBy('k').agg(F.sum('v').alias('total')), { rows, schema: 'k TINYINT, v INT' });
      }),
      { numRuns: 15 },
    );
  });
});
