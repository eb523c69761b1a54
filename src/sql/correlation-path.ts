/**
 * Spark 3.5's check of the operators between a correlated predicate and the
 * top of its subquery (the correlation path). Filter, Project, Sort,
 * Aggregate, Generate, inner joins, the preserved side of outer joins and
 * (in a scalar or LATERAL subquery) set operations may lie on it; any other
 * operator (UNION / INTERSECT / EXCEPT in EXISTS and IN, LIMIT, OFFSET,
 * a window, grouping sets, TABLESAMPLE, a FULL join, the null-supplying side
 * of an outer join) may not have an outer reference below it:
 * ACCESSING_OUTER_QUERY_COLUMN_IS_NOT_ALLOWED naming the first operator (in
 * post-order) that holds one, as Spark's foreachUp finds it.
 */
import { E, exists, type Expr } from '../expr/nodes.js';
import { inputs, type LogicalPlan } from '../plan/nodes.js';
import { prettySql } from './functions.js';
import { lastPart, mapExpr } from './parsed-expressions.js';
import { accessingOuterColumn } from './correlation-errors.js';

/** Outer references are bound as aliases named `outer(...)` (see correlation.ts). */
export const isOuterRef = (e: Expr): boolean => e.kind === 'Alias' && e.name.startsWith('outer(');

/** The expressions a node evaluates itself (not its inputs'). */
function ownExprs(p: LogicalPlan): readonly Expr[] {
  switch (p.kind) {
    case 'Project':
      return p.exprs;
    case 'Filter':
      return [p.condition];
    case 'Aggregate':
      return [...p.groupBy, ...p.aggs];
    case 'Sort':
      return p.orders;
    case 'Join':
      return p.condition ? [p.condition] : [];
    case 'Window':
      return p.windowExprs;
    case 'Generate':
      return [p.generator];
    default:
      return [];
  }
}

type SubqueryKind = 'scalar' | 'exists' | 'in' | 'lateral';

const hostsOuter = (p: LogicalPlan): boolean => ownExprs(p).some((e) => exists(e, isOuterRef));

/** The first node of `p` (children before parents) that holds an outer reference. */
function firstHost(p: LogicalPlan): LogicalPlan | undefined {
  for (const c of inputs(p)) {
    const hit = firstHost(c);
    if (hit) return hit;
  }
  return hostsOuter(p) ? p : undefined;
}

/** Spark's text for the offending node: `Filter (t2b = outer(t1b))` (without its expression ids). */
function nodeText(p: LogicalPlan): string {
  if (p.kind !== 'Filter') return p.kind;
  const plain = (x: Expr): Expr => {
    if (isOuterRef(x) && x.kind === 'Alias') return E.col(`outer(${lastPart(x.name.slice(6, -1))})`);
    if (x.kind === 'ColumnRef') return { ...x, name: lastPart(x.name) };
    return mapExpr(x, plain);
  };
  const cond = plain(p.condition);
  // Spark prints a plan's NOT as `NOT child`, without the parentheses of its SQL form.
  const text = cond.kind === 'Call' && cond.fn === 'not' ? `NOT ${prettySql(cond.args[0]!)}` : prettySql(cond);
  return `Filter ${text.replace(/`/g, '')}`;
}

/** The subtrees of `p` that may not hold an outer reference (all of it for an operator off the path). */
function offPath(p: LogicalPlan, kind: SubqueryKind): readonly LogicalPlan[] {
  switch (p.kind) {
    case 'Join':
      if (p.joinType === 'inner' || p.joinType === 'cross') return [];
      if (p.joinType === 'right') return [p.left];
      if (p.joinType === 'full') return [p];
      return [p.right];
    case 'Aggregate':
      return p.groupingSets ? [p] : [];
    case 'Project':
      return p.exprs.some((e) => exists(e, (x) => x.kind === 'WindowExpr')) ? [p] : [];
    case 'SetOperation':
      // Spark 3.5 decorrelates set operations in scalar and LATERAL subqueries only.
      return kind === 'exists' || kind === 'in' ? [p] : [];
    case 'Limit':
    case 'Offset':
    case 'Window':
    case 'Sample':
      return [p];
    default:
      return [];
  }
}

/** Throws Spark's error when an outer reference lies below an operator that cannot be on the correlation path. */
export function checkCorrelationPath(p: LogicalPlan, kind: SubqueryKind): void {
  for (const c of inputs(p)) checkCorrelationPath(c, kind);
  for (const sub of offPath(p, kind)) {
    const host = firstHost(sub);
    if (host) throw accessingOuterColumn(nodeText(host));
  }
}
