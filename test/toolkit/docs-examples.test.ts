/**
 * The documented examples (README, docs/testing.md). They import the package
 * entry points by path ('sparkless' = src/index.ts, 'sparkless/vitest' =
 * src/vitest/index.ts, 'sparkless/testing' = src/testing/index.ts) so that the
 * type check does not need a build.
 */
import { describe, expect, it } from 'vitest';
import { functions as F, SparkSession } from '../../src/index.js';
import { assertDataFrameEqual, withSparkSession } from '../../src/testing/index.js';
import { createSparkTest, createSpiedStorageBackend, spyOnBackend, useSparkSession } from '../../src/vitest/index.js';

// README
describe('adults', () => {
  const spark = useSparkSession({ backend: 'memory' }); // a fresh session per test
  it('keeps adults', () => {
    const people = spark().createDataFrame([{ name: 'Ann', age: 30 }, { name: 'Bo', age: 9 }]);
    expect(people.filter(F.col('age').gte(18))).toEqualDataFrame([{ name: 'Ann', age: 30 }]);
  });
});

describe('docs/testing.md', () => {
  it('node:test style with withSparkSession', () =>
    withSparkSession({ backend: 'memory' }, (spark) => {
      assertDataFrameEqual(spark.range(2), [{ id: 0 }, { id: 1 }]);
    }));

  it('spies and fault injection', () => {
    const storage = createSpiedStorageBackend('memory');
    const spark = new SparkSession('app', { backendType: 'memory', storageBackend: storage });
    try {
      spark.createDataFrame([{ id: 1, name: 'Ann' }]).write.saveAsTable('people');
      expect(storage.createTable).toHaveBeenCalledWith('default', 'people', expect.anything());
      storage.insertData.mockImplementationOnce(() => {
        throw new Error('disk full');
      });
      expect(() => spark.createDataFrame([{ id: 2, name: 'Bo' }]).write.mode('append').saveAsTable('people')).toThrow('disk full');
      expect(spark.table('people')).toEqualDataFrame([{ id: 1, name: 'Ann' }]);
      const materializer = spyOnBackend(spark.materializer);
      materializer.materialize.mockImplementationOnce(() => {
        throw new Error('worker lost');
      });
      expect(() => spark.range(1).count()).toThrow('[EXECUTION_FAILED] Query execution failed on the memory backend: worker lost');
    } finally {
      spark.stop();
    }
  });

  const fileTest = createSparkTest({ backend: 'memory', storageBackend: ({ tempDir }) => createSpiedStorageBackend('file', { basePath: tempDir }) });
  fileTest('a spied file storage in the test’s temp directory', ({ spark, sparkTempDir }) => {
    spark.createDataFrame([{ id: 1 }]).write.saveAsTable('t');
    expect(spark.storage.insertData).toHaveBeenCalledTimes(1);
    expect(spark.table('t')).toEqualDataFrame([{ id: 1 }]);
    expect(sparkTempDir).toContain('sparkless-test-');
  });
});
