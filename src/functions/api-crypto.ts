/** `functions`: xxhash64 and AES encryption (string arguments name columns, as in PySpark). */
import type { Column, ColumnOrName } from '../api/column.js';
import { L, c, call, flat, type Cols } from './call.js';

/** `xxhash64(*cols)`: Spark's 64-bit xxHash of the values (seed 42), a bigint. */
export const xxhash64 = (...cols: Cols): Column => call('xxhash64', ...flat(cols).map(c));

const orDefault = (v: ColumnOrName | undefined, dflt: string) => (v === undefined ? L(dflt) : c(v));

/**
 * `aes_encrypt(input, key[, mode = 'GCM', padding = 'DEFAULT', iv = '', aad = ''])`: AES in GCM, CBC or
 * ECB mode with a 16, 24 or 32-byte key; an empty IV is random. The result decrypts in Spark and vice versa.
 */
export const aes_encrypt = (input: ColumnOrName, key: ColumnOrName, mode?: ColumnOrName, padding?: ColumnOrName, iv?: ColumnOrName, aad?: ColumnOrName): Column =>
  call('aes_encrypt', c(input), c(key), orDefault(mode, 'GCM'), orDefault(padding, 'DEFAULT'), orDefault(iv, ''), orDefault(aad, ''));
/** `aes_decrypt(input, key[, mode = 'GCM', padding = 'DEFAULT', aad = ''])`: the inverse of aes_encrypt; fails on bad input. */
export const aes_decrypt = (input: ColumnOrName, key: ColumnOrName, mode?: ColumnOrName, padding?: ColumnOrName, aad?: ColumnOrName): Column =>
  call('aes_decrypt', c(input), c(key), orDefault(mode, 'GCM'), orDefault(padding, 'DEFAULT'), orDefault(aad, ''));
/** `try_aes_decrypt(...)`: aes_decrypt, null instead of an error. */
export const try_aes_decrypt = (input: ColumnOrName, key: ColumnOrName, mode?: ColumnOrName, padding?: ColumnOrName, aad?: ColumnOrName): Column =>
  call('try_aes_decrypt', c(input), c(key), orDefault(mode, 'GCM'), orDefault(padding, 'DEFAULT'), orDefault(aad, ''));
