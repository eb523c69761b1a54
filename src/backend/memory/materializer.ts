/** The memory backend's DataMaterializer: runs resolved plans with the reference interpreter. */
import type { Batch } from '../../data/batch.js';
import type { LogicalPlan } from '../../plan/nodes.js';
import { inputs, schemaOf } from '../../plan/nodes.js';
import type { DataMaterializer } from '../protocols.js';
import { createExecContext, defaultTimeZone } from './context.js';
import { executePlan } from './executor.js';

export interface MemoryMaterializerOptions {
  /** Session time zone (IANA id or offset); defaults to the process's zone, like Spark's JVM default. */
  readonly timeZone?: string;
}

export class MemoryMaterializer implements DataMaterializer {
  readonly backendType = 'memory';
  /** Session time zone used by the next `materialize` calls (may be changed by the session). */
  timeZone: string;

  constructor(options: MemoryMaterializerOptions = {}) {
    this.timeZone = options.timeZone ?? defaultTimeZone();
  }

  /** Executes a resolved plan; `current_timestamp()` is fixed once per call. */
  materialize(plan: LogicalPlan): Batch {
    return executePlan(plan, createExecContext({ timeZone: this.timeZone }));
  }

  /** One line per node, indented by depth: what the interpreter will run. */
  describe(plan: LogicalPlan): string {
    const lines: string[] = [];
    const walk = (p: LogicalPlan, depth: number): void => {
      let cols = '';
      try {
        cols = ` [${schemaOf(p).names.join(', ')}]`;
      } catch {
        cols = '';
      }
      lines.push(`${'  '.repeat(depth)}${depth > 0 ? '+- ' : ''}Memory${p.kind}${cols}`);
      for (const child of inputs(p)) walk(child, depth + 1);
    };
    walk(plan, 0);
    return lines.join('\n');
  }

  close(): void {}
}
