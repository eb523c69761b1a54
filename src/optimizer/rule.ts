import type { LogicalPlan } from '../plan/nodes.js';

/** A meaning-preserving rewrite, applied to every node in the given order. */
export interface OptimizerRule {
  readonly name: string;
  readonly order: 'topDown' | 'bottomUp';
  /** Returns the node itself when the rule does not apply. */
  apply(node: LogicalPlan): LogicalPlan;
}
