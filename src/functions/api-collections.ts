/**
 * `functions`: the array, map and struct functions of PySpark 3.5 beyond the
 * basic ones in api.ts, and the `inline`/`stack` generators. Parameters follow
 * PySpark: `col` arguments take a column name or Column, `value` arguments
 * (PySpark's `Any`) are literals unless they are Columns, and
 * `Union[ColumnOrName, int]` parameters read a number as a literal.
 */
import { Column, type ColumnOrLiteral, type ColumnOrName } from '../api/column.js';
import { PySparkTypeError } from '../errors/index.js';
import { E, type Expr } from '../expr/nodes.js';
import { L, c, call, colOrLit, flat, numOrCol, unary, type Cols } from './call.js';
const value = (v: unknown): Expr => colOrLit(v as ColumnOrLiteral);

// ---- arrays ------------------------------------------------------------------------------------

/** `array_append(col, value)`: the array with `value` added at the end. */
export const array_append = (col: ColumnOrName, v: unknown): Column => call('array_append', c(col), value(v));
/** `array_prepend(col, value)`: the array with `value` added at the front. */
export const array_prepend = (col: ColumnOrName, v: unknown): Column => call('array_prepend', c(col), value(v));
/** `array_insert(arr, pos, value)`: inserts at 1-based `pos` (negative counts from the end; beyond the end pads with NULLs). */
export const array_insert = (arr: ColumnOrName, pos: ColumnOrName | number, v: unknown): Column =>
  call('array_insert', c(arr), numOrCol(pos), value(v));
/** `array_position(col, value)`: 1-based position of the first match, 0 when absent. */
export const array_position = (col: ColumnOrName, v: unknown): Column => call('array_position', c(col), value(v));
/** `array_remove(col, element)`: the array without the elements equal to `element`. */
export const array_remove = (col: ColumnOrName, element: unknown): Column => call('array_remove', c(col), value(element));
export const array_compact = unary('array_compact');
export const array_size = unary('array_size');
/** `array_repeat(col, count)`: `col` repeated `count` times. */
export const array_repeat = (col: ColumnOrName, count: ColumnOrName | number): Column => call('array_repeat', c(col), numOrCol(count));
export const array_union = (col1: ColumnOrName, col2: ColumnOrName): Column => call('array_union', c(col1), c(col2));
export const array_intersect = (col1: ColumnOrName, col2: ColumnOrName): Column => call('array_intersect', c(col1), c(col2));
export const array_except = (col1: ColumnOrName, col2: ColumnOrName): Column => call('array_except', c(col1), c(col2));
/** `arrays_overlap(a1, a2)`: true on a common non-null element; NULL when none but both are non-empty and one holds a NULL. */
export const arrays_overlap = (a1: ColumnOrName, a2: ColumnOrName): Column => call('arrays_overlap', c(a1), c(a2));
/** `arrays_zip(*cols)`: an array of structs whose fields are named after the columns. */
export const arrays_zip = (...cols: Cols): Column => call('arrays_zip', ...flat(cols).map(c));
export const flatten = unary('flatten');
/** `slice(x, start, length)`: `length` elements from 1-based `start` (negative counts from the end). */
export const slice = (x: ColumnOrName, start: ColumnOrName | number, length: ColumnOrName | number): Column =>
  call('slice', c(x), numOrCol(start), numOrCol(length));
/** `sequence(start, stop[, step])`: integers (step ±1 by default) or days from `start` to `stop`. */
export const sequence = (start: ColumnOrName, stop: ColumnOrName, step?: ColumnOrName): Column =>
  step === undefined ? call('sequence', c(start), c(stop)) : call('sequence', c(start), c(stop), c(step));
/**
 * `shuffle(col[, seed])`: a random permutation. PySpark 3.5 takes no seed;
 * sparkless accepts one (an integer) to make the permutation reproducible.
 */
export function shuffle(col: ColumnOrName, seed?: number): Column {
  if (seed === undefined) return call('shuffle', c(col));
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw new PySparkTypeError(`Argument \`seed\` should be an int, got ${typeof seed}.`, {
      errorClass: 'NOT_INT',
      messageParameters: { arg_name: 'seed', arg_type: typeof seed },
    });
  }
  return new Column(E.call('shuffle', [c(col)], { options: { seed } }));
}
/** `try_element_at(col, extraction)`: element_at, but NULL where element_at would fail. */
export const try_element_at = (col: ColumnOrName, extraction: ColumnOrName): Column => call('try_element_at', c(col), c(extraction));
/** `get(col, index)`: the element at 0-based `index`, NULL outside the array. */
export const get = (col: ColumnOrName, index: ColumnOrName | number): Column => call('get', c(col), numOrCol(index));
/** `array_agg(col)`: collect_list (Spark names it `collect_list(col)`). */
export const array_agg = unary('collect_list');

// ---- maps and structs --------------------------------------------------------------------------

export const map_concat = (...cols: Cols): Column => call('map_concat', ...flat(cols).map(c));
/** `map_contains_key(col, value)`: whether the map has the key. */
export const map_contains_key = (col: ColumnOrName, v: unknown): Column => call('map_contains_key', c(col), value(v));
export const map_entries = unary('map_entries');
export const map_from_arrays = (col1: ColumnOrName, col2: ColumnOrName): Column => call('map_from_arrays', c(col1), c(col2));
export const map_from_entries = unary('map_from_entries');
/** `str_to_map(text[, pairDelim[, keyValueDelim]])`: delimiters are regular expressions (`,` and `:` by default). */
export const str_to_map = (text: ColumnOrName, pairDelim?: ColumnOrName, keyValueDelim?: ColumnOrName): Column =>
  call('str_to_map', c(text), pairDelim === undefined ? L(',') : c(pairDelim), keyValueDelim === undefined ? L(':') : c(keyValueDelim));
/** `named_struct(name1, value1, ...)`: names are string literals (`F.lit('x')`). */
export const named_struct = (...cols: Cols): Column => call('named_struct', ...flat(cols).map(c));

// ---- generators and text -------------------------------------------------------------------------

/** `inline(col)`: one row per struct of the array, one column per field. */
export const inline = unary('inline');
/** `inline_outer(col)`: inline, keeping a row of NULLs for a NULL or empty array. */
export const inline_outer = unary('inline_outer');
/** `stack(n, *cols)`: the values as `n` rows of columns `col0`, `col1`, ... */
export const stack = (...cols: (ColumnOrName | number)[]): Column => call('stack', ...cols.map((x) => (typeof x === 'number' ? L(x) : c(x))));
/** `sentences(string[, language[, country]])`: sentences as arrays of words. */
export const sentences = (string: ColumnOrName, language?: ColumnOrName, country?: ColumnOrName): Column =>
  call('sentences', c(string), language === undefined ? L('') : c(language), country === undefined ? L('') : c(country));
