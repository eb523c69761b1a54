/**
 * The memory budget for native keyed joins. Polars runs a many-to-many equi-join
 * natively and would abort the process if its output outgrew memory; the
 * interpreter stops such a join as it grows (memory/operators/join.ts). Here the
 * output is bounded before the join runs, in steps, each only when the ones
 * before cannot rule the explosion out: the inputs' row bounds (`maxRows`,
 * free); a side's most repeated key times the other side's rows, with the
 * repeats known from the plan or the data (key-repeats.ts, free once counted
 * per DataFrame), else counted by one group-by over the smaller side; the exact
 * count, per-key row counts of both sides joined on the key and the products
 * summed. The bound a join passes with is recorded (`env.rowBounds`), so a join
 * above it starts from that bound rather than from the product of its inputs.
 */
import type { Join } from '../../../plan/nodes.js';
import { assertRowsFit, maxRows, rowBytes } from '../../limits.js';
import type { NativeExpr, NativeLazyFrame } from '../native.js';
import { colRef } from '../nx.js';
import { PL } from '../type-mapper.js';
import { joinFrames } from '../binding-compat.js';
import { countOf } from './guard.js';
import { keyRepeatBound } from './key-repeats.js';
import type { OperatorEnv } from './types.js';

/** Throws Spark's UNABLE_TO_ACQUIRE_MEMORY when the join of `L` and `R` on the named keys would exceed the budget. */
export function assertJoinFits(plan: Join, L: NativeLazyFrame, R: NativeLazyFrame, leftKeys: readonly string[], rightKeys: readonly string[], env: OperatorEnv): void {
  const budget = env.memoryBudget;
  if (budget === undefined || plan.joinType === 'left_semi' || plan.joinType === 'left_anti') return;
  const known = env.rowBounds;
  const perRow = rowBytes(plan);
  const fits = (rows: number): boolean => rows * perRow <= budget;
  if (fits(maxRows(plan, known))) return;
  const proven = (rows: number): void => void known?.set(plan, rows);
  const t = plan.joinType;
  const [nl, nr] = [maxRows(plan.left, known), maxRows(plan.right, known)];
  const outer = (t === 'left' || t === 'full' ? nl : 0) + (t === 'right' || t === 'full' ? nr : 0);
  // A key repeating at most m times on one side gives each row of the other side at most m matches.
  const smallLeft = nl <= nr;
  for (const left of smallLeft ? [true, false] : [false, true]) {
    const m = keyRepeatBound(left ? plan.left : plan.right, (left ? plan.leftKeys : plan.rightKeys) ?? [], env.pl);
    if (m !== undefined && fits(m * (left ? nr : nl) + outer)) return proven(m * (left ? nr : nl) + outer);
  }
  const pl = env.pl;
  const one = pl.lit(1).cast(PL.Float64, true);
  const perKey = (lf: NativeLazyFrame, keys: readonly string[], n: string): NativeLazyFrame =>
    lf.groupby(keys.map((k) => colRef(k)), false).agg([pl.len().cast(PL.Float64, true).alias(n)]);
  const scalar = (lf: NativeLazyFrame, x: NativeExpr): number => countOf(lf, x, 'counting the rows of a join');
  // Counted over the smaller side only (one group-by).
  const m = scalar(smallLeft ? perKey(L, leftKeys, '_n') : perKey(R, rightKeys, '_n'), colRef('_n').max());
  const bound = m * (smallLeft ? nr : nl) + outer;
  if (fits(bound)) return proven(bound);
  // Then the exact count: joined the way the join goes, a key's rows multiply; an unmatched key keeps its own.
  const how = t === 'left' || t === 'right' || t === 'full' ? t : 'inner';
  const counts = joinFrames(perKey(L, leftKeys, '_nl'), perKey(R, rightKeys, '_nr'), leftKeys.map((k) => colRef(k)), rightKeys.map((k) => colRef(k)), how, '_dup');
  const rows = scalar(counts, colRef('_nl').fillNull(one).mul(colRef('_nr').fillNull(one)).sum());
  assertRowsFit(plan, rows, budget);
  proven(rows);
}
