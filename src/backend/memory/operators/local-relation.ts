import type { LocalRelation } from '../../../plan/nodes.js';
import { relFromBatch, type Rel } from './relation.js';

/** The in-memory data itself; the plan's schema (names) wins over the batch's. */
export function executeLocalRelation(plan: LocalRelation): Rel {
  const rel = relFromBatch(plan.data);
  return plan.schema ? { ...rel, schema: plan.schema } : rel;
}
