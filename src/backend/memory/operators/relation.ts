/**
 * `Rel`: what operators pass each other inside the memory executor. Columns
 * are shared, immutable arrays; `sel` (a selection vector) lists the physical
 * row indices that make up the relation, in order. Filter, Sort, Limit,
 * Offset, Deduplicate and Sample only produce a new `sel` — no row copies —
 * and column projections reuse the arrays. Rows are gathered into dense
 * columns only when an operator produces new values or at the end.
 */
import { makeBatch, type Batch } from '../../../data/batch.js';
import type { StructType } from '../../../types/data-types.js';

export interface Rel {
  readonly schema: StructType;
  readonly columns: readonly (readonly unknown[])[];
  /** Physical row indices, in output order; null = every physical row in order. */
  readonly sel: Int32Array | null;
  /** Number of (logical) rows. */
  readonly numRows: number;
}

export function relFromBatch(b: Batch): Rel {
  return { schema: b.schema, columns: b.columns, sel: null, numRows: b.numRows };
}

/** A dense relation over freshly built columns. */
export function denseRel(schema: StructType, columns: readonly (readonly unknown[])[], numRows: number): Rel {
  return { schema, columns, sel: null, numRows };
}

/** Same columns, new selection (indices are physical). */
export function withSel(rel: Rel, sel: Int32Array): Rel {
  return { schema: rel.schema, columns: rel.columns, sel, numRows: sel.length };
}

/** Physical row indices of the relation, materialized. */
export function physicalRows(rel: Rel): Int32Array {
  if (rel.sel) return rel.sel;
  const out = new Int32Array(rel.numRows);
  for (let k = 0; k < out.length; k++) out[k] = k;
  return out;
}

/** Gathers one column at the relation's rows. */
export function gather(col: readonly unknown[], sel: Int32Array | null, numRows: number): unknown[] {
  if (!sel) return col.length === numRows ? (col as unknown[]) : col.slice(0, numRows);
  const out = new Array(sel.length);
  for (let k = 0; k < sel.length; k++) out[k] = col[sel[k]!];
  return out;
}

/** A dense Batch of the relation (columns copied only when a selection is pending). */
export function toBatch(rel: Rel): Batch {
  if (rel.schema.fields.length === 0) return { schema: rel.schema, columns: [], numRows: rel.numRows };
  return makeBatch(rel.schema, rel.columns.map((c) => gather(c, rel.sel, rel.numRows)));
}

/** The relation with dense columns (gathered when needed). */
export function densify(rel: Rel): Rel {
  if (!rel.sel) return rel;
  return denseRel(rel.schema, rel.columns.map((c) => gather(c, rel.sel, rel.numRows)), rel.numRows);
}
