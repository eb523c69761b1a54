/** What local backends record of the adaptive optimizer's repartition steps (they change no results). */
import { inputs, type LogicalPlan } from '../plan/nodes.js';
import { exprSql } from '../expr/naming.js';
import type { SkewMetrics } from '../plan/nodes.js';

export interface RepartitionRecord {
  readonly operationId: number;
  readonly partitionColumns: readonly string[];
  readonly reason: string;
  readonly targetSplitFactor: number;
  readonly skewMetrics: SkewMetrics;
}

/** The AdaptiveRepartition steps of a plan, inputs first. */
export function repartitionRecords(plan: LogicalPlan): RepartitionRecord[] {
  const out: RepartitionRecord[] = [];
  const walk = (p: LogicalPlan): void => {
    const ins = inputs(p);
    for (let i = 0; i < ins.length; i++) walk(ins[i]!);
    if (p.kind === 'AdaptiveRepartition') {
      out.push(Object.freeze({ operationId: p.operationId, partitionColumns: p.partitionExprs.map((e) => exprSql(e)), reason: p.reason, targetSplitFactor: p.targetSplitFactor, skewMetrics: p.skewMetrics }));
    }
  };
  walk(plan);
  return out;
}
