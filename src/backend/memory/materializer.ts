/** The memory backend's DataMaterializer: runs resolved plans with the reference interpreter. */
import type { Batch } from '../../data/batch.js';
import type { LogicalPlan } from '../../plan/nodes.js';
import { inputs, schemaOf } from '../../plan/nodes.js';
import type { DataMaterializer } from '../protocols.js';
import { repartitionRecords, type RepartitionRecord } from '../repartitions.js';
import { createExecContext, defaultTimeZone, DEFAULT_RUNTIME_CONF, type RuntimeConf } from './context.js';
import { executePlan } from './executor.js';
import { definePublicName } from '../../util/public-name.js';

export interface MemoryMaterializerOptions {
  /**
   * Session time zone (IANA id or offset), or a function reading it at each
   * query (so `spark.conf.set('spark.sql.session.timeZone', ...)` applies).
   * Defaults to the process's zone, like Spark's JVM default.
   */
  readonly timeZone?: string | (() => string);
  /** Fixed "now" (µs) for current_timestamp()/current_date(), for reproducible tests. */
  readonly now?: number;
}

export class MemoryMaterializer implements DataMaterializer {
  static {
    definePublicName(this, 'MemoryMaterializer');
  }

  readonly backendType = 'memory';
  #timeZone: string | (() => string);
  readonly #now: number | undefined;
  /** The adaptive repartition steps of the last `materialize` call (run as pass-throughs). */
  lastRepartitions: readonly RepartitionRecord[] = [];
  /** Conf read by the interpreter for the next queries (the session sets it per query). */
  runtimeConf: RuntimeConf = DEFAULT_RUNTIME_CONF;

  constructor(options: MemoryMaterializerOptions = {}) {
    this.#timeZone = options.timeZone ?? defaultTimeZone();
    this.#now = options.now;
  }

  /** Session time zone used by the next `materialize` calls. */
  get timeZone(): string {
    return typeof this.#timeZone === 'function' ? this.#timeZone() : this.#timeZone;
  }

  set timeZone(tz: string) {
    this.#timeZone = tz;
  }

  /** Executes a resolved plan; `current_timestamp()` is fixed once per call. */
  materialize(plan: LogicalPlan): Batch {
    this.lastRepartitions = repartitionRecords(plan);
    return executePlan(plan, createExecContext({ timeZone: this.timeZone, ...this.runtimeConf, ...(this.#now !== undefined ? { now: this.#now } : {}) }));
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
