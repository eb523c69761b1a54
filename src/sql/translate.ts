/**
 * Query AST → unresolved logical plan, built from the same plan nodes the
 * DataFrame API uses, so the analyzer and every backend treat SQL and
 * DataFrame code alike.
 *
 * SELECT blocks are assembled as Spark's analyzer would rewrite them:
 * - GROUP BY / HAVING / ORDER BY: one Aggregate whose outputs are the select
 *   list plus hidden columns for the HAVING condition and for sort keys that
 *   are not in the select list, then Filter, Sort, and a Project keeping the
 *   select list (so HAVING and ORDER BY may use aggregates and grouping
 *   columns that are not selected);
 * - window functions over aggregates and grouping()/grouping_id(): an
 *   Aggregate computing the aggregate calls, with the select list evaluated
 *   by a Project above it (reading `spark_grouping_id` for grouping());
 * - ORDER BY on columns that are not selected: the sort goes below the
 *   projection (or uses hidden columns when the projection has window
 *   functions or generators);
 * - aliases and ordinals in GROUP BY and ORDER BY, named windows (WINDOW w AS).
 */
import { AnalysisException, NotImplementedException } from '../errors/index.js';
import type { Batch } from '../data/batch.js';
import { E, exists, type Expr } from '../expr/nodes.js';
import { hasFunction, lookupFunction } from '../functions/registry.js';
import { plan, type LogicalPlan } from '../plan/nodes.js';
import { DataType, IntegerType, NULL, StructType } from '../types/data-types.js';
import type { CteAst, QueryAst } from './ast.js';
import { prettySql } from './functions.js';
import { sqlTypeName } from '../functions/define.js';
import { ordinalOf } from './literals.js';
import { lastPart, mapExpr } from './parsed-expressions.js';
import { oneRow, renameColumns, tableRef } from './translate-relations.js';
import { values } from './inline-table.js';
import { selectBlock } from './translate-select.js';
import type { OuterScope } from './correlation.js';

export interface TranslateOptions {
  /**
   * Output column names of a plan (by analysis). Lets the translator expand
   * what depends on input schemas: NATURAL JOIN keys, GROUP BY aliases that
   * shadow input columns, hidden sort columns under `SELECT *`.
   */
  readonly columnsOf?: (plan: LogicalPlan) => readonly string[];
  /** Output schema of a plan (by analysis); PIVOT needs column types. */
  readonly schemaOf?: (plan: LogicalPlan) => StructType;
  /** Runs a plan (constant pivot values are evaluated by the engine). */
  readonly evaluate?: (plan: LogicalPlan) => Batch;
  /** Session configuration lookup (`spark.sql.groupByAliases`, ...). */
  readonly conf?: (key: string) => string | undefined;
  /**
   * Spark's SQL on files, ``parquet.`/path` ``: the plan reading `path` as `format`,
   * or undefined when `format.path` is to be a table name (no such data source,
   * or a database of that name exists).
   */
  readonly readFile?: (format: string, path: string) => LogicalPlan | undefined;
}

/** Placeholder type of positional references in unresolved plans (the analyzer re-types them). */
const UNTYPED: DataType = NULL;

/** A positional reference to column `i` of a node's input. */
export const ordinalRef = (i: number, name = `#${i}`): Expr => E.bound(i, name, UNTYPED, true);

export function analysisError(message: string, errorClass: string, params: Record<string, string> = {}): AnalysisException {
  return new AnalysisException(message, { errorClass, messageParameters: params });
}

/** Structural identity of an unresolved expression (names compared case-insensitively, without qualifiers). */
export function exprKey(e: Expr): string {
  return JSON.stringify(e, (k, v: unknown) => {
    if (k === 'name' && typeof v === 'string') return lastPart(v).toLowerCase();
    if (typeof v === 'bigint') return `${v}n`;
    if (v instanceof DataType) return v.simpleString();
    return v;
  });
}

export const stripAlias = (e: Expr): Expr => (e.kind === 'Alias' ? e.child : e);

export const isAggregateFn = (fn: string): boolean => hasFunction(fn) && lookupFunction(fn).kind === 'aggregate';
const isGeneratorFn = (fn: string): boolean => hasFunction(fn) && lookupFunction(fn).kind === 'generator';
export const isGroupingFn = (fn: string): boolean => fn === 'grouping' || fn === 'grouping_id';

/** True when `e` holds an aggregate call outside window functions (window arguments count). */
export function containsAggregate(e: Expr): boolean {
  if (e.kind === 'WindowExpr') {
    const fn = e.fn;
    const args = fn.kind === 'Call' ? fn.args : [];
    return [...args, ...e.spec.partitionBy, ...e.spec.orderBy].some(containsAggregate);
  }
  if (e.kind === 'Call' && (isAggregateFn(e.fn) || isGroupingFn(e.fn))) return true;
  if (e.kind === 'ColumnRef' && e.name.toLowerCase() === 'grouping__id') return true;
  return childrenOf(e).some(containsAggregate);
}

export function childrenOf(e: Expr): Expr[] {
  const out: Expr[] = [];
  mapExpr(e, (c) => {
    out.push(c);
    return c;
  });
  return out;
}

export const containsWindow = (e: Expr): boolean => exists(e, (x) => x.kind === 'WindowExpr');
export const containsGrouping = (e: Expr): boolean =>
  exists(e, (x) => (x.kind === 'Call' && isGroupingFn(x.fn)) || (x.kind === 'ColumnRef' && x.name.toLowerCase() === 'grouping__id'));
export const isGeneratorItem = (e: Expr): boolean => {
  const inner = stripAlias(e);
  return inner.kind === 'Call' && isGeneratorFn(inner.fn);
};

/** Replaces every ColumnRef named like a select-list alias by the aliased expression. */
export function substituteAliases(e: Expr, aliases: ReadonlyMap<string, Expr>, keep?: (name: string) => boolean): Expr {
  const go = (x: Expr): Expr => {
    if (x.kind === 'ColumnRef' && !x.name.includes('.')) {
      const hit = aliases.get(x.name.toLowerCase());
      if (hit && !(keep && keep(x.name))) return hit;
      return x;
    }
    if (x.kind === 'WindowExpr') return x; // window specs resolve against the input
    return mapExpr(x, go);
  };
  return go(e);
}

export function aliasMap(items: readonly Expr[]): Map<string, Expr> {
  const m = new Map<string, Expr>();
  for (const it of items) if (it.kind === 'Alias' && !m.has(it.name.toLowerCase())) m.set(it.name.toLowerCase(), it.child);
  return m;
}

export class Translator {
  readonly opts: TranslateOptions;
  readonly ctes: Map<string, { plan: LogicalPlan; columns?: readonly string[] }>[] = [];
  /**
   * Spark 3.5's nested-CTE name check (spark.sql.legacy.ctePrecedencePolicy=EXCEPTION): the CTE names in
   * scope, and whether the next query is the start of a query (the statement, a CTE definition or a
   * subquery expression), where a WITH may not redefine one of them. FROM subqueries are not starts.
   */
  readonly cteCheck = { start: true, names: [] as string[] };
  /** Enclosing queries' FROMs while a subquery is translated, innermost last. */
  readonly outer: OuterScope[] = [];

  constructor(opts: TranslateOptions = {}) {
    this.opts = opts;
  }

  conf(key: string): string | undefined {
    return this.opts.conf?.(key);
  }

  // ---- queries ---------------------------------------------------------------------------------

  query(q: QueryAst): LogicalPlan {
    const start = this.cteCheck.start;
    this.cteCheck.start = false;
    switch (q.kind) {
      case 'query':
        return this.#organized(q, start);
      case 'select':
        return selectBlock(this, q, []);
      case 'setop':
        return plan('SetOperation', { op: q.op, all: q.all, left: this.query(q.left), right: this.query(q.right) });
      case 'values':
        return values(this, q.rows, q.alias);
      case 'table':
        return tableRef(this, q.parts, undefined);
    }
  }

  #organized(q: Extract<QueryAst, { kind: 'query' }>, start: boolean): LogicalPlan {
    const scope = new Map<string, { plan: LogicalPlan; columns?: readonly string[] }>();
    this.ctes.push(scope);
    const outerNames = this.cteCheck.names;
    try {
      this.#defineCtes(q.ctes, scope, start);
      let p: LogicalPlan;
      if (q.body.kind === 'select') {
        p = selectBlock(this, q.body, q.orderBy);
      } else {
        p = this.query(q.body);
        if (q.orderBy.length > 0) {
          const orders = q.orderBy.map((o) => {
            const n = this.orderOrdinal(o.child);
            return n === undefined ? o : E.sort(this.ordinalRefChecked(n, this.opts.columnsOf?.(p).length), o.ascending, o.nullsFirst);
          });
          p = plan('Sort', { input: p, orders });
        }
      }
      if (q.offset) p = plan('Offset', { input: p, n: this.limitValue(q.offset, 'offset') });
      if (q.limit) p = plan('Limit', { input: p, n: this.limitValue(q.limit, 'limit') });
      return p;
    } finally {
      this.ctes.pop();
      this.cteCheck.names = outerNames;
    }
  }

  #defineCtes(ctes: readonly CteAst[], scope: Map<string, { plan: LogicalPlan; columns?: readonly string[] }>, start: boolean): void {
    const policy = (this.conf('spark.sql.legacy.ctePrecedencePolicy') ?? 'EXCEPTION').toUpperCase();
    for (const cte of ctes) {
      const key = cte.name.toLowerCase();
      // LEGACY (outer definitions win, even in FROM subqueries) is not modelled: any redefinition is refused.
      if ((start || policy === 'LEGACY') && policy !== 'CORRECTED' && this.cteCheck.names.includes(key)) {
        if (policy === 'LEGACY') throw new NotImplementedException('spark.sql.legacy.ctePrecedencePolicy=LEGACY', 'outer CTE definitions taking precedence');
        throw analysisError(
          `Name \`${cte.name}\` is ambiguous in nested CTE.\nPlease set "spark.sql.legacy.ctePrecedencePolicy" to "CORRECTED" so that name defined in inner CTE takes precedence. If set it to "LEGACY", outer CTE definitions will take precedence.\nSee 'https://spark.apache.org/docs/latest/sql-migration-guide.html#query-engine'.`,
          'AMBIGUOUS_ALIAS_IN_NESTED_CTE',
          { name: `\`${cte.name}\`` },
        );
      }
      const names = this.cteCheck.names;
      this.cteCheck.start = true;
      let p: LogicalPlan;
      try {
        p = this.query(cte.query);
      } finally {
        this.cteCheck.names = [...names, key];
      }
      if (cte.columns) p = renameColumns(this, p, cte.columns, cte.name);
      // Spark analyzes every CTE definition, used or not.
      this.opts.columnsOf?.(p);
      scope.set(key, { plan: p });
    }
  }

  /** LIMIT/OFFSET take a foldable INT expression (`2 + 1`, `CAST(1 AS INT)`), checked in Spark's order. */
  limitValue(e: Expr, what: 'limit' | 'offset'): number {
    // Spark's texts say "limit like expression" for OFFSET too.
    const invalid = (errorClass: string, detail: string, params: Record<string, string> = {}): AnalysisException =>
      analysisError(`The limit like expression "${safeSql(e)}" is invalid. ${detail}`, `INVALID_LIMIT_LIKE_EXPRESSION.${errorClass}`, { name: what, expr: `"${safeSql(e)}"`, ...params });
    const folded = foldConstant(e);
    if (folded === undefined) throw invalid('IS_UNFOLDABLE', `The ${what} expression must evaluate to a constant value.`);
    const type = this.opts.schemaOf?.(plan('Project', { input: oneRow(this), exprs: [E.alias(e, what)] })).fields[0]!.dataType;
    const wrongType = type ? !(type instanceof IntegerType) : typeof folded.value !== 'number' && folded.value !== null;
    if (wrongType) {
      const dataType = type ? sqlTypeName(type) : `"${typeof folded.value === 'boolean' ? 'BOOLEAN' : 'STRING'}"`;
      throw invalid('DATA_TYPE', `The ${what} expression must be integer type, but got ${dataType}.`, { dataType });
    }
    if (folded.value === null) throw invalid('IS_NULL', `The evaluated ${what} expression must not be null.`);
    return folded.value as number;
  }

  /** The position an ORDER BY key names, unless spark.sql.orderByOrdinal=false makes integers plain constants. */
  orderOrdinal(e: Expr): number | undefined {
    return this.conf('spark.sql.orderByOrdinal') === 'false' ? undefined : ordinalOf(e);
  }

  ordinalRefChecked(n: number, count: number | undefined): Expr {
    if (n < 1 || (count !== undefined && n > count)) {
      throw analysisError(`ORDER BY position ${n} is not in select list (valid range is [1, ${count ?? '?'}]).`, 'ORDER_BY_POS_OUT_OF_RANGE', {
        index: String(n),
        size: String(count ?? '?'),
      });
    }
    return ordinalRef(n - 1);
  }
}

/** Value of a constant expression made of literals, casts and integer arithmetic; undefined when not constant. */
function foldConstant(e: Expr): { value: number | string | boolean | null } | undefined {
  switch (e.kind) {
    case 'Alias':
      return foldConstant(e.child);
    case 'Literal': {
      const v = e.value;
      if (v === null) return { value: null };
      if (typeof v === 'bigint') {
        const scale = (e.dataType as { scale?: number }).scale ?? 0;
        return { value: Number(v) / 10 ** scale };
      }
      if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v };
      return undefined;
    }
    case 'Cast': {
      const inner = foldConstant(e.child);
      if (!inner || inner.value === null) return inner;
      const t = e.to.simpleString();
      if (['int', 'bigint', 'smallint', 'tinyint'].includes(t)) {
        const n = typeof inner.value === 'string' ? Number(inner.value.trim()) : Number(inner.value);
        return { value: Number.isFinite(n) ? Math.trunc(n) : null };
      }
      return inner;
    }
    case 'Call': {
      const args = e.args.map(foldConstant);
      if (args.some((a) => a === undefined || typeof a.value === 'boolean' || typeof a.value === 'string')) return undefined;
      const vals = args.map((a) => a!.value as number | null);
      if (vals.some((v) => v === null)) return { value: null };
      const [a, b] = vals as number[];
      switch (e.fn) {
        case 'add':
          return { value: a! + b! };
        case 'subtract':
          return { value: a! - b! };
        case 'multiply':
          return { value: a! * b! };
        case 'negate':
          return { value: -a! };
        default:
          return undefined;
      }
    }
    default:
      return undefined;
  }
}

/**
 * `GROUP BY ALL`: the select-list expressions without aggregates. With none,
 * the query is a global aggregate, unless some column is used outside an
 * aggregate (Spark cannot infer the keys then).
 */
export function groupByAllKeys(items: readonly Expr[]): Expr[] {
  const keys = items.map(stripAlias).filter((e) => !containsAggregate(e));
  const isAggregateCall = (e: Expr): boolean => e.kind === 'Call' && (isAggregateFn(e.fn) || isGroupingFn(e.fn));
  const columnOutsideAggregate = (e: Expr): boolean => e.kind === 'ColumnRef' || (!isAggregateCall(e) && childrenOf(e).some(columnOutsideAggregate));
  if (keys.length === 0 && items.some((i) => columnOutsideAggregate(stripAlias(i)))) {
    throw analysisError(
      'Cannot infer grouping columns for GROUP BY ALL based on the select clause. Please explicitly specify the grouping columns.',
      'UNRESOLVED_ALL_IN_GROUP_BY',
    );
  }
  return keys;
}

export { containsMap } from '../functions/defs/map.js';

export const quoteName = (n: string): string => (/[.`]/.test(n) ? '`' + n.replace(/`/g, '``') + '`' : n);

/** Spark's SQL text of a row constructor `(a, b)`: `named_struct('a', a, 'b', b)`. */
export function structSql(items: readonly Expr[]): string {
  return `named_struct(${items.map((it, i) => `'${it.kind === 'ColumnRef' ? lastPart(it.name) : `col${i + 1}`}', ${prettySql(it)}`).join(', ')})`;
}

export function missingAggregation(e: Expr): AnalysisException {
  const name = safeSql(e);
  return analysisError(
    `The non-aggregating expression "${name}" is based on columns which are not participating in the GROUP BY clause.\nAdd the columns or the expression to the GROUP BY, aggregate the expression, or use "any_value(${name})" if you do not care which of the values within a group is returned.`,
    'MISSING_AGGREGATION',
    { expression: `"${name}"` },
  );
}

/** rollup((a), (b, c)) → [a, b, c], [a], []. */
export function rollupSets(items: readonly (readonly Expr[])[]): Expr[][] {
  const out: Expr[][] = [];
  for (let k = items.length; k >= 0; k--) out.push(items.slice(0, k).flat());
  return out;
}

/** cube(a, b) → [a, b], [a], [b], [] (Spark's order). */
export function cubeSets(items: readonly (readonly Expr[])[]): Expr[][] {
  const n = items.length;
  const out: Expr[][] = [];
  for (let mask = (1 << n) - 1; mask >= 0; mask--) {
    out.push(items.filter((_, i) => (mask & (1 << (n - 1 - i))) !== 0).flat());
  }
  return out;
}


export function safeSql(e: Expr): string {
  try {
    return prettySql(e);
  } catch {
    return e.kind;
  }
}

