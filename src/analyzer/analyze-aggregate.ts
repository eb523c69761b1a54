/**
 * `groupBy(...).agg(...)`, global aggregates and pivots.
 *
 * Output expressions may nest aggregates (`sum(x) / count(1)`); they are
 * normalized into an Aggregate node computing each distinct aggregate call
 * once, with a Project on top computing the final expressions, as Spark does.
 */
import { AnalysisException, NotImplementedException } from '../errors/index.js';
import { literalExpr } from '../api/literals.js';
import { E, children, mapChildren, typeOf, type Call, type Expr } from '../expr/nodes.js';
import { exprSql } from '../expr/naming.js';
import { batchRows } from '../data/batch.js';
import { castToString } from '../format/value-string.js';
import { plan, withProps, type LogicalPlan, type PlanOfKind, type SkewMetrics } from '../plan/nodes.js';
import { INT, StructField, StructType, type DataType } from '../types/data-types.js';
import { ExprMap } from '../expr/key.js';
import { isAggregateCall, projectAttributes } from './analyzer.js';
import { containsWindow, extractWindows, nameExpr, nameOf, selectedName } from './analyze-project.js';
import { resolveCall } from './resolve-call.js';
import { resolveExpr, type ExprScope } from './resolve-expr.js';
import { extractInputFile } from './input-file.js';
import { assertGroupable } from './map-checks.js';
import { extractTimeWindows, groupingTimeWindow } from './time-windows.js';
import { schemaFromAttributes, withPlanId, type AnalyzerContext, type Analyzed, type Attribute } from './scope.js';

export function analyzeAggregate(p: PlanOfKind<'Aggregate'>, source: Analyzed, ctx: AnalyzerContext): Analyzed {
  const scope = { attrs: source.attrs, ctx };
  const keys = p.groupBy.map((g) => resolveExpr(g, scope));
  assertGroupable(keys);
  if (p.groupingSets && p.groupedDataNames) checkGroupingAliasRefs(p, keys, source.attrs);
  // A window()/session_window() call becomes a column computed below the aggregation (sessions merged per key).
  // So do the input_file_* functions (columns of the file read below).
  // A selected nested field (`s.f`, `window.start`) is named after the field, as in a projection.
  const resolveAgg = (a: Expr, attrs: readonly Attribute[]): Expr => {
    const r = resolveExpr(a, { attrs, ctx });
    return a.kind === 'ColumnRef' && (r.kind === 'Call' || r.kind === 'BoundRef') ? nameExpr(r, selectedName(a, r)) : r;
  };
  const windowKey = groupingTimeWindow(keys, source);
  const windowed = windowKey
    ? extractInputFile([...windowKey.keys, ...p.aggs.map((a) => windowKey.replace(resolveAgg(a, windowKey.scope)))], windowKey.base)
    : (() => {
        const fileCols = extractInputFile([...keys, ...p.aggs.map((a) => resolveAgg(a, source.attrs))], source);
        return extractTimeWindows(fileCols.exprs, fileCols.base, keys.length);
      })();
  const input = windowed.base;
  const groupBy = windowed.exprs.slice(0, keys.length);
  const aggs = windowed.exprs.slice(keys.length);
  // groupBy() names its keys by their SQL text (RelationalGroupedDataset.alias): a cast key keeps `CAST(...)`;
  // a column path (`'s.f'`) stays a named attribute, called after its field.
  const groupNames = groupBy.map((g, i) =>
    p.groupBy[i]!.kind === 'ColumnRef' ? selectedName(p.groupBy[i]!, g) : p.groupedDataNames && g.kind !== 'Alias' ? exprSql(g) : nameOf(g),
  );
  const groupRefs = groupBy.map((g, i) => nameExpr(g, groupNames[i]!));
  const named = p.groupedDataNames ? aggs.map((a) => (a.kind === 'Alias' ? a : nameExpr(a, exprSql(withoutDistinct(a))))) : aggs;
  // groupBy().agg() outputs the grouping columns first, then the aggregates.
  // The SQL translator checks grouping()/grouping_id() itself (its grouping keys carry internal markers).
  return analyzeAggregateExprs(p.id, input, groupBy, [...groupRefs, ...named], ctx, p.groupingSets, p.skewMetrics, p.groupedDataNames === true);
}

/** The same expression with DISTINCT dropped from aggregate calls (for naming only). */
function withoutDistinct(e: Expr): Expr {
  const inner = mapChildren(e, withoutDistinct);
  return inner.kind === 'Call' && inner.distinct ? Object.freeze({ ...inner, distinct: false }) : inner;
}

/**
 * Builds Aggregate + Project for resolved grouping expressions and output
 * expressions (which may reference grouping expressions and aggregate calls).
 */
export function analyzeAggregateExprs(
  planId: number,
  input: Analyzed,
  groupBy: readonly Expr[],
  outputs: readonly Expr[],
  ctx: AnalyzerContext,
  groupingSets?: readonly (readonly number[])[],
  skewMetrics?: SkewMetrics,
  checkGrouping = false,
): Analyzed {
  void ctx;
  const groupNames = groupBy.map(nameOf);
  // Grouping expressions by identity (the first of identical ones wins, as `indexOf` would).
  const groupIndex = new ExprMap<number>();
  groupBy.forEach((g, i) => groupIndex.set(g.kind === 'Alias' ? g.child : g, i));
  const aggCalls: Call[] = [];
  const aggIndex = new ExprMap<number>();
  const nGroup = groupBy.length;
  // Under grouping sets a key is nulled where a set leaves it out: nullable unless every set has it (Spark's Expand).
  const nullableGroup = (i: number): boolean => groupingSets !== undefined && !groupingSets.every((set) => set.includes(i));

  const rewrite = (e: Expr): Expr => {
    const gi = groupIndex.get(e) ?? -1;
    if (gi >= 0) {
      const g = groupBy[gi]!;
      return E.bound(gi, groupNames[gi]!, typeOf(g), nullableGroup(gi) || (g.nullable ?? true));
    }
    if (e.kind === 'WindowExpr') {
      // A window over the aggregated rows: its function's arguments and its spec read the aggregate's output.
      const spec = { ...e.spec, partitionBy: e.spec.partitionBy.map(rewrite), orderBy: e.spec.orderBy.map((o) => rewrite(o) as typeof o) };
      return Object.freeze({ ...e, fn: mapChildren(e.fn, rewrite), spec: Object.freeze(spec) });
    }
    if (e.kind === 'Call' && (e.fn === 'grouping' || e.fn === 'grouping_id')) checkGroupingCall(e, groupingSets !== undefined, checkGrouping, groupIndex, groupBy);
    if (e.kind === 'Call' && isAggregateCall(e)) {
      assertNoNestedAggregate(e);
      let idx = aggIndex.get(e);
      if (idx === undefined) {
        idx = aggCalls.length;
        aggIndex.set(e, idx);
        aggCalls.push(e);
      }
      return E.bound(nGroup + idx, exprSql(e), typeOf(e), e.nullable ?? true);
    }
    if (e.kind === 'BoundRef' && nGroup === 0 && groupingSets === undefined) {
      // Spark checks for a missing GROUP BY before naming the column.
      throw new AnalysisException(
        'The query does not include a GROUP BY clause. Add GROUP BY or turn it into the window functions using OVER clauses.',
        { errorClass: 'MISSING_GROUP_BY' },
      );
    }
    if (e.kind === 'BoundRef') {
      throw new AnalysisException(
        `The non-aggregating expression "${e.name}" is based on columns which are not participating in the GROUP BY clause.\nAdd the columns or the expression to the GROUP BY, aggregate the expression, or use "any_value(${e.name})" if you do not care which of the values within a group is returned.`,
        { errorClass: 'MISSING_AGGREGATION', messageParameters: { expression: `"${e.name}"` } },
      );
    }
    return mapChildren(e, rewrite);
  };

  const names = outputs.map(nameOf);
  // An alias takes its rewritten child's nullability (a grouping-set key may be nulled where its input was not).
  const rewritten = outputs.map((o) => {
    if (o.kind !== 'Alias') return rewrite(o);
    const child = rewrite(o.child);
    return Object.freeze({ ...o, child, ...(o.nullable !== undefined ? { nullable: child.nullable ?? true } : {}) });
  });

  const aggAttrs: Attribute[] = [
    ...groupBy.map((g, i) => ({ ...attr(groupNames[i]!, typeOf(g), nullableGroup(i) || (g.nullable ?? true)), metadata: keyMetadata(g, input.attrs) })),
    ...aggCalls.map((c, i) => attr(`_agg${i}`, typeOf(c), c.nullable ?? true)),
    ...(groupingSets ? [attr('spark_grouping_id', INT, false)] : []),
  ];
  const aggregate = withProps(
    plan('Aggregate', {
      input: input.plan,
      groupBy: groupBy.map((g, i) => nameExpr(g, groupNames[i]!)),
      aggs: aggCalls.map((c, i) => nameExpr(c, `_agg${i}`)),
      ...(groupingSets ? { groupingSets } : {}),
      ...(skewMetrics ? { skewMetrics } : {}),
      operationId: planId,
    }),
    { schema: schemaFromAttributes(aggAttrs) },
  );
  let finalExprs = rewritten.map((e, i) => nameExpr(e, names[i]!));
  let base: Analyzed = { plan: aggregate, attrs: aggAttrs };
  if (finalExprs.some(containsWindow)) ({ base, exprs: finalExprs } = extractWindows(finalExprs, base, planId));
  // One id set and one qualifier list for all outputs (attributes never change them in place).
  const ids: ReadonlySet<number> = new Set([planId]);
  const noQualifiers: readonly string[] = [];
  const attrs = projectAttributes(finalExprs, names, base.attrs, planId).map((a) => ({ ...a, qualifiers: noQualifiers, planIds: ids }));
  // Grouping columns passed through keep their identity for `df.col` on the input.
  const outAttrs = attrs.map((a, i) => {
    const e = finalExprs[i]!;
    if (e.kind === 'BoundRef' && e.index < nGroup) {
      const g = groupBy[e.index]!;
      if (g.kind === 'BoundRef') return { ...a, planIds: withPlanId(input.attrs[g.index]!.planIds, planId), qualifiers: input.attrs[g.index]!.qualifiers };
    }
    return a;
  });
  const project = withProps(plan('Project', { input: base.plan, exprs: finalExprs }), { schema: schemaFromAttributes(outAttrs) });
  return { plan: project, attrs: outAttrs };
}

/** A grouping column keeps its column's metadata, as Spark's (a time window's marker, which window_time needs). */
function keyMetadata(g: Expr, attrs: readonly Attribute[]): Readonly<Record<string, unknown>> {
  if (g.kind === 'Alias') return g.metadata ?? (g.child.kind === 'BoundRef' ? (attrs[g.child.index]?.metadata ?? {}) : {});
  return g.kind === 'BoundRef' ? (attrs[g.index]?.metadata ?? {}) : {};
}

/** The aggregate's own columns answer to no DataFrame: one shared, never-changed empty set. */
const NO_PLAN_IDS: ReadonlySet<number> = new Set();

function attr(name: string, dataType: DataType, nullable: boolean): Attribute {
  return { name, dataType, nullable, metadata: {}, qualifiers: [], planIds: NO_PLAN_IDS };
}

/**
 * grouping()/grouping_id() need grouping sets; grouping() takes a grouping
 * column, grouping_id() all of them in order (or none). Spark's checks.
 */
function checkGroupingCall(call: Call, hasSets: boolean, checkColumns: boolean, groupIndex: ExprMap<number>, groupBy: readonly Expr[]): void {
  if (!hasSets) {
    throw new AnalysisException('grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup.', { errorClass: 'UNSUPPORTED_GROUPING_EXPRESSION' });
  }
  if (!checkColumns) return;
  const strip = (a: Expr): Expr => (a.kind === 'Alias' ? a.child : a);
  const groupList = groupingColumnsText(groupBy);
  // An aliased key (`col('a').alias('k')`) is the expression `a AS k` to Spark: no argument matches it.
  const keyAt = (a: Expr): number => {
    const i = groupIndex.get(strip(a)) ?? -1;
    return i >= 0 && groupBy[i]!.kind !== 'Alias' ? i : -1;
  };
  if (call.fn === 'grouping') {
    const a = call.args[0]!;
    if (keyAt(a) < 0) {
      const name = exprSql(a);
      throw new AnalysisException(`Column of grouping (${name}) can't be found in grouping columns ${groupList}.`, {
        errorClass: 'GROUPING_COLUMN_MISMATCH',
        messageParameters: { grouping: name, groupingColumns: groupList },
      });
    }
    return;
  }
  if (call.args.length > 0 && (call.args.length !== groupBy.length || call.args.some((a, i) => keyAt(a) !== i))) {
    const ids = call.args.map((a) => exprSql(a)).join(',');
    throw new AnalysisException(`Columns of grouping_id (${ids}) does not match grouping columns (${groupList}).`, {
      errorClass: 'GROUPING_ID_COLUMN_MISMATCH',
      messageParameters: { groupingIdColumn: ids, groupByColumns: groupList },
    });
  }
}

/**
 * grouping()/grouping_id() naming a grouping key's alias (`rollup(col('a').alias('k'))` then
 * `grouping('k')`): Spark resolves the name as a lateral alias, which then matches no grouping
 * column, so it fails with the mismatch error rather than an unresolved column.
 */
function checkGroupingAliasRefs(p: PlanOfKind<'Aggregate'>, keys: readonly Expr[], attrs: readonly Attribute[]): void {
  const aliasNames = new Set(keys.flatMap((k) => (k.kind === 'Alias' ? [k.name.toLowerCase()] : [])));
  if (aliasNames.size === 0) return;
  const isLateral = (a: Expr): boolean =>
    a.kind === 'ColumnRef' && aliasNames.has(a.name.toLowerCase()) && !attrs.some((at) => at.name.toLowerCase() === a.name.toLowerCase());
  const groupList = groupingColumnsText(keys);
  const visit = (e: Expr): void => {
    if (e.kind === 'Call' && (e.fn === 'grouping' || e.fn === 'grouping_id') && e.args.some(isLateral)) {
      const ids = e.args.map((a) => (isLateral(a) ? `lateralAliasReference(${(a as { name: string }).name})` : exprSql(a))).join(',');
      if (e.fn === 'grouping') {
        throw new AnalysisException(`Column of grouping (${ids}) can't be found in grouping columns ${groupList}.`, {
          errorClass: 'GROUPING_COLUMN_MISMATCH',
          messageParameters: { grouping: ids, groupingColumns: groupList },
        });
      }
      throw new AnalysisException(`Columns of grouping_id (${ids}) does not match grouping columns (${groupList}).`, {
        errorClass: 'GROUPING_ID_COLUMN_MISMATCH',
        messageParameters: { groupingIdColumn: ids, groupByColumns: groupList },
      });
    }
    children(e).forEach(visit);
  };
  p.aggs.forEach(visit);
}

/** Grouping columns as Spark lists them in mismatch errors (an aliased key as `a AS k`). */
const groupingColumnsText = (keys: readonly Expr[]): string =>
  keys.map((k) => (k.kind === 'Alias' ? `${exprSql(k.child)} AS ${k.name}` : exprSql(k))).join(',');

function assertNoNestedAggregate(call: Call): void {
  const nested = (e: Expr): boolean => (e.kind === 'Call' && isAggregateCall(e)) || children(e).some(nested);
  if (call.args.some(nested)) {
    throw new AnalysisException(
      `It is not allowed to use an aggregate function in the argument of another aggregate function. Please use the inner aggregate function in a sub-query.`,
      { errorClass: 'NESTED_AGGREGATE_FUNCTION' },
    );
  }
}

/**
 * `groupBy(keys).pivot(col, values).agg(aggs)`: aggregate by keys + pivot
 * column, then spread each (value, aggregate) pair into its own column with
 * `first(CASE WHEN pivot <=> value THEN agg END, ignoreNulls)`. Missing
 * combinations are null, as in Spark (even for count).
 */
export function analyzePivot(p: PlanOfKind<'Pivot'>, input: Analyzed, ctx: AnalyzerContext): Analyzed {
  const scope = { attrs: input.attrs, ctx };
  const pivotCol = resolveExpr(p.pivotColumn, scope);
  const values = pivotValues(p, pivotCol, input, scope);
  const groupBy = p.groupBy.map((g) => resolveExpr(g, scope));
  const aggs = p.aggs.map((a) => resolveExpr(a, scope));
  const groupNames = groupBy.map((g, i) => selectedName(p.groupBy[i]!, g));
  const pivotName = nameOf(pivotCol);

  // Stage 1: aggregate by keys and the pivot column.
  const stage1 = analyzeAggregateExprs(
    p.id,
    input,
    [...groupBy, pivotCol],
    [...groupBy.map((g, i) => nameExpr(g, groupNames[i]!)), nameExpr(pivotCol, pivotName), ...aggs],
    ctx,
  );
  const nKeys = groupBy.length;
  const s1 = stage1.attrs;
  const pivotRef = E.bound(nKeys, s1[nKeys]!.name, s1[nKeys]!.dataType, true);
  const aggNames = aggs.map(nameOf);
  const outExprs: Expr[] = groupBy.map((_, i) => E.bound(i, s1[i]!.name, s1[i]!.dataType, s1[i]!.nullable));
  for (const { text: vText, value } of values) {
    aggs.forEach((_, j) => {
      const aggAttr = s1[nKeys + 1 + j]!;
      const aggRef = E.bound(nKeys + 1 + j, aggAttr.name, aggAttr.dataType, true);
      const cond = resolveCall(E.call('eq_null_safe', [pivotRef, value]), [pivotRef, value]);
      const picked = Object.freeze({ kind: 'CaseWhen' as const, branches: [{ when: cond, then: aggRef }], dataType: aggAttr.dataType, nullable: true });
      const first = resolveCall(E.call('first', [picked], { options: { ignoreNulls: true } }), [picked]);
      const name = aggs.length === 1 ? vText : `${vText}_${aggNames[j]}`;
      outExprs.push(E.alias(first, name));
    });
  }
  const stage2Input: Analyzed = { plan: stage1.plan, attrs: s1 };
  const groupRefs = outExprs.slice(0, nKeys);
  return analyzeAggregateExprs(p.id, stage2Input, groupRefs, outExprs.map((e) => (e.kind === 'Alias' ? Object.freeze({ ...e, dataType: typeOf(e.child), nullable: true }) : e)), ctx);
}

/**
 * Each pivot value's column-name text and the expression the pivot column is
 * compared with. Given values are literals, as Spark's ResolvePivot takes them:
 * named by their own text (`CAST(lit AS STRING)` in the session zone: a Date is a
 * timestamp literal, so a date column's value 1970-01-01 is named '1970-01-01
 * 00:00:00') and compared after a cast to the pivot column's type. Computed
 * values are already the column's own.
 */
function pivotValues(p: PlanOfKind<'Pivot'>, pivotCol: Expr, input: Analyzed, scope: ExprScope): { text: string; value: Expr }[] {
  const type = pivotCol.dataType!;
  const tz = scope.ctx.timeZone ?? 'UTC';
  const given = p.values;
  if (given === undefined || p.valuesOfPivotType) {
    return (given ?? distinctPivotValues(input, pivotCol, scope.ctx)).map((v) => ({ text: v === null ? 'null' : castToString(v, type, tz), value: E.lit(v, type) }));
  }
  return given.map((v) => {
    const lit = resolveExpr(literalExpr(v), scope);
    if (lit.kind !== 'Literal') throw new NotImplementedException('An array or map as a pivot value');
    const text = lit.value === null ? 'null' : castToString(lit.value, lit.dataType!, tz);
    return { text, value: lit.dataType!.equals(type) ? lit : resolveExpr(E.cast(lit, type), scope) };
  });
}

/** Spark computes the pivot values when not given: distinct, sorted, at most 10000. */
function distinctPivotValues(input: Analyzed, pivotCol: Expr, ctx: AnalyzerContext): unknown[] {
  const name = nameOf(pivotCol);
  const proj = withProps(plan('Project', { input: input.plan, exprs: [nameExpr(pivotCol, name)] }), {
    schema: new StructType([new StructField(name, typeOf(pivotCol), true)]),
  });
  const dedup = withProps(plan('Deduplicate', { input: proj as LogicalPlan, keys: [0] }), { schema: proj.schema! });
  const sorted = withProps(
    plan('Sort', { input: dedup as LogicalPlan, orders: [Object.freeze({ ...E.sort(E.bound(0, name, typeOf(pivotCol), true)), dataType: typeOf(pivotCol), nullable: true })] }),
    { schema: proj.schema! },
  );
  const rows = batchRows(ctx.execute(sorted as LogicalPlan));
  if (rows.length > 10000) {
    throw new AnalysisException(`The pivot column ${name} has more than 10000 distinct values, this could indicate an error. If this was intended, set spark.sql.pivotMaxValues to at least the number of distinct values of the pivot column.`, {
      errorClass: 'PIVOT_VALUE_DATA_TYPE_MISMATCH',
    });
  }
  return rows.map((r) => r[0]);
}
