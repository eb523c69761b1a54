/**
 * Aggregates over outer columns inside a subquery. Spark 3.5 moves an
 * aggregate whose columns are all the enclosing query's (`bonus_amt <
 * min(emp.salary)`) into that query's aggregation when the subquery sits in
 * its HAVING; the subquery then sees the group's value as an outer
 * reference. An aggregate mixing outer and local columns is refused
 * (AGGREGATE_FUNCTION_MIXED_OUTER_LOCAL_REFERENCES), wherever it appears.
 */
import { AnalysisException } from '../errors/index.js';
import { E, exists, type Expr } from '../expr/nodes.js';
import { plan, type LogicalPlan } from '../plan/nodes.js';
import type { DataType } from '../types/data-types.js';
import { prettySql } from './functions.js';
import { mapExpr } from './parsed-expressions.js';
import { isAggregateFn } from './translate.js';

type ColumnRef = Extract<Expr, { kind: 'ColumnRef' }>;

/** How an aggregate call's columns resolve: all local, all outer, or both. */
export interface AggregateColumns {
  readonly outer: readonly ColumnRef[];
  readonly local: readonly ColumnRef[];
}

export const isAggregateCall = (e: Expr): e is Extract<Expr, { kind: 'Call' }> => e.kind === 'Call' && isAggregateFn(e.fn);

/** The column references of an aggregate call, split into those of the subquery's FROM and those of the enclosing one. */
export function aggregateColumns(call: Expr, isLocal: (c: ColumnRef) => boolean, isOuter: (c: ColumnRef) => boolean): AggregateColumns {
  const outer: ColumnRef[] = [];
  const local: ColumnRef[] = [];
  exists(call, (x) => {
    if (x.kind !== 'ColumnRef') return false;
    if (isLocal(x)) local.push(x);
    else if (isOuter(x)) outer.push(x);
    return false;
  });
  return { outer, local };
}

/**
 * Spark's refusal of `min(t1a + t2a)` with t1a outer: the aggregate printed
 * with its columns qualified, the outer ones as `outer(t.c)`.
 */
export function mixedReferences(call: Expr, isOuter: (c: ColumnRef) => boolean, qualified: (c: ColumnRef, outer: boolean) => string): AnalysisException {
  const names: string[] = [];
  const placeholder = (x: Expr): Expr => {
    if (x.kind !== 'ColumnRef') return mapExpr(x, placeholder);
    const outer = isOuter(x);
    names.push(outer ? `outer(${qualified(x, true)})` : qualified(x, false));
    return E.col(`sqlsubqref${names.length - 1}x`);
  };
  const text = prettySql(placeholder(call)).replace(/sqlsubqref(\d+)x/g, (_, i: string) => names[Number(i)]!);
  return new AnalysisException(
    `Unsupported subquery expression: Found an aggregate function in a correlated predicate that has both outer and local references, which is not supported: ${text}.`,
    { errorClass: 'UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.AGGREGATE_FUNCTION_MIXED_OUTER_LOCAL_REFERENCES', messageParameters: { function: text } },
  );
}

/** The type of an outer aggregate, computed over the enclosing query's FROM. */
export function outerAggregateType(call: Expr, from: LogicalPlan, schemaOf: (p: LogicalPlan) => { fields: readonly { dataType: DataType }[] }): DataType {
  return schemaOf(plan('Aggregate', { input: from, groupBy: [], aggs: [call] })).fields[0]!.dataType;
}

/** Spark's name for an outer aggregate among a subquery's outer references: `min(salary)`. */
export const outerAggregateName = (call: Expr): string => prettySql(call);
