/**
 * `SHOW FUNCTIONS`: the names SQL resolves, as Spark lists them — registry
 * functions under their SQL names, operators under their symbols, internal
 * helpers (struct field access, ...) left out. Spark lists every builtin it
 * has; sparkless lists the ones it implements.
 */
import { registeredFunctionNames } from '../functions/registry.js';
import { COLUMN_API_ONLY_FUNCTIONS } from '../functions/defs/unwrap-udt.js';

/** Registry names that SQL reaches through operators or syntax, with the names Spark lists for them. */
const OPERATOR_NAMES: Record<string, readonly string[]> = {
  add: ['+'],
  subtract: ['-'],
  multiply: ['*'],
  divide: ['/'],
  remainder: ['%'],
  negate: ['negative'],
  eq: ['=', '=='],
  eq_null_safe: ['<=>'],
  gt: ['>'],
  gte: ['>='],
  lt: ['<'],
  lte: ['<='],
  not: ['!', '!=', '<>', 'not'],
  is_null: ['isnull'],
  is_not_null: ['isnotnull'],
  bitwise_and: ['&'],
  bitwise_or: ['|'],
  bitwise_xor: ['^'],
  bitwise_not: ['~'],
  get_field: [],
  get_item: [],
  drop_fields: [],
  with_field: [],
};

/** Every builtin function name SQL knows, sorted as Spark sorts them (by code unit). */
export function sqlFunctionNames(): string[] {
  const names = new Set<string>();
  for (const n of registeredFunctionNames()) {
    if (n.startsWith('__') || COLUMN_API_ONLY_FUNCTIONS.has(n)) continue;
    for (const shown of OPERATOR_NAMES[n] ?? [n]) names.add(shown);
  }
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
