/**
 * The Polars DataMaterializer: translates a resolved plan into one lazy
 * Polars query, collects it once, and reads the result back as a Batch.
 * Nodes Polars cannot run with Spark's exact semantics are delegated to the
 * memory interpreter (see plan-translator.ts); `describe` shows which.
 */
import type { Table as ArrowTable } from 'apache-arrow';
import { makeBatch, type Batch } from '../../data/batch.js';
import type { LogicalPlan } from '../../plan/nodes.js';
import { inputRows, inputs, schemaOf } from '../../plan/nodes.js';
import { repartitionRecords, type RepartitionRecord } from '../repartitions.js';
import { createExecContext, defaultTimeZone, executePlan, DEFAULT_RUNTIME_CONF, type RuntimeConf } from '../memory/index.js';
import { DEFAULT_SEQUENTIAL_SUM_MAX_ROWS, type DataMaterializer } from '../protocols.js';
import type { DelegationRecord, FallbackExecutor } from './delegation.js';
import { translatePolarsError } from './errors.js';
import { batchToNative, ingestNatively } from './input.js';
import { NATIVE_INGEST_MIN_ROWS } from './native-batch.js';
import { native } from './native.js';
import { nativeToArrow } from './output.js';
import { PlanTranslator, type NodeReport } from './plan-translator.js';
import { polarsTypeName } from './type-mapper.js';
import { INTERVAL_DELEGATION, planHoldsIntervals } from './interval-plans.js';
import { asksInterpreter, INTERPRETER_ROWS } from './interpreter-rows.js';

/** Why a plan ran in the interpreter under spark.sql.ansi.enabled=true. */
const ANSI_DELEGATION = 'spark.sql.ansi.enabled=true runs in the interpreter';
import { NotImplementedException } from '../../errors/index.js';
import { definePublicName } from '../../util/public-name.js';

export interface PolarsMaterializerOptions {
  /** Session time zone (IANA id); defaults to the process's zone, like Spark's JVM default. */
  readonly timeZone?: string;
  /** Collect with Polars' streaming engine (bounded memory for large inputs). */
  readonly streaming?: boolean;
  /** A fixed "now" (µs since the epoch) for every query, for reproducible tests; default: the wall clock per query. */
  readonly now?: number;
  /**
   * Runs delegated nodes (inputs are LocalRelations). Defaults to the memory
   * interpreter with a per-query context; injectable for tests.
   */
  readonly fallback?: FallbackExecutor;
}

export class PolarsMaterializer implements DataMaterializer {
  static {
    definePublicName(this, 'PolarsMaterializer');
  }

  readonly backendType = 'polars';
  /** Session time zone used by the next `materialize` calls (may be changed by the session). */
  timeZone: string;
  streaming: boolean;
  /** Queries over at most this many input rows sum doubles in row order; larger ones use Polars' sum. */
  sequentialSumMaxRows = DEFAULT_SEQUENTIAL_SUM_MAX_ROWS;
  /** Nodes delegated by the last `materialize` call. */
  lastDelegations: readonly DelegationRecord[] = [];
  /** The adaptive repartition steps of the last `materialize` call (run as pass-throughs). */
  lastRepartitions: readonly RepartitionRecord[] = [];
  private readonly fallback: FallbackExecutor | undefined;
  private readonly fixedNow: number | undefined;
  /** Conf read by the interpreter's delegated nodes (the session sets it per query). */
  runtimeConf: RuntimeConf = DEFAULT_RUNTIME_CONF;

  constructor(options: PolarsMaterializerOptions = {}) {
    this.fixedNow = options.now;
    this.timeZone = options.timeZone ?? defaultTimeZone();
    this.streaming = options.streaming ?? false;
    this.fallback = options.fallback;
  }

  private translator(plan: LogicalPlan, describeOnly: boolean): PlanTranslator {
    const timeZone = this.timeZone;
    const sequentialSums = inputRows(plan) <= this.sequentialSumMaxRows;
    // One interpreter context per query: current_timestamp() is the same instant in native and delegated nodes.
    const ctx = createExecContext({ timeZone, ...this.runtimeConf, ...(this.fixedNow !== undefined ? { now: this.fixedNow } : {}) });
    const fallback: FallbackExecutor = this.fallback ?? ((p) => executePlan(p, ctx));
    const budget = this.runtimeConf.memoryBudget !== undefined ? { memoryBudget: this.runtimeConf.memoryBudget } : {};
    const partitionedSums = (this.runtimeConf.defaultParallelism ?? 1) > 1;
    return new PlanTranslator({ timeZone, now: ctx.now, sequentialSums, partitionedSums, fallback, describeOnly, engine: this.streaming ? 'streaming' : 'auto', ...budget });
  }

  /**
   * New DataFrame data: large batches are converted to a native frame now and
   * kept only there (see native-batch.ts), so the JS arrays become garbage;
   * small ones stay as they are (cheap, and read back without conversion).
   */
  ingest(batch: Batch): Batch {
    return batch.numRows >= NATIVE_INGEST_MIN_ROWS ? ingestNatively(batch) : batch;
  }

  /** Executes a resolved plan and returns every row (one Polars collect per call, plus delegated inputs). */
  materialize(plan: LogicalPlan): Batch {
    this.lastRepartitions = repartitionRecords(plan);
    if (plan.kind === 'LocalRelation') {
      // The data itself, as the interpreter returns it: no round trip through Polars and IPC.
      // The binding is still required, so a missing or wrong binary is reported on the first query as before.
      native();
      this.lastDelegations = [];
      const schema = plan.schema ?? plan.data.schema;
      return schema === plan.data.schema ? plan.data : makeBatch(schema, plan.data.columns);
    }
    // ANSI plans run wholly in the interpreter: Polars' native arithmetic, casts and indexing never raise Spark's ANSI errors.
    const whole = planHoldsIntervals(plan) ? INTERVAL_DELEGATION : this.runtimeConf.ansiEnabled ? ANSI_DELEGATION : undefined;
    if (whole !== undefined) return this.interpret(plan, whole);
    try {
      const t = this.translator(plan, false);
      const frame = t.translate(plan);
      this.lastDelegations = t.delegations;
      return t.collect(frame);
    } catch (err) {
      if (!asksInterpreter(err)) throw err;
      return this.interpret(plan, INTERPRETER_ROWS);
    }
  }

  /** The whole plan in the interpreter. */
  private interpret(plan: LogicalPlan, reason: string): Batch {
    this.lastDelegations = [{ nodeId: plan.id, kind: plan.kind, reason }];
    const ctx = createExecContext({ timeZone: this.timeZone, ...this.runtimeConf, ...(this.fixedNow !== undefined ? { now: this.fixedNow } : {}) });
    return executePlan(plan, ctx);
  }

  /** Executes a resolved plan into an Arrow table (Polars' IPC output, Spark column names). */
  materializeArrow(plan: LogicalPlan): ArrowTable {
    if (planHoldsIntervals(plan)) throw new NotImplementedException('Arrow output of interval columns on the polars backend');
    if (this.runtimeConf.ansiEnabled) throw new NotImplementedException('Arrow output under spark.sql.ansi.enabled=true on the polars backend');
    const t = this.translator(plan, false);
    const frame = t.translate(plan);
    this.lastDelegations = t.delegations;
    try {
      const df = frame.lf.collectSync(this.streaming ? 'streaming' : 'auto');
      return nativeToArrow(df, frame.schema);
    } catch (err) {
      if (asksInterpreter(err)) return nativeToArrow(batchToNative(this.interpret(plan, INTERPRETER_ROWS)), frame.schema);
      throw translatePolarsError(err, 'executing the query');
    }
  }

  /**
   * The plan tree, one node per line, each marked `[polars]` or
   * `[delegated: reason]`, followed by Polars' optimized plan when the whole
   * query runs natively.
   */
  describe(plan: LogicalPlan): string {
    const t = this.translator(plan, true);
    const frame = t.translate(plan);
    const byId = new Map<number, NodeReport>(t.reports.map((r) => [r.nodeId, r]));
    const lines: string[] = [];
    const walk = (p: LogicalPlan, depth: number): void => {
      const r = byId.get(p.id);
      let cols = '';
      try {
        cols = ` [${schemaOf(p).fields.map((f) => `${f.name}: ${polarsTypeName(f.dataType)}`).join(', ')}]`;
      } catch {
        cols = '';
      }
      const how = r?.delegated ? `[delegated to memory: ${r.delegated}]` : '[polars]';
      lines.push(`${'  '.repeat(depth)}${depth > 0 ? '+- ' : ''}${p.kind}${cols} ${how}`);
      for (const child of inputs(p)) walk(child, depth + 1);
    };
    walk(plan, 0);
    if (t.delegations.length === 0) {
      try {
        lines.push('', 'Polars plan:', frame.lf.describeOptimizedPlan());
      } catch {
        // The optimized plan is informative only.
      }
    }
    return lines.join('\n');
  }

  close(): void {}
}
