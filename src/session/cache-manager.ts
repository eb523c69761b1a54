/**
 * `df.cache()`/`persist()`: the first action computes the DataFrame's result
 * once; later actions on it, or on DataFrames derived from it, reuse the data.
 */
import type { Batch } from '../data/batch.js';
import { inputs, plan, type LogicalPlan } from '../plan/nodes.js';
import { transformDown, withInputs } from '../plan/transform.js';
import type { StorageLevel } from '../api/dataframe.js';

interface Entry {
  readonly level: StorageLevel;
  batch?: Batch;
}

export class CacheManager {
  readonly #entries = new Map<LogicalPlan, Entry>();

  constructor(private readonly resolve: (p: LogicalPlan) => LogicalPlan) {}

  persist(p: LogicalPlan, level: StorageLevel): void {
    if (!this.#entries.has(p)) this.#entries.set(p, { level });
  }

  unpersist(p: LogicalPlan): void {
    this.#entries.delete(p);
  }

  storageLevel(p: LogicalPlan): StorageLevel {
    return this.#entries.get(p)?.level ?? 'NONE';
  }

  clear(): void {
    this.#entries.clear();
  }

  /** Replaces cached subtrees of a resolved plan with their data, computing it on first use. */
  substitute(resolved: LogicalPlan, run: (p: LogicalPlan) => Batch): LogicalPlan {
    if (this.#entries.size === 0) return resolved;
    const byResolved = new Map<LogicalPlan, Entry>();
    for (const [p, e] of this.#entries) byResolved.set(this.resolve(p), e);
    return transformDown(resolved, (node) => {
      const entry = byResolved.get(node);
      if (!entry) return node;
      // Inputs first (they may be cached themselves), then this node, once.
      entry.batch ??= run(withInputs(node, inputs(node).map((c) => this.substitute(c, run))));
      return plan('LocalRelation', { data: entry.batch });
    });
  }
}
