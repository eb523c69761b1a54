/** Shared shapes of the operator modules. */
import type { ExecutablePlanKind, LogicalPlan, PlanOfKind } from '../../../plan/nodes.js';
import type { ExecContext } from '../context.js';
import type { Rel } from './relation.js';

/** What an operator can call back into: executing its inputs, and the query context. */
export interface Exec {
  readonly ctx: ExecContext;
  run(plan: LogicalPlan): Rel;
}

export type OperatorHandler<K extends ExecutablePlanKind> = (plan: PlanOfKind<K>, exec: Exec) => Rel;

/** Exhaustive dispatch table: a missing plan kind is a compile error. */
export type OperatorTable = { readonly [K in ExecutablePlanKind]: OperatorHandler<K> };
