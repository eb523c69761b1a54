/** The `file` backend: persistent tables (Parquet + JSON schema registry) under a base path. */
export { FileStorageBackend, DEFAULT_BASE_PATH, TABLE_METADATA_FILE } from './storage.js';
