/**
 * Sort: stable, per-key direction and null placement, NaN largest (Polars'
 * float order already puts NaN last ascending), -0.0 equal to 0.0.
 *
 * The binding's `sortByExprs` takes one `descending` and one `nullsLast` flag
 * for all keys. When the keys agree on both, they are used directly (the
 * common case, and the fastest). Otherwise every key becomes two ascending
 * keys: a null flag (placing nulls) and the value, replaced by its dense
 * descending rank when the key sorts descending.
 */
import type { SortOrder } from '../../../expr/nodes.js';
import { typeOf } from '../../../expr/nodes.js';
import type { Sort } from '../../../plan/nodes.js';
import { ArrayType, BinaryType, DataType, DoubleType, FloatType, MapType, StructType } from '../../../types/data-types.js';
import { delegate } from '../delegation.js';
import type { ExprTranslator } from '../expression-translator.js';
import type { NativeExpr, NativeLazyFrame } from '../native.js';
import { foldNegativeZero } from '../functions/operators.js';
import type { Frame, OperatorEnv } from './types.js';

/** A sort key with -0.0 folded into 0.0 (Spark compares them equal). */
export function sortKey(tr: ExprTranslator, e: SortOrder['child']): NativeExpr {
  const t = typeOf(e);
  if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType || t instanceof BinaryType) {
    delegate(`sorting by ${t.simpleString()}`);
  }
  const x = tr.tr(e);
  return isFloat(t) ? foldNegativeZero(x, t) : x;
}

const isFloat = (t: DataType): boolean => t instanceof DoubleType || t instanceof FloatType;

/** Sorts `lf` by the orders (expressions over `tr`'s input), stably. */
export function sortFrame(lf: NativeLazyFrame, orders: readonly SortOrder[], tr: ExprTranslator): NativeLazyFrame {
  if (orders.length === 0) return lf;
  const keys = orders.map((o) => sortKey(tr, o.child));
  const first = orders[0]!;
  const uniform = orders.every((o) => o.ascending === first.ascending && o.nullsFirst === first.nullsFirst);
  if (uniform) return lf.sortByExprs(keys, !first.ascending, !first.nullsFirst, true);
  const flat: NativeExpr[] = [];
  orders.forEach((o, i) => {
    const k = keys[i]!;
    flat.push(o.nullsFirst ? k.isNotNull() : k.isNull());
    flat.push(o.ascending ? k : k.rank('dense', true));
  });
  return lf.sortByExprs(flat, false, false, true);
}

export function sort(plan: Sort, input: Frame, env: OperatorEnv): NativeLazyFrame {
  return sortFrame(input.lf, plan.orders, env.translator(input.schema));
}
