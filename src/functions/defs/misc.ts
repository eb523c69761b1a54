/**
 * Miscellaneous functions: Spark's Murmur3 `hash`, `typeof`, `parse_url`,
 * `regexp_extract_all`, session information and row ids. Names and types as
 * Spark 3.5.7 gives them.
 */
import { ArrayType, INT, LONG, NULL, STRING } from '../../types/data-types.js';
import { fn } from '../define.js';
import type { FunctionDef } from '../registry.js';

export const miscDefs: readonly FunctionDef[] = [
  /** hash(cols...): Murmur3 over the values, seed 42; never null. */
  /** typeof(x): the argument's type as Spark writes it (`int`, `array<bigint>`, `void`). */
  fn('typeof', { inputs: ['any'], returns: STRING, nullable: false }),
  /** parse_url(url, part[, key]): null for an unparsable URL or an unknown part. */
  fn('parse_url', { inputs: ['string', 'string', 'string'], min: 2, returns: STRING, nullable: true, nullIntolerant: true }),
  /** regexp_extract_all(s, re[, idx = 1]): every match of group `idx`. */
  fn('regexp_extract_all', {
    inputs: ['string', 'string', INT],
    min: 2,
    returns: new ArrayType(STRING, true),
    nullIntolerant: true,
    sql: (a) => `regexp_extract_all(${[...a, ...(a.length < 3 ? ['1'] : [])].join(', ')})`,
  }),
  /** assert_true(cond[, msg]): null, or fails; Spark shows its default message in the name. */
  fn('assert_true', {
    inputs: ['boolean', 'string'],
    min: 1,
    returns: NULL,
    nullable: true,
    sql: (a) => `assert_true(${a[0]}, ${a[1] ?? `'${a[0]}' is not true!`})`,
  }),
  /** raise_error(msg): always fails with msg. */
  fn('raise_error', { inputs: ['string'], returns: NULL, nullable: true }),
  fn('current_user', { returns: STRING, nullable: false }),
  fn('user', { returns: STRING, nullable: false, sql: 'current_user' }),
  fn('current_database', { returns: STRING, nullable: false }),
  /** current_schema() is current_database() in Spark, and named so. */
  fn('current_schema', { returns: STRING, nullable: false, sql: 'current_database' }),
  fn('current_catalog', { returns: STRING, nullable: false }),
  /** version(): '<spark version> <revision>'; locally the revision word is 'sparkless'. */
  fn('version', { returns: STRING, nullable: false }),
  /** uuid(): a random version-4 UUID per row (Spark's draws are not reproducible either). */
  fn('uuid', { returns: STRING, nullable: false, nondeterministic: true }),
  /** One partition: always 0. */
  fn('spark_partition_id', { returns: INT, nullable: false, nondeterministic: true, sql: 'SPARK_PARTITION_ID' }),
  /** The file a row was read from: the analyzer makes them columns of the read (analyzer/input-file.ts). */
  fn('input_file_name', { returns: STRING, nullable: false, nondeterministic: true }),
  fn('input_file_block_start', { returns: LONG, nullable: false, nondeterministic: true }),
  fn('input_file_block_length', { returns: LONG, nullable: false, nondeterministic: true }),
  /** 0, 1, 2, ... in row order (one partition). */
  fn('monotonically_increasing_id', { returns: LONG, nullable: false, nondeterministic: true }),
];
