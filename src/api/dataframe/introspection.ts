/**
 * What a DataFrame says about itself without running it: schema, schema tree, explain
 * text, input files and plan semantics (Spark answers these on Connect).
 */
import { requireInt } from '../arg-checks.js';
import { PySparkTypeError } from '../../errors/index.js';
import { formatSchemaTree } from '../../format/print-schema.js';
import { formatAdaptiveReport, skewHintsFromSimulation } from '../../optimizer/adaptive/index.js';
import { explainPlan } from '../../plan/explain.js';
import type { StructType } from '../../types/data-types.js';
import { remoteInputFiles, remoteSameSemantics, remoteSemanticHash } from '../../backend/connect/plan-analysis.js';
import { typeName } from '../column.js';
import { canonicalPlan, planInputFiles, semanticHashOf } from '../plan-identity.js';
import { DataFrame } from '../dataframe.js';

export type ExplainMode = boolean | 'simple' | 'extended' | 'formatted' | 'cost' | 'codegen';

export function schemaOf(df: DataFrame): StructType {
  const session = df.sparkSession;
  if (session.remote) return session.remote.schema(df.plan);
  const resolved = session.analyze(df.plan).plan;
  return resolved.kind === 'LocalRelation' ? resolved.data.schema : resolved.schema!;
}

export function schemaString(df: DataFrame, level?: number): string {
  if (level !== undefined && typeof level !== 'number') requireInt('level', level);
  const session = df.sparkSession;
  if (session.remote) return session.remote.treeString(df.plan, level);
  return formatSchemaTree(df.schema, level);
}

export function explainString(df: DataFrame, extended: ExplainMode): string {
  const mode = extended === true ? 'extended' : extended === false ? 'simple' : extended;
  const session = df.sparkSession;
  const parsed = df.plan;
  if (session.remote) return session.remote.explain(session.remotePlan(parsed), mode);
  const analyzed = session.analyze(parsed).plan;
  // The adaptive simulation runs the join inputs, so only the detailed modes include it; with
  // adaptive execution on, the skew it measures feeds the optimized plan's repartitions.
  const detailed = mode !== 'simple' && mode !== 'codegen';
  const simulation = detailed ? session.simulateAdaptiveExecution(parsed) : undefined;
  const hints = simulation && session.adaptiveExecution.enabled ? skewHintsFromSimulation(simulation) : undefined;
  const optimized = session.optimizedPlan(parsed, hints);
  const text = explainPlan({ parsed, analyzed, optimized, mode, backend: session.materializer });
  return simulation ? `${text}\n\n${formatAdaptiveReport(simulation)}` : text;
}

export function inputFiles(df: DataFrame): string[] {
  const session = df.sparkSession;
  if (session.remote) return remoteInputFiles(session.remote, df.plan);
  // The unresolved plan holds the reads themselves; the resolved one also those of the temp views it uses.
  return [...new Set([...planInputFiles(df.plan), ...planInputFiles(session.analyze(df.plan).plan)])].sort();
}

export function sameSemantics(df: DataFrame, other: DataFrame): boolean {
  if (!DataFrame.isDataFrame(other)) {
    throw new PySparkTypeError(`Argument \`other\` should be a DataFrame, got ${typeName(other)}.`, {
      errorClass: 'NOT_DATAFRAME',
      messageParameters: { arg_name: 'other', arg_type: typeName(other) },
    });
  }
  const session = df.sparkSession;
  if (session.remote) return remoteSameSemantics(session.remote, df.plan, other.plan);
  return canonicalPlan(session.analyze(df.plan).plan) === canonicalPlan(other.sparkSession.analyze(other.plan).plan);
}

export function semanticHash(df: DataFrame): number {
  const session = df.sparkSession;
  if (session.remote) return remoteSemanticHash(session.remote, df.plan);
  return semanticHashOf(session.analyze(df.plan).plan);
}
