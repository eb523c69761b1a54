/**
 * Native-backed batches: a DataFrame's input data held only as a Polars frame.
 *
 * `createDataFrame` on 5M rows used to keep the data twice for the DataFrame's
 * life: once as generic JS arrays in the plan's LocalRelation (boxed doubles
 * cost ~24 bytes a value) and once as the native copy Polars queries. A
 * native-backed batch keeps only the native frame. `schema` and `numRows` are
 * plain; `columns` is produced from the frame when some code actually reads it
 * (the memory interpreter, a delegated node, `collect()` of the bare
 * DataFrame, a writer).
 *
 * The columns read back are cached through a WeakRef, not held: repeated reads
 * in one synchronous job (`b.columns[c][r]` in a loop, which many readers do)
 * convert once, because a WeakRef's target stays alive until the current job
 * ends; readers that keep the arrays (an interpreter relation) keep them alive
 * through their own reference; once nobody does, the garbage collector takes
 * them and the batch is back to native only. A strong cache would pin a
 * second full copy after the first `collect()`; no cache would convert the
 * whole frame once per `b.columns` access.
 *
 * Batches are frozen (the "immutable batch" marker the backends rely on), and
 * `columns` is an own enumerable accessor, so a spread copy (`{ ...b }`) reads
 * the values like it would from a plain batch.
 */
import type { Batch } from '../../data/batch.js';
import { InternalError } from '../../errors/index.js';
import type { StructType } from '../../types/data-types.js';
import type { NativeDataFrame } from './native.js';
import { nativeToBatch } from './output.js';
import { toPolarsDType } from './type-mapper.js';

/**
 * Batches with at least this many rows are kept natively by the Polars
 * backend. Below it the JS copy is small (20k rows × 5 columns is ~2 MB of
 * values) and keeping it saves a native → JS conversion whenever the data is
 * read in JS (bare `collect()`, delegated nodes), which dominates small
 * queries: per-test frames of a few rows stay plain and pay nothing. It is
 * also where the `auto` backend switches to Polars (DEFAULT_MAX_MEMORY_ROWS),
 * so both backends call the same inputs "large".
 */
export const NATIVE_INGEST_MIN_ROWS = 20_000;

let reads = 0;

/** How many times a native-backed batch's columns have been produced from its frame (for tests). */
export function nativeColumnReads(): number {
  return reads;
}

class NativeBatch implements Batch {
  readonly schema: StructType;
  readonly numRows: number;
  declare readonly columns: readonly (readonly unknown[])[];
  readonly #frame: NativeDataFrame;
  #read: WeakRef<readonly (readonly unknown[])[]> | undefined;

  constructor(frame: NativeDataFrame, schema: StructType) {
    this.schema = schema;
    this.numRows = frame.height;
    this.#frame = frame;
    Object.defineProperty(this, 'columns', { enumerable: true, get: () => this.#columns() });
    Object.freeze(this);
  }

  get frame(): NativeDataFrame {
    return this.#frame;
  }

  #columns(): readonly (readonly unknown[])[] {
    const held = this.#read?.deref();
    if (held) return held;
    reads++;
    const cols = Object.freeze(nativeToBatch(this.#frame, this.schema).columns);
    this.#read = new WeakRef(cols);
    return cols;
  }
}

/** The batch's native frame (columns `c0..c{n-1}`) when it is native-backed, else undefined. */
export function heldFrame(b: Batch): NativeDataFrame | undefined {
  return b instanceof NativeBatch ? b.frame : undefined;
}

/** True when the batch's data lives only in a native frame. */
export function isNativeBacked(b: Batch): boolean {
  return b instanceof NativeBatch;
}

/**
 * A frozen batch over a native frame whose columns (`c0..c{n-1}`) hold the
 * schema's types in the layout `batchToNative` produces.
 */
export function nativeBatch(frame: NativeDataFrame, schema: StructType): Batch {
  if (frame.width !== schema.fields.length) {
    throw new InternalError(`native frame has ${frame.width} columns but schema has ${schema.fields.length}`);
  }
  return new NativeBatch(frame, schema);
}

/**
 * Schemas whose every column Polars holds with a type that reads back as the
 * same internal values. Binary and null columns (and nested types holding
 * them) have no Polars cast type here, so such batches stay in JS.
 */
export function holdableNatively(schema: StructType): boolean {
  return schema.fields.every((f) => toPolarsDType(f.dataType) !== undefined);
}
