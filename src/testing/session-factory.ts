/**
 * Per-test sessions. `createTestSession` makes one isolated session (its own
 * catalog, temp views, conf and, for the `file` backend, a private temp
 * directory) and `dispose()` tears it down; `withSparkSession` wraps a function
 * with both. `defineUseSparkSession` builds the `useSparkSession()` hook of a
 * framework from its `beforeEach`/`afterEach`. Nothing here is module-global, so
 * tests in parallel workers (Vitest threads/forks, Jest workers) never share state.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackendType, DataMaterializer, ExportBackend, StorageBackend } from '../backend/protocols.js';
import { CONF, type ConfValue } from '../session/conf.js';
import { SparkSession, type SparkSessionOptions } from '../session/session.js';
import { usageError } from './errors.js';

/** What an injected-backend factory receives. */
export interface TestSessionContext {
  /** The test's private temp directory (created on first access, removed on dispose). */
  readonly tempDir: string;
}

type Injected<T> = T | ((ctx: TestSessionContext) => T);

export interface TestSessionOptions {
  /**
   * Execution backend; default: `SPARKLESS_BACKEND`, then `spark.sparkless.backend`, then `auto`
   * (the interpreter for test-sized inputs: fast, and its memory stays flat over thousands of
   * per-test sessions, where Polars' native memory grows; see docs/testing.md).
   */
  readonly backend?: BackendType;
  readonly appName?: string;
  /** Session conf. The session time zone defaults to UTC so results do not depend on the machine. */
  readonly conf?: Readonly<Record<string, ConfValue>>;
  /** Injected table storage, or a factory called per test (e.g. `() => createSpiedStorageBackend('memory')`). */
  readonly storageBackend?: Injected<StorageBackend>;
  readonly materializer?: Injected<DataMaterializer>;
  readonly exportBackend?: Injected<ExportBackend>;
}

export interface TestSessionHandle {
  readonly spark: SparkSession;
  /** The private temp directory, created on first access (always created for the `file` backend). */
  readonly tempDir: string;
  /** Stops the session and removes the temp directory; safe to call twice. */
  dispose(): void;
}

const TEST_DEFAULT_CONF: Readonly<Record<string, ConfValue>> = { [CONF.timeZone]: 'UTC' };

/** Per-test sessions default to `auto`: see TestSessionOptions.backend. */
export const TEST_DEFAULT_BACKEND: BackendType = 'auto';

/** One fresh, isolated session for one test. */
export function createTestSession(options: TestSessionOptions = {}): TestSessionHandle {
  let dir: string | undefined;
  const tempDir = (): string => (dir ??= mkdtempSync(join(tmpdir(), 'sparkless-test-')));
  // The factories' context only when a factory is given (an object literal with a getter is slow to create).
  let ctx: TestSessionContext | undefined;
  const context = (): TestSessionContext =>
    (ctx ??= {
      get tempDir() {
        return tempDir();
      },
    });
  const resolve = <T>(x: Injected<T> | undefined): T | undefined => (typeof x === 'function' ? (x as (c: TestSessionContext) => T)(context()) : x);
  const fileBacked = (options.backend ?? process.env['SPARKLESS_BACKEND'] ?? options.conf?.[CONF.backend]) === 'file';
  const conf: Record<string, ConfValue> = options.conf ? { ...TEST_DEFAULT_CONF, ...options.conf } : { ...TEST_DEFAULT_CONF };
  if (fileBacked && conf[CONF.basePath] === undefined) {
    conf[CONF.basePath] = tempDir();
    conf[CONF.warehouseDir] ??= tempDir();
  }
  let spark: SparkSession;
  try {
    const storageBackend = resolve(options.storageBackend);
    const materializer = resolve(options.materializer);
    const exportBackend = resolve(options.exportBackend);
    // The session resolves SPARKLESS_BACKEND and the conf itself; only an unspecified backend becomes the test default.
    // (process.env is read only when needed: each read costs about a microsecond, per test.)
    const unspecified = (): boolean => !process.env['SPARKLESS_BACKEND'] && options.conf?.[CONF.backend] === undefined && !materializer;
    const backendType = options.backend ?? (unspecified() ? TEST_DEFAULT_BACKEND : undefined);
    // Assigned, not spread from temporary objects: this runs once per test.
    const sessionOptions: { -readonly [K in keyof SparkSessionOptions]: SparkSessionOptions[K] } = { conf };
    if (backendType) sessionOptions.backendType = backendType;
    if (storageBackend) sessionOptions.storageBackend = storageBackend;
    if (materializer) sessionOptions.materializer = materializer;
    if (exportBackend) sessionOptions.exportBackend = exportBackend;
    spark = new SparkSession(options.appName ?? 'sparkless-test', sessionOptions);
  } catch (err) {
    if (dir) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  let disposed = false;
  return {
    spark,
    get tempDir() {
      return tempDir();
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      try {
        spark.stop();
      } finally {
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Runs `fn` with a fresh session and tears it down afterwards, also when `fn` throws or rejects. */
export function withSparkSession<T>(options: TestSessionOptions, fn: (spark: SparkSession, handle: TestSessionHandle) => T): T;
export function withSparkSession<T>(fn: (spark: SparkSession, handle: TestSessionHandle) => T): T;
export function withSparkSession<T>(
  a: TestSessionOptions | ((spark: SparkSession, handle: TestSessionHandle) => T),
  b?: (spark: SparkSession, handle: TestSessionHandle) => T,
): T {
  const [options, fn] = typeof a === 'function' ? [{}, a] : [a, b!];
  const handle = createTestSession(options);
  let result: T;
  try {
    result = fn(handle.spark, handle);
  } catch (err) {
    handle.dispose();
    throw err;
  }
  if (result instanceof Promise) return result.finally(() => handle.dispose()) as T;
  handle.dispose();
  return result;
}

/** A test framework's per-test hooks; `key` identifies the test when the framework passes one. */
export interface TestHooks {
  beforeEach(fn: (key?: object) => void): void;
  afterEach(fn: (key?: object) => void): void;
  /** Whether the test `key` has finished: its session is then stale even if its afterEach never ran. */
  isFinished?(key: object): boolean;
}

/** What `useSparkSession()` returns: call it inside a test to get that test's session. */
export interface SparkSessionAccessor {
  (): SparkSession;
  /** The current test's private temp directory. */
  tempDir(): string;
}

function outsideTest(): Error {
  return usageError(
    'TESTING_NO_RUNNING_TEST',
    'spark() was called outside a running test. useSparkSession() gives each test its own session, created before and ' +
      'stopped after every test; call spark() inside it() / test() or beforeEach/afterEach, not at describe level or in beforeAll.',
  );
}

function concurrentTests(): Error {
  return usageError(
    'TESTING_CONCURRENT_TESTS',
    'spark() cannot tell which test is calling: several tests using this useSparkSession() run concurrently. ' +
      'Use the sparkTest fixture (({ spark }) => ...) for concurrent tests.',
  );
}

/**
 * Builds `useSparkSession(options?)` for a framework: registers hooks that create a
 * session before each test and dispose of it after each test (also a failing one).
 */
export function defineUseSparkSession(hooks: TestHooks): (options?: TestSessionOptions) => SparkSessionAccessor {
  return (options: TestSessionOptions = {}) => {
    for (const key of ['storageBackend', 'materializer', 'exportBackend'] as const) {
      if (options[key] !== undefined && typeof options[key] !== 'function') {
        throw usageError(
          'TESTING_SHARED_BACKEND',
          `useSparkSession({ ${key} }) needs a factory (() => backend), so that each test gets a fresh one; one instance would be shared (and stopped) by every test.`,
        );
      }
    }
    const live = new Map<object, TestSessionHandle>();
    const anonymous = {};
    hooks.beforeEach((key) => {
      // A runner can skip a failed test's afterEach (Vitest does when rendering its failure throws);
      // that session must not make every later test look concurrent.
      for (const [k, handle] of live) {
        if (k !== anonymous && hooks.isFinished?.(k)) {
          live.delete(k);
          handle.dispose();
        }
      }
      live.set(key ?? anonymous, createTestSession(options));
    });
    hooks.afterEach((key) => {
      const k = key ?? anonymous;
      const handle = live.get(k);
      live.delete(k);
      handle?.dispose();
    });
    const current = (): TestSessionHandle => {
      if (live.size === 0) throw outsideTest();
      if (live.size > 1) throw concurrentTests();
      return live.values().next().value!;
    };
    const accessor = (() => current().spark) as SparkSessionAccessor;
    accessor.tempDir = () => current().tempDir;
    return accessor;
  };
}
