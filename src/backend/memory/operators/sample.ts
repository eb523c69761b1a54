import type { Sample } from '../../../plan/nodes.js';
import { Prng } from '../runtime/prng.js';
import { select, type Rel } from './relation.js';
import type { Exec } from './types.js';

/**
 * Bernoulli sampling (each row kept with probability `fraction`), or Poisson
 * sampling with replacement (each row repeated Poisson(fraction) times).
 * Deterministic for a given seed and input order.
 */
export function executeSample(plan: Sample, exec: Exec): Rel {
  const input = exec.run(plan.input);
  const rng = new Prng(plan.seed);
  const out: number[] = [];
  if (plan.withReplacement) {
    for (let k = 0; k < input.numRows; k++) {
      const times = rng.nextPoisson(plan.fraction);
      for (let t = 0; t < times; t++) out.push(k);
    }
  } else {
    for (let k = 0; k < input.numRows; k++) if (rng.nextDouble() < plan.fraction) out.push(k);
  }
  return select(input, Int32Array.from(out));
}
