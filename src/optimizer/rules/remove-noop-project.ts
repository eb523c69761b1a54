/** Drops a Project that passes every input column through unchanged, in order, under the same names. */
import { schemaOf } from '../../plan/nodes.js';
import type { OptimizerRule } from '../rule.js';

export const removeNoopProject: OptimizerRule = {
  name: 'remove_noop_project',
  order: 'bottomUp',
  requires: { Project: 1 },
  apply(node) {
    if (node.kind !== 'Project') return node;
    const input = schemaOf(node.input);
    const identity =
      node.exprs.length === input.fields.length &&
      node.exprs.every((e, i) => e.kind === 'BoundRef' && e.index === i && e.name === input.fields[i]!.name);
    return identity && schemaOf(node).equals(input) ? node.input : node;
  },
};
