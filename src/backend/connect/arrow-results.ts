/**
 * ExecutePlan's Arrow batches → a `Batch` of internal values, the same values
 * the local backends produce, so `collect()` gives the same JS types.
 *
 * Columns are read by position: Spark results may repeat a name (after a
 * join), and apache-arrow's Table merges fields by name.
 */
import type { Data } from 'apache-arrow';
import { makeBatch, type Batch } from '../../data/batch.js';
import { arrow } from '../../data/arrow-lib.js';
import { StructType } from '../../types/data-types.js';
import { arrowSchemaToSpark, readColumnData } from '../export/arrow-table.js';

/** `schema` is the result schema Spark sent (exact types and nullability); else the Arrow schema's. */
export function arrowBatchesToBatch(streams: readonly Uint8Array[], schema: StructType | undefined): Batch {
  const { RecordBatchReader } = arrow();
  let resolved = schema;
  const columns: unknown[][] | undefined = schema ? schema.fields.map(() => []) : undefined;
  let cols = columns;
  // A result without columns still has rows (df.drop of every column): count them from the batches.
  let rows = 0;
  for (const bytes of streams) {
    for (const rb of RecordBatchReader.from(bytes)) {
      rows += rb.numRows;
      if (!resolved) resolved = arrowSchemaToSpark(rb.schema);
      cols ??= resolved.fields.map(() => []);
      const children = rb.data.children as Data[];
      resolved.fields.forEach((f, i) => {
        const d = children[i];
        if (d) readColumnData(f.dataType, d, cols![i]!);
      });
    }
  }
  const finalSchema = resolved ?? new StructType([]);
  return makeBatch(finalSchema, cols ?? finalSchema.fields.map(() => []), rows);
}
