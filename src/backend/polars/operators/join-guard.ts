/**
 * The memory budget for native keyed joins. Polars runs a many-to-many equi-join
 * natively and would abort the process if its output outgrew memory; the
 * interpreter stops such a join as it grows (memory/operators/join.ts). Here the
 * output is bounded before the join runs, in up to three steps, each only when
 * the one before cannot rule the explosion out: the inputs' row bound
 * (`maxRows`, free); the smaller side's most repeated key times the other
 * side's rows (one group-by); the exact count, per-key row counts of both
 * sides joined on the key and the products summed.
 */
import type { Join } from '../../../plan/nodes.js';
import { assertRowsFit, maxRows, rowBytes } from '../../limits.js';
import type { NativeExpr, NativeLazyFrame } from '../native.js';
import { colRef } from '../nx.js';
import { PL } from '../type-mapper.js';
import { joinFrames } from '../binding-compat.js';
import { countOf } from './guard.js';
import type { OperatorEnv } from './types.js';

/** Throws Spark's UNABLE_TO_ACQUIRE_MEMORY when the join of `L` and `R` on the named keys would exceed the budget. */
export function assertJoinFits(plan: Join, L: NativeLazyFrame, R: NativeLazyFrame, leftKeys: readonly string[], rightKeys: readonly string[], env: OperatorEnv): void {
  const budget = env.memoryBudget;
  if (budget === undefined || plan.joinType === 'left_semi' || plan.joinType === 'left_anti') return;
  const perRow = rowBytes(plan);
  if (maxRows(plan) * perRow <= budget) return;
  const pl = env.pl;
  const one = pl.lit(1).cast(PL.Float64, true);
  const perKey = (lf: NativeLazyFrame, keys: readonly string[], n: string): NativeLazyFrame =>
    lf.groupby(keys.map((k) => colRef(k)), false).agg([pl.len().cast(PL.Float64, true).alias(n)]);
  const scalar = (lf: NativeLazyFrame, x: NativeExpr): number => countOf(lf, x, 'counting the rows of a join');
  const t = plan.joinType;
  const [nl, nr] = [maxRows(plan.left), maxRows(plan.right)];
  const outer = (t === 'left' || t === 'full' ? nl : 0) + (t === 'right' || t === 'full' ? nr : 0);
  // First the cheap bound: a key repeats at most m times on the smaller side, so each row of the
  // other side finds at most m matches (one group-by, over the smaller side only).
  const smallLeft = nl <= nr;
  const m = scalar(smallLeft ? perKey(L, leftKeys, '_n') : perKey(R, rightKeys, '_n'), colRef('_n').max());
  if ((m * (smallLeft ? nr : nl) + outer) * perRow <= budget) return;
  // Then the exact count: joined the way the join goes, a key's rows multiply; an unmatched key keeps its own.
  const how = t === 'left' || t === 'right' || t === 'full' ? t : 'inner';
  const counts = joinFrames(perKey(L, leftKeys, '_nl'), perKey(R, rightKeys, '_nr'), leftKeys.map((k) => colRef(k)), rightKeys.map((k) => colRef(k)), how, '_dup');
  const rows = scalar(counts, colRef('_nl').fillNull(one).mul(colRef('_nr').fillNull(one)).sum());
  assertRowsFit(plan, rows, budget);
}
