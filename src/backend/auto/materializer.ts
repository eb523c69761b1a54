/**
 * The `auto` backend's executor: small queries run on the memory interpreter
 * (no native call or data conversion, so a 10-row test query is several
 * times faster), large ones on Polars. Both give identical results — the
 * conformance, parity and differential suites run on both — so the choice is
 * purely about speed.
 */
import type { Batch } from '../../data/batch.js';
import { inputRows, type LogicalPlan } from '../../plan/nodes.js';
import type { RuntimeConf } from '../memory/context.js';
import { MemoryMaterializer } from '../memory/materializer.js';
import { ingestNatively } from '../polars/input.js';
import { PolarsMaterializer } from '../polars/materializer.js';
import type { DataMaterializer } from '../protocols.js';

export interface AutoMaterializerOptions {
  readonly timeZone?: string;
  /** Plans whose inputs hold at most this many rows run on the memory interpreter (default 20,000). */
  readonly maxMemoryRows?: number;
}

export const DEFAULT_MAX_MEMORY_ROWS = 20_000;


export class AutoMaterializer implements DataMaterializer {
  readonly backendType = 'auto';
  readonly memory: MemoryMaterializer;
  readonly polars: PolarsMaterializer;
  readonly maxMemoryRows: number;
  /** Which executor ran the last query (for tests and `explain`). */
  lastChoice: 'memory' | 'polars' | undefined;

  constructor(options: AutoMaterializerOptions = {}) {
    const tz = options.timeZone !== undefined ? { timeZone: options.timeZone } : {};
    this.memory = new MemoryMaterializer(tz);
    this.polars = new PolarsMaterializer(tz);
    this.maxMemoryRows = options.maxMemoryRows ?? DEFAULT_MAX_MEMORY_ROWS;
  }

  /** Session time zone for the next queries, on both executors. */
  get timeZone(): string {
    return this.memory.timeZone;
  }

  set timeZone(tz: string) {
    this.memory.timeZone = tz;
    this.polars.timeZone = tz;
  }

  /** The per-query runtime conf, on both executors. */
  get runtimeConf(): RuntimeConf {
    return this.memory.runtimeConf;
  }

  set runtimeConf(c: RuntimeConf) {
    this.memory.runtimeConf = c;
    this.polars.runtimeConf = c;
  }

  /** Only the Polars executor has a faster summation to switch to. */
  get sequentialSumMaxRows(): number {
    return this.polars.sequentialSumMaxRows;
  }

  set sequentialSumMaxRows(n: number) {
    this.polars.sequentialSumMaxRows = n;
  }

  /** The executor `plan` would run on. */
  choose(plan: LogicalPlan): DataMaterializer {
    return inputRows(plan) <= this.maxMemoryRows ? this.memory : this.polars;
  }

  /**
   * Data too large for the memory interpreter is only ever queried on Polars,
   * so it is kept natively there (once, not also as JS arrays); smaller data
   * stays as it is for the interpreter.
   */
  ingest(batch: Batch): Batch {
    return batch.numRows > this.maxMemoryRows ? ingestNatively(batch) : batch;
  }

  materialize(plan: LogicalPlan): Batch {
    const target = this.choose(plan);
    this.lastChoice = target === this.memory ? 'memory' : 'polars';
    return target.materialize(plan);
  }

  describe(plan: LogicalPlan): string {
    const target = this.choose(plan);
    const which = target === this.memory ? 'memory' : 'polars';
    const body = target.describe ? target.describe(plan) : '';
    return `auto: ${inputRows(plan)} input rows -> ${which} backend (threshold ${this.maxMemoryRows})\n${body}`;
  }

  close(): void {
    this.memory.close();
    this.polars.close();
  }
}
