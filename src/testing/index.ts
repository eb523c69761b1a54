/**
 * `sparkless/testing`: the framework-agnostic test toolkit. Usable from
 * `node:test` or any runner; `sparkless/vitest` and `sparkless/jest` add the
 * matchers, fixtures and framework spies on top of it.
 *
 * @example
 * ```ts
 * import { test } from 'node:test';
 * import { functions as F } from 'sparkless';
 * import { assertDataFrameEqual, withSparkSession } from 'sparkless/testing';
 *
 * test('adults', () =>
 *   withSparkSession({ backend: 'memory' }, (spark) => {
 *     const df = spark.createDataFrame([{ name: 'Ann', age: 30 }, { name: 'Bo', age: 9 }]);
 *     assertDataFrameEqual(df.filter(F.col('age').gte(18)), [{ name: 'Ann', age: 30 }]);
 *   }));
 * ```
 */
export { assertDataFrameEqual, compareDataFrames, mismatchError, type DataFrameComparison, type CompareContext } from './equality.js';
export { assertSchemaEqual, compareSchemas, type SchemaComparison, type SchemaInput } from './schema-equality.js';
export { typesEqual } from './column-alignment.js';
export { DataFrameMismatchError, isDataFrameMismatchError, type MismatchKind, type DiffRow, type DataFrameMismatchDetails } from './errors.js';
export { DEFAULT_OPTIONS, resolveOptions, type DataFrameEqualOptions, type SchemaEqualOptions, type DataFrameTransform } from './options.js';
export type { FrameInput } from './frames.js';
export { type Painter, PLAIN, ANSI, painterFor, painterFromFormatters, stripAnsi } from './colors.js';
export { formatCell, renderRowTable, renderSchemaDiff, type SideLabels } from './diff-render.js';
export {
  dataFrameMatchers,
  dataFrameEqualityTester,
  diffRowsOf,
  toEqualDataFrame,
  toEqualSchema,
  toHaveColumns,
  toHaveRowCount,
  toContainRows,
  type MatcherContextLike,
  type MatcherResult,
  type HaveColumnsOptions,
  type ContainRowsOptions,
} from './matchers.js';
export { dataFrameSnapshotSerializer, formatDataFrameSnapshot, isOrderedPlan, type DataFrameSnapshotOptions } from './snapshot.js';
export {
  createTestSession,
  withSparkSession,
  defineUseSparkSession,
  type TestSessionOptions,
  type TestSessionHandle,
  type TestSessionContext,
  type TestHooks,
  type SparkSessionAccessor,
} from './session-factory.js';
export {
  spyOnBackendWith,
  restoreBackend,
  isSpiedBackend,
  createSpiedStorageBackendWith,
  failOnCall,
  PROTOCOL_METHODS,
  STORAGE_BACKEND_METHODS,
  DATA_MATERIALIZER_METHODS,
  QUERY_EXECUTOR_METHODS,
  EXPORT_BACKEND_METHODS,
  type SpyFactory,
  type MethodKeys,
  type MockLike,
} from './spies.js';
export {
  compareBackends,
  expectBackendsAgree,
  type BackendsAgreeOptions,
  type BackendsComparison,
  type BackendOutcome,
  type BackendUnderTest,
  type InputData,
} from './differential.js';
export * from './generators/index.js';
