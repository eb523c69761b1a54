/**
 * Projection pruning: Project(outer, Project(inner, x)) → Project(outer', x),
 * outer' reading the inner expressions directly. Inner columns nothing reads
 * are never computed, and one pass replaces two. Only when every inner
 * expression is deterministic and each computed one (not a plain column or
 * literal) is read at most once, so nothing is computed twice.
 */
import { children, mapChildren, type Expr } from '../../expr/nodes.js';
import { withProps } from '../../plan/nodes.js';
import type { OptimizerRule } from '../rule.js';
import { deterministic, rebind } from './predicates.js';

const strip = (e: Expr): Expr => (e.kind === 'Alias' ? e.child : e);
const trivial = (e: Expr): boolean => e.kind === 'BoundRef' || e.kind === 'Literal';

function countRefs(e: Expr, counts: number[]): void {
  if (e.kind === 'BoundRef') counts[e.index] = (counts[e.index] ?? 0) + 1;
  for (const c of children(e)) countRefs(c, counts);
}

export const collapseProjects: OptimizerRule = {
  name: 'collapse_projects',
  order: 'topDown',
  requires: { Project: 2 },
  apply(node) {
    if (node.kind !== 'Project' || node.input.kind !== 'Project') return node;
    const inner = node.input;
    if (!inner.exprs.every(deterministic)) return node;
    const counts: number[] = [];
    for (const e of node.exprs) countRefs(e, counts);
    if (inner.exprs.some((e, i) => !trivial(strip(e)) && (counts[i] ?? 0) > 1)) return node;
    const exprs = node.exprs.map((e) => {
      // A bare column keeps the inner expression with its alias (the output name is the same).
      if (e.kind === 'BoundRef') return inner.exprs[e.index]!;
      return children(e).length === 0 ? e : mapChildren(e, (c) => rebind(c, (r) => strip(inner.exprs[r.index]!)));
    });
    return withProps(node, { input: inner.input, exprs });
  },
};
