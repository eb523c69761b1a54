import type { Deduplicate } from '../../../plan/nodes.js';
import { keyFunction } from './keys.js';
import { DoubleType, FloatType } from '../../../types/data-types.js';
import { colReader, denseCol, gatherCol, select, type Rel } from './relation.js';
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
  const kept = m === n ? input : select(input, out.slice(0, m), plan.schema ?? input.schema);
  return normalizeZeroKeys(kept, keys);
}

/** Spark normalizes floating grouping keys, so a distinct -0.0 comes out as 0.0. */
function normalizeZeroKeys(rel: Rel, keys: readonly number[]): Rel {
  const floating = keys.filter((c) => {
    const t = rel.schema.fields[c]!.dataType;
    return t instanceof DoubleType || t instanceof FloatType;
  });
  if (floating.length === 0) return rel;
  const cols = rel.cols.map((col, c) => {
    if (!floating.includes(c)) return col;
    const data = gatherCol(col, rel.numRows);
    return data.some((v) => Object.is(v, -0)) ? denseCol(data.map((v) => (Object.is(v, -0) ? 0 : v))) : col;
  });
  return { ...rel, cols };
}
