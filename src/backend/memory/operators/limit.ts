import type { Limit, Offset } from '../../../plan/nodes.js';
import { rowRange, select, type Rel } from './relation.js';
import type { Exec } from './types.js';

/** The first `n` rows. */
export function executeLimit(plan: Limit, exec: Exec): Rel {
  const input = exec.run(plan.input);
  const n = Math.max(0, plan.n);
  if (n >= input.numRows) return input;
  return select(input, rowRange(0, n));
}

/** Every row after the first `n`. */
export function executeOffset(plan: Offset, exec: Exec): Rel {
  const input = exec.run(plan.input);
  const n = Math.max(0, plan.n);
  if (n === 0) return input;
  return select(input, rowRange(Math.min(n, input.numRows), input.numRows));
}
