/**
 * Builders of *resolved* expressions and plans for backend tests: BoundRefs,
 * typed literals, calls typed by their registry definition (with the implicit
 * casts it asks for), and plan nodes carrying their output schema.
 */
import '../../src/functions/defs/index.js';
import { batchFromRows, batchRows } from '../../src/data/batch.js';
import { E, typeOf, type Alias, type Call, type Expr, type SortOrder, type WindowFrame, type WindowSpecDef } from '../../src/expr/nodes.js';
import { lookupFunction } from '../../src/functions/registry.js';
import { argInfo } from '../../src/analyzer/resolve-call.js';
import { plan, schemaOf, withProps, type JoinType, type LogicalPlan } from '../../src/plan/nodes.js';
import {
  ArrayType,
  BOOLEAN,
  DataType,
  DOUBLE,
  INT,
  LONG,
  MapType,
  NullType,
  STRING,
  StructField,
  StructType,
} from '../../src/types/data-types.js';
import { executePlan } from '../../src/backend/memory/executor.js';
import { createExecContext, type ExecContextOptions } from '../../src/backend/memory/context.js';

export type FieldSpec = readonly [name: string, type: DataType, nullable?: boolean];

export function schema(...fields: FieldSpec[]): StructType {
  return new StructType(fields.map(([n, t, nullable]) => new StructField(n, t, nullable ?? true)));
}

/** Column `index` of the input, typed from the input schema. */
export function col(input: LogicalPlan | StructType, index: number): Expr {
  const s = input instanceof StructType ? input : schemaOf(input);
  const f = s.fields[index]!;
  return E.bound(index, f.name, f.dataType, f.nullable);
}

export function ref(index: number, name: string, type: DataType, nullable = true): Expr {
  return E.bound(index, name, type, nullable);
}

/** A typed literal; the JS type picks the Spark type unless given. */
export function lit(value: unknown, type?: DataType): Expr {
  const t =
    type ??
    (value === null
      ? new NullType()
      : typeof value === 'boolean'
        ? BOOLEAN
        : typeof value === 'string'
          ? STRING
          : typeof value === 'bigint'
            ? LONG
            : Number.isInteger(value)
              ? INT
              : DOUBLE);
  return Object.freeze({ ...E.lit(value, t), dataType: t, nullable: value === null });
}

/** A resolved cast. */
export function cast(child: Expr, to: DataType): Expr {
  return Object.freeze({ ...E.cast(child, to), dataType: to, nullable: true });
}

export function alias(child: Expr, name: string): Alias {
  return Object.freeze({ ...E.alias(child, name), dataType: typeOf(child), nullable: child.nullable ?? true }) as Alias;
}

function nameOf(e: Expr): string | undefined {
  if (e.kind === 'BoundRef' || e.kind === 'Alias') return e.name;
  return undefined;
}

/** A call typed by its FunctionDef, with the implicit argument casts it requests. */
export function call(fn: string, args: readonly Expr[], extra: { distinct?: boolean; options?: Record<string, unknown> } = {}): Call {
  const def = lookupFunction(fn);
  const base = E.call(fn, args, extra);
  const infos = args.map(argInfo);
  const res = def.resolve(infos, base, { sql: fn, argSql: args.map((a, i) => nameOf(a) ?? `arg${i}`) });
  const casted = args.map((a, i) => {
    const t = res.argTypes?.[i];
    return t && !typeOf(a).equals(t) ? cast(a, t) : a;
  });
  return Object.freeze({ ...base, args: Object.freeze(casted), dataType: res.dataType, nullable: res.nullable });
}

/** A call with an explicit result type (for functions without a definition). */
export function typedCall(fn: string, args: readonly Expr[], dataType: DataType, extra: { distinct?: boolean; options?: Record<string, unknown> } = {}): Call {
  return Object.freeze({ ...E.call(fn, args, extra), dataType, nullable: true });
}

export const asc = (e: Expr, nullsFirst = true): SortOrder => Object.freeze({ ...E.sort(e, true, nullsFirst), dataType: typeOf(e), nullable: true }) as SortOrder;
export const desc = (e: Expr, nullsFirst = false): SortOrder => Object.freeze({ ...E.sort(e, false, nullsFirst), dataType: typeOf(e), nullable: true }) as SortOrder;

export function windowExpr(fn: Call, spec: Partial<WindowSpecDef> & { frame?: WindowFrame }): Expr {
  const full: WindowSpecDef = { partitionBy: spec.partitionBy ?? [], orderBy: spec.orderBy ?? [], ...(spec.frame ? { frame: spec.frame } : {}) };
  return Object.freeze({ ...E.window(fn, full), dataType: typeOf(fn), nullable: true });
}

const field = (e: Expr, i: number): StructField => new StructField(nameOf(e) ?? `c${i}`, typeOf(e), e.nullable ?? true);

// --- plans ---------------------------------------------------------------

const resolved = <P extends LogicalPlan>(p: P, s: StructType): P => withProps(p, { schema: s } as Partial<P>);

export function relation(s: StructType, rows: readonly (readonly unknown[])[]): LogicalPlan {
  return resolved(plan('LocalRelation', { data: batchFromRows(s, rows) }), s);
}

export function range(start: number, end: number, step = 1): LogicalPlan {
  return resolved(plan('Range', { start, end, step }), schema(['id', LONG, false]));
}

export function project(input: LogicalPlan, exprs: readonly Expr[]): LogicalPlan {
  return resolved(plan('Project', { input, exprs }), new StructType(exprs.map(field)));
}

export function filter(input: LogicalPlan, condition: Expr): LogicalPlan {
  return resolved(plan('Filter', { input, condition }), schemaOf(input));
}

export function sort(input: LogicalPlan, orders: readonly SortOrder[]): LogicalPlan {
  return resolved(plan('Sort', { input, orders }), schemaOf(input));
}

export function limit(input: LogicalPlan, n: number): LogicalPlan {
  return resolved(plan('Limit', { input, n }), schemaOf(input));
}

export function offset(input: LogicalPlan, n: number): LogicalPlan {
  return resolved(plan('Offset', { input, n }), schemaOf(input));
}

export function aggregate(input: LogicalPlan, groupBy: readonly Expr[], aggs: readonly Expr[], groupingSets?: readonly (readonly number[])[]): LogicalPlan {
  const fields = [...groupBy.map(field), ...aggs.map((e, i) => field(e, groupBy.length + i))];
  if (groupingSets) fields.push(new StructField('spark_grouping_id', INT, false));
  return resolved(plan('Aggregate', { input, groupBy, aggs, ...(groupingSets ? { groupingSets } : {}) }), new StructType(fields));
}

export function window(input: LogicalPlan, windowExprs: readonly Alias[]): LogicalPlan {
  const s = new StructType([...schemaOf(input).fields, ...windowExprs.map(field)]);
  return resolved(plan('Window', { input, windowExprs }), s);
}

export function join(
  left: LogicalPlan,
  right: LogicalPlan,
  joinType: JoinType,
  keys: { left?: readonly Expr[]; right?: readonly Expr[]; nullSafe?: readonly boolean[]; condition?: Expr } = {},
): LogicalPlan {
  const semi = joinType === 'left_semi' || joinType === 'left_anti';
  const ls = schemaOf(left).fields;
  const rs = schemaOf(right).fields;
  const nullableLeft = joinType === 'right' || joinType === 'full';
  const nullableRight = joinType === 'left' || joinType === 'full';
  const fields = semi ? ls : [...ls.map((f) => f.withNullable(f.nullable || nullableLeft)), ...rs.map((f) => f.withNullable(f.nullable || nullableRight))];
  return resolved(
    plan('Join', {
      left,
      right,
      joinType,
      ...(keys.left ? { leftKeys: keys.left } : {}),
      ...(keys.right ? { rightKeys: keys.right } : {}),
      ...(keys.nullSafe ? { nullSafeKeys: keys.nullSafe } : {}),
      ...(keys.condition ? { condition: keys.condition } : {}),
    }),
    new StructType(fields),
  );
}

export function setOp(left: LogicalPlan, right: LogicalPlan, op: 'union' | 'intersect' | 'except', all: boolean): LogicalPlan {
  return resolved(plan('SetOperation', { op, all, left, right }), schemaOf(left));
}

export function dedup(input: LogicalPlan, keys?: readonly number[]): LogicalPlan {
  return resolved(plan('Deduplicate', { input, ...(keys ? { keys } : {}) }), schemaOf(input));
}

export function generate(input: LogicalPlan, generator: Call, outer: boolean, outputs: readonly FieldSpec[]): LogicalPlan {
  const s = new StructType([...schemaOf(input).fields, ...outputs.map(([n, t, nl]) => new StructField(n, t, nl ?? true))]);
  return resolved(plan('Generate', { input, generator, outer, outputNames: outputs.map((o) => o[0]) }), s);
}

export function sample(input: LogicalPlan, fraction: number, seed: number, withReplacement = false): LogicalPlan {
  return resolved(plan('Sample', { input, fraction, seed, withReplacement }), schemaOf(input));
}

/** Executes with the memory backend (UTC, fixed now) and returns rows of internal values. */
export function run(p: LogicalPlan, options: ExecContextOptions = {}): unknown[][] {
  const ctx = createExecContext({ timeZone: 'UTC', now: Date.UTC(2024, 0, 15, 12, 30, 0) * 1000, ...options });
  return batchRows(executePlan(p, ctx));
}

/** Evaluates expressions over a one-row relation (or the given rows); returns the first column's values. */
export function evalExprs(exprs: readonly ((input: LogicalPlan) => Expr)[], rows?: { schema: StructType; rows: readonly (readonly unknown[])[] }, options: ExecContextOptions = {}): unknown[][] {
  const input = rows ? relation(rows.schema, rows.rows) : relation(schema(['dummy', INT]), [[0]]);
  return run(project(input, exprs.map((f) => f(input))), options);
}

/** Value of one expression over a single dummy row. */
export function evalOne(e: Expr, options: ExecContextOptions = {}): unknown {
  return evalExprs([() => e], undefined, options)[0]![0];
}

export { ArrayType, MapType, StructType, StructField };
