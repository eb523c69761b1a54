/**
 * Spark 3.5's NON_CORRELATED_COLUMNS_IN_GROUP_BY: a grouped correlated scalar
 * subquery may group only by attributes its correlated predicates read (any
 * conjunct holding an outer reference, equality or not, in any filter of the
 * subquery, FROM subqueries and set-operation branches included). Spark
 * compares attributes, not names: a grouping column is traced down through
 * the projections that pass it on (an alias, `SELECT y2 AS y1`, is a new
 * attribute whatever its name) to the filters that read it.
 */
import { AnalysisException } from '../errors/index.js';
import { E, exists, type Expr } from '../expr/nodes.js';
import { inputs, plan, type LogicalPlan } from '../plan/nodes.js';
import { quoteIfNeeded, type StructType } from '../types/data-types.js';
import type { SelectAst } from './ast.js';
import { isOuterRef } from './correlation-path.js';
import { lastPart, mapExpr } from './parsed-expressions.js';

type ColumnRef = Extract<Expr, { kind: 'ColumnRef' }>;

export interface Schemas {
  readonly schemaOf: (p: LogicalPlan) => StructType;
}

/** Throws Spark's error when `s` (whose translated plan is `p`) groups by a column no correlated predicate reads. */
export function checkGroupByCorrelated(s: SelectAst, outerKeys: ReadonlySet<string>, p: LogicalPlan, r: Schemas): void {
  const agg = aggregateOf(p);
  if (!agg) return;
  // HAVING's correlated conjuncts read the grouping attributes themselves (by name over the Aggregate).
  const having = new Set<string>();
  agg.aggs.forEach((a) => correlatedConjuncts(a.kind === 'Alias' ? a.child : a).forEach((c) => having.add(lastPart(c.name).toLowerCase())));
  const offending: string[] = [];
  const visit = (e: Expr): void => {
    if (e.kind === 'ColumnRef') {
      const name = lastPart(e.name);
      if (outerKeys.has(e.name.toLowerCase()) || offending.includes(name)) return;
      if (!having.has(name.toLowerCase()) && !traced(agg.input, e, r)) offending.push(name);
      return;
    }
    mapExpr(e, (x) => (visit(x), x));
  };
  for (const el of s.groupBy!.elements) {
    if (el.kind === 'expr') visit(el.expr);
    else if (el.kind === 'sets') el.sets.forEach((set) => set.forEach(visit));
    else el.items.forEach((set) => set.forEach(visit));
  }
  if (offending.length > 0) {
    const value = offending.join(',');
    throw new AnalysisException(`Unsupported subquery expression: A GROUP BY clause in a scalar correlated subquery cannot contain non-correlated columns: ${value}.`, {
      errorClass: 'UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.NON_CORRELATED_COLUMNS_IN_GROUP_BY',
      messageParameters: { value },
    });
  }
}

/** The subquery's top Aggregate (below its select list, HAVING, ORDER BY). */
function aggregateOf(p: LogicalPlan): Extract<LogicalPlan, { kind: 'Aggregate' }> | undefined {
  if (p.kind === 'Aggregate') return p;
  if (p.kind === 'Project' || p.kind === 'Filter' || p.kind === 'Sort' || p.kind === 'Deduplicate') return aggregateOf(p.input);
  return undefined;
}

/** The columns read by the conjuncts of `e` that hold an outer reference (bound as `outer(...)` aliases). */
function correlatedConjuncts(e: Expr): ColumnRef[] {
  if (e.kind === 'Call' && e.fn === 'and') return e.args.flatMap(correlatedConjuncts);
  const cols: ColumnRef[] = [];
  if (exists(e, isOuterRef)) exists(e, (x) => (x.kind === 'ColumnRef' && cols.push(x), false));
  return cols;
}

/** Whether two references may name the same column (qualifiers compared when both have one). */
function sameColumn(a: ColumnRef, b: ColumnRef): boolean {
  if (lastPart(a.name).toLowerCase() !== lastPart(b.name).toLowerCase()) return false;
  const qa = a.name.includes('.') ? a.name.slice(0, a.name.length - lastPart(a.name).length).toLowerCase() : undefined;
  const qb = b.name.includes('.') ? b.name.slice(0, b.name.length - lastPart(b.name).length).toLowerCase() : undefined;
  return qa === undefined || qb === undefined || qa === qb;
}

function resolves(p: LogicalPlan, ref: ColumnRef, r: Schemas): boolean {
  try {
    r.schemaOf(plan('Project', { input: p, exprs: [ref] }));
    return true;
  } catch {
    return false;
  }
}

/** Whether the attribute `ref` names in `p`'s output is read by a correlated predicate at or below its origin. */
function traced(p: LogicalPlan, ref: ColumnRef, r: Schemas): boolean {
  const unqualified = E.col(quoteIfNeeded(lastPart(ref.name))) as ColumnRef;
  switch (p.kind) {
    case 'Filter':
      return correlatedConjuncts(p.condition).some((c) => sameColumn(c, ref)) || traced(p.input, ref, r);
    case 'Project':
    case 'Aggregate': {
      const items = p.kind === 'Project' ? p.exprs : p.aggs;
      for (const e of items) {
        if (e.kind === 'Star') {
          if (resolves(p.input, ref, r)) return traced(p.input, ref, r);
        } else if (e.kind === 'ColumnRef' && sameColumn(e, unqualified)) {
          return traced(p.input, e, r);
        } else if (e.kind === 'Alias' && e.name.toLowerCase() === lastPart(ref.name).toLowerCase()) {
          return false; // an alias is a new attribute
        }
      }
      return false;
    }
    case 'SubqueryAlias':
      return traced(p.input, unqualified, r);
    case 'SetOperation':
      // A set operation's output is its first branch's attributes.
      return traced(p.left, ref, r);
    case 'Join':
      return [p.left, p.right].some((side) => resolves(side, ref, r) && traced(side, ref, r));
    default:
      return inputs(p).some((c) => traced(c, ref, r));
  }
}
