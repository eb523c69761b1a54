/** `sparkless/backend`: the backend protocols and the factory. */
export type {
  BackendType,
  SaveMode,
  TableInfo,
  StorageBackend,
  DataMaterializer,
  QueryExecutor,
  ExportBackend,
  FileFormat,
  WriteOptions,
} from './protocols.js';
export { BackendFactory, isBackendType, type StorageOptions, type MaterializerOptions } from './factory.js';
export type { Batch } from '../data/batch.js';
export { makeBatch, emptyBatch, batchRows, batchFromRows } from '../data/batch.js';
export type { LogicalPlan } from '../plan/nodes.js';
