import { DataType } from '../types/data-types.js';
import type { Expr } from './nodes.js';

/**
 * Structural identity of an expression (types by their text, nullability
 * ignored): two expressions with the same key compute the same values.
 * Unlike the SQL text, it includes options such as `ignoreNulls`.
 */
export function exprKey(e: Expr): string {
  return JSON.stringify(e, (k, v) => {
    if (k === 'nullable') return undefined;
    if (v instanceof DataType) return v.simpleString();
    return typeof v === 'bigint' ? `${v}n` : v;
  });
}
