/**
 * Property-based pipeline recipes (documented in docs/testing.md), with
 * @fast-check/vitest's `test.prop`. Each run gets a fresh session: the
 * plugin runs beforeEach/afterEach around every run, and generated
 * DataFrames bind to the session of the run that uses them.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { functions as F } from '../../src/index.js';
import { arbitraryDataFrame, arbitraryRows, useSparkSession } from '../../src/vitest/index.js';

describe('pipeline properties', () => {
  const spark = useSparkSession({ backend: 'memory' });
  const SALES = 'region STRING, amount DOUBLE';
  const sales = arbitraryDataFrame(spark, SALES, { maxLength: 25, stringUnit: 'grapheme-ascii', maxStringLength: 2 });

  // 1. A filter never increases the row count.
  test.prop([sales, fc.double({ noNaN: true })])('filter never increases the row count', (df, threshold) => {
    expect(df.filter(F.col('amount').gt(threshold)).count()).toBeLessThanOrEqual(df.count());
  });

  // 2. union is UNION ALL: the row counts add up.
  test.prop([sales, sales])('union row count is the sum of the inputs', (a, b) => {
    expect(a.union(b)).toHaveRowCount(a.count() + b.count());
  });

  // 3. The sums per group add up to the total sum.
  test.prop([arbitraryDataFrame(spark, 'k TINYINT, v INT', { maxLength: 40 })])('group-by sums add up to the total', (df) => {
    const perGroup = df.groupBy('k').agg(F.sum('v').alias('s')).collect();
    const total = df.agg(F.sum('v').alias('t')).collect()[0]!.get('t');
    const added = perGroup.reduce((acc, r) => acc + Number(r.get('s') ?? 0), 0);
    expect(added).toBe(Number(total ?? 0));
  });

  // 4. A left join with a dimension that is unique on the key keeps the fact row count.
  test.prop([
    arbitraryRows('k TINYINT, qty INT', { maxLength: 30 }),
    arbitraryRows('k TINYINT NOT NULL, label STRING', { maxLength: 10, unique: ['k'] }),
  ])('a left join with a key-unique dimension keeps the fact row count', (factRows, dimRows) => {
    const facts = spark().createDataFrame(factRows, 'k TINYINT, qty INT');
    const dims = spark().createDataFrame(dimRows, 'k TINYINT NOT NULL, label STRING');
    expect(facts.join(dims, 'k', 'left')).toHaveRowCount(facts.count());
  });

  // 5. dropDuplicates is idempotent.
  test.prop([arbitraryDataFrame(spark, 'a TINYINT, b STRING, c ARRAY<BOOLEAN>', { maxLength: 30, maxStringLength: 1, stringUnit: 'grapheme-ascii' })])(
    'dropDuplicates is idempotent',
    (df) => {
      const once = df.dropDuplicates();
      expect(once.dropDuplicates()).toEqualDataFrame(once);
      expect(once.count()).toBeLessThanOrEqual(df.count());
      const byKey = df.dropDuplicates(['a']);
      expect(byKey.dropDuplicates(['a'])).toEqualDataFrame(byKey);
    },
  );
});
