/** Hand-built resolved plans for the Polars backend tests. */
import { batchFromRows, batchRows, type Batch } from '../../../src/data/batch.js';
import { E, type Alias, type Call, type Expr, type SortOrder, typeOf } from '../../../src/expr/nodes.js';
import '../../../src/functions/defs/index.js';
import { lookupFunction } from '../../../src/functions/registry.js';
import { newPlanId, schemaOf, type JoinType, type LogicalPlan } from '../../../src/plan/nodes.js';
import { DataType, LONG, StructField, StructType } from '../../../src/types/data-types.js';
import { PolarsMaterializer, type PolarsMaterializerOptions } from '../../../src/backend/polars/index.js';

type Fields = readonly (readonly [string, DataType] | readonly [string, DataType, boolean])[];

export const schema = (fields: Fields): StructType =>
  new StructType(fields.map((f) => new StructField(f[0], f[1], f[2] ?? true)));

const node = (p: { readonly kind: LogicalPlan['kind'] } & Record<string, unknown>): LogicalPlan =>
  Object.freeze({ ...p, id: newPlanId() }) as unknown as LogicalPlan;

/** A LocalRelation from rows of internal values. */
export function rel(fields: Fields, rows: readonly (readonly unknown[])[]): LogicalPlan {
  const s = schema(fields);
  return node({ kind: 'LocalRelation', data: batchFromRows(s, rows), schema: s });
}

export function relFromBatch(b: Batch): LogicalPlan {
  return node({ kind: 'LocalRelation', data: b, schema: b.schema });
}

/** Bound reference to a column of `plan`'s output, by name or position. */
export function ref(plan: LogicalPlan, key: string | number): Expr {
  const s = schemaOf(plan);
  const i = typeof key === 'number' ? key : s.fields.findIndex((f) => f.name === key);
  if (i < 0) throw new Error(`no column ${key}`);
  const f = s.fields[i]!;
  return E.bound(i, f.name, f.dataType, f.nullable);
}

export const lit = (v: unknown, t: DataType): Expr => E.lit(v, t);

/** A resolved call: the definition computes the type (argument casts must already be explicit). */
export function call(fn: string, args: readonly Expr[], extra: { distinct?: boolean; options?: Record<string, unknown> } = {}): Call {
  const c = E.call(fn, args, extra);
  const def = lookupFunction(fn);
  const res = def.resolve(
    args.map((a) => ({ expr: a, dataType: typeOf(a), nullable: a.nullable ?? true, ...(a.kind === 'Literal' ? { literal: { value: a.value } } : {}) })),
    c,
    { sql: fn, argSql: args.map(() => 'x') },
  );
  return Object.freeze({ ...c, dataType: res.dataType, nullable: res.nullable });
}

/** A resolved call with an explicit result type (for tests that bypass the definition). */
export function typedCall(fn: string, args: readonly Expr[], dataType: DataType, extra: { distinct?: boolean; options?: Record<string, unknown> } = {}): Call {
  return Object.freeze({ ...E.call(fn, args, extra), dataType, nullable: true });
}

export const cast = (e: Expr, to: DataType): Expr => Object.freeze({ ...E.cast(e, to), dataType: to, nullable: true });

export function alias(e: Expr, name: string): Alias {
  return Object.freeze({ ...E.alias(e, name), dataType: typeOf(e), nullable: e.nullable ?? true });
}

const outField = (e: Expr, i: number): StructField => {
  const name = e.kind === 'Alias' ? e.name : e.kind === 'BoundRef' ? e.name : `col${i}`;
  return new StructField(name, typeOf(e), e.nullable ?? true);
};

export function project(input: LogicalPlan, exprs: readonly Expr[]): LogicalPlan {
  return node({ kind: 'Project', input, exprs, schema: new StructType(exprs.map(outField)) });
}

export function filter(input: LogicalPlan, condition: Expr): LogicalPlan {
  return node({ kind: 'Filter', input, condition, schema: schemaOf(input) });
}

export function sortBy(input: LogicalPlan, orders: readonly SortOrder[]): LogicalPlan {
  return node({ kind: 'Sort', input, orders, schema: schemaOf(input) });
}

export const asc = (e: Expr, nullsFirst = true): SortOrder => E.sort(e, true, nullsFirst);
export const desc = (e: Expr, nullsFirst = false): SortOrder => E.sort(e, false, nullsFirst);

export function aggregate(input: LogicalPlan, groupBy: readonly Expr[], aggs: readonly Expr[]): LogicalPlan {
  const fields = [...groupBy, ...aggs].map(outField);
  return node({ kind: 'Aggregate', input, groupBy, aggs, schema: new StructType(fields) });
}

export function join(
  left: LogicalPlan,
  right: LogicalPlan,
  joinType: JoinType,
  keys: readonly (readonly [string, string])[] = [],
  extra: { condition?: Expr; nullSafe?: readonly boolean[] } = {},
): LogicalPlan {
  const ls = schemaOf(left);
  const rs = schemaOf(right);
  const outer = (fs: readonly StructField[], nullable: boolean): StructField[] => fs.map((f) => (nullable ? f.withNullable(true) : f));
  const fields =
    joinType === 'left_semi' || joinType === 'left_anti'
      ? [...ls.fields]
      : [
          ...outer(ls.fields, joinType === 'right' || joinType === 'full'),
          ...outer(rs.fields, joinType === 'left' || joinType === 'full'),
        ];
  return node({
    kind: 'Join',
    left,
    right,
    joinType,
    leftKeys: keys.map(([l]) => ref(left, l)),
    rightKeys: keys.map(([, r]) => ref(right, r)),
    ...(extra.nullSafe ? { nullSafeKeys: extra.nullSafe } : {}),
    ...(extra.condition ? { condition: extra.condition } : {}),
    schema: new StructType(fields),
  });
}

/** Reference into a join's combined (left then right) row, for residual conditions. */
export function joinRef(left: LogicalPlan, right: LogicalPlan, side: 'l' | 'r', name: string): Expr {
  const ls = schemaOf(left);
  if (side === 'l') return ref(left, name);
  const r = ref(right, name);
  return r.kind === 'BoundRef' ? E.bound(r.index + ls.fields.length, r.name, r.dataType, r.nullable) : r;
}

export function limit(input: LogicalPlan, n: number): LogicalPlan {
  return node({ kind: 'Limit', input, n, schema: schemaOf(input) });
}
export function offset(input: LogicalPlan, n: number): LogicalPlan {
  return node({ kind: 'Offset', input, n, schema: schemaOf(input) });
}
export function range(start: number, end: number, step = 1): LogicalPlan {
  return node({ kind: 'Range', start, end, step, schema: schema([['id', LONG, false]]) });
}
export function setOp(left: LogicalPlan, right: LogicalPlan, op: 'union' | 'intersect' | 'except', all: boolean): LogicalPlan {
  return node({ kind: 'SetOperation', op, all, left, right, schema: schemaOf(left) });
}
export function dedup(input: LogicalPlan, keys?: readonly number[]): LogicalPlan {
  return node({ kind: 'Deduplicate', input, ...(keys ? { keys } : {}), schema: schemaOf(input) });
}
export function generate(input: LogicalPlan, generator: Call, outer: boolean, out: Fields): LogicalPlan {
  const s = schemaOf(input);
  return node({
    kind: 'Generate',
    input,
    generator,
    outer,
    outputNames: out.map((f) => f[0]),
    schema: new StructType([...s.fields, ...schema(out).fields]),
  });
}

/** Runs a plan on a fresh PolarsMaterializer (UTC unless given) and returns row-major internal values. */
export function run(plan: LogicalPlan, opts: PolarsMaterializerOptions = {}): unknown[][] {
  return batchRows(runBatch(plan, opts));
}

export function runBatch(plan: LogicalPlan, opts: PolarsMaterializerOptions = {}): Batch {
  return new PolarsMaterializer({ timeZone: 'UTC', ...opts }).materialize(plan);
}

/** Runs and also returns the delegations. */
export function runWithReport(plan: LogicalPlan, opts: PolarsMaterializerOptions = {}): { rows: unknown[][]; delegated: string[] } {
  const m = new PolarsMaterializer({ timeZone: 'UTC', ...opts });
  const rows = batchRows(m.materialize(plan));
  return { rows, delegated: m.lastDelegations.map((d) => d.kind) };
}

/** A Window node: `cols` are [name, window function call, spec]. */
export function windowNode(input: LogicalPlan, cols: readonly (readonly [string, Call, import('../../../src/expr/nodes.js').WindowSpecDef])[]): LogicalPlan {
  const windowExprs = cols.map(([name, fn, spec]) => {
    const w = Object.freeze({ ...E.window(fn, spec), dataType: typeOf(fn), nullable: true });
    return Object.freeze({ ...E.alias(w, name), dataType: typeOf(fn), nullable: true });
  });
  const s = schemaOf(input);
  return node({
    kind: 'Window',
    input,
    windowExprs,
    schema: new StructType([...s.fields, ...windowExprs.map((a) => new StructField(a.name, a.dataType!, true))]),
  });
}
