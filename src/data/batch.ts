/**
 * A columnar block of rows in the internal value representation
 * (see types/data-types.ts). This is what backends exchange: LocalRelation
 * data going in, materialized results coming out.
 */
import type { StructType } from '../types/data-types.js';

export interface Batch {
  readonly schema: StructType;
  /** One array per schema field, each of length `numRows`. */
  readonly columns: readonly (readonly unknown[])[];
  readonly numRows: number;
}

/**
 * A frozen batch. `rowsWithoutColumns` is the row count of a batch with no
 * columns (`df.select()` keeps its input's rows), which columns cannot carry.
 */
export function makeBatch(schema: StructType, columns: readonly (readonly unknown[])[], rowsWithoutColumns = 0): Batch {
  if (columns.length !== schema.fields.length) {
    throw new Error(`internal: batch has ${columns.length} columns but schema has ${schema.fields.length}`);
  }
  const numRows = columns.length > 0 ? columns[0]!.length : rowsWithoutColumns;
  return Object.freeze({ schema, columns, numRows });
}

/** An empty batch of the given schema. */
export function emptyBatch(schema: StructType): Batch {
  return makeBatch(schema, schema.fields.map(() => []));
}

/** Row-major view (arrays of internal values), for small results and tests. */
export function batchRows(b: Batch): unknown[][] {
  const out: unknown[][] = new Array(b.numRows);
  for (let r = 0; r < b.numRows; r++) {
    const row = new Array(b.columns.length);
    for (let c = 0; c < b.columns.length; c++) row[c] = b.columns[c]![r];
    out[r] = row;
  }
  return out;
}

/** Column-major batch from row-major internal values. */
export function batchFromRows(schema: StructType, rows: readonly (readonly unknown[])[]): Batch {
  const cols = schema.fields.map((_, c) => rows.map((r) => r[c] ?? null));
  return makeBatch(schema, cols);
}
