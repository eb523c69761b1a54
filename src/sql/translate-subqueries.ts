/**
 * Subqueries inside expressions: scalar, IN and EXISTS subqueries (found by
 * the parser's SUBQUERY markers) translated in the scope of the enclosing
 * queries' FROMs, their outer references bound and their shape checked.
 */
import { AnalysisException, ExecutionException, NotImplementedException } from '../errors/index.js';
import type { Batch } from '../data/batch.js';
import { E, exists, type Expr } from '../expr/nodes.js';
import { plan, type LogicalPlan } from '../plan/nodes.js';
import { ArrayType, BOOLEAN, MapType } from '../types/data-types.js';
import type { QueryAst } from './ast.js';
import { named, prettySql } from './functions.js';
import { mapExpr, SUBQUERY } from './parsed-expressions.js';
import { checkCorrelatedShape, OuterScope, subqueryResult, type OuterRef, type SubqueryResult } from './correlation.js';
import { stripAlias, structSql, type Translator } from './translate.js';
import { groupCorrelatedAggregates } from './correlated-aggregates.js';
import { subqueryInOperator } from './correlation-errors.js';
import { hasFunction, lookupFunction } from '../functions/registry.js';

/**
 * Subquery expressions, evaluated now: a scalar subquery becomes its value,
 * `x IN (SELECT ...)` an IN list, EXISTS a boolean; a correlated one a CASE
 * over the distinct values of its outer references (see correlation.ts).
 * IN and NOT IN are two-valued as Spark's existence joins make them: a NULL
 * comparison counts as no match for IN and as a match for NOT IN. Spark first
 * pushes NOT through AND/OR, drops double NOTs and reads `x = true` as `x`
 * and `x = false` as `NOT x` (BooleanSimplification), so
 * `NOT (a > 5 OR a IN (...))` tests `a NOT IN (...)`: an IN under an odd
 * number of such NOTs is evaluated as the negation of its opposite, which
 * turns a NULL comparison into true before those NOTs flip it.
 */
export function subqueries(tr: Translator, e: Expr, outer: LogicalPlan | undefined, grouped?: GroupedOuter, opts: SubqueryOptions = {}): Expr {
  const isSub = (x: Expr): boolean => x.kind === 'Call' && (Object.values(SUBQUERY) as string[]).includes(x.fn);
  if (!exists(e, isSub)) return e;
  // `flip`: the IN subqueries below sit under an odd number of NOTs reached through AND/OR/NOT only.
  const go = (x: Expr, flip = false): Expr => {
    const plain = (e: Expr): Expr => go(e);
    if (x.kind === 'Call' && x.fn === 'not' && x.args[0]?.kind === 'Call' && x.args[0].fn === SUBQUERY.in) return inSubquery(tr, x.args[0], outer, true, plain, grouped, opts, flip);
    if (x.kind === 'Call' && (x.fn === 'not' || x.fn === 'and' || x.fn === 'or')) return mapExpr(x, (c) => go(c, x.fn === 'not' ? !flip : flip));
    // Spark's BooleanSimplification reads `x = true` as `x` and `x = false` as `NOT x` before rewriting the IN.
    const bool = x.kind === 'Call' && x.fn === 'eq' ? x.args.find((a) => a.kind === 'Literal' && typeof a.value === 'boolean') : undefined;
    if (bool?.kind === 'Literal') return mapExpr(x, (c) => (c === bool ? c : go(c, bool.value ? flip : !flip)));
    if (x.kind !== 'Call' || !isSub(x)) {
      // Below an aggregate call a correlated scalar subquery is the aggregate's input, not a select-list value.
      if (opts.aggregatedItem && x.kind === 'Call' && hasFunction(x.fn) && lookupFunction(x.fn).kind === 'aggregate') {
        return subqueries(tr, x, outer, grouped, { ...opts, aggregatedItem: false });
      }
      return mapExpr(x, plain);
    }
    if (x.fn === SUBQUERY.in) return inSubquery(tr, x, outer, false, plain, grouped, opts, flip);
    const q = x.options!['query'] as QueryAst;
    if (x.fn === SUBQUERY.exists) {
      const r = runSubquery(tr, q, outer, 'exists', grouped);
      if (opts.operator) throw subqueryInOperator('in-exists', opts.operator);
      return named(r.build((b) => E.lit(b.numRows > 0, BOOLEAN), E.lit(false, BOOLEAN)), () => `exists(${r.names})`);
    }
    const r = runSubquery(tr, q, outer, 'scalar', grouped);
    if (r.correlated && opts.operator) throw subqueryInOperator('scalar', opts.operator);
    if (r.correlated && opts.aggregatedItem) {
      const sqlExpr = `"scalarsubquery(${r.names})"`;
      throw new AnalysisException(
        `The correlated scalar subquery '${sqlExpr}' is neither present in GROUP BY, nor in an aggregate function. Add it to GROUP BY using ordinal position or wrap it in \`first()\` (or \`first_value\`) if you don't care which value you get.`,
        { errorClass: 'SCALAR_SUBQUERY_IS_IN_GROUP_BY_OR_AGGREGATE_FUNCTION', messageParameters: { sqlExpr } },
      );
    }
    const t = r.singleColumnType('INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN');
    const name = (): string => `scalarsubquery(${r.names})`;
    if (r.multiRow) {
      // Spark 3.5 left-joins a correlated scalar subquery's rows to the outer row, repeating it once per row.
      if (!opts.expand) throw new NotImplementedException('correlated scalar subqueries returning several rows for one outer row here', 'Spark 3.5 repeats the outer row for each');
      const list = new ArrayType(t, true);
      return named(opts.expand(r.build((b) => E.lit(b.columns[0]!.slice(0, b.numRows), list), E.lit(null, list))), name);
    }
    const value = (b: Batch): Expr => {
      if (b.numRows > 1) throw new ExecutionException('More than one row returned by a subquery used as an expression.', { errorClass: 'SCALAR_SUBQUERY_TOO_MANY_ROWS' });
      // Spark types a scalar subquery nullable whatever its value (it may return no row).
      return Object.freeze({ ...E.lit(b.numRows === 0 ? null : b.columns[0]![0], t), nullable: true });
    };
    return named(r.build(value, E.lit(null, t)), name);
  };
  return go(e);
}

export function inSubquery(
  tr: Translator,
  x: Extract<Expr, { kind: 'Call' }>,
  outer: LogicalPlan | undefined,
  negated: boolean,
  go: (e: Expr) => Expr,
  grouped?: GroupedOuter,
  opts: SubqueryOptions = {},
  flip = false,
): Expr {
  const r = runSubquery(tr, x.options!['query'] as QueryAst, outer, 'in', grouped);
  if (opts.operator) throw subqueryInOperator('in-exists', opts.operator);
  const lhs = go(x.args[0]!);
  // `(a, b) IN (SELECT x, y ...)`: the row's fields against the subquery's columns
  const inner = stripAlias(lhs);
  const items = inner.kind === 'Call' && inner.fn === 'struct' ? inner.args : [lhs];
  const types = r.columnTypes(items.length);
  // Spark's own IN semantics (three-valued) where it keeps the InSubquery: a NULL literal on the left, or a join condition.
  const threeValued = items.length === 1 && (opts.joinCondition || isNullLiteral(x.args[0]!));
  const nullInEmpty = tr.conf('spark.sql.legacy.nullInEmptyListBehavior') !== 'false';
  const value = (b: Batch): Expr => {
    if (threeValued) {
      const list = b.columns[0]!.map((v) => E.lit(v, types[0]!));
      const empty = nullInEmpty ? E.caseWhen([{ when: E.call('is_null', [lhs]), then: E.lit(null, BOOLEAN) }], E.lit(false, BOOLEAN)) : E.lit(false, BOOLEAN);
      const matched = list.length === 0 ? empty : E.call('in', [lhs, ...list]);
      return negated ? E.call('not', [matched]) : matched;
    }
    if (b.numRows === 0) return E.lit(negated, BOOLEAN);
    let matched: Expr;
    if (items.length === 1) {
      matched = E.call('in', [lhs, ...b.columns[0]!.map((v) => E.lit(v, types[0]!))]);
    } else {
      const rowsMatch = Array.from({ length: b.numRows }, (_, row) =>
        items.map((it, i) => E.call('eq', [it, E.lit(b.columns[i]![row], types[i]!)]) as Expr).reduce((p, q) => E.call('and', [p, q])),
      );
      matched = rowsMatch.reduce((p, q) => E.call('or', [p, q]));
    }
    // Under an odd number of NOTs the atom is the negation of its pushed-down opposite (NULL -> true), see above.
    return E.call('coalesce', [negated ? E.call('not', [matched]) : matched, E.lit(flip, BOOLEAN)]);
  };
  const name = `(${items.length === 1 ? prettySql(lhs) : structSql(items)} IN (listquery(${r.names})))`;
  // Never NULL here, but Spark types it nullable when a value on the left or a subquery column is.
  const schemaOf = tr.opts.schemaOf;
  const lhsNullable = !outer || !schemaOf || schemaOf(plan('Project', { input: outer, exprs: [lhs] })).fields[0]!.nullable;
  const built = r.build(value, E.lit(negated, BOOLEAN));
  const typed = lhsNullable || r.nullable ? E.caseWhen([{ when: E.lit(true, BOOLEAN), then: built }], E.lit(null, BOOLEAN)) : built;
  return named(typed, () => (negated ? `(NOT ${name})` : name));
}

/**
 * Translates and runs a subquery whose enclosing FROM is `outer`. When it
 * refers to outer columns it runs once per distinct tuple of their values;
 * `build` turns the results into one expression for the outer query.
 */
export function runSubquery(tr: Translator, q: QueryAst, outer: LogicalPlan | undefined, kind: 'scalar' | 'exists' | 'in', grouped?: GroupedOuter): SubqueryResult {
  const { evaluate, schemaOf } = tr.opts;
  if (!evaluate || !schemaOf) throw new NotImplementedException('SQL subqueries without a session', 'subqueries are evaluated through the session');
  const collect = new OuterScope(outer, undefined, !!grouped, kind);
  const first = inScope(tr, collect, () => tr.query(q));
  const refs = [...collect.found.values()];
  if (refs.length === 0) {
    const batch = evaluate(first);
    return subqueryResult(collect, refs, [{ batch }], batch.schema);
  }
  checkCorrelatedShape(q, first, kind, refs, collect, { schemaOf });
  if (kind === 'scalar') checkReferenceTypes(refs);
  // Spark's analysis errors in the subquery itself (`m = outer(a.m)` over maps) come before any evaluation.
  schemaOf(first);
  if (grouped) checkGroupedRefs(refs, grouped, schemaOf, collect.occurrences.join(', '));
  const keyExprs = refs.map((k, i) => E.alias(k.ref, `k${i}`));
  // Aggregates over outer columns (HAVING) take their values per group of the outer query.
  const keyPlan = grouped && refs.some((k) => k.ref.kind === 'Call') ? grouped(keyExprs) : plan('Project', { input: outer!, exprs: keyExprs });
  const keys = evaluate(plan('Deduplicate', { input: keyPlan }));
  const cases: { values: unknown[]; batch: Batch }[] = [];
  for (let row = 0; row < keys.numRows; row++) {
    const values = keys.columns.map((c) => c[row]);
    const binding = new Map(refs.map((k, i) => [k.key, E.lit(values[i] ?? null, k.dataType) as Expr]));
    const bound = inScope(tr, new OuterScope(outer, binding, !!grouped, kind), () => tr.query(q));
    cases.push({ values, batch: evaluate(groupCorrelatedAggregates(bound, kind)) });
  }
  return subqueryResult(collect, refs, cases, schemaOf(first));
}

/** Spark 3.5 cannot decorrelate a scalar subquery over an outer column of MAP type (its join keys must be comparable). */
function checkReferenceTypes(refs: readonly OuterRef[]): void {
  const map = refs.find((k) => k.ref.kind === 'ColumnRef' && k.dataType instanceof MapType);
  if (!map || map.ref.kind !== 'ColumnRef') return;
  const expr = map.ref.name;
  throw new AnalysisException(`Unsupported subquery expression: Correlated column reference '${expr}' cannot be map type.`, {
    errorClass: 'UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.UNSUPPORTED_CORRELATED_REFERENCE_DATA_TYPE',
    messageParameters: { expr, dataType: 'map' },
  });
}

export interface SubqueryOptions {
  /** The expression is a join's ON condition, where Spark evaluates IN subqueries with IN's three-valued logic. */
  readonly joinCondition?: boolean;
  /**
   * Where the outer rows may be repeated (a SELECT block's select list and WHERE): takes the array of a
   * correlated scalar subquery's values per outer row and returns the column holding one value per repeated row.
   */
  readonly expand?: (values: Expr) => Expr;
  /** The operator holding the expression where Spark refuses IN/EXISTS and correlated scalar subqueries (`Sort`). */
  readonly operator?: string;
  /** A select item of an aggregated block without subqueries in its GROUP BY: a correlated scalar subquery outside an aggregate is refused. */
  readonly aggregatedItem?: boolean;
}

/** A NULL written as a constant (`NULL`, `CAST(NULL AS INT)`), which Spark folds before rewriting IN. */
function isNullLiteral(e: Expr): boolean {
  const x = stripAlias(e);
  if (x.kind === 'Cast') return isNullLiteral(x.child);
  return x.kind === 'Literal' && x.value === null;
}

/** The enclosing aggregated query's groups: a plan computing `exprs` once per group (for HAVING's subqueries). */
export interface GroupedOuter {
  (exprs: readonly Expr[]): LogicalPlan;
  /** Spark's error for outer columns (`names`) the groups do not carry (neither grouped nor aggregated). */
  readonly missing?: (names: readonly string[], refs: readonly string[]) => Error;
}

/**
 * A HAVING subquery reads the outer query's groups: an outer column neither
 * grouped nor aggregated is missing from the Aggregate's output (Spark 3.5's
 * MISSING_ATTRIBUTES.RESOLVED_ATTRIBUTE_MISSING_FROM_INPUT, not MISSING_AGGREGATION).
 */
function checkGroupedRefs(refs: readonly OuterRef[], grouped: GroupedOuter, schemaOf: (p: LogicalPlan) => unknown, names: string): void {
  if (!grouped.missing) return;
  const missing = refs.filter((k) => {
    if (k.ref.kind !== 'ColumnRef') return false;
    try {
      schemaOf(grouped([k.ref]));
      return false;
    } catch (err) {
      const cls = (err as { errorClass?: string }).errorClass;
      if (cls === 'MISSING_AGGREGATION' || cls === 'MISSING_GROUP_BY') return true;
      throw err;
    }
  });
  if (missing.length > 0) throw grouped.missing(missing.map((k) => prettySql(k.ref)), names.length === 0 ? [] : names.split(', '));
}

export function inScope<T>(tr: Translator, scope: OuterScope, f: () => T, startsQuery = true): T {
  tr.outer.push(scope);
  const start = tr.cteCheck.start;
  tr.cteCheck.start = startsQuery; // a subquery expression starts a query for Spark's nested-CTE check; LATERAL does not
  try {
    return f();
  } finally {
    tr.outer.pop();
    tr.cteCheck.start = start;
  }
}
