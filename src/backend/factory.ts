/**
 * BackendFactory: the one place that knows which classes implement each
 * backend. Sessions ask it for storage, materializer and export backends by
 * type name; nothing else imports a concrete backend.
 */
import { IllegalArgumentException } from '../errors/index.js';
import { AutoMaterializer } from './auto/materializer.js';
import { FileStorageBackend } from './file/storage.js';
import { MemoryMaterializer } from './memory/materializer.js';
import { MemoryStorageBackend } from './memory/storage.js';
import { ArrowExportBackend } from './export/arrow-export.js';
import { PolarsMaterializer } from './polars/materializer.js';
import { PolarsStorageBackend } from './polars/storage.js';
import { RemoteOnlyMaterializer } from './connect/remote-only.js';
import type { BackendType, DataMaterializer, ExportBackend, StorageBackend } from './protocols.js';

export interface StorageOptions {
  /** Directory for persistent tables (`file`) or spill files (`polars`). */
  readonly basePath?: string;
  /** Bytes of table data kept in memory before spilling to disk (polars). */
  readonly maxMemory?: number;
  readonly allowDiskSpillover?: boolean;
}

export interface MaterializerOptions {
  readonly timeZone?: string;
  /** `auto` only: input rows up to which the memory interpreter runs the query. */
  readonly maxMemoryRows?: number;
}

const BACKENDS: readonly BackendType[] = ['polars', 'memory', 'file', 'auto', 'connect'];

function unknownBackend(type: string): IllegalArgumentException {
  return new IllegalArgumentException(
    `Unsupported backend type '${type}'. Available backends: ${BACKENDS.map((b) => `'${b}'`).join(', ')}.`,
    { errorClass: 'UNSUPPORTED_BACKEND', messageParameters: { backend: type } },
  );
}

export function isBackendType(type: string): type is BackendType {
  return (BACKENDS as readonly string[]).includes(type);
}

export const BackendFactory = {
  createStorageBackend(type: BackendType | string, opts: StorageOptions = {}): StorageBackend {
    switch (type) {
      case 'memory':
      case 'auto':
      // connect: tables live in Spark; this one only serves local-only API calls.
      case 'connect':
        return new MemoryStorageBackend();
      case 'polars':
        return new PolarsStorageBackend(opts);
      case 'file':
        return new FileStorageBackend(opts);
      default:
        throw unknownBackend(type);
    }
  },

  /** The `file` backend executes with Polars; its difference is where tables live. */
  createMaterializer(type: BackendType | string, opts: MaterializerOptions = {}): DataMaterializer {
    switch (type) {
      case 'memory':
        return new MemoryMaterializer(opts);
      case 'polars':
      case 'file':
        return new PolarsMaterializer(opts);
      case 'auto':
        return new AutoMaterializer(opts);
      case 'connect':
        return new RemoteOnlyMaterializer();
      default:
        throw unknownBackend(type);
    }
  },

  createExportBackend(type: BackendType | string): ExportBackend {
    if (!isBackendType(type)) throw unknownBackend(type);
    return new ArrowExportBackend(type);
  },

  /** The backend type of a storage, materializer or export instance. */
  getBackendType(instance: { readonly backendType: string }): string {
    return instance.backendType;
  },

  listAvailableBackends(): BackendType[] {
    return [...BACKENDS];
  },
} as const;
