/**
 * How often one key value can repeat on a side of a join, known without
 * running that side: the join guard (join-guard.ts) bounds an inner join's
 * output by (most repeated key on one side) × (rows of the other side), and
 * when that bound is known here it needs no group-by over the side. A bound of
 * one also means sort keys without ties (sort.ts, window.ts): no input-order
 * tie-breaker needed (asked of the data only for large inputs: keysNeverRepeat).
 *
 * Known from the plan (one row per group below an aggregate or distinct, see
 * unique-keys.ts) or from the data: a DataFrame's data never changes (a
 * frozen batch), so the most repeated value of one of its columns is counted
 * once and cached with the batch. Operators that only drop or reorder rows
 * (filter, sort, limit, ...) and projections that pass the column on keep the
 * bound; anything else makes it unknown. Only bare columns of types whose
 * join key is the value itself count: a floating key is matched with -0.0
 * folded into 0.0 and NaN equal to NaN, so its distinct stored values could
 * undercount its repeats.
 */
import type { Expr } from '../../../expr/nodes.js';
import type { Batch } from '../../../data/batch.js';
import type { LogicalPlan } from '../../../plan/nodes.js';
import { schemaOf } from '../../../plan/nodes.js';
import { ArrayType, BinaryType, DataType, DoubleType, FloatType, MapType, NullType, StructType } from '../../../types/data-types.js';
import { maxRows } from '../../limits.js';
import { batchToNative, colName } from '../input.js';
import { NATIVE_INGEST_MIN_ROWS } from '../native-batch.js';
import type { PolarsNative } from '../native.js';
import { colRef, i64 } from '../nx.js';
import { PL } from '../type-mapper.js';
import { countOf } from './guard.js';
import { rowsUniqueOn } from './unique-keys.js';

const repeatsCache = new WeakMap<Batch, Map<number, number>>();

/** Whether a column of type `t` joins on its stored values as they are. */
function joinsOnValue(t: DataType | undefined): boolean {
  return (
    t !== undefined &&
    !(t instanceof DoubleType || t instanceof FloatType || t instanceof ArrayType || t instanceof MapType || t instanceof StructType || t instanceof BinaryType || t instanceof NullType)
  );
}

/**
 * An upper bound on how many rows of `side` share one value of the key tuple
 * `keys` (expressions over `side`'s output), or undefined when not known
 * without running the side. A tuple repeats at most as often as any one of
 * its columns.
 */
export function keyRepeatBound(side: LogicalPlan, keys: readonly Expr[], pl: PolarsNative, fromData = true): number | undefined {
  const cols: number[] = [];
  for (const k of keys) {
    if (k.kind === 'BoundRef' && joinsOnValue(k.dataType)) cols.push(k.index);
  }
  if (cols.length === 0) return undefined;
  if (rowsUniqueOn(side, cols)) return 1;
  let best: number | undefined;
  for (const c of cols) {
    const m = columnRepeatBound(side, c, pl, 0, fromData);
    if (m !== undefined && (best === undefined || m < best)) best = m;
    if (best === 1) break;
  }
  return best;
}

/**
 * True when no two rows of `side` share a value of `keys`, so a sort or window needs no
 * input-order tie-breaker. The plan's answer is free; the data's costs a native count query per
 * column, which pays only where a row-index tie column costs more than that: inputs of
 * NATIVE_INGEST_MIN_ROWS rows or more (a test-sized sort would pay a query for nothing).
 */
export function keysNeverRepeat(side: LogicalPlan, keys: readonly Expr[], pl: PolarsNative): boolean {
  return keyRepeatBound(side, keys, pl, maxRows(side) >= NATIVE_INGEST_MIN_ROWS) === 1;
}

function columnRepeatBound(plan: LogicalPlan, index: number, pl: PolarsNative, depth: number, fromData: boolean): number | undefined {
  if (depth > 64) return undefined;
  if (plan.kind === 'LocalRelation') return fromData && Object.isFrozen(plan.data) ? dataRepeats(plan.data, index, pl) : undefined;
  const next = passedOn(plan, index);
  if (next === undefined) return rowsUniqueOn(plan, [index]) ? 1 : undefined;
  return next === null ? undefined : columnRepeatBound(next.plan, next.index, pl, depth + 1, fromData);
}

/**
 * Where column `index` of `plan` comes from unchanged: the input column, for operators that
 * only drop, reorder or pass rows on; null when the operator computes it; undefined for other
 * operators (whose own keys may still bound it).
 */
function passedOn(plan: LogicalPlan, index: number): { plan: LogicalPlan; index: number } | null | undefined {
  switch (plan.kind) {
    case 'Filter':
    case 'Sort':
    case 'Limit':
    case 'Offset':
    case 'Deduplicate':
    case 'AdaptiveRepartition':
      return { plan: plan.input, index };
    case 'Window':
      return index < schemaOf(plan.input).fields.length ? { plan: plan.input, index } : null;
    case 'Project': {
      let e = plan.exprs[index];
      if (e?.kind === 'Alias') e = e.child;
      return e?.kind === 'BoundRef' ? { plan: plan.input, index: e.index } : null;
    }
    default:
      return undefined;
  }
}

const negativeZeroCache = new WeakMap<Batch, Map<number, boolean>>();

/**
 * Whether the floating key `e` (over `plan`'s output) may hold -0.0, which Spark sorts equal
 * to 0.0: false only for a column passed on unchanged from a DataFrame's data holding none
 * (checked once per batch). Folding -0.0 in a sort key costs Polars its fast sort path.
 */
export function mayHoldNegativeZero(plan: LogicalPlan, e: Expr): boolean {
  if (e.kind !== 'BoundRef') return true;
  let at: { plan: LogicalPlan; index: number } | null | undefined = { plan, index: e.index };
  for (let depth = 0; at && depth <= 64; depth++) {
    if (at.plan.kind === 'LocalRelation') return !Object.isFrozen(at.plan.data) || batchHasNegativeZero(at.plan.data, at.index);
    at = passedOn(at.plan, at.index);
  }
  return true;
}

function batchHasNegativeZero(batch: Batch, index: number): boolean {
  let m = negativeZeroCache.get(batch);
  if (!m) negativeZeroCache.set(batch, (m = new Map()));
  let found = m.get(index);
  if (found === undefined) {
    const col = batch.columns[index]!;
    found = false;
    for (let i = 0; i < col.length; i++) {
      if (Object.is(col[i], -0)) {
        found = true;
        break;
      }
    }
    m.set(index, found);
  }
  return found;
}

/** The most rows of `batch` that share one value of column `index` (nulls count as one value), counted once per batch. */
function dataRepeats(batch: Batch, index: number, pl: PolarsNative): number {
  let m = repeatsCache.get(batch);
  if (!m) repeatsCache.set(batch, (m = new Map()));
  let r = m.get(index);
  if (r === undefined) {
    if (batch.numRows <= 1) r = batch.numRows;
    else {
      const c = colName(index);
      const lf = batchToNative(batch).lazy().select([colRef(c)]);
      const doing = 'counting the key values of a join';
      // A strictly increasing column (ids, timestamps) never repeats: one pass, no hash table of
      // every value (a null compares as null, so it fails the count).
      const x = colRef(c);
      const rises = countOf(lf, x.gt(x.shift(i64(1))).cast(PL.Float64, true).sum(), doing);
      if (rises === batch.numRows - 1) r = 1;
      else {
        const perValue = lf.groupby([x], false).agg([pl.len().cast(PL.Float64, true).alias('_n')]);
        r = countOf(perValue, colRef('_n').max(), doing);
      }
    }
    m.set(index, r);
  }
  return r;
}
