import type { Filter } from '../../../plan/nodes.js';
import { compileExpr } from '../expressions/compile.js';
import { select, type Rel } from './relation.js';
import type { Exec } from './types.js';

/** Keeps the rows whose condition is exactly true (null and false drop), as a selection vector. */
export function executeFilter(plan: Filter, exec: Exec): Rel {
  const input = exec.run(plan.input);
  const cond = compileExpr(plan.condition, { columns: input.cols, ctx: exec.ctx });
  const n = input.numRows;
  const out = new Int32Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) if (cond(k) === true) out[m++] = k;
  if (m === n) return input;
  return select(input, out.slice(0, m), plan.schema ?? input.schema);
}
