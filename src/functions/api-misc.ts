/** `functions`: hashing, typeof, URLs, session information and row ids. */
import type { Column, ColumnOrName } from '../api/column.js';
import { L, c, call, colOrLit, flat, nullary, unary, type Cols } from './call.js';

// ---- hashing, types, URLs, session information, ids ----------------------------------------------

/** `hash(*cols)`: Spark's Murmur3 hash of the values (seed 42), an int. */
export const hash = (...cols: Cols): Column => call('hash', ...flat(cols).map(c));
const typeof_ = unary('typeof');
/** `typeof(col)`: the column's type as Spark writes it (`int`, `array<bigint>`). */
export { typeof_ as typeof };
/** `parse_url(url, partToExtract[, key])`: HOST, PATH, QUERY, REF, PROTOCOL, FILE, AUTHORITY or USERINFO of a URL. */
export const parse_url = (url: ColumnOrName, partToExtract: ColumnOrName, key?: ColumnOrName): Column =>
  key === undefined ? call('parse_url', c(url), c(partToExtract)) : call('parse_url', c(url), c(partToExtract), c(key));
/** `regexp_extract_all(str, regexp[, idx = 1])`: every match of group `idx`. */
export const regexp_extract_all = (str: ColumnOrName, regexp: ColumnOrName, idx?: number | Column): Column =>
  call('regexp_extract_all', c(str), c(regexp), idx === undefined ? L(1) : colOrLit(idx));
export const current_database = nullary('current_database');
export const current_schema = nullary('current_schema');
export const current_catalog = nullary('current_catalog');
/** version(): the Spark version, then its build revision ('sparkless' locally). */
export const version = nullary('version');
/** The partition id: always 0 (sparkless runs one partition). */
export const spark_partition_id = nullary('spark_partition_id');
/** `input_file_name()`: the `file:` URI of the file the row was read from ('' for other rows). */
export const input_file_name = nullary('input_file_name');
/** `input_file_block_start()`: where the row's file split starts (0: one split per file; -1 for other rows). */
export const input_file_block_start = nullary('input_file_block_start');
/** `input_file_block_length()`: the length of the row's file split (the file's size; -1 for other rows). */
export const input_file_block_length = nullary('input_file_block_length');
/** Row ids 0, 1, 2, ... (one partition, so consecutive). */
export const monotonically_increasing_id = nullary('monotonically_increasing_id');
/** `assert_true(col[, errMsg])`: null when `col` is true, otherwise the query fails with `errMsg`. */
export const assert_true = (col: ColumnOrName, errMsg?: string | Column): Column =>
  errMsg === undefined ? call('assert_true', c(col)) : call('assert_true', c(col), colOrLit(errMsg));
/** `raise_error(errMsg)`: fails the query with `errMsg`. */
export const raise_error = (errMsg: string | Column): Column => call('raise_error', colOrLit(errMsg));
export const current_user = nullary('current_user');
export const user = nullary('user');

/** `reflect(className, methodName, *args)`: needs a JVM; fails with NotImplementedException locally (Spark runs it on `connect`). */
export const reflect = (...cols: Cols): Column => call('reflect', ...flat(cols).map(c));
/** `java_method(className, methodName, *args)`: as reflect. */
export const java_method = (...cols: Cols): Column => call('java_method', ...flat(cols).map(c));
