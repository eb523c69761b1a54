/**
 * Replaces resolved `TableScan`s with the table's current data just before
 * execution, so backends only see executable nodes and a DataFrame over a
 * table always reads what the table holds at action time (as in Spark).
 */
import { guardBackendCall } from '../backend/guard.js';
import type { StorageBackend } from '../backend/protocols.js';
import { plan, type LogicalPlan } from './nodes.js';
import { transformUp } from './transform.js';

export function bindTables(p: LogicalPlan, storage: StorageBackend): LogicalPlan {
  return transformUp(p, (node) => {
    if (node.kind !== 'TableScan') return node;
    const db = node.database ?? 'default';
    const data = guardBackendCall(`Reading table \`${db}\`.\`${node.table}\` failed`, () => storage.queryTable(db, node.table));
    return plan('LocalRelation', { data });
  });
}
