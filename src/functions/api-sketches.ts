/** `functions`: approximate aggregates and sketches (percentile_approx, ...). */
import type { Column, ColumnOrName } from '../api/column.js';
import { E } from '../expr/nodes.js';
import { L, c, call, colOrLit } from './call.js';

const percentageArg = (p: number | readonly number[] | Column) =>
  Array.isArray(p) ? E.call('array', p.map((x) => L(x))) : colOrLit(p as number | Column);

/**
 * `percentile_approx(col, percentage, accuracy = 10000)`: Spark's approximate percentile (Greenwald-Khanna,
 * relative error 1/accuracy); `percentage` a number in [0, 1] or a list of them (then an array result).
 */
export const percentile_approx = (col: ColumnOrName, percentage: number | readonly number[] | Column, accuracy: number | Column = 10000): Column =>
  call('percentile_approx', c(col), percentageArg(percentage), colOrLit(accuracy));
/** `approx_percentile(col, percentage, accuracy = 10000)`: percentile_approx under its SQL name. */
export const approx_percentile = (col: ColumnOrName, percentage: number | readonly number[] | Column, accuracy: number | Column = 10000): Column =>
  call('approx_percentile', c(col), percentageArg(percentage), colOrLit(accuracy));

/** `bitmap_bit_position(col)`: the bit position of a value within its 32768-bit bucket. */
export const bitmap_bit_position = (col: ColumnOrName): Column => call('bitmap_bit_position', c(col));
/** `bitmap_bucket_number(col)`: the 32768-bit bucket a value falls in. */
export const bitmap_bucket_number = (col: ColumnOrName): Column => call('bitmap_bucket_number', c(col));
/** `bitmap_count(col)`: the number of bits set in a bitmap. */
export const bitmap_count = (col: ColumnOrName): Column => call('bitmap_count', c(col));
/** `bitmap_construct_agg(col)`: a 4096-byte bitmap with the bits at the group's positions set. */
export const bitmap_construct_agg = (col: ColumnOrName): Column => call('bitmap_construct_agg', c(col));
/** `bitmap_or_agg(col)`: the OR of the group's bitmaps. */
export const bitmap_or_agg = (col: ColumnOrName): Column => call('bitmap_or_agg', c(col));

/** `histogram_numeric(col, nBins)`: Spark's streaming histogram with at most nBins bins, as array<struct<x, y>>; `nBins` is a Column (`lit`). */
/**
 * `count_min_sketch(col, eps, confidence, seed)`: Spark's count-min sketch of the group's integral, string or
 * binary values, serialized as Spark's CountMinSketch (BINARY); the three parameters are constant Columns (`lit`).
 */
export const count_min_sketch = (col: ColumnOrName, eps: ColumnOrName, confidence: ColumnOrName, seed: ColumnOrName): Column =>
  call('count_min_sketch', c(col), c(eps), c(confidence), c(seed));
/**
 * `hll_sketch_agg(col, lgConfigK = 12)`: an Apache DataSketches HLL sketch (HLL_8, updatable image, BINARY) of
 * the group's INT, BIGINT, STRING or BINARY values; nulls, empty strings and empty binaries are skipped.
 */
export const hll_sketch_agg = (col: ColumnOrName, lgConfigK?: number | Column): Column =>
  lgConfigK === undefined ? call('hll_sketch_agg', c(col)) : call('hll_sketch_agg', c(col), colOrLit(lgConfigK));
/** `hll_union_agg(col, allowDifferentLgConfigK = false)`: the union of the group's HLL sketches (BINARY). */
export const hll_union_agg = (col: ColumnOrName, allowDifferentLgConfigK?: boolean | Column): Column =>
  allowDifferentLgConfigK === undefined ? call('hll_union_agg', c(col)) : call('hll_union_agg', c(col), colOrLit(allowDifferentLgConfigK));
/** `hll_sketch_estimate(col)`: the estimated distinct count of an HLL sketch (BIGINT, rounded). */
export const hll_sketch_estimate = (col: ColumnOrName): Column => call('hll_sketch_estimate', c(col));
/** `hll_union(col1, col2, allowDifferentLgConfigK = false)`: the union of two HLL sketches (BINARY). */
export const hll_union = (col1: ColumnOrName, col2: ColumnOrName, allowDifferentLgConfigK?: boolean | Column): Column =>
  allowDifferentLgConfigK === undefined
    ? call('hll_union', c(col1), c(col2))
    : call('hll_union', c(col1), c(col2), colOrLit(allowDifferentLgConfigK));
export const histogram_numeric = (col: ColumnOrName, nBins: ColumnOrName): Column => call('histogram_numeric', c(col), c(nBins));
