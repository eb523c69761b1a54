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
