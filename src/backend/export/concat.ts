/** Column-wise concatenation of batches (Parquet parts read back in order). */
import { makeBatch, type Batch } from '../../data/batch.js';
import type { StructType } from '../../types/data-types.js';

/** The rows of `parts`, in order, as one batch of `schema` (positional columns). */
export function concatBatches(schema: StructType, parts: readonly Batch[]): Batch {
  if (parts.length === 1) return makeBatch(schema, parts[0]!.columns);
  const cols = schema.fields.map((_, i) => {
    const out: unknown[] = [];
    for (const p of parts) for (const v of p.columns[i]!) out.push(v);
    return out;
  });
  return makeBatch(schema, cols);
}
