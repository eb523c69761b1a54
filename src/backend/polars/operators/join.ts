/**
 * Joins, all Spark types.
 *
 * Inner joins are Polars' own inner join, in whatever order Polars emits:
 * Spark promises no join output order (and the toolkit compares rows
 * unordered), and a native inner join lets Polars pick its build side and
 * push filters and projections through it. The result is the same multiset
 * of rows as the interpreter's.
 *
 * Outer, semi and anti joins keep the interpreter's order: left rows in
 * order, each followed by its matches in right order (right joins go by
 * right rows; full joins append unmatched right rows in right order).
 * Polars' left join probes the left side in order and lists each row's
 * matches in build (right) order; semi and anti joins are written as left
 * joins against a marker column (`_m`, non-null on every right row) and
 * filtered on it (test/backend/polars/relational.test.ts checks the order on
 * large inputs, to catch a Polars upgrade changing it).
 *
 * Keys: right columns are renamed `c{nl+j}` first, so output names never
 * collide. Null keys never match (Polars' default); a null-safe key becomes
 * (is-null flag, value with nulls filled), which matches nulls to nulls only.
 * Floating keys fold -0.0 into 0.0 (Polars already matches NaN to NaN).
 *
 * A residual condition filters the matched pairs; for outer/semi/anti joins
 * the unmatched rows are then recovered by row index, so the condition
 * decides matching as in Spark (outer results are re-sorted by row index).
 */
import type { Expr } from '../../../expr/nodes.js';
import { typeOf } from '../../../expr/nodes.js';
import type { Join } from '../../../plan/nodes.js';
import {
  ArrayType,
  BOOLEAN,
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
import { colRef, literal, nullOf } from '../nx.js';
import { PL, integralBits } from '../type-mapper.js';
import type { Frame, OperatorEnv } from './types.js';
import { joinFrames, sortByExprs } from '../binding-compat.js';
import { assertJoinFits } from './join-guard.js';
import { assertPairsFit } from './guard.js';

const LI = '_li';
const RI = '_ri';
const MARK = '_m';

/**
 * The native key columns of one join key, each with the Spark type of its
 * null placeholder. Floating keys are split into (is NaN, value with NaN as
 * 0): Spark matches NaN with NaN and -0.0 with 0.0, and Polars' join does
 * not match NaN keys reliably (a one-row NaN self-join found no match).
 */
function joinKeyValues(x: NativeExpr, t: DataType): { key: NativeExpr; type: DataType }[] {
  if (t instanceof ArrayType || t instanceof MapType || t instanceof StructType || t instanceof BinaryType || t instanceof NullType) {
    delegate(`join key of type ${t.simpleString()}`);
  }
  if (!(t instanceof DoubleType || t instanceof FloatType)) return [{ key: x, type: t }];
  const v = foldNegativeZero(x, t);
  return [
    { key: v.isNan(), type: BOOLEAN },
    { key: v.fillNan(numLit(0, t)), type: t },
  ];
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
    const lx = ltr.tr(le);
    const rx = rtr.tr(re);
    const l = joinKeyValues(lx, typeOf(le));
    const r = joinKeyValues(rx, typeOf(re));
    if (plan.nullSafeKeys?.[i]) {
      add(lx.isNull(), rx.isNull());
      l.forEach((p, j) => add(p.key.fillNull(placeholder(p.type)), r[j]!.key.fillNull(placeholder(p.type))));
    } else l.forEach((p, j) => add(p.key, r[j]!.key));
  });
  return out;
}

/**
 * Inner-join keys that are plain columns of the same non-floating type on both
 * sides, each column at most once per side: Polars can join on the columns
 * themselves, with no key columns added to either side (at 1M rows those
 * extra columns cost a measurable share of the join). Polars drops the right
 * key columns from an inner join's output; on every matched row each equals
 * its left key, so it is restored from there.
 */
function plainInnerKeys(plan: Join, nl: number): { left: string[]; right: string[] } | undefined {
  const lk = plan.leftKeys ?? [];
  const rk = plan.rightKeys ?? [];
  if (plan.joinType !== 'inner' || lk.length === 0 || plan.nullSafeKeys?.some(Boolean)) return undefined;
  const left: string[] = [];
  const right: string[] = [];
  for (let i = 0; i < lk.length; i++) {
    const l = lk[i]!;
    const r = rk[i]!;
    if (l.kind !== 'BoundRef' || r.kind !== 'BoundRef' || !l.dataType || !l.dataType.equals(r.dataType)) return undefined;
    const t = l.dataType;
    if (t instanceof DoubleType || t instanceof FloatType || t instanceof ArrayType || t instanceof MapType || t instanceof StructType || t instanceof BinaryType || t instanceof NullType) return undefined;
    left.push(colName(l.index));
    right.push(colName(nl + r.index));
  }
  if (new Set(left).size !== left.length || new Set(right).size !== right.length) return undefined;
  return { left, right };
}

function concatSchema(left: Frame, right: Frame): StructType {
  return new StructType([...left.schema.fields, ...right.schema.fields]);
}

/**
 * Polars treats a join's output order as unspecified: its optimizer turns a
 * left join followed by a null-rejecting filter into an inner join (whose
 * order differs) and drops `maintain_order` from group-bys and uniques above
 * a join. A row index above the join observes the order and stops both.
 */
function orderBarrier(lf: NativeLazyFrame): NativeLazyFrame {
  return lf.withRowIndex('_jb', 0);
}

export function join(plan: Join, left: Frame, right: Frame, env: OperatorEnv): NativeLazyFrame {
  // A side without columns is a placeholder frame (input.ts UNIT_COLUMN) the key logic does not know.
  if (left.schema.fields.length === 0 || right.schema.fields.length === 0) delegate('joining a relation without columns');
  const out = joinUnfenced(plan, left, right, env);
  if (plan.joinType === 'inner') return out;
  const n = (plan.joinType === 'left_semi' || plan.joinType === 'left_anti' ? left.schema.fields.length : left.schema.fields.length + right.schema.fields.length);
  return orderBarrier(out).select(Array.from({ length: n }, (_, i) => colRef(colName(i))));
}

function joinUnfenced(plan: Join, left: Frame, right: Frame, env: OperatorEnv): NativeLazyFrame {
  const pl = env.pl;
  const nl = left.schema.fields.length;
  const type = plan.joinType;
  const cols = (names: readonly string[]): NativeExpr[] => names.map((n) => colRef(n));
  const leftNames = left.schema.fields.map((_, i) => colName(i));
  const rightNames = right.schema.fields.map((_, j) => colName(nl + j));
  const allNames = [...leftNames, ...rightNames];
  const renamedRight = (): NativeLazyFrame => right.lf.select(right.schema.fields.map((_, j) => colRef(colName(j)).alias(colName(nl + j))));
  const plain = plainInnerKeys(plan, nl);
  if (plain) {
    const fromLeft = new Map(plain.right.map((r, i) => [r, plain.left[i]!]));
    const plainRight = renamedRight();
    assertJoinFits(plan, left.lf, plainRight, plain.left, plain.right, env);
    const pairs = joinFrames(left.lf, plainRight, cols(plain.left), cols(plain.right), 'inner', '_dup').select(
      allNames.map((n) => (fromLeft.has(n) ? colRef(fromLeft.get(n)!).alias(n) : colRef(n))),
    );
    return plan.condition ? pairs.filter(env.translator(concatSchema(left, right)).tr(plan.condition)) : pairs;
  }
  const keys = keyColumns(plan, left, right, env);
  const hasKeys = keys.left.length > 0;
  const mark = pl.lit(true).alias(MARK);
  const lj = (a: NativeLazyFrame, b: NativeLazyFrame, aOn: readonly string[], bOn: readonly string[], how: 'left' | 'inner' | 'cross' = 'left'): NativeLazyFrame =>
    how === 'cross'
      ? joinFrames(a, b, [], [], 'cross', '_dup')
      : joinFrames(a, b, cols(aOn), cols(bOn), how, '_dup');

  // Right columns renamed after the left ones, plus key columns.
  let R = renamedRight();
  let L = left.lf;
  if (hasKeys) {
    L = L.withColumns(keys.left);
    R = R.withColumns(keys.right);
    assertJoinFits(plan, L, R, keys.leftNames, keys.rightNames, env);
  } else {
    assertPairsFit(plan, L, R, env);
  }
  const cond = plan.condition ? env.translator(concatSchema(left, right)).tr(plan.condition) : undefined;
  /** Distinct key tuples of a side with the marker, for semi/anti/unmatched lookups. */
  const keySet = (lf: NativeLazyFrame, names: readonly string[]): NativeLazyFrame => lf.select([...cols(names), mark]).unique(null, 'any', false);
  // "Matched" is written with fill_null, not is_not_null, which Polars would turn into an (unordered) inner join.
  const matchedRow = colRef(MARK).fillNull(pl.lit(false));

  if (!cond) {
    switch (type) {
      case 'left':
        if (hasKeys) return lj(L, R, keys.leftNames, keys.rightNames).select(cols(allNames));
        break;
      case 'right':
        if (hasKeys) return lj(R, L, keys.rightNames, keys.leftNames).select(cols(allNames));
        break;
      case 'full':
        if (hasKeys) {
          const matchedAndLeft = lj(L, R, keys.leftNames, keys.rightNames).select(cols(allNames));
          const unmatchedRight = lj(R, keySet(L, keys.leftNames), keys.rightNames, keys.leftNames)
            .filter(colRef(MARK).isNull())
            .select([...left.schema.fields.map((f, i) => nullOf(f.dataType).alias(colName(i))), ...cols(rightNames)]);
          return pl.concatLf([matchedAndLeft, unmatchedRight], 'vertical', false, true, false, true);
        }
        break;
      case 'left_semi':
      case 'left_anti':
        if (hasKeys) {
          const found = lj(L, keySet(R, keys.rightNames), keys.leftNames, keys.rightNames);
          const m = colRef(MARK);
          return found.filter(type === 'left_semi' ? m.fillNull(pl.lit(false)) : m.isNull()).select(cols(leftNames));
        }
        break;
    }
  }

  if (type === 'inner' || type === 'cross') {
    // Unordered: Polars' inner join (null keys never match, its default), then the condition.
    // A cross join keeps the left side's order (as Spark's nested-loop join streams it): the barrier on
    // that side stops Polars from dropping a sort below the join, the one above keeps the pairs in order.
    const leftInOrder = (): NativeLazyFrame => orderBarrier(L).select(cols(leftNames));
    const pairs = hasKeys ? lj(L, R, keys.leftNames, keys.rightNames, 'inner') : lj(leftInOrder(), R, [], [], 'cross');
    return (cond ? pairs.filter(cond) : pairs).select(cols(allNames));
  }

  // General path: matched pairs in (left, right) order, filtered by the condition.
  L = L.withRowIndex(LI, 0);
  R = R.withRowIndex(RI, 0);
  let matched = hasKeys
    ? lj(L, R.withColumns([mark]), keys.leftNames, keys.rightNames).filter(matchedRow)
    : lj(L, R, [], [], 'cross');
  if (cond) matched = matched.filter(cond);

  const withIdx = [...allNames, LI, RI];
  matched = matched.select(cols(withIdx));
  const idxSet = (name: string): NativeLazyFrame => matched.select([colRef(name), mark]).unique(null, 'any', false);
  /** Rows of `side` whose index is (not) among the matched pairs, in order. */
  const byIndex = (side: NativeLazyFrame, name: string, isFound: boolean): NativeLazyFrame => {
    const m = colRef(MARK);
    return lj(side, idxSet(name), [name], [name]).filter(isFound ? matchedRow : m.isNull());
  };

  if (type === 'left_semi' || type === 'left_anti') return byIndex(L, LI, type === 'left_semi').select(cols(leftNames));

  const nullIdx = pl.lit(null).cast(PL.UInt32, true);
  const parts: NativeLazyFrame[] = [matched];
  if (type === 'left' || type === 'full') {
    parts.push(
      byIndex(L, LI, false).select([
        ...cols(leftNames),
        ...right.schema.fields.map((f, j) => nullOf(f.dataType).alias(colName(nl + j))),
        colRef(LI),
        nullIdx.alias(RI),
      ]),
    );
  }
  if (type === 'right' || type === 'full') {
    parts.push(
      byIndex(R, RI, false).select([
        ...left.schema.fields.map((f, i) => nullOf(f.dataType).alias(colName(i))),
        ...cols(rightNames),
        nullIdx.alias(LI),
        colRef(RI),
      ]),
    );
  }
  const all = pl.concatLf(parts, 'vertical', false, true, false, true);
  const order = type === 'right' ? [colRef(RI), colRef(LI)] : [colRef(LI), colRef(RI)];
  return sortByExprs(all, order, false, true, true).select(cols(allNames));
}
