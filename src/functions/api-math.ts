/** `functions`: arithmetic and bit functions added in PySpark 3.x (try_*, pmod, shifts, bit_count, ...). */
import type { Column, ColumnOrName } from '../api/column.js';
import { L, c, call, intArg, numOrCol, unary } from './call.js';

/** `pmod(a, b)`: the positive remainder; numbers are literals. */
export const pmod = (dividend: ColumnOrName | number, divisor: ColumnOrName | number): Column =>
  call('pmod', typeof dividend === 'number' ? L(dividend) : c(dividend), typeof divisor === 'number' ? L(divisor) : c(divisor));
/** try_* arithmetic: null where the operator would overflow (or divide by zero). */
export const try_add = (left: ColumnOrName, right: ColumnOrName): Column => call('try_add', c(left), c(right));
export const try_subtract = (left: ColumnOrName, right: ColumnOrName): Column => call('try_subtract', c(left), c(right));
export const try_multiply = (left: ColumnOrName, right: ColumnOrName): Column => call('try_multiply', c(left), c(right));
export const try_divide = (left: ColumnOrName, right: ColumnOrName): Column => call('try_divide', c(left), c(right));
export const positive = unary('positive');
export const cot = unary('cot');
export const csc = unary('csc');
export const sec = unary('sec');
/** Binary text of a bigint (two's complement for negatives). */
export const bin = unary('bin');
/** `conv(col, fromBase, toBase)`: a number's text from one base to another. */
export const conv = (col: ColumnOrName, fromBase: number, toBase: number): Column =>
  call('conv', c(col), L(intArg(fromBase, 'fromBase')), L(intArg(toBase, 'toBase')));
export const unhex = unary('unhex');
/** `width_bucket(v, min, max, numBucket)`: the equi-width bucket of `v`, 0 below and numBucket + 1 above the range. */
export const width_bucket = (v: ColumnOrName, min: ColumnOrName, max: ColumnOrName, numBucket: ColumnOrName | number): Column =>
  call('width_bucket', c(v), c(min), c(max), numOrCol(numBucket));
const shiftBy = (fn: string) => (col: ColumnOrName, numBits: number): Column => call(fn, c(col), L(intArg(numBits, 'numBits')));
export const shiftleft = shiftBy('shiftleft');
export const shiftright = shiftBy('shiftright');
export const shiftrightunsigned = shiftBy('shiftrightunsigned');
/** @deprecated PySpark's camelCase name of `shiftleft`. */
export const shiftLeft = shiftleft;
/** @deprecated PySpark's camelCase name of `shiftright`. */
export const shiftRight = shiftright;
/** @deprecated PySpark's camelCase name of `shiftrightunsigned`. */
export const shiftRightUnsigned = shiftrightunsigned;
export const bit_count = unary('bit_count');
/** `bit_get(col, pos)`: the bit at 0-based position `pos` (from the right). */
export const bit_get = (col: ColumnOrName, pos: ColumnOrName | number): Column => call('bit_get', c(col), numOrCol(pos));
export const getbit = (col: ColumnOrName, pos: ColumnOrName | number): Column => call('getbit', c(col), numOrCol(pos));
