/** `functions`: string functions added in PySpark 3.x (format_number, split_part, mask, the regexp_* family, ...). */
import type { Column, ColumnOrName } from '../api/column.js';
import { L, c, call, colOrLit, flat, intArg, unary, type Cols } from './call.js';

/** `format_number(col, d)`: rounded to `d` decimals (HALF_EVEN) with thousands separators. */
export const format_number = (col: ColumnOrName, d: number): Column => call('format_number', c(col), L(intArg(d, 'd')));
/** `format_string(format, ...cols)`: Java's printf-style formatting. */
export const format_string = (format: string, ...cols: Cols): Column => call('format_string', L(format), ...flat(cols).map(c));
export const printf = (format: ColumnOrName, ...cols: Cols): Column => call('printf', c(format), ...flat(cols).map(c));
/** `split_part(src, delimiter, partNum)`: the 1-based part (negative counts from the end), '' when out of range. */
export const split_part = (src: ColumnOrName, delimiter: ColumnOrName, partNum: ColumnOrName): Column =>
  call('split_part', c(src), c(delimiter), c(partNum));
/** `position(substr, str[, start])`: 1-based position of `substr` in `str` from `start`, 0 when absent. */
export const position = (substr: ColumnOrName, str: ColumnOrName, start?: ColumnOrName): Column =>
  call('position', c(substr), c(str), start === undefined ? L(1) : c(start));
/** The character with code point `n` modulo 256. */
export const char = unary('char');
/** `btrim(str[, trim])`: strips `trim`'s characters (default spaces) from both ends. */
export const btrim = (str: ColumnOrName, trim?: ColumnOrName): Column => (trim === undefined ? call('btrim', c(str)) : call('btrim', c(str), c(trim)));
/** `elt(n, ...inputs)`: the n-th input (1-based), null when out of range. */
export const elt = (...inputs: Cols): Column => call('elt', ...flat(inputs).map(c));
/** 1-based index of `str` in the comma-separated `str_array`, 0 when absent. */
export const find_in_set = (str: ColumnOrName, str_array: ColumnOrName): Column => call('find_in_set', c(str), c(str_array));
export const left = (str: ColumnOrName, len: ColumnOrName): Column => call('left', c(str), c(len));
export const right = (str: ColumnOrName, len: ColumnOrName): Column => call('right', c(str), c(len));
/** `mask(col, upperChar = 'X', lowerChar = 'x', digitChar = 'n', otherChar = null)`; a null replacement keeps that class. */
export const mask = (col: ColumnOrName, upperChar?: ColumnOrName, lowerChar?: ColumnOrName, digitChar?: ColumnOrName, otherChar?: ColumnOrName): Column =>
  call(
    'mask',
    c(col),
    upperChar === undefined ? L('X') : c(upperChar),
    lowerChar === undefined ? L('x') : c(lowerChar),
    digitChar === undefined ? L('n') : c(digitChar),
    otherChar === undefined ? L(null) : c(otherChar),
  );
export const octet_length = unary('octet_length');
export const bit_length = unary('bit_length');
/** `replace(src, search[, replace = ''])`: every occurrence of `search` replaced. */
export const replace = (src: ColumnOrName, search: ColumnOrName, replace?: ColumnOrName): Column =>
  call('replace', c(src), c(search), replace === undefined ? L('') : c(replace));
export const url_encode = unary('url_encode');
export const url_decode = unary('url_decode');
export const regexp_like = (str: ColumnOrName, regexp: ColumnOrName): Column => call('regexp_like', c(str), c(regexp));
export const regexp = (str: ColumnOrName, regexp: ColumnOrName): Column => call('regexp', c(str), c(regexp));
export const regexp_count = (str: ColumnOrName, regexp: ColumnOrName): Column => call('regexp_count', c(str), c(regexp));
export const regexp_substr = (str: ColumnOrName, regexp: ColumnOrName): Column => call('regexp_substr', c(str), c(regexp));
/** `regexp_instr(str, regexp[, idx = 0])`: 1-based start of the match (or of group `idx`), 0 when none. */
export const regexp_instr = (str: ColumnOrName, regexp: ColumnOrName, idx?: number | Column): Column =>
  call('regexp_instr', c(str), c(regexp), idx === undefined ? L(0) : colOrLit(idx));
/** `encode(col, charset)`: the string's bytes in `charset` (UTF-8, US-ASCII, ISO-8859-1, UTF-16, UTF-16BE, UTF-16LE). */
export const encode = (col: ColumnOrName, charset: string): Column => call('encode', c(col), L(charset));
/** `decode(col, charset)`: the binary's text in `charset`. */
export const decode = (col: ColumnOrName, charset: string): Column => call('decode', c(col), L(charset));
/**
 * `to_binary(col[, format])`: text to bytes as hex (default), utf-8 or base64;
 * malformed text is an error. As in PySpark, `format` is a Column: `F.to_binary('s', F.lit('utf-8'))`.
 */
export const to_binary = (col: ColumnOrName, format?: ColumnOrName): Column =>
  format === undefined ? call('to_binary', c(col)) : call('to_binary', c(col), c(format));
/** `try_to_binary(col[, format])`: as to_binary, but null for malformed text or an unknown format. */
export const try_to_binary = (col: ColumnOrName, format?: ColumnOrName): Column =>
  format === undefined ? call('try_to_binary', c(col)) : call('try_to_binary', c(col), c(format));

/** `to_number(col, format)`: a string read with a Spark number format (`'999.99'`, `'S$9,999'`) as a decimal; `format` is a Column (`lit`). */
export const to_number = (col: ColumnOrName, format: ColumnOrName): Column => call('to_number', c(col), c(format));
/** `try_to_number(col, format)`: to_number, null when the input does not match. */
export const try_to_number = (col: ColumnOrName, format: ColumnOrName): Column => call('try_to_number', c(col), c(format));
/** `to_char(col, format)`: a number written with a Spark number format (`'$99,999.99'`, `'999PR'`); `format` is a Column (`lit`). */
export const to_char = (col: ColumnOrName, format: ColumnOrName): Column => call('to_char', c(col), c(format));
/** `to_varchar(col, format)`: to_char under another name. */
export const to_varchar = (col: ColumnOrName, format: ColumnOrName): Column => call('to_varchar', c(col), c(format));
