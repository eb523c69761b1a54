/**
 * Filter(Project(x, exprs), cond) → Project(Filter(x, cond'), exprs) when every
 * column `cond` reads is a plain pass-through column of the Project: rows are
 * dropped before the projection computes anything for them.
 */
import { children, E, mapChildren, type Expr } from '../../expr/nodes.js';
import { withProps, schemaOf } from '../../plan/nodes.js';
import type { OptimizerRule } from '../rule.js';

export const pushFilterThroughProject: OptimizerRule = {
  name: 'push_filter_through_project',
  order: 'topDown',
  requires: { Filter: 1, Project: 1 },
  apply(node) {
    if (node.kind !== 'Filter' || node.input.kind !== 'Project') return node;
    const project = node.input;
    const inputFields = schemaOf(project.input).fields;
    const sources = project.exprs.map((e) => (e.kind === 'BoundRef' ? e.index : e.kind === 'Alias' && e.child.kind === 'BoundRef' ? e.child.index : -1));
    let ok = true;
    const rebase = (e: Expr): Expr => {
      if (e.kind === 'BoundRef') {
        const src = sources[e.index];
        if (src === undefined || src < 0) {
          ok = false;
          return e;
        }
        return E.bound(src, inputFields[src]!.name, e.dataType, e.nullable);
      }
      if (e.kind === 'Call' && (e.fn === 'rand' || e.fn === 'randn')) ok = false;
      return children(e).length === 0 ? e : mapChildren(e, rebase);
    };
    const condition = rebase(node.condition);
    if (!ok) return node;
    const filter = withProps(node, { input: project.input, condition, schema: schemaOf(project.input) });
    return withProps(project, { input: filter });
  },
};
