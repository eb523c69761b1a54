import type { LogicalPlan, PlanKind } from '../plan/nodes.js';

/** A meaning-preserving rewrite, applied to every node in the given order. */
export interface OptimizerRule {
  readonly name: string;
  readonly order: 'topDown' | 'bottomUp';
  /**
   * Returns the node itself when the rule does not apply. Must depend on the
   * node (and its subtree) alone: the optimizer does not re-apply a rule to a
   * plan it already left unchanged.
   */
  apply(node: LogicalPlan): LogicalPlan;
  /**
   * Node kinds (with how many of each) a plan must contain for the rule to
   * change anything: the optimizer skips the rule's walk over a plan that lacks
   * them (a filter-through-join rule on a plan without a join). Omit to run always.
   */
  readonly requires?: Readonly<Partial<Record<PlanKind, number>>>;
}
