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

/** Applies `f` to every node, children first. */
export function transformUp(p: LogicalPlan, f: (node: LogicalPlan) => LogicalPlan): LogicalPlan {
  const rebuilt = withInputs(p, inputs(p).map((c) => transformUp(c, f)));
  return f(rebuilt);
}

/** Applies `f` to every node, parents first (f sees the original children). */
export function transformDown(p: LogicalPlan, f: (node: LogicalPlan) => LogicalPlan): LogicalPlan {
  const q = f(p);
  return withInputs(q, inputs(q).map((c) => transformDown(c, f)));
}
