/**
 * What a table's creator declared beyond its schema: provider (`USING`,
 * `format`), partition columns (`PARTITIONED BY`, `partitionBy`), buckets
 * and sort columns (`CLUSTERED BY ... SORTED BY ... INTO n BUCKETS`,
 * `bucketBy`/`sortBy`), table properties (`TBLPROPERTIES`, `tableProperty`),
 * storage options (`OPTIONS`), comment, explicit location (an EXTERNAL table)
 * and creation time. Shown by `spark.catalog.listColumns`/`getTable`,
 * `DESCRIBE TABLE [EXTENDED]` and `SHOW CREATE TABLE`.
 *
 * A storage that persists tables (the file backend) keeps it with the table
 * (`writeCatalogEntry`), so another process sees it; the in-process
 * storages keep it here, per StorageBackend (sessions sharing a storage share it).
 */
import type { StorageBackend } from '../backend/protocols.js';

export interface TableMetadata {
  readonly provider?: string;
  readonly partitionColumns: readonly string[];
  readonly bucketSpec?: { readonly numBuckets: number; readonly bucketColumns: readonly string[]; readonly sortColumns: readonly string[] };
  readonly properties: Readonly<Record<string, string>>;
  /** `OPTIONS (...)`: Spark's storage properties. */
  readonly options?: Readonly<Record<string, string>>;
  readonly comment?: string;
  /** A location given by the creator (`LOCATION`, `OPTIONS (path ...)`): the table is EXTERNAL. */
  readonly location?: string;
  /** Column DEFAULT values as written (`CREATE TABLE t (c INT DEFAULT 40 + 2)`), by column name. */
  readonly defaults?: Readonly<Record<string, string>>;
  /** A managed table's location after `ALTER TABLE ... SET LOCATION` (Spark keeps it MANAGED). */
  readonly movedTo?: string;
  /** Creation time, epoch milliseconds (set when recorded). */
  readonly createdMs?: number;
  /**
   * Partitions the catalog holds besides those of the table's rows: added by `ALTER TABLE ... ADD PARTITION`,
   * a static `INSERT ... PARTITION`, or kept by `TRUNCATE` (values as strings in partition-column order, null for NULL).
   */
  readonly partitions?: readonly PartitionEntry[];
  /** Set for a permanent view (`CREATE VIEW` without TEMPORARY): what Spark stores to read it back. */
  readonly view?: ViewDefinition;
}

/**
 * A permanent view as Spark's catalog keeps it: the query's text and namespace, the names of the query's
 * output columns (matched to the view's columns by position) and the SQL settings in force
 * when it was created (the view is read under them, not under the reader's).
 */
export interface ViewDefinition {
  readonly text: string;
  /** The current database when the view was made: its query's unqualified names are looked up there. */
  readonly namespace: string;
  readonly queryColumns: readonly string[];
  readonly sqlConfigs: Readonly<Record<string, string>>;
}

/** A catalog partition: its values (Spark's string forms, null for NULL) and a location given by `ADD PARTITION ... LOCATION`. */
export interface PartitionEntry {
  readonly values: readonly (string | null)[];
  readonly location?: string;
  /** When the catalog recorded it (epoch ms). */
  readonly createdMs?: number;
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
  const stamped: TableMetadata = { ...meta, createdMs: meta.createdMs ?? Date.now() };
  if (storage.writeCatalogEntry) storage.writeCatalogEntry(db, table, JSON.parse(JSON.stringify(stamped)) as Record<string, unknown>);
  else store(storage).set(key(db, table), stamped);
}

/** Forgets a dropped table's metadata (a persisting storage drops it with the table). */
export function dropTableMetadata(storage: StorageBackend, db: string, table: string): void {
  store(storage).delete(key(db, table));
}

export function tableMetadata(storage: StorageBackend, db: string, table: string): TableMetadata | undefined {
  if (storage.readCatalogEntry) return fromJson(storage.readCatalogEntry(db, table));
  return store(storage).get(key(db, table));
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const record = (v: unknown): Record<string, string> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])) : undefined;

function partitionEntry(raw: unknown): PartitionEntry {
  const o = (raw ?? {}) as Record<string, unknown>;
  const values = Array.isArray(o['values']) ? o['values'].map((v) => (v === null ? null : String(v))) : [];
  return { values, ...(typeof o['location'] === 'string' ? { location: o['location'] } : {}), ...(typeof o['createdMs'] === 'number' ? { createdMs: o['createdMs'] } : {}) };
}

/** A stored entry read back defensively (a file written by an older sparkless may lack fields). */
function fromJson(raw: Record<string, unknown> | undefined): TableMetadata | undefined {
  if (!raw) return undefined;
  const b = raw['bucketSpec'] as Record<string, unknown> | undefined;
  const options = record(raw['options']);
  return {
    ...(typeof raw['provider'] === 'string' ? { provider: raw['provider'] } : {}),
    partitionColumns: strings(raw['partitionColumns']),
    ...(b ? { bucketSpec: { numBuckets: Number(b['numBuckets']), bucketColumns: strings(b['bucketColumns']), sortColumns: strings(b['sortColumns']) } } : {}),
    properties: record(raw['properties']) ?? {},
    ...(options ? { options } : {}),
    ...(typeof raw['comment'] === 'string' ? { comment: raw['comment'] } : {}),
    ...(typeof raw['location'] === 'string' ? { location: raw['location'] } : {}),
    ...(record(raw['defaults']) ? { defaults: record(raw['defaults'])! } : {}),
    ...(typeof raw['movedTo'] === 'string' ? { movedTo: raw['movedTo'] } : {}),
    ...(typeof raw['createdMs'] === 'number' ? { createdMs: raw['createdMs'] } : {}),
    ...(Array.isArray(raw['partitions']) ? { partitions: (raw['partitions'] as unknown[]).map(partitionEntry) } : {}),
    ...(viewDefinition(raw['view']) ?? {}),
  };
}

function viewDefinition(raw: unknown): { view: ViewDefinition } | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const v = raw as Record<string, unknown>;
  if (typeof v['text'] !== 'string') return undefined;
  const namespace = typeof v['namespace'] === 'string' ? v['namespace'] : 'default';
  return { view: { text: v['text'], namespace, queryColumns: strings(v['queryColumns']), sqlConfigs: record(v['sqlConfigs']) ?? {} } };
}
