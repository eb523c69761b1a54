/** Hash keys for grouping, joins, set operations and deduplication. */
import type { DataType } from '../../../types/data-types.js';
import { hashKey, isPrimitiveKeyType } from '../runtime/compare.js';
import type { RowFn } from '../functions/types.js';
import { colReader, type Col } from './relation.js';

/**
 * Key functions from rows to Map keys that are equal exactly when the key
 * values are equal (nulls equal each other; NaN = NaN; -0.0 = 0.0). All the
 * functions returned by one call share their encoding, so keys from
 * different inputs (a join's two sides) compare.
 *
 * One primitive column is its own key. Several columns are dictionary-encoded
 * per column and the ids packed into one number (or joined into a short
 * string when the ids outgrow the bits available).
 */
export function keyFunctions(types: readonly DataType[], ...fnSets: (readonly RowFn[])[]): RowFn[] {
  const n = types.length;
  if (n === 0) return fnSets.map(() => () => 0);
  if (n === 1) {
    const t = types[0]!;
    const primitive = isPrimitiveKeyType(t);
    return fnSets.map(([f]) =>
      primitive
        ? (i: number) => {
            const v = f!(i);
            return v === undefined ? null : v;
          }
        : (i: number) => hashKey(f!(i), t),
    );
  }
  const dicts = types.map(() => new Map<unknown, number>());
  const primitive = types.map(isPrimitiveKeyType);
  const idOf = (c: number, v: unknown): number => {
    const kv = primitive[c] ? (v === undefined ? null : v) : hashKey(v, types[c]!);
    const dict = dicts[c]!;
    let id = dict.get(kv);
    if (id === undefined) {
      id = dict.size;
      dict.set(kv, id);
    }
    return id;
  };
  if (n === 2) {
    return fnSets.map(([f0, f1]) => (i: number) => {
      const a = idOf(0, f0!(i));
      const b = idOf(1, f1!(i));
      return a < 0x8000000 && b < 0x4000000 ? a * 0x4000000 + b : `${a},${b}`;
    });
  }
  const bits = Math.floor(53 / n);
  const limit = 2 ** bits;
  return fnSets.map((fns) => (i: number) => {
    let packed = 0;
    let small = true;
    const ids = new Array<number>(n);
    for (let c = 0; c < n; c++) {
      const id = idOf(c, fns[c]!(i));
      ids[c] = id;
      if (id >= limit) small = false;
      packed = packed * limit + id;
    }
    return small ? packed : ids.join(',');
  });
}

/** A single key function (see keyFunctions). */
export function keyFunction(fns: readonly RowFn[], types: readonly DataType[]): RowFn {
  return keyFunctions(types, fns)[0]!;
}

/** Key functions over whole rows of several relations with the same column types. */
export function rowKeyFunctions(types: readonly DataType[], ...columnSets: (readonly Col[])[]): RowFn[] {
  return keyFunctions(types, ...columnSets.map((cols) => cols.map(colReader)));
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
