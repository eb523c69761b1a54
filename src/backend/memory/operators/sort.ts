import type { Sort } from '../../../plan/nodes.js';
import { sortRows } from './ordering.js';
import { physicalRows, withSel, type Rel } from './relation.js';
import type { Exec } from './types.js';

/** Orders rows (stable) by producing a permuted selection vector; no row is copied. */
export function executeSort(plan: Sort, exec: Exec): Rel {
  const input = exec.run(plan.input);
  const sorted = sortRows(physicalRows(input), plan.orders, { columns: input.columns, ctx: exec.ctx });
  return withSel(input, sorted);
}
