/**
 * The memory backend's interpreter: executes a resolved LogicalPlan (see
 * plan/nodes.ts) into a Batch. One small module per operator; the dispatch
 * table below is typed over every ExecutablePlanKind, so a new plan kind
 * that is not handled here fails to compile.
 *
 * `executePlan` is also the fallback other backends (Polars) delegate
 * unsupported nodes to; keep its signature stable.
 */
import type { Batch } from '../../data/batch.js';
import { InternalError } from '../../errors/index.js';
import type { ExecutablePlanKind, LogicalPlan, PlanOfKind } from '../../plan/nodes.js';
import { schemaOf } from '../../plan/nodes.js';
import type { ExecContext } from './context.js';
import { executeAggregate } from './operators/aggregate.js';
import { executeDeduplicate } from './operators/deduplicate.js';
import { executeFilter } from './operators/filter.js';
import { executeGenerate } from './operators/generate.js';
import { executeJoin } from './operators/join.js';
import { executeLimit, executeOffset } from './operators/limit.js';
import { executeLocalRelation } from './operators/local-relation.js';
import { executeProject } from './operators/project.js';
import { executeRange } from './operators/range.js';
import { toBatch, type Rel } from './operators/relation.js';
import { executeSample } from './operators/sample.js';
import { executeSetOperation } from './operators/set-operation.js';
import { executeSort } from './operators/sort.js';
import type { Exec, OperatorTable } from './operators/types.js';
import { executeWindow } from './operators/window.js';

const OPERATORS: OperatorTable = {
  LocalRelation: executeLocalRelation,
  Range: executeRange,
  Project: executeProject,
  Filter: executeFilter,
  Aggregate: executeAggregate,
  Window: executeWindow,
  Sort: executeSort,
  Limit: executeLimit,
  Offset: executeOffset,
  Join: executeJoin,
  SetOperation: executeSetOperation,
  Deduplicate: executeDeduplicate,
  Generate: executeGenerate,
  Sample: executeSample,
  // A synthesized skew repartition: one process has no partitions to split (the materializer records it).
  AdaptiveRepartition: (p, exec) => exec.run(p.input),
};

function isExecutable(kind: string): kind is ExecutablePlanKind {
  return Object.prototype.hasOwnProperty.call(OPERATORS, kind);
}

/** Runs one node (and, recursively, its inputs) to a relation. */
export function executeRel(plan: LogicalPlan, ctx: ExecContext): Rel {
  const exec: Exec = { ctx, run: (p) => executeRel(p, ctx) };
  if (!isExecutable(plan.kind)) {
    throw new InternalError(`plan node ${plan.kind}#${plan.id} must be removed by the analyzer before execution`);
  }
  const handler = OPERATORS[plan.kind] as (p: PlanOfKind<typeof plan.kind>, e: Exec) => Rel;
  const rel = handler(plan as PlanOfKind<typeof plan.kind>, exec);
  const schema = plan.kind === 'LocalRelation' ? (plan.schema ?? plan.data.schema) : schemaOf(plan);
  return rel.schema === schema ? rel : { ...rel, schema };
}

/** Executes a resolved plan and returns every row as a dense Batch. */
export function executePlan(plan: LogicalPlan, ctx: ExecContext): Batch {
  return toBatch(executeRel(plan, ctx));
}
