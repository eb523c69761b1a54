/**
 * `sparkless/vitest`: the toolkit for Vitest. Importing it (e.g. from a setup
 * file) registers the DataFrame matchers, the DataFrame equality tester for
 * `toEqual`, and the snapshot serializer; it also re-exports `sparkless/testing`.
 *
 * @example
 * ```ts
 * import { describe, expect, it } from 'vitest';
 * import { functions as F } from 'sparkless';
 * import { useSparkSession } from 'sparkless/vitest';
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
import { afterEach, beforeEach, expect, test, vi, type Mock } from 'vitest';
import type { StorageOptions } from '../backend/factory.js';
import type { BackendType, StorageBackend } from '../backend/protocols.js';
import type { DataFrame } from '../api/dataframe.js';
import type { SparkSession } from '../session/session.js';
import { installMatchersOn, type MatcherHost } from '../testing/install.js';
import type { ContainRowsOptions, HaveColumnsOptions } from '../testing/matchers.js';
import type { SchemaInput } from '../testing/schema-equality.js';
import type { DataFrameEqualOptions, SchemaEqualOptions } from '../testing/options.js';
import {
  createTestSession,
  defineUseSparkSession,
  type SparkSessionAccessor,
  type TestSessionHandle,
  type TestSessionOptions,
} from '../testing/session-factory.js';
import { createSpiedStorageBackendWith, spyOnBackendWith, type MethodKeys } from '../testing/spies.js';

export * from '../testing/index.js';
// Explicit exports take precedence over the `export *` above (see generators.ts).
export {
  arbitraryDataType,
  arbitrarySchema,
  decimalTypeArbitrary,
  arbitraryValue,
  arbitraryRow,
  arbitraryRows,
  arbitraryDataFrame,
  arbitrarySchemaAndRows,
  arbitraryDataFrameOfAnySchema,
} from './generators.js';

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

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends DataFrameMatchers<T> {}
  // `expect.not.dataFrameEqualTo(...)`
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends DataFrameMatchers {}
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
  beforeEach: (fn) => beforeEach(({ task }) => fn(task)),
  afterEach: (fn) => afterEach(({ task }) => fn(task)),
  isFinished: (task) => {
    const state = (task as { result?: { state?: string } }).result?.state;
    return state === 'pass' || state === 'fail' || state === 'skip';
  },
});

export interface SparkFixtures {
  /** Options of the session (override with `sparkTest.override({ sparkOptions })` or `createSparkTest`). */
  sparkOptions: TestSessionOptions;
  /** This test's own session. */
  spark: SparkSession;
  /** This test's private temp directory (removed after the test). */
  sparkTempDir: string;
}

interface InternalFixtures extends SparkFixtures {
  sparkHandle: TestSessionHandle;
}

function extendWith(options: TestSessionOptions) {
  return test.extend<InternalFixtures>({
    sparkOptions: [options, { injected: false }],
    sparkHandle: async ({ sparkOptions }, use) => {
      const handle = createTestSession(sparkOptions);
      try {
        await use(handle);
      } finally {
        handle.dispose();
      }
    },
    spark: async ({ sparkHandle }, use) => {
      await use(sparkHandle.spark);
    },
    sparkTempDir: async ({ sparkHandle }, use) => {
      await use(sparkHandle.tempDir);
    },
  });
}

/**
 * A Vitest `test` with a per-test `spark` fixture: `sparkTest('name', ({ spark }) => ...)`.
 * Safe for `test.concurrent`: each test gets its own session.
 */
export const sparkTest = extendWith({});

/** `sparkTest` with other session options (backend, conf, injected backends). */
export function createSparkTest(options: TestSessionOptions): typeof sparkTest {
  return extendWith(options);
}

/** A backend whose protocol methods are Vitest mocks (still calling the real methods). */
export type SpiedBackend<T> = T & {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [K in MethodKeys<T>]: T[K] & Mock<Extract<T[K], (...args: any[]) => any>>;
};

/** Wraps every protocol method of `backend` in `vi.fn` (delegating to it) and returns the same object. */
export function spyOnBackend<T extends object>(backend: T): SpiedBackend<T> {
  return spyOnBackendWith(backend, (impl) => vi.fn(impl)) as SpiedBackend<T>;
}

/** A real storage backend of `type`, spied with `vi.fn`. */
export function createSpiedStorageBackend(type: BackendType, opts?: StorageOptions): SpiedBackend<StorageBackend> {
  return createSpiedStorageBackendWith(type, (impl) => vi.fn(impl), opts) as SpiedBackend<StorageBackend>;
}
