/** `functions`: aggregates and null helpers added in PySpark 3.x (count_if, bool_and, max_by, mode, nvl, ...). */
import type { Column, ColumnOrName } from '../api/column.js';
import { E } from '../expr/nodes.js';
import { L, c, call, colOrLit, unary } from './call.js';

const agg = unary;

/** count_if(col): the number of rows where `col` is true. */
export const count_if = agg('count_if');
/** AND of the non-null booleans (null for none). */
export const bool_and = agg('bool_and');
export const every = agg('every');
/** OR of the non-null booleans (null for none). */
export const bool_or = agg('bool_or');
export const some = agg('some');
/** Bitwise AND / OR / XOR of the non-null integers. */
export const bit_and = agg('bit_and');
export const bit_or = agg('bit_or');
export const bit_xor = agg('bit_xor');
/** `max_by(col, ord)`: `col` at the row with the largest `ord`. */
export const max_by = (col: ColumnOrName, ord: ColumnOrName): Column => call('max_by', c(col), c(ord));
/** `min_by(col, ord)`: `col` at the row with the smallest `ord`. */
export const min_by = (col: ColumnOrName, ord: ColumnOrName): Column => call('min_by', c(col), c(ord));
/** The most frequent non-null value. */
export const mode = agg('mode');
/** try_sum / try_avg: null instead of an overflow error. */
export const try_sum = agg('try_sum');
export const try_avg = agg('try_avg');

/** `nvl(col1, col2)` / `ifnull(col1, col2)`: col2 when col1 is null. */
export const nvl = (col1: ColumnOrName, col2: ColumnOrName): Column => call('nvl', c(col1), c(col2));
export const ifnull = (col1: ColumnOrName, col2: ColumnOrName): Column => call('ifnull', c(col1), c(col2));
/** `nvl2(col1, col2, col3)`: col2 when col1 is not null, else col3. */
export const nvl2 = (col1: ColumnOrName, col2: ColumnOrName, col3: ColumnOrName): Column => call('nvl2', c(col1), c(col2), c(col3));
/** `nullif(col1, col2)`: null when col1 = col2, else col1. */
export const nullif = (col1: ColumnOrName, col2: ColumnOrName): Column => call('nullif', c(col1), c(col2));
/** `equal_null(col1, col2)`: null-safe equality (`<=>`). */
export const equal_null = (col1: ColumnOrName, col2: ColumnOrName): Column => call('equal_null', c(col1), c(col2));
/** Linear regression of `y` on `x` over the rows where both are non-null (`regr_slope(y, x)` and so on). */
const regr = (fn: string) => (y: ColumnOrName, x: ColumnOrName): Column => call(fn, c(y), c(x));
export const regr_count = regr('regr_count');
export const regr_avgx = regr('regr_avgx');
export const regr_avgy = regr('regr_avgy');
export const regr_sxx = regr('regr_sxx');
export const regr_syy = regr('regr_syy');
export const regr_sxy = regr('regr_sxy');
export const regr_slope = regr('regr_slope');
export const regr_intercept = regr('regr_intercept');
export const regr_r2 = regr('regr_r2');
/**
 * `percentile(col, percentage[, frequency = 1])`: the exact percentile, interpolated as Spark does;
 * `percentage` a number in [0, 1] or a list of them (then an array result).
 */
export const percentile = (col: ColumnOrName, percentage: number | readonly number[] | Column, frequency: ColumnOrName | number = 1): Column =>
  call(
    'percentile',
    c(col),
    Array.isArray(percentage) ? E.call('array', percentage.map((p) => L(p))) : colOrLit(percentage as number | Column),
    typeof frequency === 'number' ? L(frequency) : c(frequency),
  );

/** `grouping(col)`: 1 when a rollup/cube row aggregates `col` away, else 0 (a tinyint). */
export const grouping = (col: ColumnOrName): Column => call('grouping', c(col));
/** `grouping_id(*cols)`: the grouping bits of `cols` (all grouping columns when none), first column highest. */
export const grouping_id = (...cols: ColumnOrName[]): Column => call('grouping_id', ...cols.map((x) => c(x)));
