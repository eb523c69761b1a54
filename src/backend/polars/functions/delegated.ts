/**
 * Functions the Polars backend runs through the memory interpreter, with the
 * reason: Polars has no operation with exactly Spark's semantics (overflow to
 * null, Java's bit and formatting rules), so the interpreter's reference
 * implementation is used rather than an approximation.
 */
import type { PolarsFunction } from './types.js';

const reasons: Record<string, string> = {
  try_add: 'null on integral overflow',
  try_subtract: 'null on integral overflow',
  try_multiply: 'null on integral overflow',
  try_divide: "Spark's division typing",
  try_sum: 'null on overflow',
  try_avg: "Spark's average typing",
  pmod: "Java's remainder semantics",
  positive: 'identity, kept in the interpreter',
  cot: 'not exposed by the binding',
  csc: 'not exposed by the binding',
  sec: 'not exposed by the binding',
  bin: 'two-complement binary text',
  conv: "Spark's NumberConverter",
  unhex: 'binary results',
  width_bucket: "Spark's bucket rules",
  shiftleft: "Java's shift semantics",
  shiftright: "Java's shift semantics",
  shiftrightunsigned: "Java's shift semantics",
  bit_count: 'Long.bitCount',
  bit_get: 'bit position checks',
  getbit: 'bit position checks',
  format_number: "Java's DecimalFormat rounding",
  format_string: "Java's Formatter",
  printf: "Java's Formatter",
  split_part: 'index checks',
  position: 'character (not byte) positions',
  char: 'code point modulo 256',
  chr: 'code point modulo 256',
  btrim: 'character sets',
  elt: 'per-row argument choice',
  find_in_set: 'comma-separated search',
  left: 'character (not byte) positions',
  right: 'character (not byte) positions',
  mask: 'per-character classes',
  octet_length: 'UTF-8 byte counts',
  bit_length: 'UTF-8 byte counts',
  replace: 'literal replacement of all matches',
  url_encode: "Java's URLEncoder",
  url_decode: "Java's URLDecoder",
  regexp_count: 'Java regular expressions',
  regexp_substr: 'Java regular expressions',
  regexp_instr: 'Java regular expressions',
};

export const delegatedFunctions: Record<string, PolarsFunction> = Object.fromEntries(
  Object.entries(reasons).map(([name, why]) => [name, { delegated: why }]),
);
