/**
 * Sort: stable, per-key direction and null placement, NaN largest (Polars'
 * float order already puts NaN last ascending), -0.0 equal to 0.0.
 *
 * The binding's `sortByExprs` (0.24; binding-compat.ts adapts 0.26) takes one `descending` and one `nullsLast` flag
 * for all keys. The first key sets both; a key sorting the other way is
 * replaced by an order-reversing image (`not` for booleans, bitwise `~x` for
 * integers and dates, `-x` after a NaN flag for floats, a dense descending
 * rank otherwise), and a key whose nulls go to the other end gets an is-null
 * flag key in front of it.
 *
 * Stability costs: Polars' stable multi-key sort (`maintain_order`, a merge
 * sort) is up to ~1.5x slower at millions of rows than its unstable one. The
 * unstable sort gives the same rows in the same order whenever the keys are
 * unique, so it is used when (1) a unique tie-breaker is appended (the
 * window's row index), (2) the keys provably are unique (a sort covering all
 * grouping columns of the aggregate below it, see unique-keys.ts, or a key
 * column whose DataFrame data holds no repeated value, see key-repeats.ts), or (3) the
 * sort is likely cheaper with the row index as a last key: two or more keys,
 * the first and the last of fine-grained types (floating, long, string,
 * timestamp), so ties on all keys, where the extra key is compared, are rare.
 * Measured at 1M/5M rows: (double, long), (double, string), (string, double)
 * win 10-30% that way; (int, long), (int, int), (double, int) lose, so they
 * keep the stable sort. Either way the order is the same.
 */
import type { SortOrder } from '../../../expr/nodes.js';
import { typeOf } from '../../../expr/nodes.js';
import type { LogicalPlan, Sort } from '../../../plan/nodes.js';
import {
  ArrayType,
  BinaryType,
  BooleanType,
  DataType,
  DateType,
  DoubleType,
  FloatType,
  INT,
  LONG,
  LongType,
  MapType,
  StringType,
  StructType,
  TimestampNTZType,
  TimestampType,
} from '../../../types/data-types.js';
import { delegate } from '../delegation.js';
import { isConstant, type ExprTranslator } from '../expression-translator.js';
import type { NativeExpr, NativeLazyFrame } from '../native.js';
import { foldNegativeZero, numLit } from '../functions/operators.js';
import { i64 } from '../nx.js';
import { PL, integralBits } from '../type-mapper.js';
import { colName } from '../input.js';
import { colRef } from '../nx.js';
import { exprNonNull } from './nullability.js';
import type { Frame, OperatorEnv } from './types.js';
import { sortKeysAreUnique } from './unique-keys.js';
import { keysNeverRepeat, mayHoldNegativeZero } from './key-repeats.js';
import { sortByExprs } from '../binding-compat.js';

const isFloat = (t: DataType): boolean => t instanceof DoubleType || t instanceof FloatType;

/** A sort key with -0.0 folded into 0.0 (Spark compares them equal), unless `input` shows the key holds none. */
export function sortKey(tr: ExprTranslator, e: SortOrder['child'], input?: LogicalPlan): NativeExpr {
  const t = typeOf(e);
  if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType || t instanceof BinaryType) {
    delegate(`sorting by ${t.simpleString()}`);
  }
  const x = tr.tr(e);
  return isFloat(t) && (input === undefined || mayHoldNegativeZero(input, e)) ? foldNegativeZero(x, t) : x;
}

/** One resolved sort key: its expression, type, direction and null placement. */
export interface KeySpec {
  readonly key: NativeExpr;
  readonly type: DataType;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
  /** The key provably holds no null (no null-placement key needed). */
  readonly nonNull: boolean;
}

/** Keys for one `sortByExprs(keys, descending, nullsLast, maintainOrder)` call. */
export interface SortPlan {
  readonly keys: NativeExpr[];
  readonly descending: boolean;
  readonly nullsLast: boolean;
}

/** Order-reversing images of a key (several keys for floats), in the same null positions. */
function reversed(k: NativeExpr, t: DataType): NativeExpr[] {
  if (t instanceof BooleanType) return [k.not()];
  const bits = integralBits(t);
  if (bits !== undefined) return [k.xor(numLit(-1, t))];
  if (t instanceof DateType) return [k.cast(PL.Int32, true).xor(numLit(-1, INT))];
  if (t instanceof TimestampType || t instanceof TimestampNTZType) return [k.cast(PL.Int64, true).xor(i64(-1))];
  // NaN is the largest double: reversed it must come first, so a flag orders it before -x.
  if (isFloat(t)) return [k.isNan().not(), k.mul(numLit(-1, t))];
  return [k.rank('dense', true)];
}

export function planSort(specs: readonly KeySpec[]): SortPlan {
  const first = specs[0]!;
  if (specs.length === 1 && (first.ascending || first.nonNull)) {
    return { keys: [first.key], descending: !first.ascending, nullsLast: !first.nullsFirst };
  }
  if (specs.length === 1) {
    // Polars reverses an all-null key sorted descending (ties out of input
    // order): an is-null flag key in front places the nulls and keeps them stable.
    return { keys: [first.nullsFirst ? first.key.isNull() : first.key.isNotNull(), first.key], descending: true, nullsLast: false };
  }
  const descending = !first.ascending;
  // Polars' multi-column sort is much slower with nulls_last: nulls go first, flag keys move them.
  const nullsLast = false;
  const keys: NativeExpr[] = [];
  for (const s of specs) {
    // Nulls wanted last: a flag that sorts them after the rest (true first when descending).
    if (!s.nonNull && !s.nullsFirst) keys.push(descending ? s.key.isNotNull() : s.key.isNull());
    if (s.ascending !== first.ascending) keys.push(...reversed(s.key, s.type));
    else keys.push(s.key);
  }
  return { keys, descending, nullsLast };
}

/** How a sort keeps ties in input order. */
type Ties =
  /** `maintain_order` (stable sort). */
  | 'stable'
  /** The keys (with any `tie` key) are unique: an unstable sort gives the same order. */
  | 'unique'
  /** An input row index as last key, then an unstable sort. */
  | 'rowIndex';

const ROW = '_so';

/** Types whose values rarely repeat, so few comparisons reach the next key. */
function fineGrained(t: DataType): boolean {
  return isFloat(t) || t instanceof LongType || t instanceof StringType || t instanceof TimestampType || t instanceof TimestampNTZType;
}

/** The cheaper way to keep ties in order for these keys (see the header). */
export function tieStrategy(orders: readonly SortOrder[], keysUnique: boolean): Ties {
  if (keysUnique) return 'unique';
  if (orders.length >= 2 && fineGrained(typeOf(orders[0]!.child)) && fineGrained(typeOf(orders.at(-1)!.child))) return 'rowIndex';
  return 'stable';
}

/**
 * Sorts `lf` by the orders (expressions over `tr`'s input), ties in input
 * order. `tie` is a final key that must be unique (a row index); with it, or
 * with `ties` 'unique', the sort is unstable. With 'rowIndex' the result has
 * an extra column `_so` (the caller selects its columns).
 */
export function sortFrame(
  lf: NativeLazyFrame,
  orders: readonly SortOrder[],
  tr: ExprTranslator,
  input: LogicalPlan | undefined,
  tie?: NativeExpr,
  ties: Ties = 'stable',
): NativeLazyFrame {
  // A key that reads no column is equal on every row (and a Polars scalar, which it rejects as a sort key).
  const keyed = orders.filter((o) => !isConstant(o.child));
  if (keyed.length === 0) return lf;
  const specs: KeySpec[] = keyed.map((o) => ({
    key: sortKey(tr, o.child, input),
    type: typeOf(o.child),
    ascending: o.ascending,
    nullsFirst: o.nullsFirst,
    nonNull: input !== undefined && exprNonNull(o.child, input),
  }));
  let src = lf;
  if (!tie && ties === 'rowIndex') {
    src = lf.withRowIndex(ROW, 0);
    tie = colRef(ROW);
  }
  const p = planSort(tie ? [...specs, { key: tie.cast(PL.Int64, true), type: LONG, ascending: true, nullsFirst: true, nonNull: true }] : specs);
  return sortByExprs(src, p.keys, p.descending, p.nullsLast, !tie && ties === 'stable');
}

export function sort(plan: Sort, input: Frame, env: OperatorEnv): NativeLazyFrame {
  const unique = sortKeysAreUnique(plan) || keysNeverRepeat(plan.input, plan.orders.map((o) => o.child), env.pl);
  const ties = tieStrategy(plan.orders, unique);
  const out = sortFrame(input.lf, plan.orders, env.translator(input.schema), plan.input, undefined, ties);
  if (ties !== 'rowIndex') return out;
  return out.select(input.schema.fields.map((_, i) => colRef(colName(i))));
}
