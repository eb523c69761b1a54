/**
 * `sparkless/jest`: the toolkit for Jest. Importing it (e.g. from a setup file in
 * `setupFilesAfterEnv`, see docs/testing.md) registers the DataFrame matchers, the DataFrame
 * equality tester for `toEqual`, and the snapshot serializer; it also
 * re-exports `sparkless/testing`. Matchers behave and read exactly as in Vitest.
 *
 * @example
 * ```ts
 * import { describe, expect, it } from '@jest/globals';
 * import { functions as F } from 'sparkless';
 * import { useSparkSession } from 'sparkless/jest';
 *
 * describe('adults', () => {
 *   const spark = useSparkSession({ backend: 'memory' });
 *   it('keeps adults', () => {
 *     const df = spark().createDataFrame([{ name: 'Ann', age: 30 }, { name: 'Bo', age: 9 }]);
 *     expect(df.filter(F.col('age').gte(18))).toEqualDataFrame([{ name: 'Ann', age: 30 }]);
 *   });
 * });
 * ```
 */
import { afterEach, beforeEach, expect, jest, test } from '@jest/globals';
import type { DataFrame } from '../api/dataframe.js';
import type { StorageOptions } from '../backend/factory.js';
import type { BackendType, StorageBackend } from '../backend/protocols.js';
import type { SparkSession } from '../session/session.js';
import type { SchemaInput } from '../testing/schema-equality.js';
import { installMatchersOn, type MatcherHost } from '../testing/install.js';
import type { ContainRowsOptions, HaveColumnsOptions } from '../testing/matchers.js';
import type { DataFrameEqualOptions, SchemaEqualOptions } from '../testing/options.js';
import { createTestSession, defineUseSparkSession, type SparkSessionAccessor, type TestSessionOptions } from '../testing/session-factory.js';
import { createSpiedStorageBackendWith, spyOnBackendWith, type MethodKeys } from '../testing/spies.js';

export * from '../testing/index.js';

/** The matchers this module adds to `expect` (and, asymmetrically, to `expect.<name>(...)`). */
export interface DataFrameMatchers<R = unknown> {
  /** Equal DataFrames: `expected` is a DataFrame, row objects, or row arrays (with `options.schema`). */
  toEqualDataFrame(expected: DataFrame | readonly unknown[], options?: DataFrameEqualOptions): R;
  /** `toEqualDataFrame` under a name for asymmetric use: `expect({ out }).toEqual({ out: expect.dataFrameEqualTo(rows) })`. */
  dataFrameEqualTo(expected: DataFrame | readonly unknown[], options?: DataFrameEqualOptions): R;
  /** Equal schemas: a DDL string, StructType or DataFrame. */
  toEqualSchema(expected: SchemaInput, options?: SchemaEqualOptions): R;
  toHaveColumns(names: readonly string[], options?: HaveColumnsOptions): R;
  toHaveRowCount(count: number): R;
  /** Every row occurs in the DataFrame; object rows may name only some columns. */
  toContainRows(rows: readonly unknown[], options?: ContainRowsOptions): R;
}

/** Asymmetric forms: `expect.dataFrameEqualTo(rows)` inside `toEqual`. */
export interface DataFrameAsymmetricMatchers {
  toEqualDataFrame(expected: DataFrame | readonly unknown[], options?: DataFrameEqualOptions): unknown;
  dataFrameEqualTo(expected: DataFrame | readonly unknown[], options?: DataFrameEqualOptions): unknown;
  toEqualSchema(expected: SchemaInput, options?: SchemaEqualOptions): unknown;
  toHaveColumns(names: readonly string[], options?: HaveColumnsOptions): unknown;
  toHaveRowCount(count: number): unknown;
  toContainRows(rows: readonly unknown[], options?: ContainRowsOptions): unknown;
}

// `expect` from '@jest/globals' (the `expect` package's types) ...
declare module 'expect' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchers extends DataFrameAsymmetricMatchers {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
  interface Matchers<R extends void | Promise<void>, T = unknown> extends DataFrameMatchers<R> {}
}

// ... and the global `expect` typed by @types/jest.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
    interface Matchers<R, T = {}> extends DataFrameMatchers<R> {}
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface Expect extends DataFrameAsymmetricMatchers {}
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface InverseAsymmetricMatchers extends DataFrameAsymmetricMatchers {}
  }
}

/** Registers the matchers, the equality tester and the snapshot serializer (idempotent; done on import). */
export function installMatchers(target: typeof expect = expect): void {
  installMatchersOn(target as unknown as MatcherHost);
}

installMatchers();

/**
 * Call at the top of a `describe` or file: each test gets a fresh session,
 * stopped after the test (also when it fails). Returns a function giving the
 * current test's session; it throws outside a running test.
 */
export const useSparkSession: (options?: TestSessionOptions) => SparkSessionAccessor = defineUseSparkSession({
  beforeEach: (fn) => beforeEach(() => fn()),
  afterEach: (fn) => afterEach(() => fn()),
});

/** What a `sparkTest` body receives. */
export interface SparkTestContext {
  /** This test's own session. */
  readonly spark: SparkSession;
  /** This test's private temp directory (removed after the test). */
  readonly sparkTempDir: string;
}

type SparkTestFn = (ctx: SparkTestContext) => unknown;

export interface SparkTest {
  (name: string, fn: SparkTestFn, timeout?: number): void;
  only(name: string, fn: SparkTestFn, timeout?: number): void;
  skip(name: string, fn: SparkTestFn, timeout?: number): void;
  /** Runs concurrently with other `concurrent` tests; each still gets its own session. */
  concurrent(name: string, fn: SparkTestFn, timeout?: number): void;
}

function wrap(options: TestSessionOptions, fn: SparkTestFn): () => Promise<void> {
  return async () => {
    const handle = createTestSession(options);
    try {
      await fn({
        spark: handle.spark,
        get sparkTempDir() {
          return handle.tempDir;
        },
      });
    } finally {
      handle.dispose();
    }
  };
}

/** `sparkTest` with other session options (backend, conf, injected backends). */
export function createSparkTest(options: TestSessionOptions): SparkTest {
  const t = ((name: string, fn: SparkTestFn, timeout?: number) => test(name, wrap(options, fn), timeout)) as SparkTest;
  t.only = (name, fn, timeout) => test.only(name, wrap(options, fn), timeout);
  t.skip = (name, fn, timeout) => test.skip(name, wrap(options, fn), timeout);
  t.concurrent = (name, fn, timeout) => test.concurrent(name, wrap(options, fn), timeout);
  return t;
}

/**
 * The Jest form of the Vitest fixture: `sparkTest('name', ({ spark }) => ...)`
 * creates the session before the body and stops it afterwards, also on failure.
 */
export const sparkTest: SparkTest = createSparkTest({});

/** A backend whose protocol methods are Jest mocks (still calling the real methods). */
export type SpiedBackend<T> = T & {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [K in MethodKeys<T>]: T[K] & jest.Mock<Extract<T[K], (...args: any[]) => any>>;
};

/** Wraps every protocol method of `backend` in `jest.fn` (delegating to it) and returns the same object. */
export function spyOnBackend<T extends object>(backend: T): SpiedBackend<T> {
  return spyOnBackendWith(backend, (impl) => jest.fn(impl)) as SpiedBackend<T>;
}

/** A real storage backend of `type`, spied with `jest.fn`. */
export function createSpiedStorageBackend(type: BackendType, opts?: StorageOptions): SpiedBackend<StorageBackend> {
  return createSpiedStorageBackendWith(type, (impl) => jest.fn(impl), opts) as SpiedBackend<StorageBackend>;
}
