/**
 * `createDataFrame` data → `LocalRelation`: the rows as an Arrow IPC stream
 * and the schema as Spark's JSON form, as PySpark sends them. The schema is
 * inferred client side (PySpark does the same), so Spark sees exactly the
 * types `createDataFrame` gives on the local backends.
 */
import type { Batch } from '../../../data/batch.js';
import { arrow } from '../../../data/arrow-lib.js';
import { batchToArrowTable } from '../../export/arrow-table.js';
import type { Msg } from '../proto/codec.js';

export function localRelationMessage(batch: Batch): Msg {
  const ipc = arrow().tableToIPC(batchToArrowTable(batch), 'stream');
  return { data: ipc, schema: batch.schema.json() };
}
