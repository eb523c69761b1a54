/** Generic plan rewriting: rebuild a node with new inputs, and bottom-up transforms. */
import { inputs, withProps, type LogicalPlan } from './nodes.js';

/** The same node over new inputs (same order as `inputs(p)`); returns `p` itself when nothing changed. */
export function withInputs(p: LogicalPlan, next: readonly LogicalPlan[]): LogicalPlan {
  const old = inputs(p);
  if (old.length === next.length && old.every((x, i) => x === next[i])) return p;
  if (p.kind === 'Join' || p.kind === 'SetOperation') return withProps(p, { left: next[0]!, right: next[1]! } as Partial<typeof p>);
  if ('input' in p) return withProps(p, { input: next[0]! } as Partial<typeof p>);
  return p;
}

/**
 * `p` with each input replaced by `g(input, f)`; `p` itself when every input comes
 * back unchanged. Optimizer rules and table binding run this over every node
 * of every query, so it allocates nothing unless an input changed (not even a
 * closure: the walkers below pass themselves and their `f`).
 */
function mapInputs<A>(p: LogicalPlan, g: (c: LogicalPlan, a: A) => LogicalPlan, a: A): LogicalPlan {
  switch (p.kind) {
    case 'LocalRelation':
    case 'Range':
    case 'TableScan':
    case 'RemoteRelation':
      return p;
    case 'Join':
    case 'SetOperation': {
      const left = g(p.left, a);
      const right = g(p.right, a);
      return left === p.left && right === p.right ? p : withProps(p, { left, right } as Partial<typeof p>);
    }
    default: {
      const input = g(p.input, a);
      return input === p.input ? p : withProps(p, { input } as Partial<typeof p>);
    }
  }
}

/** Applies `f` to every node, children first. */
export function transformUp(p: LogicalPlan, f: (node: LogicalPlan) => LogicalPlan): LogicalPlan {
  return f(mapInputs(p, transformUp, f));
}

/** Applies `f` to every node, parents first (f sees the original children). */
export function transformDown(p: LogicalPlan, f: (node: LogicalPlan) => LogicalPlan): LogicalPlan {
  return mapInputs(f(p), transformDown, f);
}
