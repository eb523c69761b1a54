/**
 * Joins, all Spark types, with the interpreter's output order: left rows in
 * order, each followed by its matches in right order (right joins go by
 * right rows; full joins append unmatched right rows). Polars' hash join
 * order is unspecified, so both sides carry a row index and the result is
 * sorted by it.
 *
 * Keys: right columns are renamed `c{nl+j}` first, so output names never
 * collide. Null keys never match (Polars' default); a null-safe key becomes
 * (is-null flag, value with nulls filled), which matches nulls to nulls only.
 * Floating keys fold -0.0 into 0.0 (Polars already matches NaN to NaN).
 *
 * A residual condition is a filter on the inner (or cross) join's pairs; for
 * outer/semi/anti joins, the unmatched rows are then recovered with anti
 * joins on the row index, so the condition decides matching as in Spark.
 */
import type { Expr } from '../../../expr/nodes.js';
import { typeOf } from '../../../expr/nodes.js';
import type { Join } from '../../../plan/nodes.js';
import {
  ArrayType,
  BinaryType,
  BooleanType,
  DataType,
  DateType,
  DoubleType,
  FloatType,
  MapType,
  NullType,
  StringType,
  StructType,
  TimestampNTZType,
  TimestampType,
} from '../../../types/data-types.js';
import { delegate } from '../delegation.js';
import { foldNegativeZero, numLit } from '../functions/operators.js';
import { colName } from '../input.js';
import type { NativeExpr, NativeJoinHow, NativeLazyFrame } from '../native.js';
import { literal, nullOf } from '../nx.js';
import { PL, integralBits } from '../type-mapper.js';
import type { Frame, OperatorEnv } from './types.js';

const LI = '_li';
const RI = '_ri';

function joinKeyValue(x: NativeExpr, t: DataType): NativeExpr {
  if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType || t instanceof BinaryType || t instanceof NullType) {
    delegate(`join key of type ${t.simpleString()}`);
  }
  return t instanceof DoubleType || t instanceof FloatType ? foldNegativeZero(x, t) : x;
}

/** A non-null placeholder of type `t` (pairs with an is-null flag for null-safe keys). */
function placeholder(t: DataType): NativeExpr {
  if (integralBits(t) !== undefined || t instanceof DoubleType || t instanceof FloatType) return numLit(0, t);
  if (t instanceof StringType) return literal('', t);
  if (t instanceof BooleanType) return literal(false, t);
  if (t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType) return literal(0, t);
  return delegate(`null-safe join key of type ${t.simpleString()}`);
}

interface KeyCols {
  readonly left: NativeExpr[];
  readonly right: NativeExpr[];
  readonly leftNames: string[];
  readonly rightNames: string[];
}

function keyColumns(plan: Join, left: Frame, right: Frame, env: OperatorEnv): KeyCols {
  const nl = left.schema.fields.length;
  const ltr = env.translator(left.schema);
  const rtr = env.translator(right.schema, 'row', (i) => colName(nl + i));
  const out: KeyCols = { left: [], right: [], leftNames: [], rightNames: [] };
  const lk = plan.leftKeys ?? [];
  const rk = plan.rightKeys ?? [];
  const add = (l: NativeExpr, r: NativeExpr): void => {
    const i = out.left.length;
    out.left.push(l.alias(`_lk${i}`));
    out.right.push(r.alias(`_rk${i}`));
    out.leftNames.push(`_lk${i}`);
    out.rightNames.push(`_rk${i}`);
  };
  lk.forEach((le: Expr, i) => {
    const re = rk[i]!;
    const t = typeOf(le);
    const l = joinKeyValue(ltr.tr(le), t);
    const r = joinKeyValue(rtr.tr(re), typeOf(re));
    if (plan.nullSafeKeys?.[i]) {
      add(l.isNull(), r.isNull());
      add(l.fillNull(placeholder(t)), r.fillNull(placeholder(t)));
    } else add(l, r);
  });
  return out;
}

export function join(plan: Join, left: Frame, right: Frame, env: OperatorEnv): NativeLazyFrame {
  const pl = env.pl;
  const nl = left.schema.fields.length;
  const type = plan.joinType;
  const keys = keyColumns(plan, left, right, env);
  const hasKeys = keys.left.length > 0;
  const cols = (names: readonly string[]): NativeExpr[] => names.map((n) => pl.col(n));

  // Right columns renamed after the left ones.
  let R = right.lf.select(right.schema.fields.map((_, j) => pl.col(colName(j)).alias(colName(nl + j))));
  let L = left.lf;
  if (hasKeys) {
    L = L.withColumns(keys.left);
    R = R.withColumns(keys.right);
  }
  const lOn = cols(keys.leftNames);
  const rOn = cols(keys.rightNames);
  const pj = (a: NativeLazyFrame, b: NativeLazyFrame, how: NativeJoinHow, on = hasKeys): NativeLazyFrame =>
    on ? a.join(b, lOn, rOn, true, false, how, '_dup', false, 'm:m', [], []) : a.join(b, [], [], true, false, 'cross', '_dup', false, 'm:m', [], []);

  const leftNames = left.schema.fields.map((_, i) => colName(i));
  const allNames = [...leftNames, ...right.schema.fields.map((_, j) => colName(nl + j))];
  const cond = plan.condition ? env.translator(concatSchema(left, right)).tr(plan.condition) : undefined;

  L = L.withRowIndex(LI, 0);
  const byLi = (lf: NativeLazyFrame): NativeLazyFrame => lf.sortByExprs([pl.col(LI)], false, false, true);
  // Semi/anti joins on keys alone (Polars does not promise the left order, hence the sort).
  if ((type === 'left_semi' || type === 'left_anti') && hasKeys && !cond) {
    return byLi(pj(L, R, type === 'left_semi' ? 'semi' : 'anti')).select(cols(leftNames));
  }

  R = R.withRowIndex(RI, 0);
  const byLeft = (lf: NativeLazyFrame): NativeLazyFrame => lf.sortByExprs([pl.col(LI), pl.col(RI)], false, true, true);
  const byRight = (lf: NativeLazyFrame): NativeLazyFrame => lf.sortByExprs([pl.col(RI), pl.col(LI)], false, true, true);

  if (!cond && (type === 'inner' || type === 'cross' || type === 'left' || type === 'right' || type === 'full')) {
    if (type === 'cross' || (!hasKeys && type === 'inner')) return pj(L, R, 'cross', false).select(cols(allNames));
    if (hasKeys || type === 'inner') {
      const how: NativeJoinHow = type === 'left' ? 'left' : type === 'right' ? 'right' : type === 'full' ? 'full' : 'inner';
      const joined = pj(L, R, how);
      return (type === 'right' ? byRight(joined) : byLeft(joined)).select(cols(allNames));
    }
  }

  // General path: matched pairs = (inner or cross join) filtered by the condition.
  let matched = pj(L, R, hasKeys ? 'inner' : 'cross');
  if (cond) matched = matched.filter(cond);
  if (type === 'inner' || type === 'cross') return byLeft(matched).select(cols(allNames));

  const withIdx = [...allNames, LI, RI];
  matched = matched.select(cols(withIdx));
  const matchedLi = matched.select([pl.col(LI)]).unique(null, 'first', false);
  const matchedRi = matched.select([pl.col(RI)]).unique(null, 'first', false);
  const onIdx = (a: NativeLazyFrame, b: NativeLazyFrame, name: string, how: NativeJoinHow): NativeLazyFrame =>
    a.join(b, [pl.col(name)], [pl.col(name)], true, false, how, '_dup', false, 'm:m', [], []);

  if (type === 'left_semi' || type === 'left_anti') {
    return byLi(onIdx(L, matchedLi, LI, type === 'left_semi' ? 'semi' : 'anti')).select(cols(leftNames));
  }
  const nullIdx = pl.lit(null).cast(PL.UInt32, true);
  const parts: NativeLazyFrame[] = [matched];
  if (type === 'left' || type === 'full') {
    const unmatched = onIdx(L, matchedLi, LI, 'anti');
    parts.push(
      unmatched.select([
        ...cols(leftNames),
        ...right.schema.fields.map((f, j) => nullOf(f.dataType).alias(colName(nl + j))),
        pl.col(LI),
        nullIdx.alias(RI),
      ]),
    );
  }
  if (type === 'right' || type === 'full') {
    const unmatched = onIdx(R, matchedRi, RI, 'anti');
    parts.push(
      unmatched.select([
        ...left.schema.fields.map((f, i) => nullOf(f.dataType).alias(colName(i))),
        ...right.schema.fields.map((_, j) => pl.col(colName(nl + j))),
        nullIdx.alias(LI),
        pl.col(RI),
      ]),
    );
  }
  const all = pl.concatLf(parts, 'vertical', false, true, false, true);
  return (type === 'right' ? byRight(all) : byLeft(all)).select(cols(allNames));
}

function concatSchema(left: Frame, right: Frame): StructType {
  return new StructType([...left.schema.fields, ...right.schema.fields]);
}
