/**
 * What SHOW TABLE EXTENDED prints about a temp view beyond its schema: when it was created and,
 * for a view over a query, the query's text, the database it was created in and the query's
 * column names. Kept per view plan (the catalog stores plans), so a dropped view's entry goes with it.
 */
import type { LogicalPlan } from '../plan/nodes.js';

export interface ViewInfo {
  readonly createdMs: number;
  readonly query?: { readonly text: string; readonly database: string; readonly columns: readonly string[] };
}

const infos = new WeakMap<LogicalPlan, ViewInfo>();

export function recordViewInfo(plan: LogicalPlan, info: ViewInfo): void {
  infos.set(plan, info);
}

export function viewInfo(plan: LogicalPlan): ViewInfo | undefined {
  return infos.get(plan);
}
