/**
 * `explain()`: a stable, indented text form of plans, in Spark's layout
 * (`+- ` for a last child, `:- ` for others). Per-rule optimizer tests compare
 * this text.
 */
import type { DataMaterializer } from '../backend/protocols.js';
import { exprSql } from '../expr/naming.js';
import type { Expr } from '../expr/nodes.js';
import { inputs, type LogicalPlan } from './nodes.js';

const list = (es: readonly Expr[]): string => `[${es.map(safeSql).join(', ')}]`;

function safeSql(e: Expr): string {
  try {
    const text = exprSql(e);
    return e.kind === 'Alias' ? `${exprSql(e.child)} AS ${e.name}` : text;
  } catch {
    return e.kind;
  }
}

/** One line describing a node (without its children). */
export function nodeLine(p: LogicalPlan): string {
  switch (p.kind) {
    case 'LocalRelation':
      return `LocalRelation [${p.data.schema.names.join(', ')}], ${p.data.numRows} rows`;
    case 'Range':
      return `Range (${p.start}, ${p.end}, step=${p.step})`;
    case 'TableScan':
      return `Relation ${p.database ? `${p.database}.` : ''}${p.table}`;
    case 'Project':
      return `Project ${list(p.exprs)}`;
    case 'Filter':
      return `Filter ${safeSql(p.condition)}`;
    case 'Aggregate':
      return `Aggregate ${list(p.groupBy)}, ${list(p.aggs)}${p.groupingSets ? `, groupingSets=${JSON.stringify(p.groupingSets)}` : ''}`;
    case 'Pivot':
      return `Pivot ${safeSql(p.pivotColumn)}, ${list(p.aggs)}`;
    case 'Window':
      return `Window ${list(p.windowExprs)}`;
    case 'Sort':
      return `Sort ${list(p.orders)}, true`;
    case 'Limit':
      return `GlobalLimit ${p.n}`;
    case 'Offset':
      return `Offset ${p.n}`;
    case 'Join': {
      const keys = p.leftKeys?.length ? ` keys=[${p.leftKeys.map((k, i) => `${safeSql(k)} = ${safeSql(p.rightKeys![i]!)}`).join(', ')}]` : '';
      const using = p.using ? ` using=[${p.using.join(', ')}]` : '';
      return `Join ${formatJoinType(p.joinType)}${keys}${using}${p.condition ? `, ${safeSql(p.condition)}` : ''}`;
    }
    case 'SetOperation':
      return `${p.op === 'union' ? 'Union' : p.op === 'intersect' ? 'Intersect' : 'Except'}${p.all ? ' All' : ''}${p.byName ? ' ByName' : ''}`;
    case 'Deduplicate':
      return p.keys || p.subset ? `Deduplicate [${(p.subset ?? p.keys ?? []).join(', ')}]` : 'Distinct';
    case 'Generate':
      return `Generate ${safeSql(p.generator)}, outer=${p.outer}, [${p.outputNames.join(', ')}]`;
    case 'Sample':
      return `Sample 0.0, ${p.fraction}, ${p.withReplacement}, ${p.seed}`;
    case 'SubqueryAlias':
      return `SubqueryAlias ${p.alias}`;
    case 'Hint':
      return `UnresolvedHint ${p.name}`;
    case 'Repartition':
      return `Repartition ${p.numPartitions ?? ''}${p.shuffle ? ', true' : ', false'}`;
    case 'AdaptiveRepartition': {
      const m = p.skewMetrics;
      const metrics = [`maxPartitionRatio=${m.maxPartitionRatio}`, ...(m.partitionColumns ? [`partitionColumns=[${m.partitionColumns.join(', ')}]`] : []), ...(m.hotPartitions ? [`hotPartitions=[${m.hotPartitions.join(', ')}]`] : [])];
      return `AdaptiveRepartition ${list(p.partitionExprs)}, targetSplitFactor=${p.targetSplitFactor}, reason=${p.reason}, skewMetrics={${metrics.join(', ')}}`;
    }
    case 'WithColumns':
      return `WithColumns ${p.names.map((n, i) => `${safeSql(p.exprs[i]!)} AS ${n}`).join(', ')}`;
    case 'WithColumnsRenamed':
      return `WithColumnsRenamed ${p.renames.map(([a, b]) => `${a} -> ${b}`).join(', ')}`;
    case 'Drop':
      return `Drop [${[...p.columnNames, ...p.columns.map(safeSql)].join(', ')}]`;
    case 'ToDF':
      return `ToDF [${p.names.join(', ')}]`;
    case 'RemoteRelation':
      return 'RemoteRelation';
  }
}

function formatJoinType(t: string): string {
  return { inner: 'Inner', left: 'LeftOuter', right: 'RightOuter', full: 'FullOuter', left_semi: 'LeftSemi', left_anti: 'LeftAnti', cross: 'Cross' }[t] ?? t;
}

/** The whole tree, one node per line. */
export function planTreeString(p: LogicalPlan, prefix = '', isLast = true, isRoot = true): string {
  const line = isRoot ? nodeLine(p) : `${prefix}${isLast ? '+- ' : ':- '}${nodeLine(p)}`;
  const kids = inputs(p);
  const childPrefix = isRoot ? '' : prefix + (isLast ? '   ' : ':  ');
  return [line, ...kids.map((k, i) => planTreeString(k, childPrefix, i === kids.length - 1, false))].join('\n');
}

export interface ExplainInput {
  readonly parsed: LogicalPlan;
  readonly analyzed: LogicalPlan;
  readonly optimized: LogicalPlan;
  readonly mode: 'simple' | 'extended' | 'formatted' | 'cost' | 'codegen';
  readonly backend: DataMaterializer;
}

export function explainPlan({ parsed, analyzed, optimized, mode, backend }: ExplainInput): string {
  const physical = `== Physical Plan ==\n${backend.describe ? backend.describe(optimized) : `${backend.backendType}: ${planTreeString(optimized)}`}`;
  if (mode === 'simple') return physical;
  const schema = optimized.kind === 'LocalRelation' ? optimized.data.schema : optimized.schema;
  return [
    `== Parsed Logical Plan ==\n${planTreeString(parsed)}`,
    `== Analyzed Logical Plan ==\n${schema ? schema.fields.map((f) => `${f.name}: ${f.dataType.simpleString()}`).join(', ') : ''}\n${planTreeString(analyzed)}`,
    `== Optimized Logical Plan ==\n${planTreeString(optimized)}`,
    physical,
  ].join('\n\n');
}
