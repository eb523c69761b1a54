/**
 * What a table's writer declared beyond its schema: provider (`using`),
 * partition columns (`partitionedBy`/`partitionBy`), buckets and sort columns
 * (`bucketBy`/`sortBy`) and table properties (`tableProperty`). Shown by
 * `spark.catalog.listColumns` (isPartition/isBucket) and `DESCRIBE TABLE`.
 *
 * Kept per StorageBackend in this process (sessions sharing a storage share
 * it); storage formats hold only data and schema, so a `file` table reopened
 * by another process has no metadata (KNOWN_GAPS.md).
 */
import type { StorageBackend } from '../backend/protocols.js';

export interface TableMetadata {
  readonly provider?: string;
  readonly partitionColumns: readonly string[];
  readonly bucketSpec?: { readonly numBuckets: number; readonly bucketColumns: readonly string[]; readonly sortColumns: readonly string[] };
  readonly properties: Readonly<Record<string, string>>;
}

const stores = new WeakMap<StorageBackend, Map<string, TableMetadata>>();

const key = (db: string, table: string): string => `${db.toLowerCase()}.${table.toLowerCase()}`;

function store(storage: StorageBackend): Map<string, TableMetadata> {
  let s = stores.get(storage);
  if (!s) stores.set(storage, (s = new Map()));
  return s;
}

/** Records a (re)created table's metadata, replacing what an older table of that name had. */
export function setTableMetadata(storage: StorageBackend, db: string, table: string, meta: TableMetadata): void {
  store(storage).set(key(db, table), meta);
}

/** Forgets a dropped table's metadata. */
export function dropTableMetadata(storage: StorageBackend, db: string, table: string): void {
  store(storage).delete(key(db, table));
}

export function tableMetadata(storage: StorageBackend, db: string, table: string): TableMetadata | undefined {
  return store(storage).get(key(db, table));
}
