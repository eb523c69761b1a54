/**
 * The analyzer: turns an unresolved plan built by the API into a resolved
 * plan (see plan/nodes.ts for the resolved forms). Results are memoized per
 * plan node — plans are immutable, so a DataFrame built step by step is
 * analyzed incrementally and `df.schema` is cheap.
 */
import { CHAR_VARCHAR_KEY } from '../types/char-varchar.js';
import { checkOperatorStars, checkParsedStars } from '../sql/star-usage.js';
import { expandStars } from './resolve-column.js';
import { AnalysisException, IllegalArgumentException } from '../errors/index.js';
import { children as childExprs, E, exists, typeOf, type Expr, type SortOrder } from '../expr/nodes.js';
import { lookupFunction } from '../functions/registry.js';
import { plan, withProps, type LogicalPlan, type PlanOfKind } from '../plan/nodes.js';
import { IntegerType, LONG, StructField, StructType } from '../types/data-types.js';
import { analyzeAggregate, analyzePivot } from './analyze-aggregate.js';
import { analyzeIntent } from './analyze-intent.js';
import { analyzeJoin } from './analyze-join.js';
import { analyzeProject } from './analyze-project.js';
import { analyzeSetOperation } from './analyze-set-operation.js';
import { extractInputFile } from './input-file.js';
import { extractTimeWindows } from './time-windows.js';
import { assertNoMapKeys, assertOrderable } from './map-checks.js';
import { requireBoolean, resolveExpr } from './resolve-expr.js';
import { withSessionExpressions } from './session-expressions.js';
import { viewContext } from './view-context.js';
import {
  attributesFromSchema,
  namesEqual,
  passThroughSchema,
  schemaFromAttributes,
  visibleFrom,
  withoutHidden,
  type AnalyzerContext,
  type Analyzed,
  type Attribute,
} from './scope.js';

export class Analyzer {
  readonly #cache = new WeakMap<LogicalPlan, Analyzed>();

  constructor(readonly ctx: AnalyzerContext) {}

  /** The resolved plan and output attributes of `plan`. */
  analyze(plan: LogicalPlan): Analyzed {
    const full = this.#withHidden(plan);
    if (!full.attrs.some((a) => a.hidden)) return full;
    let out = this.#stripped.get(plan);
    if (!out) {
      out = this.#strip(plan, full);
      this.#stripped.set(plan, out);
    }
    return out;
  }

  readonly #stripped = new WeakMap<LogicalPlan, Analyzed>();

  /**
   * `full` without its hidden attributes, rebuilt as the same node over its
   * input's stripped form where nothing in it references them (so plans look
   * as if the hidden keys were never there); otherwise a Project on top.
   */
  #strip(p: LogicalPlan, full: Analyzed): Analyzed {
    const n = full.attrs.findIndex((a) => a.hidden);
    const attrs = full.attrs.slice(0, n);
    const schema = schemaFromAttributes(attrs);
    const r = full.plan;
    const visibleOnly = (es: readonly Expr[]): boolean => !es.some((e) => exists(e, (x) => x.kind === 'BoundRef' && x.index >= n));
    const over = (input: LogicalPlan): Analyzed => ({ plan: withProps(r, { input: this.analyze(input).plan, schema } as never), attrs });
    switch (p.kind) {
      case 'Join':
        // A USING join's projection (or a join's reordering one): the hidden keys are its last expressions.
        if (r.kind === 'Project' && r.exprs.length === full.attrs.length) return { plan: withProps(r, { exprs: r.exprs.slice(0, n), schema }), attrs };
        break;
      case 'SubqueryAlias':
      case 'Hint':
        return { plan: this.analyze(p.input).plan, attrs };
      case 'Repartition':
        return { plan: onePartition(p, this.analyze(p.input)).plan, attrs };
      case 'Filter':
        if (r.kind === 'Filter' && visibleOnly([r.condition])) return over(p.input);
        break;
      case 'Sort':
        if (r.kind === 'Sort' && visibleOnly(r.orders)) return over(p.input);
        break;
      case 'Limit':
      case 'Offset':
      case 'Sample':
        return over(p.input);
      default:
        break;
    }
    return withoutHidden(full);
  }

  /** As `analyze`, keeping the hidden USING-join keys (scope.ts) for the parent to reference. */
  #withHidden(plan: LogicalPlan): Analyzed {
    const hit = this.#cache.get(plan);
    if (hit) return hit;
    const raw = this.#analyzeNode(plan);
    // Every output attribute is also visible from this node (for `df.col`).
    const out: Analyzed = { plan: raw.plan, attrs: visibleFrom(raw.attrs, plan.id) };
    this.#cache.set(plan, out);
    return out;
  }

  /**
   * A node computing new columns from `input`: analyzed over the visible
   * columns, and only when that leaves a name unresolved, over the hidden
   * USING-join keys too (`SELECT t2.k`), whose selected copies are then visible.
   */
  #consuming(input: LogicalPlan, exprs: readonly Expr[], analyzeOver: (input: Analyzed) => Analyzed): Analyzed {
    const full = this.#withHidden(input);
    const visible = this.analyze(input);
    if (visible === full) return analyzeOver(full);
    const overFull = (): Analyzed => {
      const out = analyzeOver(full);
      return { plan: out.plan, attrs: out.attrs.map((a) => (a.hidden ? { ...a, hidden: false } : a)) };
    };
    // `t.*` includes t's hidden keys.
    if (exprs.some((e) => exists(e, (x) => x.kind === 'Star' && x.target !== undefined))) return overFull();
    try {
      return analyzeOver(visible);
    } catch (e) {
      if (!(e instanceof AnalysisException) || !/^(UNRESOLVED_COLUMN|CANNOT_RESOLVE_DATAFRAME_COLUMN)/.test(e.errorClass ?? '')) throw e;
      return overFull();
    }
  }

  /** Output schema of `plan`. */
  schema(plan: LogicalPlan): StructType {
    return schemaFromAttributes(this.analyze(plan).attrs);
  }

  #analyzeNode(unresolved: LogicalPlan): Analyzed {
    const p = withSessionExpressions(unresolved, this.ctx.conf);
    switch (p.kind) {
      case 'LocalRelation':
        return { plan: p, attrs: attributesFromSchema(p.data.schema, p.id) };
      case 'Range': {
        const schema = new StructType([new StructField('id', LONG, false)]);
        return { plan: withProps(p, { schema }), attrs: attributesFromSchema(schema, p.id) };
      }
      case 'TableScan':
        return this.#analyzeTableScan(p);
      case 'SubqueryAlias': {
        const input = this.#withHidden(p.input);
        const q = p.alias.toLowerCase();
        return { plan: input.plan, attrs: input.attrs.map((a) => ({ ...a, qualifiers: [q] })) };
      }
      case 'Hint':
        return this.#withHidden(p.input);
      case 'Repartition':
        return onePartition(p, this.#withHidden(p.input));
      case 'Project':
        checkParsedStars(p.exprs);
        return this.#consuming(p.input, p.exprs, (input) => analyzeProject(p, input, this.ctx));
      case 'Filter':
        return this.#analyzeFilter(p);
      case 'Aggregate':
        checkOperatorStars(p);
        return this.#consuming(p.input, [...p.groupBy, ...p.aggs], (input) =>
          // A star among the aggregates stands for the input columns (Spark expands an Aggregate's list as a projection's).
          analyzeAggregate(p.aggs.some((a) => a.kind === 'Star') ? { ...p, aggs: expandStars(p.aggs, input.attrs, this.ctx) } : p, input, this.ctx),
        );
      case 'Pivot':
        return analyzePivot(p, this.analyze(p.input), this.ctx);
      case 'Window':
        throw new AnalysisException('internal: Window nodes are produced by the analyzer only', { errorClass: 'INTERNAL_ERROR' });
      case 'Sort':
        return this.#analyzeSort(p);
      case 'Limit':
      case 'Offset':
        return this.#passThrough(p, p.n);
      case 'Sample': {
        const input = this.#withHidden(p.input);
        return { plan: withProps(p, { input: input.plan, schema: passThroughSchema(input) }), attrs: input.attrs };
      }
      case 'Join':
        return analyzeJoin(p, this.#withHidden(p.left), this.#withHidden(p.right), this.ctx);
      case 'SetOperation':
        return analyzeSetOperation(p, this.analyze(p.left), this.analyze(p.right), this.ctx);
      case 'Deduplicate':
        return this.#analyzeDeduplicate(p);
      case 'Generate':
        throw new AnalysisException('internal: Generate nodes are produced by the analyzer only', { errorClass: 'INTERNAL_ERROR' });
      case 'WithColumns':
        // Spark adds the columns with a projection: its star rules apply.
        checkParsedStars(p.exprs);
        return analyzeIntent(p, this.analyze(p.input), this.ctx);
      case 'WithColumnsRenamed':
      case 'Drop':
      case 'ToDF':
        return analyzeIntent(p, this.analyze(p.input), this.ctx);
      case 'RemoteRelation':
        throw new AnalysisException('internal: a Spark Connect relation can only run on the connect backend', { errorClass: 'INTERNAL_ERROR' });
      case 'AdaptiveRepartition':
        throw new AnalysisException('internal: AdaptiveRepartition nodes are produced by the optimizer only', { errorClass: 'INTERNAL_ERROR' });
    }
  }

  #analyzeTableScan(p: PlanOfKind<'TableScan'>): Analyzed {
    const rel = this.ctx.relations.lookupRelation(p.database, p.table);
    const qualifier = p.table.toLowerCase();
    if (rel.kind === 'view' && rel.permanent) {
      const view = new Analyzer(viewContext(this.ctx, rel.permanent)).analyze(rel.plan);
      const db = rel.permanent.database;
      return { plan: view.plan, attrs: view.attrs.map((a) => ({ ...a, qualifiers: [qualifier, `${db}.${qualifier}`, `spark_catalog.${db}.${qualifier}`] })) };
    }
    if (rel.kind === 'view') {
      const view = this.analyze(rel.plan);
      // A global temp view also answers to `global_temp.v.col`.
      const qualifiers = p.database === undefined ? [qualifier] : [qualifier, `${p.database}.${qualifier}`.toLowerCase()];
      return { plan: view.plan, attrs: view.attrs.map((a) => ({ ...a, qualifiers })) };
    }
    const schema = rel.schema;
    // A table's columns answer to `t.col`, `db.t.col` and `spark_catalog.db.t.col` (Spark's multi-part qualifier).
    const db = rel.database.toLowerCase();
    return {
      plan: withProps(p, { database: rel.database, table: rel.table, schema }),
      attrs: attributesFromSchema(schema, p.id, [qualifier, `${db}.${qualifier}`, `spark_catalog.${db}.${qualifier}`]),
    };
  }

  #analyzeFilter(p: PlanOfKind<'Filter'>): Analyzed {
    checkParsedStars([p.condition], 'Filter');
    const input = this.#withHidden(p.input);
    const resolved = requireBoolean(resolveExpr(p.condition, { attrs: input.attrs, ctx: this.ctx }));
    assertNoAggregate(resolved, 'WHERE');
    // A time window or input_file_* call becomes a column computed below the filter, dropped above it.
    const files = extractInputFile([resolved], input);
    const { base, exprs } = extractTimeWindows(files.exprs, files.base);
    const cond = exprs[0]!;
    if (base === input) {
      return { plan: withProps(p, { input: input.plan, condition: cond, schema: passThroughSchema(input) }), attrs: input.attrs };
    }
    const filter = withProps(p, { input: base.plan, condition: cond, schema: schemaFromAttributes(base.attrs) });
    const keep = input.attrs.map((a, i) => E.bound(i, a.name, a.dataType, a.nullable));
    return { plan: withProps(plan('Project', { input: filter, exprs: keep }), { schema: schemaFromAttributes(input.attrs) }), attrs: input.attrs };
  }

  #analyzeSort(p: PlanOfKind<'Sort'>): Analyzed {
    checkOperatorStars(p);
    const input = this.#withHidden(p.input);
    const scope = { attrs: input.attrs, ctx: this.ctx };
    const orders = p.orders.map((o) => resolveExpr(this.ctx.orderByOrdinal === false ? o : withOrdinal(o, input.attrs), scope) as SortOrder);
    assertOrderable(orders);
    return {
      plan: withProps(p, { input: input.plan, orders, schema: passThroughSchema(input) }),
      attrs: input.attrs,
    };
  }

  #passThrough(p: PlanOfKind<'Limit'> | PlanOfKind<'Offset'>, n: number): Analyzed {
    if (!Number.isInteger(n) || n < 0) {
      throw new AnalysisException(
        `The limit like expression "${n}" is invalid. The ${p.kind.toLowerCase()} expression must be equal to or greater than 0, but got ${n}.`,
        { errorClass: 'INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE' },
      );
    }
    const input = this.#withHidden(p.input);
    return { plan: withProps(p, { input: input.plan, schema: passThroughSchema(input) }), attrs: input.attrs };
  }

  #analyzeDeduplicate(p: PlanOfKind<'Deduplicate'>): Analyzed {
    const input = this.analyze(p.input);
    let keys: number[];
    if (p.subset === undefined) {
      keys = input.attrs.map((_, i) => i);
    } else {
      keys = p.subset.map((name) => {
        const i = input.attrs.findIndex((a) => namesEqual(a.name, name, this.ctx.caseSensitive));
        if (i < 0) {
          throw new AnalysisException(
            `Cannot resolve column name "${name}" among (${input.attrs.map((a) => a.name).join(', ')}).`,
            { errorClass: 'UNRESOLVED_COLUMN_AMONG_FIELD_NAMES' },
          );
        }
        return i;
      });
    }
    assertNoMapKeys(input.attrs, keys);
    return {
      plan: withProps(p, { input: input.plan, keys, schema: passThroughSchema(input) }),
      attrs: input.attrs,
    };
  }
}

/**
 * An integer literal sort key is a position in the output (Spark's
 * SubstituteUnresolvedOrdinals, which applies to DataFrame plans too:
 * `orderBy(lit(1))` sorts by the first column). Visible columns only.
 */
function withOrdinal(o: SortOrder, attrs: readonly Attribute[]): SortOrder {
  const c = o.child;
  if (c.kind !== 'Literal' || !(c.dataType instanceof IntegerType) || typeof c.value !== 'number') return o;
  const visible = attrs.map((a, i) => ({ a, i })).filter(({ a }) => !a.hidden);
  const target = visible[c.value - 1];
  if (!target) {
    throw new AnalysisException(`ORDER BY position ${c.value} is not in select list (valid range is [1, ${visible.length}]).`, {
      errorClass: 'ORDER_BY_POS_OUT_OF_RANGE',
      messageParameters: { index: String(c.value), size: String(visible.length) },
    });
  }
  return Object.freeze({ ...o, child: E.bound(target.i, target.a.name, target.a.dataType, target.a.nullable) });
}

/** Rejects aggregate functions where Spark does (WHERE, join conditions). */
export function assertNoAggregate(e: Expr, clause: string): void {
  const visit = (x: Expr): void => {
    if (x.kind === 'WindowExpr') {
      // Spark rejects a window function in a filter at analysis (it would otherwise reach execution unplanned).
      if (clause === 'WHERE') {
        throw new AnalysisException('It is not allowed to use window functions inside WHERE clause.', { errorClass: '_LEGACY_ERROR_TEMP_1034', messageParameters: { clauseName: 'WHERE' } });
      }
      throw new AnalysisException(
        'A query operator contains one or more unsupported expressions. Consider to rewrite it to avoid window functions, aggregate functions, and generator functions in the WHERE clause.',
        { errorClass: 'UNSUPPORTED_EXPR_FOR_OPERATOR' },
      );
    }
    if (x.kind === 'Call' && isAggregateCall(x)) {
      throw new AnalysisException(
        `Aggregate/Window/Generate expressions are not valid in where clause of the query. Expression in where clause: [${clause}]`,
        { errorClass: 'INVALID_WHERE_CONDITION' },
      );
    }
    childExprs(x).forEach(visit);
  };
  visit(e);
}

export function isAggregateCall(e: Expr): boolean {
  return e.kind === 'Call' && lookupFunction(e.fn).kind === 'aggregate';
}

/** An alias of a CHAR/VARCHAR column keeps its declared type, as Spark's Alias keeps its child's metadata. */
function aliasedCharVarchar(e: Expr, input: readonly Attribute[]): Readonly<Record<string, unknown>> {
  const declared = e.kind === 'Alias' && e.child.kind === 'BoundRef' ? input[e.child.index]?.metadata[CHAR_VARCHAR_KEY] : undefined;
  return declared === undefined ? {} : { [CHAR_VARCHAR_KEY]: declared };
}

/** Output attributes for a list of resolved, named expressions (pass-through refs keep their qualifiers). */
export function projectAttributes(exprs: readonly Expr[], names: readonly string[], input: readonly Attribute[], planId: number): Attribute[] {
  return exprs.map((e, i) => {
    const passed = e.kind === 'BoundRef' ? input[e.index] : undefined;
    if (passed && passed.name === names[i]) return passed.hidden ? { ...passed, hidden: false } : passed;
    // The same column named as its reference was written (case only): it keeps its identity.
    if (passed && passed.name.toLowerCase() === names[i]!.toLowerCase()) return { ...passed, name: names[i]!, hidden: false };
    const metadata = e.kind === 'Alias' && e.metadata ? e.metadata : e.kind === 'BoundRef' ? input[e.index]?.metadata ?? {} : aliasedCharVarchar(e, input);
    return {
      name: names[i]!,
      dataType: typeOf(e),
      nullable: e.nullable ?? true,
      metadata,
      qualifiers: [],
      planIds: new Set([planId]),
    };
  });
}

/** Normalizes a user join type string to ours, or throws Spark's error. */
export function normalizeJoinType(how: string): PlanOfKind<'Join'>['joinType'] {
  const key = how.toLowerCase().replace(/_/g, '');
  const map: Record<string, PlanOfKind<'Join'>['joinType']> = {
    inner: 'inner',
    cross: 'cross',
    outer: 'full',
    full: 'full',
    fullouter: 'full',
    left: 'left',
    leftouter: 'left',
    right: 'right',
    rightouter: 'right',
    semi: 'left_semi',
    leftsemi: 'left_semi',
    anti: 'left_anti',
    leftanti: 'left_anti',
  };
  const t = map[key];
  if (!t) {
    throw new IllegalArgumentException(
      `Unsupported join type '${how}'. Supported join types include: 'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', 'left', 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', 'leftanti', 'left_anti', 'anti', 'cross'.`,
      { errorClass: 'UNSUPPORTED_JOIN_TYPE' },
    );
  }
  return t;
}

/**
 * Repartition nodes leave the analyzed plan, but `coalesce(1)`/`repartition(1)` over a local
 * relation decides how Spark's aggregates above it split their partials (one partition, one
 * buffer): the relation keeps that count (plan/scan-partitions.ts).
 */
function onePartition(p: PlanOfKind<'Repartition'>, a: Analyzed): Analyzed {
  if (p.numPartitions !== 1 || a.plan.kind !== 'LocalRelation') return a;
  return { ...a, plan: withProps(a.plan, { scanPartitions: 1 }) };
}
