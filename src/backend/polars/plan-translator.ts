/**
 * Resolved LogicalPlan → one Polars LazyFrame.
 *
 * Every node's output frame has columns `c0..c{n-1}` positional to its Spark
 * schema (see operators/types.ts `Frame`), so Spark names (which may repeat
 * after a join) never reach Polars; they are restored from the schema when
 * the result is read (output.ts).
 *
 * Delegation: when an operator throws a DelegateSignal, the node's inputs
 * are collected through Polars, the node runs on the memory interpreter with
 * `LocalRelation` inputs, and its result re-enters Polars as a new frame.
 * In describe mode nothing executes: a delegated node is replaced by an empty
 * frame of its schema and only recorded.
 */
import type { Batch } from '../../data/batch.js';
import type { ExecutablePlanKind, LocalRelation, LogicalPlan, Project } from '../../plan/nodes.js';
import { inputs, newPlanId, schemaOf } from '../../plan/nodes.js';
import { ownScanPartitions } from '../../plan/scan-partitions.js';
import { InternalError, NotImplementedException } from '../../errors/index.js';
import type { StructType } from '../../types/data-types.js';
import { DelegateSignal, type DelegationRecord, type FallbackExecutor } from './delegation.js';
import { translatePolarsError } from './errors.js';
import { ExprTranslator, type TranslateOptions } from './expression-translator.js';
import { batchToNative, emptyNative } from './input.js';
import { native, type NativeLazyFrame } from './native.js';
import { aggregate } from './operators/aggregate.js';
import { filter, limit, localRelation, offset, project, range } from './operators/basic.js';
import { generate } from './operators/generate.js';
import { join } from './operators/join.js';
import { deduplicate, setOperation } from './operators/sets.js';
import { sort } from './operators/sort.js';
import type { Frame, OperatorEnv } from './operators/types.js';
import { window } from './operators/window.js';
import { nativeToBatch } from './output.js';
import { definePublicName } from '../../util/public-name.js';

export interface PlanTranslatorOptions extends TranslateOptions {
  /** Runs delegated nodes; required unless `describeOnly`. */
  readonly fallback?: FallbackExecutor;
  /** Build and record only: never collect inputs of delegated nodes. */
  readonly describeOnly?: boolean;
  /** Polars engine for collecting delegated nodes' inputs. */
  readonly engine?: 'auto' | 'streaming';
  /** The query's memory budget, checked before native keyed joins (operators/join-guard.ts). */
  readonly memoryBudget?: number;
}

/** How one node was planned, for `describe()`. */
export interface NodeReport {
  readonly nodeId: number;
  readonly kind: string;
  readonly delegated?: string;
}

type Lowering = (plan: LogicalPlan, ins: readonly Frame[], env: OperatorEnv) => NativeLazyFrame;

const LOWERINGS: { readonly [K in ExecutablePlanKind]: Lowering } = {
  LocalRelation: (p) => localRelation(p as LocalRelation),
  Range: (p, _i, env) => range(p as never, env),
  Project: (p, i, env) => project(p as never, i[0]!, env),
  Filter: (p, i, env) => filter(p as never, i[0]!, env),
  Aggregate: (p, i, env) => aggregate(p as never, i[0]!, env),
  Window: (p, i, env) => window(p as never, i[0]!, env),
  Sort: (p, i, env) => sort(p as never, i[0]!, env),
  Limit: (p, i) => limit(p as never, i[0]!),
  Offset: (p, i) => offset(p as never, i[0]!),
  Join: (p, i, env) => join(p as never, i[0]!, i[1]!, env),
  SetOperation: (p, i, env) => setOperation(p as never, i[0]!, i[1]!, env),
  Deduplicate: (p, i) => deduplicate(p as never, i[0]!),
  Generate: (p, i, env) => generate(p as never, i[0]!, env),
  // A synthesized skew repartition: Polars schedules its own threads (the materializer records it).
  AdaptiveRepartition: (_p, i) => i[0]!.lf,
  Sample: () => {
    throw new DelegateSignal("sampling must use the interpreter's seeded generator");
  },
};

export class PlanTranslator {
  static {
    definePublicName(this, 'PlanTranslator');
  }

  readonly delegations: DelegationRecord[] = [];
  readonly reports: NodeReport[] = [];
  private readonly env: OperatorEnv;

  constructor(private readonly options: PlanTranslatorOptions) {
    const pl = native();
    const translators = new WeakMap<object, { row?: ExprTranslator; agg?: ExprTranslator }>();
    this.env = {
      pl,
      options,
      ...(options.describeOnly || options.memoryBudget === undefined ? {} : { memoryBudget: options.memoryBudget, rowBounds: new Map() }),
      translator: (schema, mode = 'row', nameOf) => {
        if (nameOf) return new ExprTranslator(schema, options, mode, nameOf);
        // Translators are stateless apart from caches; share them per schema and mode.
        let byMode = translators.get(schema);
        if (!byMode) translators.set(schema, (byMode = {}));
        return (byMode[mode] ??= new ExprTranslator(schema, options, mode));
      },
    };
  }

  translate(plan: LogicalPlan): Frame {
    const kind = plan.kind;
    if (!(kind in LOWERINGS)) {
      throw new InternalError(`plan node ${kind}#${plan.id} must be removed by the analyzer before execution`);
    }
    const ins = inputs(plan).map((p) => this.translate(p));
    const schema = plan.kind === 'LocalRelation' ? (plan.schema ?? plan.data.schema) : schemaOf(plan);
    if (plan.kind === 'Project' && isPositionalIdentity(plan, ins[0]!.schema)) {
      // Frames are positional (c0..c{n-1}): a projection that only renames columns
      // (e.g. the Project the analyzer puts over an Aggregate) is the input frame itself.
      this.reports.push({ nodeId: plan.id, kind });
      return { lf: ins[0]!.lf, schema };
    }
    try {
      const lf = LOWERINGS[kind as ExecutablePlanKind](plan, ins, this.env);
      this.reports.push({ nodeId: plan.id, kind });
      return { lf, schema };
    } catch (err) {
      if (!(err instanceof DelegateSignal)) throw translatePolarsError(err, `planning ${kind}`);
      this.delegations.push({ nodeId: plan.id, kind, reason: err.reason });
      this.reports.push({ nodeId: plan.id, kind, delegated: err.reason });
      return { lf: this.delegateNode(plan, ins, schema), schema };
    }
  }

  private delegateNode(plan: LogicalPlan, ins: readonly Frame[], schema: StructType): NativeLazyFrame {
    if (this.options.describeOnly) return emptyNative(schema).lazy();
    const fallback = this.options.fallback;
    if (!fallback) {
      throw new NotImplementedException(`${plan.kind} on the Polars backend`, this.delegations.at(-1)?.reason);
    }
    const batches = ins.map((f) => this.collect(f));
    // Keep the partitioning the inputs fixed (range(..., 1)): the interpreter's aggregates split rows by it.
    const rels = batches.map((b, i): LocalRelation => {
      const partitions = ownScanPartitions(inputs(plan)[i]!);
      return Object.freeze({ kind: 'LocalRelation', id: newPlanId(), data: b, schema: b.schema, ...(partitions !== undefined ? { scanPartitions: partitions } : {}) });
    });
    const copy = withInputs(plan, rels);
    const result = fallback(copy);
    return batchToNative({ ...result, schema }).lazy();
  }

  /** Executes a frame and reads it back as a Batch. */
  collect(frame: Frame): Batch {
    const engine = this.options.engine ?? 'auto';
    let df;
    try {
      df = frame.lf.collectSync(engine);
    } catch (err) {
      throw translatePolarsError(err, 'executing the query');
    }
    try {
      return nativeToBatch(df, frame.schema);
    } catch (err) {
      throw translatePolarsError(err, 'reading the result');
    }
  }
}

/**
 * True when every output column `i` of the projection is input column `i`
 * unchanged (a bare reference, possibly renamed by an alias) and no column is
 * added or dropped: in Polars' positional frames the projection changes nothing.
 */
function isPositionalIdentity(plan: Project, input: StructType): boolean {
  const exprs = plan.exprs;
  const fields = input.fields;
  if (exprs.length !== fields.length) return false;
  for (let i = 0; i < exprs.length; i++) {
    let e = exprs[i]!;
    if (e.kind === 'Alias') e = e.child;
    if (e.kind !== 'BoundRef' || e.index !== i) return false;
    const t = fields[i]!.dataType;
    if (e.dataType !== t && !e.dataType.equals(t)) return false;
  }
  return true;
}

/** A copy of `plan` whose inputs are replaced, in order. */
function withInputs(plan: LogicalPlan, rels: readonly LogicalPlan[]): LogicalPlan {
  switch (plan.kind) {
    case 'LocalRelation':
    case 'Range':
    case 'TableScan':
      return plan;
    case 'Join':
    case 'SetOperation':
      return Object.freeze({ ...plan, left: rels[0]!, right: rels[1]! });
    default:
      return Object.freeze({ ...plan, input: rels[0]! }) as LogicalPlan;
  }
}
