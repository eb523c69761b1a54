import type { Filter } from '../../../plan/nodes.js';
import { compileExpr } from '../expressions/compile.js';
import { withSel, type Rel } from './relation.js';
import type { Exec } from './types.js';

/** Keeps the rows whose condition is exactly true (null and false drop), as a selection vector. */
export function executeFilter(plan: Filter, exec: Exec): Rel {
  const input = exec.run(plan.input);
  const cond = compileExpr(plan.condition, { columns: input.columns, ctx: exec.ctx });
  const sel = input.sel;
  const n = input.numRows;
  const out = new Int32Array(n);
  let m = 0;
  if (sel) {
    for (let k = 0; k < n; k++) {
      const i = sel[k]!;
      if (cond(i) === true) out[m++] = i;
    }
  } else {
    for (let i = 0; i < n; i++) if (cond(i) === true) out[m++] = i;
  }
  return withSel({ ...input, schema: plan.schema ?? input.schema }, m === n ? out : out.slice(0, m));
}
