/** Per-test sessions: useSparkSession, the sparkTest fixture, createTestSession / withSparkSession. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SparkSession } from '../../src/session/session.js';
import {
  createSparkTest,
  createSpiedStorageBackend,
  createTestSession,
  defineUseSparkSession,
  sparkTest,
  useSparkSession,
  withSparkSession,
} from '../../src/vitest/index.js';

describe('useSparkSession', () => {
  const spark = useSparkSession({ backend: 'memory' });
  let first: SparkSession | undefined;

  it('gives the test a session that stays the same during the test', () => {
    first = spark();
    expect(spark()).toBe(first);
    expect(first.backendType).toBe('memory');
    expect(first.timeZone).toBe('UTC');
    first.createDataFrame([[1]], 'x INT').createOrReplaceTempView('leaky');
    first.conf.set('my.flag', 'on');
    expect(first.table('leaky')).toHaveRowCount(1);
  });

  it('gives the next test a fresh, isolated session and stops the previous one', () => {
    expect(spark()).not.toBe(first);
    expect(first!.isStopped).toBe(true);
    expect(() => spark().table('leaky')).toThrow(/cannot be found/);
    expect(spark().conf.getOption('my.flag')).toBeUndefined();
    expect(() => first!.range(1)).toThrow(/stopped SparkSession/);
  });
});

describe('teardown when a test fails', () => {
  const spark = useSparkSession({ backend: 'memory' });
  let captured: SparkSession | undefined;

  it.fails('a failing test', () => {
    captured = spark();
    throw new Error('boom');
  });

  it('still stopped the failing test’s session', () => {
    expect(captured?.isStopped).toBe(true);
  });
});

describe('outside a running test', () => {
  const spark = useSparkSession({ backend: 'memory' });
  let atDescribe: unknown;
  try {
    spark();
  } catch (err) {
    atDescribe = err;
  }
  let inBeforeAll: unknown;
  beforeAll(() => {
    try {
      spark();
    } catch (err) {
      inBeforeAll = err;
    }
  });

  it('throws a clear error at describe level and in beforeAll', () => {
    expect(String(atDescribe)).toContain('[TESTING_NO_RUNNING_TEST] spark() was called outside a running test.');
    expect(String(inBeforeAll)).toContain('spark() was called outside a running test');
  });

  it('rejects a shared backend instance (each test needs a fresh one)', () => {
    expect(() => useSparkSession({ storageBackend: createSpiedStorageBackend('memory') })).toThrow(/needs a factory/);
  });
});

describe.concurrent('useSparkSession with concurrent tests', () => {
  const spark = useSparkSession({ backend: 'memory' });
  // Both tests check while both are running.
  let arrived = 0;
  let checked = 0;
  const until = async (cond: () => boolean): Promise<void> => {
    while (!cond()) await new Promise((r) => setTimeout(r, 5));
  };
  for (const name of ['a', 'b']) {
    it(`refuses to guess which session belongs to test ${name}`, async () => {
      arrived++;
      await until(() => arrived === 2);
      expect(() => spark()).toThrow(/TESTING_CONCURRENT_TESTS/);
      checked++;
      await until(() => checked === 2);
    });
  }
});

describe('the file backend gets a private temp directory per test', () => {
  const spark = useSparkSession({ backend: 'file' });
  const dirs: string[] = [];

  it('first test', () => {
    dirs.push(spark.tempDir());
    expect(existsSync(dirs[0]!)).toBe(true);
    expect(spark().conf.get('spark.sparkless.backend.basePath')).toBe(dirs[0]);
    writeFileSync(join(dirs[0]!, 'marker'), 'x');
  });

  it('second test: another directory; the first one is gone', () => {
    dirs.push(spark.tempDir());
    expect(dirs[1]).not.toBe(dirs[0]);
    expect(existsSync(dirs[0]!)).toBe(false);
  });
});

describe('sparkTest fixture', () => {
  const seen = new Set<SparkSession>();

  sparkTest('gives ({ spark }) a session per test', ({ spark }) => {
    seen.add(spark);
    expect(spark.isStopped).toBe(false);
    expect(spark.range(3)).toHaveRowCount(3);
  });

  sparkTest('a fresh one for the next test', ({ spark }) => {
    expect(seen.has(spark)).toBe(false);
    expect([...seen].every((s) => s.isStopped)).toBe(true);
  });

  sparkTest.concurrent('concurrent tests each get their own (1)', async ({ spark }) => {
    seen.add(spark);
    await new Promise((r) => setTimeout(r, 20));
    expect(spark.isStopped).toBe(false);
  });

  sparkTest.concurrent('concurrent tests each get their own (2)', async ({ spark }) => {
    seen.add(spark);
    await new Promise((r) => setTimeout(r, 20));
    expect(spark.isStopped).toBe(false);
  });

  sparkTest('sparkTempDir is private to the test', ({ sparkTempDir }) => {
    expect(existsSync(sparkTempDir)).toBe(true);
  });
});

describe('sparkTest options', () => {
  const nyTest = createSparkTest({ backend: 'memory', conf: { 'spark.sql.session.timeZone': 'America/New_York' } });
  nyTest('createSparkTest sets backend and conf', ({ spark }) => {
    expect(spark.backendType).toBe('memory');
    expect(spark.timeZone).toBe('America/New_York');
  });

  describe('override', () => {
    sparkTest.override({ sparkOptions: { backend: 'memory', appName: 'overridden' } });
    sparkTest('sparkTest.override replaces the options for a describe block', ({ spark }) => {
      expect(spark.appName).toBe('overridden');
    });
  });

  const spiedTest = createSparkTest({ backend: 'memory', storageBackend: () => createSpiedStorageBackend('memory') });
  spiedTest('injects a storage backend made per test', ({ spark }) => {
    spark.createDataFrame([{ id: 1 }]).write.saveAsTable('people');
    expect(spark.storage.createTable).toHaveBeenCalledWith('default', 'people', expect.anything());
  });
});

describe('createTestSession / withSparkSession (any runner)', () => {
  it('createTestSession: dispose stops the session and is idempotent', () => {
    const h = createTestSession({ backend: 'memory' });
    expect(h.spark.range(2).count()).toBe(2);
    const dir = h.tempDir;
    expect(existsSync(dir)).toBe(true);
    h.dispose();
    h.dispose();
    expect(h.spark.isStopped).toBe(true);
    expect(existsSync(dir)).toBe(false);
  });

  it('withSparkSession tears down after a return, a throw and a rejection', async () => {
    let s: SparkSession | undefined;
    expect(withSparkSession({ backend: 'memory' }, (spark) => ((s = spark), spark.range(4).count()))).toBe(4);
    expect(s!.isStopped).toBe(true);
    expect(() =>
      withSparkSession({ backend: 'memory' }, (spark) => {
        s = spark;
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(s!.isStopped).toBe(true);
    await expect(
      withSparkSession({ backend: 'memory' }, async (spark) => {
        s = spark;
        await Promise.resolve();
        expect(spark.isStopped).toBe(false);
        throw new Error('later');
      }),
    ).rejects.toThrow('later');
    expect(s!.isStopped).toBe(true);
  });

  it('sessions are cheap to create', () => {
    const start = performance.now();
    for (let i = 0; i < 50; i++) createTestSession({ backend: 'memory' }).dispose();
    expect((performance.now() - start) / 50).toBeLessThan(20);
  });
});

describe('a test whose afterEach never ran', () => {
  it('does not make the next test look concurrent: its session is stopped when the next test starts', () => {
    const before: ((key?: object) => void)[] = [];
    const finished = new Set<object>();
    const use = defineUseSparkSession({
      beforeEach: (fn) => before.push(fn),
      afterEach: () => {}, // the runner skipped it
      isFinished: (key) => finished.has(key),
    });
    const spark = use({ backend: 'memory' });
    const first = {};
    before[0]!(first);
    const stale = spark();
    finished.add(first);
    before[0]!({});
    expect(stale.isStopped).toBe(true);
    expect(spark()).not.toBe(stale);
  });
});
