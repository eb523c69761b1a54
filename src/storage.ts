/** `sparkless/storage`: the storage managers, re-exported for compatibility with the seed's layout. */
export { MemoryStorageBackend } from './backend/memory/storage.js';
export { PolarsStorageBackend } from './backend/polars/storage.js';
export { FileStorageBackend } from './backend/file/storage.js';
export type { StorageBackend, SaveMode, TableInfo } from './backend/protocols.js';
