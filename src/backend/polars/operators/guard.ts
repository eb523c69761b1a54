/**
 * The memory budget for native operators whose output the pre-run estimate
 * (backend/limits.ts) cannot see: Polars would explode a list column or pair
 * two frames natively and abort the process if the output outgrew memory.
 * Each guard counts the output first (a cheap aggregate over the input) and
 * throws the same UNABLE_TO_ACQUIRE_MEMORY as the estimate and the
 * interpreter. Keyed joins have their own, staged count (join-guard.ts).
 */
import type { Generate, Join } from '../../../plan/nodes.js';
import { assertRowsFit, maxRows, rowBytes } from '../../limits.js';
import { delegate } from '../delegation.js';
import { translatePolarsError } from '../errors.js';
import type { NativeExpr, NativeLazyFrame } from '../native.js';
import { colRef, i64, ifElse } from '../nx.js';
import { PL } from '../type-mapper.js';
import type { OperatorEnv } from './types.js';

/** One number computed from `lf` (a count), as a JS number. */
export function countOf(lf: NativeLazyFrame, x: NativeExpr, doing: string): number {
  try {
    return Number(lf.select([x.alias('_x')]).collectSync('auto').getColumns()[0]!.toArray()[0] ?? 0);
  } catch (err) {
    throw translatePolarsError(err, doing);
  }
}

/**
 * Throws when exploding the list column `list` of `lf` would exceed the budget: the output has
 * one row per element, plus (for an outer generator) one per row whose list is NULL or empty.
 * Returns the frame to explode: `lf` computed once (counting it lazily would run its plan twice).
 */
export function assertGenerateFits(plan: Generate, lf: NativeLazyFrame, list: string, outer: boolean, env: OperatorEnv): NativeLazyFrame {
  const budget = env.memoryBudget;
  if (budget === undefined) return lf;
  const doing = `counting the rows of ${plan.generator.fn}`;
  let frame: NativeLazyFrame;
  try {
    frame = lf.collectSync('auto').lazy();
  } catch (err) {
    throw translatePolarsError(err, doing);
  }
  const len = colRef(list).listLengths().cast(PL.Float64, true);
  const perRow = outer ? ifElse(len.gt(i64(0)), len, env.pl.lit(1).cast(PL.Float64, true)) : len;
  assertRowsFit(plan, countOf(frame, perRow.sum(), doing), budget);
  return frame;
}

/**
 * For a join without keys, which Polars runs as a cross product (then filters): throws when a
 * plain cross product would exceed the budget; a join that keeps only some pairs (a condition,
 * an outer or semi join) is handed to the interpreter, which compares pairs without holding them
 * and stops if the kept ones outgrow the budget.
 */
export function assertPairsFit(plan: Join, L: NativeLazyFrame, R: NativeLazyFrame, env: OperatorEnv): void {
  const budget = env.memoryBudget;
  if (budget === undefined || maxRows(plan.left, env.rowBounds) * maxRows(plan.right, env.rowBounds) * rowBytes(plan) <= budget) return;
  const rowsOf = (lf: NativeLazyFrame): number => countOf(lf, env.pl.len().cast(PL.Float64, true), 'counting the rows of a join');
  const pairs = rowsOf(L) * rowsOf(R);
  if (pairs * rowBytes(plan) <= budget) return;
  const product = (plan.joinType === 'inner' || plan.joinType === 'cross') && !plan.condition;
  if (!product) delegate('a join without keys whose pairs exceed the memory budget');
  assertRowsFit(plan, pairs, budget);
}
