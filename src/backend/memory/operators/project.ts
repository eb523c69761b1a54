import type { Expr } from '../../../expr/nodes.js';
import type { Project } from '../../../plan/nodes.js';
import { schemaOf } from '../../../plan/nodes.js';
import { compileExpr } from '../expressions/compile.js';
import { denseCol, type Col, type Rel } from './relation.js';
import type { Exec } from './types.js';

/** Index of the input column an expression merely forwards (`col` or `col AS x`), if any. */
function forwardedColumn(e: Expr): number | undefined {
  if (e.kind === 'BoundRef') return e.index;
  if (e.kind === 'Alias') return forwardedColumn(e.child);
  return undefined;
}

/** Evaluates the projection list: forwarded columns are reused as they are, computed ones evaluated once per row. */
export function executeProject(plan: Project, exec: Exec): Rel {
  const input = exec.run(plan.input);
  const env = { columns: input.cols, ctx: exec.ctx };
  const n = input.numRows;
  const cols: Col[] = plan.exprs.map((e) => {
    const f = forwardedColumn(e);
    if (f !== undefined && input.cols[f]) return input.cols[f]!;
    const fn = compileExpr(e, env);
    const out = new Array<unknown>(n);
    for (let k = 0; k < n; k++) {
      const v = fn(k);
      out[k] = v === undefined ? null : v;
    }
    return denseCol(out);
  });
  return { schema: schemaOf(plan), cols, numRows: n };
}
