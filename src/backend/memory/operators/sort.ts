import type { Sort } from '../../../plan/nodes.js';
import { evalSortKeys, sortedPositions } from './ordering.js';
import { select, type Rel } from './relation.js';
import type { Exec } from './types.js';

/** Orders rows (stable) by composing a permutation into the selection vectors; no value is copied. */
export function executeSort(plan: Sort, exec: Exec): Rel {
  const input = exec.run(plan.input);
  if (plan.orders.length === 0 || input.numRows < 2) return input;
  const keys = evalSortKeys(input.numRows, plan.orders, { columns: input.cols, ctx: exec.ctx });
  return select(input, sortedPositions(input.numRows, keys));
}
