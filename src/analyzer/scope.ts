/**
 * What a plan node exposes to name resolution: its output attributes, each
 * with the table aliases that qualify it and the ids of the plan nodes
 * (DataFrames) it is visible from, so `df.col('x')` binds to the right side
 * of a self-join.
 */
import type { Batch } from '../data/batch.js';
import type { UdfLookup } from './resolve-udf.js';
import { E } from '../expr/nodes.js';
import { plan, withProps, type LogicalPlan } from '../plan/nodes.js';
import { StructField, StructType, type DataType } from '../types/data-types.js';

export interface Attribute {
  readonly name: string;
  readonly dataType: DataType;
  readonly nullable: boolean;
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Lower-cased table/DataFrame aliases that qualify the column (`t.col`). */
  readonly qualifiers: readonly string[];
  readonly planIds: ReadonlySet<number>;
  /**
   * Reachable only by qualified name (`t2.k`) or `t2.*`, not by `k` or `*`:
   * the key columns a USING / NATURAL join drops from its output, as Spark
   * keeps them. Hidden attributes always come after the visible ones.
   */
  readonly hidden?: boolean;
}

/** A resolved plan with the attributes its output exposes. */
export interface Analyzed {
  readonly plan: LogicalPlan;
  readonly attrs: readonly Attribute[];
}

/** Table and view lookup, provided by the session's catalog. */
export interface RelationLookup {
  /**
   * A view's plan (`permanent` for a catalog view: its database and name and the SQL
   * settings it was created under), or a stored table's schema; throws TABLE_OR_VIEW_NOT_FOUND.
   */
  lookupRelation(database: string | undefined, table: string):
    | { readonly kind: 'view'; readonly plan: LogicalPlan; readonly permanent?: PermanentView }
    | { readonly kind: 'table'; readonly database: string; readonly table: string; readonly schema: StructType };
}

export interface PermanentView {
  readonly database: string;
  readonly table: string;
  /** Where the view's query looks up unqualified names (the current database when it was made). */
  readonly namespace: string;
  readonly sqlConfigs: Readonly<Record<string, string>>;
}

export interface AnalyzerContext {
  readonly relations: RelationLookup;
  readonly caseSensitive: boolean;
  /** spark.sql.ansi.enabled: ANSI's analysis rules (casts it forbids) apply. */
  readonly ansiEnabled?: boolean;
  /** A session setting's value (e.g. spark.sql.decimalOperations.allowPrecisionLoss), for function typing. */
  readonly conf?: (key: string) => string | undefined;
  /** spark.sql.session.timeZone: names zoned TIMESTAMP literals (UTC when absent). */
  readonly timeZone?: string;
  /** Runs a resolved plan (pivot without explicit values needs the distinct pivot values). */
  readonly execute: (plan: LogicalPlan) => Batch;
  /** UDFs registered in the session (`spark.udf.register`). */
  readonly udfs?: UdfLookup;
  /** spark.sql.orderByOrdinal (default true): an integer literal sort key is a position in the output. */
  readonly orderByOrdinal?: boolean;
  /** The database unqualified catalog names are looked up in (`USE db`). */
  readonly currentDatabase?: string;
}

export function attributesFromSchema(schema: StructType, planId: number, qualifiers: readonly string[] = []): Attribute[] {
  const ids = new Set([planId]);
  return schema.fields.map((f) => ({
    name: f.name,
    dataType: f.dataType,
    nullable: f.nullable,
    metadata: f.metadata,
    qualifiers,
    planIds: ids,
  }));
}

export function schemaFromAttributes(attrs: readonly Attribute[]): StructType {
  return new StructType(attrs.map((a) => new StructField(a.name, a.dataType, a.nullable, a.metadata)));
}

/**
 * The output schema of a node that passes its input's rows through unchanged
 * (Filter, Sort, Limit, ...): the input plan's schema object itself when it
 * describes exactly these attributes, else one built from them.
 */
export function passThroughSchema(input: Analyzed): StructType {
  const p = input.plan;
  const schema = p.kind === 'LocalRelation' ? (p.schema ?? p.data.schema) : p.schema;
  const attrs = input.attrs;
  if (schema && schema.fields.length === attrs.length) {
    let same = true;
    for (let i = 0; i < attrs.length && same; i++) {
      const a = attrs[i]!;
      const f = schema.fields[i]!;
      same = f.name === a.name && f.dataType === a.dataType && f.nullable === a.nullable && f.metadata === a.metadata;
    }
    if (same) return schema;
  }
  return schemaFromAttributes(attrs);
}

/**
 * Plan ids with one more id, sharing the rest: every analyzed node makes each
 * of its output attributes visible from itself, so copying the whole set per
 * node would cost O(chain length) per column and step.
 */
class PlanIdChain implements ReadonlySet<number> {
  readonly size: number;

  constructor(
    readonly id: number,
    readonly rest: ReadonlySet<number>,
  ) {
    this.size = rest.size + 1;
  }

  has(x: number): boolean {
    let s: ReadonlySet<number> = this;
    while (s instanceof PlanIdChain) {
      if (s.id === x) return true;
      s = s.rest;
    }
    return s.has(x);
  }

  *values(): SetIterator<number> {
    const ids: number[] = [];
    let s: ReadonlySet<number> = this;
    while (s instanceof PlanIdChain) {
      ids.push(s.id);
      s = s.rest;
    }
    yield* s;
    for (let i = ids.length - 1; i >= 0; i--) yield ids[i]!;
  }

  keys(): SetIterator<number> {
    return this.values();
  }

  *entries(): SetIterator<[number, number]> {
    for (const v of this.values()) yield [v, v];
  }

  forEach(fn: (value: number, key: number, set: ReadonlySet<number>) => void, thisArg?: unknown): void {
    for (const v of this.values()) fn.call(thisArg, v, v, this);
  }

  [Symbol.iterator](): SetIterator<number> {
    return this.values();
  }
}

/** The same attributes, also visible from plan node `id`. */
export function visibleFrom(attrs: readonly Attribute[], id: number): Attribute[] {
  return attrs.map((a) => (a.planIds.has(id) ? a : { ...a, planIds: new PlanIdChain(id, a.planIds) }));
}

/** `ids` and `id` (in that order), sharing `ids` rather than copying it. */
export function withPlanId(ids: ReadonlySet<number>, id: number): ReadonlySet<number> {
  return ids.has(id) ? ids : new PlanIdChain(id, ids);
}

export function newAttribute(name: string, dataType: DataType, nullable: boolean, planId: number, metadata: Readonly<Record<string, unknown>> = {}): Attribute {
  return { name, dataType, nullable, metadata, qualifiers: [], planIds: new Set([planId]) };
}

export const namesEqual = (a: string, b: string, caseSensitive: boolean): boolean =>
  caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase();

const withoutHiddenMemo = new WeakMap<Analyzed, Analyzed>();

/**
 * The analyzed plan with its hidden attributes dropped (a Project of the
 * visible prefix), or `a` itself when it has none. BoundRefs into the
 * visible attributes mean the same in both.
 */
export function withoutHidden(a: Analyzed): Analyzed {
  if (!a.attrs.some((x) => x.hidden)) return a;
  const hit = withoutHiddenMemo.get(a);
  if (hit) return hit;
  const attrs = a.attrs.filter((x) => !x.hidden);
  const exprs = attrs.map((x, i) => E.bound(i, x.name, x.dataType, x.nullable));
  const out: Analyzed = { plan: withProps(plan('Project', { input: a.plan, exprs }), { schema: schemaFromAttributes(attrs) }), attrs };
  withoutHiddenMemo.set(a, out);
  return out;
}

/** The attributes with hidden ones moved last (a join of inputs that both have hidden attributes). */
export function hiddenLast(a: Analyzed): Analyzed {
  const visible = a.attrs.map((x, i) => ({ x, i })).filter(({ x }) => !x.hidden);
  const hidden = a.attrs.map((x, i) => ({ x, i })).filter(({ x }) => x.hidden);
  if (hidden.length === 0 || hidden.every(({ i }) => i >= visible.length)) return a;
  const order = [...visible, ...hidden];
  const attrs = order.map(({ x }) => x);
  const exprs = order.map(({ x, i }) => E.bound(i, x.name, x.dataType, x.nullable));
  return { plan: withProps(plan('Project', { input: a.plan, exprs }), { schema: schemaFromAttributes(attrs) }), attrs };
}
