/** AnalyzePlan requests about a whole plan: input files, semantic equality and hash (Spark computes them). */
import type { LogicalPlan } from '../../plan/nodes.js';
import type { ConnectExecutor } from './executor.js';
import { relationMessage } from './plan/relations.js';
import type { Msg } from './proto/codec.js';

const planMsg = (p: LogicalPlan): Msg => ({ root: relationMessage(p) });

export function remoteInputFiles(executor: ConnectExecutor, p: LogicalPlan): string[] {
  const r = executor.client.analyze({ input_files: { plan: planMsg(p) } });
  return [...(((r['input_files'] as Msg | undefined)?.['files'] as string[] | undefined) ?? [])];
}

export function remoteSameSemantics(executor: ConnectExecutor, a: LogicalPlan, b: LogicalPlan): boolean {
  const r = executor.client.analyze({ same_semantics: { target_plan: planMsg(a), other_plan: planMsg(b) } });
  return Boolean((r['same_semantics'] as Msg | undefined)?.['result']);
}

export function remoteSemanticHash(executor: ConnectExecutor, p: LogicalPlan): number {
  const r = executor.client.analyze({ semantic_hash: { plan: planMsg(p) } });
  return Number((r['semantic_hash'] as Msg | undefined)?.['result'] ?? 0);
}
