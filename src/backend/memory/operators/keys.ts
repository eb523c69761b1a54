/** Hash keys for grouping, joins, set operations and deduplication. */
import type { DataType } from '../../../types/data-types.js';
import { hashKey, isPrimitiveKeyType, serialize } from '../runtime/compare.js';
import type { RowFn } from '../functions/types.js';
import { colReader, type Col } from './relation.js';

/**
 * A function from a row to a Map key that is equal exactly when the
 * key values are equal (nulls equal each other; NaN = NaN; -0.0 = 0.0).
 */
export function keyFunction(fns: readonly RowFn[], types: readonly DataType[]): RowFn {
  if (fns.length === 0) return () => '';
  if (fns.length === 1) {
    const f = fns[0]!;
    const t = types[0]!;
    if (isPrimitiveKeyType(t)) {
      return (i) => {
        const v = f(i);
        return v === undefined ? null : v;
      };
    }
    return (i) => hashKey(f(i), t);
  }
  const n = fns.length;
  return (i) => {
    let s = serialize(fns[0]!(i), types[0]);
    for (let k = 1; k < n; k++) s += '\u0001' + serialize(fns[k]!(i), types[k]);
    return s;
  };
}

/** Key function over whole rows of the given columns. */
export function rowKeyFunction(columns: readonly Col[], types: readonly DataType[]): RowFn {
  return keyFunction(columns.map(colReader), types);
}

/** True when any of the key values of the row is null (for null-rejecting join keys). */
export function anyNullFunction(fns: readonly RowFn[], nullSafe: readonly boolean[]): (i: number) => boolean {
  const checked = fns.filter((_, k) => !nullSafe[k]);
  if (checked.length === 0) return () => false;
  if (checked.length === 1) {
    const f = checked[0]!;
    return (i) => {
      const v = f(i);
      return v === null || v === undefined;
    };
  }
  return (i) => {
    for (const f of checked) {
      const v = f(i);
      if (v === null || v === undefined) return true;
    }
    return false;
  };
}
