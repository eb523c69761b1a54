/**
 * Catalog calls, writes and caching on a connect session: each goes to Spark
 * (Catalog relations, WriteOperation commands, AnalyzePlan persist), since
 * tables, views and cached data live in the server's session there.
 */
import type { LogicalPlan } from '../../plan/nodes.js';
import type { Batch } from '../../data/batch.js';
import { newPlanId, plan } from '../../plan/nodes.js';
import { batchToRows } from '../../types/values.js';
import type { ConnectExecutor } from './executor.js';
import { relationMessage } from './plan/relations.js';
import type { Msg } from './proto/codec.js';

const SAVE_MODES = { append: 1, overwrite: 2, error: 3, errorifexists: 3, ignore: 4 } as const;

function catalogBatch(executor: ConnectExecutor, catType: string, body: Msg): Batch {
  const rel = { common: { plan_id: newPlanId() }, catalog: { [catType]: body } };
  return executor.collect(plan('RemoteRelation', { relation: rel }));
}

/** One value from a Catalog relation (`tableExists`, `currentDatabase`, ...). */
export function catalogValue(executor: ConnectExecutor, catType: string, body: Msg = {}): unknown {
  return catalogBatch(executor, catType, body).columns[0]?.[0];
}

/**
 * The rows of a Catalog listing (`listTables`, `listDatabases`, `listColumns`)
 * as plain objects by field name: Spark's rows have exactly the fields of
 * sparkless's `Table`, `Database` and `CatalogColumn`.
 */
export function catalogRows<T>(executor: ConnectExecutor, catType: string, body: Msg = {}): T[] {
  return batchToRows(catalogBatch(executor, catType, body)).map((r) => r.asDict(true) as T);
}

export interface RemoteWrite {
  readonly format?: string;
  readonly mode: keyof typeof SAVE_MODES;
  readonly options: Readonly<Record<string, string>>;
  readonly partitionBy: readonly string[];
  readonly bucketBy?: { readonly numBuckets: number; readonly bucketColumns: readonly string[] };
  readonly sortBy?: readonly string[];
  readonly path?: string;
  readonly table?: { readonly name: string; readonly method: 'saveAsTable' | 'insertInto' };
}

export function remoteWrite(executor: ConnectExecutor, input: LogicalPlan, w: RemoteWrite): void {
  executor.command({
    write_operation: {
      input: relationMessage(input),
      ...(w.format ? { source: w.format } : {}),
      ...(w.path !== undefined ? { path: w.path } : {}),
      ...(w.table ? { table: { table_name: w.table.name, save_method: w.table.method === 'saveAsTable' ? 1 : 2 } } : {}),
      mode: SAVE_MODES[w.mode],
      partitioning_columns: [...w.partitionBy],
      ...(w.sortBy && w.sortBy.length > 0 ? { sort_column_names: [...w.sortBy] } : {}),
      ...(w.bucketBy ? { bucket_by: { bucket_column_names: [...w.bucketBy.bucketColumns], num_buckets: w.bucketBy.numBuckets } } : {}),
      options: { ...w.options },
    },
  });
}

/** Spark's storage level names for the levels `persist` accepts. */
const LEVELS: Record<string, Msg> = {
  MEMORY_ONLY: { use_disk: false, use_memory: true, use_off_heap: false, deserialized: false, replication: 1 },
  MEMORY_AND_DISK: { use_disk: true, use_memory: true, use_off_heap: false, deserialized: false, replication: 1 },
  MEMORY_AND_DISK_DESER: { use_disk: true, use_memory: true, use_off_heap: false, deserialized: true, replication: 1 },
  DISK_ONLY: { use_disk: true, use_memory: false, use_off_heap: false, deserialized: false, replication: 1 },
};

export function remotePersist(executor: ConnectExecutor, p: LogicalPlan, level: string): void {
  const relation = relationMessage(p);
  executor.client.analyze({ persist: { relation, storage_level: LEVELS[level] ?? LEVELS['MEMORY_AND_DISK_DESER']! } });
  executor.trackPersisted(relation);
}

export function remoteUnpersist(executor: ConnectExecutor, p: LogicalPlan): void {
  executor.client.analyze({ unpersist: { relation: relationMessage(p), blocking: false } });
}

/** The level's name, or NONE when the plan is not cached. */
export function remoteStorageLevel(executor: ConnectExecutor, p: LogicalPlan): string {
  const r = executor.client.analyze({ get_storage_level: { relation: relationMessage(p) } });
  const got = ((r['get_storage_level'] as Msg | undefined)?.['storage_level'] ?? {}) as Msg;
  if (!got['use_disk'] && !got['use_memory'] && !got['use_off_heap']) return 'NONE';
  const match = Object.entries(LEVELS).find(([, l]) => ['use_disk', 'use_memory', 'use_off_heap', 'deserialized'].every((k) => Boolean(l[k]) === Boolean(got[k])));
  return match?.[0] ?? 'MEMORY_AND_DISK';
}
