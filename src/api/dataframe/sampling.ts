/** DataFrame's random sampling: `sample` as a Sample plan node, `randomSplit` as filters over one shared rand(). */
import { requireList, requireNumber, safeString } from '../arg-checks.js';
import { IllegalArgumentException } from '../../errors/index.js';
import { E } from '../../expr/nodes.js';
import { plan } from '../../plan/nodes.js';
import { LONG } from '../../types/data-types.js';
import { Column } from '../column.js';
import type { DataFrame } from '../dataframe.js';

export function sample(df: DataFrame, a?: boolean | number, b?: number, c?: number): DataFrame {
  let withReplacement = false;
  let fraction: number | undefined;
  let seed: number | undefined;
  if (typeof a === 'boolean') {
    withReplacement = a;
    fraction = b;
    seed = c;
  } else {
    fraction = a;
    seed = b;
  }
  if (typeof fraction !== 'number' || fraction < 0 || (!withReplacement && fraction > 1)) {
    throw new IllegalArgumentException(`requirement failed: Sampling fraction (${safeString(fraction)}) must be on interval [0, 1] without replacement`, {});
  }
  return df.withPlan(plan('Sample', { input: df.plan, fraction, withReplacement, seed: seed ?? Math.floor(Math.random() * 2 ** 31) }));
}

export function randomSplit(df: DataFrame, weights: readonly number[], seed?: number): DataFrame[] {
  requireList('weights', weights);
  for (const w of weights) requireNumber('weights', w);
  if (weights.some((w) => w < 0)) {
    throw new IllegalArgumentException(`requirement failed: Weights must be nonnegative, but got [${weights.join(', ')}]`, {});
  }
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) throw new IllegalArgumentException(`requirement failed: Sum of weights must be positive, but got [${weights.join(', ')}]`, {});
  const s = seed ?? Math.floor(Math.random() * 2 ** 31);
  // One uniform draw per row with a shared seed; each split keeps its own [lower, upper) slice of it.
  const tmp = '__sparkless_split_rand';
  const marked = df.withColumn(tmp, new Column(E.call('rand', [E.lit(s, LONG)])));
  const r = new Column(E.col(tmp));
  let lower = 0;
  return weights.map((w, i) => {
    const upper = i === weights.length - 1 ? 1 : lower + w / total;
    const cond = i === weights.length - 1 ? r.gte(lower) : r.gte(lower).and(r.lt(upper));
    lower = upper;
    return marked.filter(cond).drop(tmp);
  });
}
