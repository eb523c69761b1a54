import type { Expr } from '../../../expr/nodes.js';
import type { Project } from '../../../plan/nodes.js';
import { schemaOf } from '../../../plan/nodes.js';
import { compileExpr } from '../expressions/compile.js';
import type { Rel } from './relation.js';
import type { Exec } from './types.js';

/** Index of the input column an expression merely forwards (`col` or `col AS x`), if any. */
function forwardedColumn(e: Expr): number | undefined {
  if (e.kind === 'BoundRef') return e.index;
  if (e.kind === 'Alias') return forwardedColumn(e.child);
  return undefined;
}

/**
 * Evaluates the projection list. Forwarded columns reuse the input arrays
 * (and keep its selection); computed ones are evaluated once per row.
 */
export function executeProject(plan: Project, exec: Exec): Rel {
  const input = exec.run(plan.input);
  const schema = schemaOf(plan);
  const forwards = plan.exprs.map(forwardedColumn);
  if (forwards.every((f) => f !== undefined)) {
    return { schema, columns: forwards.map((f) => input.columns[f!]!), sel: input.sel, numRows: input.numRows };
  }
  const env = { columns: input.columns, ctx: exec.ctx };
  const n = input.numRows;
  const sel = input.sel;
  const columns = plan.exprs.map((e, c) => {
    const f = forwards[c];
    const out = new Array<unknown>(n);
    if (f !== undefined) {
      const col = input.columns[f]!;
      if (sel) for (let k = 0; k < n; k++) out[k] = col[sel[k]!];
      else for (let k = 0; k < n; k++) out[k] = col[k];
      return out;
    }
    const fn = compileExpr(e, env);
    if (sel) {
      for (let k = 0; k < n; k++) {
        const v = fn(sel[k]!);
        out[k] = v === undefined ? null : v;
      }
    } else {
      for (let k = 0; k < n; k++) {
        const v = fn(k);
        out[k] = v === undefined ? null : v;
      }
    }
    return out;
  });
  return { schema, columns, sel: null, numRows: n };
}
