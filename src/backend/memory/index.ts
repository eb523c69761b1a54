/** The memory backend: a pure-TypeScript reference interpreter plus in-process table storage. */
export { executePlan, executeRel } from './executor.js';
export { createExecContext, defaultTimeZone, sessionZone, type ExecContext, type ExecContextOptions, type MapKeyDedupPolicy, type RuntimeConf, DEFAULT_RUNTIME_CONF } from './context.js';
export { MemoryMaterializer, type MemoryMaterializerOptions } from './materializer.js';
export { MemoryStorageBackend } from './storage.js';
export { MEMORY_FUNCTIONS, hasImpl, lookupImpl } from './functions/index.js';
export type {
  Accumulator,
  AggregateImpl,
  FunctionImpl,
  FunctionTable,
  GeneratorImpl,
  GroupedInput,
  RowFn,
  ScalarImpl,
  WindowImpl,
  WindowPartition,
} from './functions/types.js';
