import type { Deduplicate } from '../../../plan/nodes.js';
import { keyFunction } from './keys.js';
import { colReader, select, type Rel } from './relation.js';
import type { Exec } from './types.js';

/** `distinct()` / `dropDuplicates(subset)`: the first row of each key, in input order. */
export function executeDeduplicate(plan: Deduplicate, exec: Exec): Rel {
  const input = exec.run(plan.input);
  const keys = plan.keys ?? input.schema.fields.map((_, i) => i);
  const key = keyFunction(
    keys.map((c) => colReader(input.cols[c]!)),
    keys.map((c) => input.schema.fields[c]!.dataType),
  );
  const n = input.numRows;
  const seen = new Set<unknown>();
  const out = new Int32Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    const kv = key(k);
    if (!seen.has(kv)) {
      seen.add(kv);
      out[m++] = k;
    }
  }
  if (m === n) return input;
  return select(input, out.slice(0, m), plan.schema ?? input.schema);
}
