/** Per-test sessions under Jest: useSparkSession (hooks) and sparkTest. */
import { existsSync } from 'node:fs';
import { describe, expect, it, test } from '@jest/globals';
import type { SparkSession } from '../../src/session/session.js';
import { createSparkTest, createSpiedStorageBackend, sparkTest, useSparkSession } from '../../src/jest/index.js';

describe('useSparkSession (Jest)', () => {
  const spark = useSparkSession({ backend: 'memory' });
  let first: SparkSession | undefined;

  it('gives each test its own session', () => {
    first = spark();
    expect(spark()).toBe(first);
    first.createDataFrame([[1]], 'x INT').createOrReplaceTempView('leaky');
  });

  it('isolates the next test and stops the previous session', () => {
    expect(spark()).not.toBe(first);
    expect(first!.isStopped).toBe(true);
    expect(() => spark().table('leaky')).toThrow(/cannot be found/);
  });
});

describe('teardown when a test fails (Jest)', () => {
  const spark = useSparkSession({ backend: 'memory' });
  let captured: SparkSession | undefined;

  test.failing('a failing test', () => {
    captured = spark();
    throw new Error('boom');
  });

  it('still stopped its session', () => {
    expect(captured?.isStopped).toBe(true);
  });
});

describe('outside a running test (Jest)', () => {
  const spark = useSparkSession({ backend: 'memory' });
  let atDescribe: unknown;
  try {
    spark();
  } catch (err) {
    atDescribe = err;
  }
  it('throws a clear error', () => {
    expect(String(atDescribe)).toContain('[TESTING_NO_RUNNING_TEST] spark() was called outside a running test.');
  });
});

describe('sparkTest (Jest)', () => {
  const seen: SparkSession[] = [];
  sparkTest('gives ({ spark }) a session', ({ spark, sparkTempDir }) => {
    seen.push(spark);
    expect(spark.range(2)).toHaveRowCount(2);
    expect(existsSync(sparkTempDir)).toBe(true);
  });
  sparkTest('a fresh one for the next test', ({ spark }) => {
    expect(seen[0]!.isStopped).toBe(true);
    expect(spark).not.toBe(seen[0]);
  });

  const spied = createSparkTest({ backend: 'memory', storageBackend: () => createSpiedStorageBackend('memory') });
  spied('with an injected spied storage', ({ spark }) => {
    spark.createDataFrame([{ id: 1 }]).write.saveAsTable('people');
    expect(spark.storage.createTable).toHaveBeenCalledWith('default', 'people', expect.anything());
  });
});
