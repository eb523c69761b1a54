/**
 * Delegation: a plan node (or an expression inside it) that Polars cannot run
 * with Spark's exact semantics is executed by the memory interpreter instead.
 *
 * Translators signal it by throwing a `DelegateSignal`; the plan translator
 * catches it per node, collects the node's inputs through Polars, runs the
 * node on the interpreter and feeds the result back into Polars.
 */
import type { Batch } from '../../data/batch.js';
import type { LogicalPlan } from '../../plan/nodes.js';

/** Internal control flow: "this node must be delegated", with the reason shown by `describe`. */
export class DelegateSignal {
  constructor(readonly reason: string) {}
}

/** Aborts native translation of the current node. */
export function delegate(reason: string): never {
  throw new DelegateSignal(reason);
}

export function isDelegateSignal(x: unknown): x is DelegateSignal {
  return x instanceof DelegateSignal;
}

/** Runs one resolved node whose inputs are `LocalRelation`s (the memory interpreter). */
export type FallbackExecutor = (plan: LogicalPlan) => Batch;

/** One delegated node, as recorded for `describe()` and tests. */
export interface DelegationRecord {
  readonly nodeId: number;
  readonly kind: string;
  readonly reason: string;
}
