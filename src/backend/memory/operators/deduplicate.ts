import type { Deduplicate } from '../../../plan/nodes.js';
import { keyFunction } from './keys.js';
import { physicalRows, withSel, type Rel } from './relation.js';
import type { Exec } from './types.js';

/** `distinct()` / `dropDuplicates(subset)`: the first row of each key, in input order. */
export function executeDeduplicate(plan: Deduplicate, exec: Exec): Rel {
  const input = exec.run(plan.input);
  const keys = plan.keys ?? input.schema.fields.map((_, i) => i);
  const key = keyFunction(
    keys.map((c) => {
      const col = input.columns[c]!;
      return (i: number) => col[i];
    }),
    keys.map((c) => input.schema.fields[c]!.dataType),
  );
  const rows = physicalRows(input);
  const seen = new Set<unknown>();
  const out = new Int32Array(rows.length);
  let m = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const kv = key(i);
    if (!seen.has(kv)) {
      seen.add(kv);
      out[m++] = i;
    }
  }
  return withSel({ ...input, schema: plan.schema ?? input.schema }, out.slice(0, m));
}
