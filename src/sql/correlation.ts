/**
 * Correlated subqueries. A subquery's column references that do not resolve
 * in its own FROM but do in an enclosing query's FROM are *outer references*.
 * The translator evaluates such a subquery once per distinct tuple of outer
 * values (the references bound as typed literals) and turns the results into a
 * CASE over those tuples, matched null-safely — the same answers as Spark's
 * decorrelating joins, for every row of the outer query.
 */
import { AnalysisException, ParseException } from '../errors/index.js';
import type { Batch } from '../data/batch.js';
import { E, exists, type Expr, type SortOrder } from '../expr/nodes.js';
import { hasFunction, lookupFunction } from '../functions/registry.js';
import { inputs, plan, type LogicalPlan } from '../plan/nodes.js';
import { quoteIfNeeded, type DataType, type StructType } from '../types/data-types.js';
import type { GroupByAst, GroupingElement, QueryAst, RelationAst, SelectAst } from './ast.js';
import { prettySql } from './functions.js';
import { lastPart, mapExpr } from './parsed-expressions.js';
import { checkCorrelationPath } from './correlation-path.js';
import { checkGroupByCorrelated } from './group-by-correlation.js';
import { misplacedIn, misplacedOuterRef, mustAggregateScalar, outerRefsInSelectList } from './correlation-errors.js';
import { aggregateColumns, isAggregateCall, mixedReferences, outerAggregateName, outerAggregateType } from './outer-aggregates.js';

/**
 * One outer reference found in a subquery: the column (or, in HAVING, the
 * aggregate over outer columns) as written, its binding key and its type.
 */
export interface OuterRef {
  readonly ref: Expr;
  /** Lower-cased name (or aggregate text) the binding is keyed by. */
  readonly key: string;
  readonly dataType: DataType;
}

/** The FROM of an enclosing query, as seen by the subqueries inside it. */
export class OuterScope {
  /** Outer references the subquery made while `binding` was unset, by key. */
  readonly found = new Map<string, OuterRef>();
  /** Every outer reference's name in Spark's plan order (pre-order, repeats kept): `scalarsubquery(a, a)`. */
  readonly occurrences: string[] = [];
  /** Spark's error for an outer reference in GROUP BY or ORDER BY, raised after the subquery's shape checks. */
  misplaced: AnalysisException | undefined;

  constructor(
    readonly from: LogicalPlan | undefined,
    /** Literal values of the outer references (by key) for one evaluation. */
    readonly binding?: ReadonlyMap<string, Expr>,
    /** Whether the subquery sits in an aggregated query's HAVING, where aggregates over outer columns are the outer query's. */
    readonly outerAggregates = false,
    /** Which subquery this is: only a scalar or LATERAL one's select lists may read outer columns. */
    readonly kind: 'scalar' | 'exists' | 'in' | 'lateral' = 'scalar',
  ) {}
}

export interface Resolver {
  readonly schemaOf: (p: LogicalPlan) => StructType;
}

/** Which SELECT clause an outer reference appeared in (Spark accepts them only in WHERE and HAVING). */
type Clause = 'where' | 'having' | 'items' | 'groupBy' | 'orderBy';

const resolvedCache = new WeakMap<LogicalPlan, Map<string, DataType | null>>();

/** The type of `ref` over `p`, or undefined when `p` has no such column. */
function typeOver(p: LogicalPlan, ref: Extract<Expr, { kind: 'ColumnRef' }>, r: Resolver): DataType | undefined {
  let cache = resolvedCache.get(p);
  if (!cache) resolvedCache.set(p, (cache = new Map()));
  const key = ref.name.toLowerCase();
  if (!cache.has(key)) {
    try {
      cache.set(key, r.schemaOf(plan('Project', { input: p, exprs: [ref] })).fields[0]!.dataType);
    } catch (err) {
      const cls = AnalysisException.isAnalysisException(err) ? (err as AnalysisException).errorClass : undefined;
      if (!cls?.startsWith('UNRESOLVED_COLUMN')) throw err;
      cache.set(key, null);
    }
  }
  return cache.get(key) ?? undefined;
}

/**
 * Replaces the outer references in a SELECT block (whose FROM translated to
 * `inner`) by their bound literals, or, while collecting, by typed NULLs,
 * recording them in the scope they resolve in.
 */
export function bindOuterRefs(
  s: SelectAst,
  orderBy: readonly SortOrder[],
  inner: LogicalPlan,
  scopes: readonly OuterScope[],
  r: Resolver,
  /** Where this block's references go in the scope's occurrences: before those of its FROM (Spark lists them top-down). */
  mark = scopes[scopes.length - 1]?.occurrences.length ?? 0,
): { select: SelectAst; orderBy: readonly SortOrder[] } {
  // Spark's decorrelation reaches outer references in a plain projection, not in an aggregate's outputs.
  const aggregated = !!s.groupBy || s.items.some(isAggregate);
  const aliasName = (i: Expr): string | undefined => (i.kind === 'Alias' ? i.name.toLowerCase() : undefined);
  const allAliases = new Set(s.items.map(aliasName).filter((n) => n !== undefined));
  // Spark resolves outer references in the immediately enclosing query only (no deep correlation).
  const scope = scopes[scopes.length - 1];
  const from = scope?.from;
  const isLocal = (x: Extract<Expr, { kind: 'ColumnRef' }>): boolean => typeOver(inner, x, r) !== undefined;
  const isOuter = (x: Extract<Expr, { kind: 'ColumnRef' }>): boolean => !!from && !isLocal(x) && typeOver(from, x, r) !== undefined;
  const seen: Record<Clause, string[]> = { where: [], having: [], items: [], groupBy: [], orderBy: [] };
  // A select item sees only the aliases before it (lateral column aliases, which win over outer columns); `c1 * 10 AS c1` reads the outer c1.
  const bind = (clause: Clause, aliases: ReadonlySet<string | undefined> = allAliases) => {
    const go = (x: Expr): Expr => {
      if (isAggregateCall(x) && scope && from) {
        const cols = aggregateColumns(x, isLocal, isOuter);
        if (cols.outer.length > 0 && cols.local.length > 0) throw mixedReferences(x, isOuter, (c, outer) => qualifiedName(outer ? from : inner, c, r));
        if (cols.outer.length > 0 && scope.outerAggregates && (clause === 'where' || clause === 'having')) return bindOuterAggregate(x, scope, from, r, seen[clause]);
      }
      if (x.kind !== 'ColumnRef') return mapExpr(x, go);
      if (x.name.toLowerCase() === 'grouping__id' || (!x.name.includes('.') && aliases.has(x.name.toLowerCase()))) return x;
      if (!scope || !from || isLocal(x)) return x;
      const t = typeOver(from, x, r);
      if (!t) return x;
      // Spark lists the aggregated select items holding one, as for an EXISTS/IN select list.
      if (clause === 'items' && aggregated) throw outerRefsInSelectList(s.items, isOuter, (c) => qualifiedName(from, c, r)) ?? misplacedOuterRef(x);
      const key = x.name.toLowerCase();
      seen[clause].push(lastPart(x.name));
      // Spark names an outer reference `outer(t.col)` inside the subquery's column names.
      const name = `outer(${x.name.includes('.') ? x.name : `${qualifierOf(from, x, r) ?? ''}${x.name}`})`;
      const bound = scope.binding?.get(key);
      if (bound) return E.alias(bound, name);
      if (!scope.found.has(key)) scope.found.set(key, { ref: x, key, dataType: t });
      return E.alias(E.lit(null, t), name);
    };
    return go;
  };
  const groupBy = s.groupBy ? mapGroupBy(s.groupBy, bind('groupBy')) : undefined;
  const select: SelectAst = {
    ...s,
    items: s.items.flatMap((item) => outerStar(item, inner, scopes, r)).map((item, i, items) => {
      const bound = bind('items', new Set(items.slice(0, i).map(aliasName)))(item);
      // A bare outer column as a select item keeps its own name (`c1`); `outer(t.c1)` names it only inside an expression.
      return item.kind === 'ColumnRef' && bound !== item && bound.kind === 'Alias' ? E.alias(bound.child, lastPart(item.name)) : bound;
    }),
    ...(s.where ? { where: bind('where')(s.where) } : {}),
    ...(groupBy ? { groupBy } : {}),
    ...(s.having ? { having: bind('having')(s.having) } : {}),
  };
  const order = orderBy.map((o) => bind('orderBy')(o) as SortOrder);
  if (scope) {
    // Spark checks its plan top-down: Sort (ORDER BY) before Aggregate (GROUP BY).
    const predicate = scope.kind === 'exists' || scope.kind === 'in';
    scope.misplaced ??=
      misplacedIn(orderBy, seen.orderBy, isOuter) ??
      (predicate && !aggregated && from ? outerRefsInSelectList(s.items, isOuter, (x) => qualifiedName(from, x, r)) : undefined) ??
      misplacedIn(groupingExprs(s.groupBy), seen.groupBy, isOuter);
    scope.occurrences.splice(mark, 0, ...seen.orderBy, ...seen.having, ...seen.groupBy, ...seen.items, ...seen.where);
  }
  return { select, orderBy: order };
}

/** Binds an aggregate over outer columns (HAVING of an aggregated query) like an outer column. */
function bindOuterAggregate(x: Extract<Expr, { kind: 'Call' }>, scope: OuterScope, from: LogicalPlan, r: Resolver, seen: string[]): Expr {
  const key = prettySql(x).toLowerCase();
  const name = outerAggregateName(x);
  seen.push(name);
  const bound = scope.binding?.get(key);
  if (bound) return E.alias(bound, `outer(${name})`);
  const dataType = outerAggregateType(x, from, r.schemaOf);
  if (!scope.found.has(key)) scope.found.set(key, { ref: x, key, dataType });
  return E.alias(E.lit(null, dataType), `outer(${name})`);
}

export const groupingExprs = (g: GroupByAst | undefined): Expr[] =>
  !g ? [] : g.elements.flatMap((x) => (x.kind === 'expr' ? [x.expr] : x.kind === 'sets' ? x.sets.flat() : x.items.flat()));

/** `t.c` for a column of `from`, qualified by the relation it belongs to. */
function qualifiedName(from: LogicalPlan, x: Extract<Expr, { kind: 'ColumnRef' }>, r: Resolver): string {
  return x.name.includes('.') ? x.name : `${qualifierOf(from, x, r) ?? ''}${x.name}`;
}

/** `t.*` naming the enclosing query's relation (`LATERAL (SELECT t1.*)`): its columns, as outer references. */
function outerStar(item: Expr, inner: LogicalPlan, scopes: readonly OuterScope[], r: Resolver): Expr[] {
  if (item.kind !== 'Star' || item.target === undefined || item.regex !== undefined) return [item];
  const columns = (p: LogicalPlan): string[] | undefined => {
    try {
      return r.schemaOf(plan('Project', { input: p, exprs: [item] })).fields.map((f) => f.name);
    } catch (err) {
      if (AnalysisException.isAnalysisException(err) && (err as AnalysisException).errorClass === 'CANNOT_RESOLVE_STAR_EXPAND') return undefined;
      throw err;
    }
  };
  const from = scopes[scopes.length - 1]?.from;
  if (!from || columns(inner)) return [item];
  const names = columns(from);
  return names ? names.map((n) => E.col(`${item.target}.${quoteIfNeeded(n)}`)) : [item];
}

/**
 * Spark decorrelates outer references only in WHERE and HAVING: one in a join
 * condition inside the subquery fails with CORRELATED_REFERENCE, naming the
 * condition with its columns unqualified.
 */
export function checkJoinConditionOuterRefs(on: Expr, joined: LogicalPlan, scopes: readonly OuterScope[], r: Resolver): void {
  const outer = exists(on, (x) => x.kind === 'ColumnRef' && !typeOver(joined, x, r) && scopes.some((s) => s.from !== undefined && typeOver(s.from, x, r) !== undefined));
  if (!outer) return;
  const unqualified = (x: Expr): Expr => (x.kind === 'ColumnRef' ? E.col(quoteIfNeeded(lastPart(x.name))) : mapExpr(x, unqualified));
  const sqlExprs = `"${prettySql(unqualified(on))}"`;
  throw new AnalysisException(`Unsupported subquery expression: Expressions referencing the outer query are not supported outside of WHERE/HAVING clauses: ${sqlExprs}.`, {
    errorClass: 'UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.CORRELATED_REFERENCE',
    messageParameters: { sqlExprs },
  });
}

/** `t.` for the relation alias (or table name) that qualifies an unqualified outer column. */
function qualifierOf(from: LogicalPlan, x: Extract<Expr, { kind: 'ColumnRef' }>, r: Resolver): string | undefined {
  const names: string[] = [];
  const walk = (p: LogicalPlan): void => {
    if (p.kind === 'SubqueryAlias') names.push(p.alias);
    else if (p.kind === 'TableScan') names.push(p.table);
    if (p.kind !== 'SubqueryAlias') inputs(p).forEach(walk);
  };
  walk(from);
  const hit = names.find((n) => typeOver(from, E.col(`${quoteIfNeeded(n)}.${x.name}`), r));
  return hit === undefined ? undefined : `${hit}.`;
}

export function mapGroupBy(g: GroupByAst, f: (e: Expr) => Expr): GroupByAst {
  const el = (x: GroupingElement): GroupingElement =>
    x.kind === 'expr' ? { kind: 'expr', expr: f(x.expr) } : x.kind === 'sets' ? { kind: 'sets', sets: x.sets.map((s) => s.map(f)) } : { kind: x.kind, items: x.items.map((s) => s.map(f)) };
  return { ...g, elements: g.elements.map(el), ...(g.groupingSets ? { groupingSets: g.groupingSets.map((s) => s.map(f)) } : {}) };
}

/** The null-safe match of the outer references with one tuple of their values. */
export function tupleMatch(refs: readonly OuterRef[], values: readonly unknown[]): Expr {
  const eqs = refs.map((k, i) => E.call('eq_null_safe', [k.ref, E.lit(values[i] ?? null, k.dataType)]));
  return eqs.reduce((a, b) => E.call('and', [a, b]));
}

/** A subquery's results: one batch, or one per distinct tuple of its outer references. */
export interface SubqueryResult {
  /** The outer references' names, as Spark lists them in `scalarsubquery(a, b)`. */
  readonly names: string;
  /** The only column's type; else Spark's error for a subquery with several columns. */
  singleColumnType(errorClass: string): DataType;
  /** The column types of an IN subquery compared with `width` values on the left; else Spark's length error. */
  columnTypes(width: number): DataType[];
  /** The subquery's value for the outer query: `value` of the only batch, or a CASE over the tuples. */
  build(value: (b: Batch) => Expr, otherwise: Expr): Expr;
  /** Whether any of the subquery's columns is nullable. */
  readonly nullable: boolean;
  /** Whether the subquery reads outer references. */
  readonly correlated: boolean;
  /** Whether a correlated subquery returned several rows for one tuple of outer values. */
  readonly multiRow: boolean;
}

export function subqueryResult(scope: OuterScope, refs: readonly OuterRef[], cases: readonly { values?: readonly unknown[]; batch: Batch }[], schema: StructType): SubqueryResult {
  return {
    names: scope.occurrences.join(', '),
    correlated: refs.length > 0,
    multiRow: refs.length > 0 && cases.some((c) => c.batch.numRows > 1),
    nullable: schema.fields.some((f) => f.nullable),
    singleColumnType(errorClass) {
      if (schema.fields.length !== 1) {
        throw new AnalysisException(`The number of columns of the subquery (${schema.fields.length}) does not match the number of values on the left (1).`, { errorClass });
      }
      return schema.fields[0]!.dataType;
    },
    columnTypes(width) {
      if (schema.fields.length !== width) {
        throw new AnalysisException(
          `The number of columns of the subquery (${schema.fields.length}) does not match the number of values on the left (${width}).`,
          { errorClass: 'DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH' },
        );
      }
      return schema.fields.map((f) => f.dataType);
    },
    build(value, otherwise) {
      if (refs.length === 0) return value(cases[0]!.batch);
      if (cases.length === 0) return otherwise;
      return E.caseWhen(
        cases.map((c) => ({ when: tupleMatch(refs, c.values!), then: value(c.batch) })),
        otherwise,
      );
    },
  };
}

const isAggregate = (e: Expr): boolean =>
  exists(e, (x) => x.kind === 'Call' && hasFunction(x.fn) && lookupFunction(x.fn).kind === 'aggregate');

/** Spark's restrictions on correlated subqueries that per-tuple evaluation would otherwise lift. */
export function checkCorrelatedShape(q: QueryAst, p: LogicalPlan, kind: 'scalar' | 'exists' | 'in' | 'lateral', refs: readonly OuterRef[], scope: OuterScope, r: Resolver): void {
  const limited = q.kind === 'query' && (!!q.limit || !!q.offset);
  const body = q.kind === 'query' ? q.body : q;
  // Spark wants an Aggregate at the top of a correlated scalar subquery (or at most one row) before it checks the rest.
  const aggregated = body.kind === 'select' && (!!body.groupBy || body.items.some(isAggregate));
  if (kind === 'scalar' && !aggregated && !(maxRows(p) <= 1)) throw mustAggregateScalar();
  checkCorrelationPath(p, kind);
  if (kind === 'scalar' && !limited && body.kind === 'select' && body.groupBy) checkGroupByCorrelated(body, new Set(refs.map((x) => x.key)), p, r);
  if (scope.misplaced) throw scope.misplaced;
}

/** An upper bound of a plan's row count that holds without running it (Spark's maxRows), else Infinity. */
function maxRows(p: LogicalPlan): number {
  switch (p.kind) {
    case 'Range':
      return Math.max(0, Math.ceil((p.end - p.start) / p.step));
    case 'LocalRelation':
      return p.data.numRows;
    case 'Aggregate':
      return p.groupBy.length === 0 && !p.groupingSets ? 1 : maxRows(p.input);
    case 'Limit':
      return Math.min(p.n, maxRows(p.input));
    case 'Project':
    case 'Filter':
    case 'Sort':
    case 'SubqueryAlias':
    case 'Deduplicate':
      return maxRows(p.input);
    default:
      return Infinity;
  }
}

const OUTER_JOIN_NAMES: Record<string, string> = { right: 'RIGHT OUTER JOIN', full: 'FULL OUTER JOIN', left_semi: 'LEFT SEMI JOIN', left_anti: 'LEFT ANTI JOIN' };

/** Spark's parse errors for joins a LATERAL subquery cannot take part in. */
export function checkLateralJoinType(r: Extract<RelationAst, { kind: 'join' }>): void {
  if (r.natural) throw new ParseException('The join types LATERAL and NATURAL are incompatible.', { errorClass: 'INCOMPATIBLE_JOIN_TYPES', messageParameters: { joinType1: 'LATERAL', joinType2: 'NATURAL' } });
  if (r.using) throw new ParseException('The feature is not supported: JOIN USING with LATERAL correlation.', { errorClass: 'UNSUPPORTED_FEATURE.LATERAL_JOIN_USING' });
  const name = OUTER_JOIN_NAMES[r.joinType];
  if (name) {
    throw new ParseException(
      `The ${name} with LATERAL correlation is not allowed because an OUTER subquery cannot correlate to its join partner. Remove the LATERAL correlation or use an INNER JOIN, or LEFT OUTER JOIN instead.`,
      { errorClass: 'INVALID_LATERAL_JOIN_TYPE', messageParameters: { joinType: name } },
    );
  }
}
