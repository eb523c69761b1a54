/**
 * DataFrame's caching, partitioning and temp views: persist/unpersist (the session's
 * cache manager, or Spark's on Connect), Repartition / coalesce and Hint plan nodes, and
 * view registration.
 */
import { requireStr } from '../arg-checks.js';
import { plan, type PlanOfKind } from '../../plan/nodes.js';
import { relationMessage } from '../../backend/connect/plan/relations.js';
import { remotePersist, remoteStorageLevel, remoteUnpersist } from '../../backend/connect/catalog.js';
import { toColumnExpr, type ColumnOrName } from '../column.js';
import type { DataFrame, StorageLevel } from '../dataframe.js';

export function persist(df: DataFrame, storageLevel: StorageLevel): DataFrame {
  const session = df.sparkSession;
  if (session.remote) remotePersist(session.remote, df.plan, storageLevel);
  else session.cacheManager.persist(df.plan, storageLevel);
  return df;
}

export function unpersist(df: DataFrame): DataFrame {
  const session = df.sparkSession;
  if (session.remote) remoteUnpersist(session.remote, df.plan);
  else session.cacheManager.unpersist(df.plan);
  return df;
}

export function storageLevel(df: DataFrame): StorageLevel {
  const session = df.sparkSession;
  if (session.remote) return remoteStorageLevel(session.remote, df.plan) as StorageLevel;
  return session.cacheManager.storageLevel(df.plan);
}

export function repartition(df: DataFrame, numPartitions: number | ColumnOrName | undefined, cols: ColumnOrName[]): DataFrame {
  const n = typeof numPartitions === 'number' ? numPartitions : undefined;
  const exprs = [...(typeof numPartitions === 'number' || numPartitions === undefined ? [] : [numPartitions]), ...cols].map(toColumnExpr);
  return df.withPlan(plan('Repartition', { input: df.plan, numPartitions: n, partitionExprs: exprs, shuffle: true }));
}

export function repartitionByRange(df: DataFrame, numPartitions: number | ColumnOrName | undefined, cols: ColumnOrName[]): DataFrame {
  const { input, numPartitions: n, partitionExprs, shuffle } = df.repartition(numPartitions, ...cols).plan as PlanOfKind<'Repartition'>;
  return df.withPlan(plan('Repartition', { input, numPartitions: n, partitionExprs, shuffle, byRange: true }));
}

export function coalesce(df: DataFrame, numPartitions: number): DataFrame {
  return df.withPlan(plan('Repartition', { input: df.plan, numPartitions, partitionExprs: [], shuffle: false }));
}

export function hint(df: DataFrame, name: string, parameters: unknown[]): DataFrame {
  return df.withPlan(plan('Hint', { input: df.plan, name, parameters }));
}

/** Registers `df` as a temp view (global: in `global_temp`); `replace` false fails on an existing name. */
export function registerView(df: DataFrame, name: string, isGlobal: boolean, replace: boolean): void {
  requireStr('name', name);
  const session = df.sparkSession;
  if (session.remote) {
    session.remote.command({ create_dataframe_view: { input: relationMessage(df.plan), name, is_global: isGlobal, replace } });
  } else {
    session.catalog.registerTempView(name, df.plan, replace, isGlobal);
  }
}
