/**
 * PySpark's higher-order functions for the DataFrame API: the lambda is a JS
 * function of Columns, called once with lambda-variable Columns to build the
 * expression (as PySpark does with a Python function), e.g.
 * `F.transform('xs', (x) => x.plus(1))`, `F.aggregate('xs', F.lit(0), (acc, x) => acc.plus(x))`.
 * The SQL forms (`transform(xs, x -> x + 1)`) share the same definitions.
 */
import { Column, toColumnExpr, type ColumnOrName } from '../api/column.js';
import { PySparkTypeError } from '../errors/index.js';
import { E, type Expr } from '../expr/nodes.js';

type ColumnFn = (...cols: Column[]) => Column;

let counter = 0;

/** The lambda of a JS function: one variable per declared parameter (at most 3, as in PySpark). */
function lambda(f: ColumnFn, name: string): Expr {
  if (typeof f !== 'function') {
    throw new PySparkTypeError(`Argument \`${name}\` should be a function, got ${typeof f}.`, { errorClass: 'NOT_CALLABLE' });
  }
  const arity = Math.max(1, Math.min(f.length, 3));
  const params = Array.from({ length: arity }, (_, k) => `${'xyz'[k]}_${counter++}`);
  const body = f(...params.map((p) => new Column(E.lambdaVar(p))));
  if (!Column.isColumn(body)) {
    throw new PySparkTypeError(`Function \`${name}\` should return Column, got ${typeof body}.`, {
      errorClass: 'HIGHER_ORDER_FUNCTION_SHOULD_RETURN_COLUMN',
    });
  }
  return E.lambda(params, body.expr);
}

const call = (fn: string, ...args: Expr[]): Column => new Column(E.call(fn, args));

/** Applies `f` to each element (`f(x)` or `f(x, i)`). */
export const transform = (col: ColumnOrName, f: ColumnFn): Column => call('transform', toColumnExpr(col), lambda(f, 'f'));
/** The elements for which `f` is true (`f(x)` or `f(x, i)`). */
export const filter = (col: ColumnOrName, f: ColumnFn): Column => call('filter', toColumnExpr(col), lambda(f, 'f'));
/** Whether `f` holds for some element (null when it is null for some and true for none). */
export const exists = (col: ColumnOrName, f: ColumnFn): Column => call('exists', toColumnExpr(col), lambda(f, 'f'));
/** Whether `f` holds for every element. */
export const forall = (col: ColumnOrName, f: ColumnFn): Column => call('forall', toColumnExpr(col), lambda(f, 'f'));

/** Folds the elements into `initialValue` with `merge(acc, x)`, then applies `finish(acc)` when given. */
export function aggregate(col: ColumnOrName, initialValue: ColumnOrName, merge: ColumnFn, finish?: ColumnFn): Column {
  const args = [toColumnExpr(col), toColumnExpr(initialValue), lambda(merge, 'merge')];
  return call('aggregate', ...args, ...(finish ? [lambda(finish, 'finish')] : []));
}

/** As `aggregate` (Spark's alias). */
export function reduce(col: ColumnOrName, initialValue: ColumnOrName, merge: ColumnFn, finish?: ColumnFn): Column {
  const args = [toColumnExpr(col), toColumnExpr(initialValue), lambda(merge, 'merge')];
  return call('reduce', ...args, ...(finish ? [lambda(finish, 'finish')] : []));
}

/** Merges two arrays element-wise with `f(x, y)`; the shorter one is padded with nulls. */
export const zip_with = (left: ColumnOrName, right: ColumnOrName, f: ColumnFn): Column =>
  call('zip_with', toColumnExpr(left), toColumnExpr(right), lambda(f, 'f'));
/** The entries for which `f(k, v)` is true. */
export const map_filter = (col: ColumnOrName, f: ColumnFn): Column => call('map_filter', toColumnExpr(col), lambda(f, 'f'));
/** A map with keys `f(k, v)`. */
export const transform_keys = (col: ColumnOrName, f: ColumnFn): Column => call('transform_keys', toColumnExpr(col), lambda(f, 'f'));
/** A map with values `f(k, v)`. */
export const transform_values = (col: ColumnOrName, f: ColumnFn): Column => call('transform_values', toColumnExpr(col), lambda(f, 'f'));
/** `map_zip_with(col1, col2, f)`: `f(k, v1, v2)` over the union of keys (a missing value is NULL). */
export const map_zip_with = (col1: ColumnOrName, col2: ColumnOrName, f: ColumnFn): Column =>
  call('map_zip_with', toColumnExpr(col1), toColumnExpr(col2), lambda(f, 'f'));
/**
 * `array_sort(col[, comparator])`: ascending with NULLs last, or ordered by
 * `comparator(left, right)` (a negative, zero or positive INT).
 */
export const array_sort = (col: ColumnOrName, comparator?: ColumnFn): Column =>
  comparator === undefined ? call('array_sort', toColumnExpr(col)) : call('array_sort', toColumnExpr(col), lambda(comparator, 'comparator'));
