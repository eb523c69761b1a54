/**
 * SetOperation and Deduplicate. Rows compare null-safely (two nulls are
 * equal) with NaN = NaN and -0.0 = 0.0; results keep the left side's order
 * and distinct variants keep each row's first occurrence.
 *
 * INTERSECT/EXCEPT are semi/anti joins on all columns (written as a left join
 * against the distinct right rows, which keeps the left order); null-safety comes from
 * (is-null flag, filled value) key pairs. The ALL variants number each row's
 * occurrences (`int_range(len) over row`) and join on that number too: the
 * k-th copy of a left row survives INTERSECT ALL iff the right side has at
 * least k copies, and EXCEPT ALL iff it has fewer.
 */
import type { Deduplicate, SetOperation } from '../../../plan/nodes.js';
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
import type { NativeExpr, NativeLazyFrame } from '../native.js';
import { colRef, literal } from '../nx.js';
import { PL, integralBits } from '../type-mapper.js';
import type { Frame, OperatorEnv } from './types.js';
import { joinFrames } from '../binding-compat.js';

export function deduplicate(plan: Deduplicate, input: Frame): NativeLazyFrame {
  const n = input.schema.fields.length;
  const keys = plan.keys ?? input.schema.fields.map((_, i) => i);
  for (const k of keys) {
    const t = input.schema.fields[k]!.dataType;
    if (t instanceof MapType) delegate('deduplicating maps');
  }
  const subset = keys.length === n ? null : keys.map(colName);
  const unique = input.lf.unique(subset, 'first', true);
  // Spark normalizes floating grouping keys: a distinct -0.0 comes out as 0.0.
  const zeroFolds = keys
    .filter((k) => input.schema.fields[k]!.dataType instanceof DoubleType || input.schema.fields[k]!.dataType instanceof FloatType)
    .map((k) => foldNegativeZero(colRef(colName(k)), input.schema.fields[k]!.dataType).alias(colName(k)));
  return zeroFolds.length === 0 ? unique : unique.withColumns(zeroFolds);
}

function fill(t: DataType): NativeExpr {
  if (integralBits(t) !== undefined || t instanceof DoubleType || t instanceof FloatType) return numLit(0, t);
  if (t instanceof StringType) return literal('', t);
  if (t instanceof BooleanType) return literal(false, t);
  if (t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType) return literal(0, t);
  return delegate(`set operation over ${t.simpleString()}`);
}

/** Null-safe, normalized key columns `_k*` for every column. */
function rowKeys(frame: Frame, env: OperatorEnv): { exprs: NativeExpr[]; names: string[] } {
  void env;
  const exprs: NativeExpr[] = [];
  const names: string[] = [];
  frame.schema.fields.forEach((f, i) => {
    const t = f.dataType;
    if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType || t instanceof BinaryType || t instanceof NullType) {
      delegate(`set operation over ${t.simpleString()}`);
    }
    let x = colRef(colName(i));
    if (t instanceof DoubleType || t instanceof FloatType) x = foldNegativeZero(x, t);
    exprs.push(x.isNull().alias(`_k${2 * i}`), x.fillNull(fill(t)).alias(`_k${2 * i + 1}`));
    names.push(`_k${2 * i}`, `_k${2 * i + 1}`);
  });
  return { exprs, names };
}

export function setOperation(plan: SetOperation, left: Frame, right: Frame, env: OperatorEnv): NativeLazyFrame {
  const pl = env.pl;
  if (plan.op === 'union') {
    const all = pl.concatLf([left.lf, right.lf], 'vertical', false, true, false, true);
    return plan.all ? all : all.unique(null, 'first', true);
  }
  // Rows without columns have no keys to join on (input.ts UNIT_COLUMN).
  if (left.schema.fields.length === 0) delegate(`${plan.op} of relations without columns`);
  const outNames = left.schema.fields.map((_, i) => colName(i));
  const lk = rowKeys(left, env);
  const rk = rowKeys(right, env);
  let L = left.lf.withColumns(lk.exprs);
  let R = right.lf.withColumns(rk.exprs);
  const on = [...lk.names];
  if (plan.all) {
    const occ = (names: readonly string[]): NativeExpr =>
      pl.intRange({ _expr: pl.lit(0) }, { _expr: pl.len() }, 1, PL.Int64).over(names.map((n) => colRef(n))).alias('_occ');
    L = L.withColumns([occ(lk.names)]);
    R = R.withColumns([occ(rk.names)]);
    on.push('_occ');
  }
  // Semi/anti as a left join against the distinct right keys (with a marker): keeps the left order.
  const rightKeys = R.select([...on.map((n) => colRef(n)), pl.lit(true).alias('_m')]).unique(null, 'any', false);
  const found = joinFrames(L, rightKeys, on.map((n) => colRef(n)), on.map((n) => colRef(n)), 'left', '_dup');
  const m = colRef('_m');
  // The row index keeps Polars from treating the join output as unordered (it would drop `maintain_order` below).
  const joined = found
    .filter(plan.op === 'intersect' ? m.fillNull(pl.lit(false)) : m.isNull())
    .withRowIndex('_jb', 0)
    .select(outNames.map((n) => colRef(n)));
  return plan.all ? joined : joined.unique(outNames, 'first', true);
}
