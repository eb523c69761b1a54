/**
 * `Rel`: what operators pass each other inside the memory executor.
 *
 * Each column is a shared, immutable value array plus an optional selection
 * vector `sel` mapping the relation's row k to `data[sel[k]]` (-1 reads as
 * null, for the missing side of outer joins). Filter, Sort, Limit, Offset,
 * Deduplicate, Sample and inner joins only compose selection vectors — no
 * values are copied — and projections reuse columns as they are. Values are
 * gathered into dense arrays only when a Batch leaves the interpreter.
 */
import { makeBatch, type Batch } from '../../../data/batch.js';
import type { StructType } from '../../../types/data-types.js';
import type { RowFn } from '../functions/types.js';

export interface Col {
  readonly data: readonly unknown[];
  /** Row k is `data[sel[k]]` (null when `sel[k] < 0`); null = row k is `data[k]`. */
  readonly sel: Int32Array | null;
}

export interface Rel {
  readonly schema: StructType;
  readonly cols: readonly Col[];
  readonly numRows: number;
}

export function relFromBatch(b: Batch): Rel {
  return { schema: b.schema, cols: b.columns.map((data) => ({ data, sel: null })), numRows: b.numRows };
}

/** A relation over freshly built dense columns. */
export function denseRel(schema: StructType, columns: readonly (readonly unknown[])[], numRows: number): Rel {
  return { schema, cols: columns.map((data) => ({ data, sel: null })), numRows };
}

export const denseCol = (data: readonly unknown[]): Col => ({ data, sel: null });

/** Reads row k of a column. */
export function colReader(col: Col): RowFn {
  const { data, sel } = col;
  if (!sel) return (k) => data[k];
  return (k) => {
    const i = sel[k]!;
    return i < 0 ? null : data[i];
  };
}

/**
 * The relation restricted/reordered to `pos` (row positions of `rel`, -1 =
 * a row of nulls). Columns sharing a selection share the composed one.
 */
export function select(rel: Rel, pos: Int32Array, schema: StructType = rel.schema): Rel {
  const composed = new Map<Int32Array | null, Int32Array>();
  const cols = rel.cols.map((c) => {
    let sel = composed.get(c.sel);
    if (!sel) {
      sel = composeSel(c.sel, pos);
      composed.set(c.sel, sel);
    }
    return { data: c.data, sel };
  });
  return { schema, cols, numRows: pos.length };
}

function composeSel(base: Int32Array | null, pos: Int32Array): Int32Array {
  if (!base) return pos;
  const out = new Int32Array(pos.length);
  for (let k = 0; k < pos.length; k++) {
    const p = pos[k]!;
    out[k] = p < 0 ? -1 : base[p]!;
  }
  return out;
}

/** Positions 0..n-1. */
export function allRows(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) out[k] = k;
  return out;
}

/** Positions start..end-1. */
export function rowRange(start: number, end: number): Int32Array {
  const out = new Int32Array(Math.max(0, end - start));
  for (let k = 0; k < out.length; k++) out[k] = start + k;
  return out;
}

/** The column's values for rows 0..n-1 as a dense array (the data itself when already dense). */
export function gatherCol(col: Col, n: number): unknown[] {
  const { data, sel } = col;
  if (!sel) return data.length === n ? (data as unknown[]) : data.slice(0, n);
  const out = new Array<unknown>(n);
  for (let k = 0; k < n; k++) {
    const i = sel[k]!;
    out[k] = i < 0 ? null : data[i];
  }
  return out;
}

/** A dense Batch of the relation. */
export function toBatch(rel: Rel): Batch {
  if (rel.schema.fields.length === 0) return { schema: rel.schema, columns: [], numRows: rel.numRows };
  return makeBatch(rel.schema, rel.cols.map((c) => gatherCol(c, rel.numRows)));
}
