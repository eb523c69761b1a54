/** LocalRelation, Range, Project, Filter, Limit, Offset, Sample. */
import type { Filter, Limit, LocalRelation, LogicalPlan, Offset, Project, Range } from '../../../plan/nodes.js';
import { schemaOf } from '../../../plan/nodes.js';
import { children, type Expr } from '../../../expr/nodes.js';
import { NullType } from '../../../types/data-types.js';
import { batchToNative, colName, UNIT_COLUMN } from '../input.js';
import type { NativeExpr, NativeLazyFrame } from '../native.js';
import { colRef, i64 } from '../nx.js';
import { PL } from '../type-mapper.js';
import type { Frame, OperatorEnv } from './types.js';

/** Largest slice length the binding accepts (u32). */
export const MAX_SLICE = 4294967295;

export function localRelation(plan: LocalRelation): NativeLazyFrame {
  return batchToNative(plan.data).lazy();
}

/** `spark.range(start, end, step)` as one Int64 column. */
export function range(plan: Range, env: OperatorEnv): NativeLazyFrame {
  const pl = env.pl;
  const empty = new pl.JsDataFrame([]).lazy();
  return empty.select([pl.intRange({ _expr: i64(plan.start) }, { _expr: i64(plan.end) }, plan.step, PL.Int64).alias(colName(0))]);
}

export function project(plan: Project, input: Frame, env: OperatorEnv): NativeLazyFrame {
  const tr = env.translator(input.schema);
  const { value: exprs, bound } = tr.binding(() => plan.exprs.map((e) => tr.tr(e)));
  const lf = withBound(input.lf, bound);
  if (exprs.length === 0) {
    // No columns: keep the input's height in a placeholder column (see UNIT_COLUMN).
    return input.lf.withColumns([env.pl.lit(null).alias(UNIT_COLUMN)]).select([colRef(UNIT_COLUMN)]);
  }
  if (!plan.exprs.some(readsValues)) {
    // A select whose expressions are all scalars yields one row in Polars (and a
    // null-typed column may be lowered to a null literal): with_columns broadcasts to the input height.
    const tmp = exprs.map((x, i) => x.alias(`_p${i}`));
    return lf.withColumns(tmp).select(exprs.map((_, i) => colRef(`_p${i}`).alias(colName(i))));
  }
  return lf.select(exprs.map((x, i) => x.alias(colName(i))));
}

/** `lf` with the columns an expression translation bound (ExprTranslator.bind), each after those it may read. */
function withBound(lf: NativeLazyFrame, bound: readonly NativeExpr[]): NativeLazyFrame {
  return bound.reduce((f, b) => f.withColumns([b]), lf);
}

/** The node's input columns, to drop bound ones after use. */
function inputColumns(input: Frame): NativeExpr[] {
  return input.schema.fields.length === 0 ? [colRef(UNIT_COLUMN)] : input.schema.fields.map((_, i) => colRef(colName(i)));
}

/** True when the plan is a sort, possibly under projections, filters and slices (themselves plain slices of it). */
function overSort(p: LogicalPlan): boolean {
  switch (p.kind) {
    case 'Sort':
      return true;
    case 'Project':
    case 'Filter':
    case 'Limit':
    case 'Offset':
      return overSort(p.input);
    default:
      return false;
  }
}

/** True when `e` reads an input column other than a null-typed one (lowerings may fold those to literals). */
function readsValues(e: Expr): boolean {
  if (e.kind === 'BoundRef') return !(e.dataType instanceof NullType);
  if (e.kind === 'WindowExpr' || e.kind === 'ColumnRef' || e.kind === 'Star' || e.kind === 'LambdaVar') return true;
  return children(e).some(readsValues);
}

export function filter(plan: Filter, input: Frame, env: OperatorEnv): NativeLazyFrame {
  const c = plan.condition;
  if (c.kind === 'Literal' && c.value === true) return input.lf;
  const tr = env.translator(input.schema);
  const { value: cond, bound } = tr.binding(() => tr.tr(c));
  if (bound.length === 0) return input.lf.filter(cond);
  return withBound(input.lf, bound).filter(cond).select(inputColumns(input));
}

export function limit(plan: Limit, input: Frame): NativeLazyFrame {
  return slice(plan, input, 0, Math.max(0, Math.min(plan.n, MAX_SLICE)));
}

export function offset(plan: Offset, input: Frame): NativeLazyFrame {
  return slice(plan, input, Math.max(0, plan.n), MAX_SLICE);
}

/**
 * A slice Polars' optimizer cannot lose or reorder: a slice directly over a
 * union becomes the union's own slice option, which is dropped when that
 * union is flattened into an enclosing one (`a.union(b).limit(1).union(...)`
 * returned every row), and a sort above a slice lets Polars drop the
 * order-keeping of a distinct below it (`distinct().limit(1).orderBy(...)`
 * kept another row). A row index between them keeps the slice a node of its
 * own. Over a sort the plain slice stays: that is Polars' top-k.
 */
function slice(plan: Limit | Offset, input: Frame, offset: number, length: number): NativeLazyFrame {
  if (overSort(plan.input)) return input.lf.slice(offset, length);
  return input.lf.withRowIndex('_sl', 0).slice(offset, length).select(inputColumns(input));
}

/** The output schema of a node, for operators that build frames from scratch. */
export const outSchema = schemaOf;
