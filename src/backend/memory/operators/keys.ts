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
 * per column; two ids pack into one number, more are folded pairwise into
 * dense ids first.
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
  // More columns: fold the ids pairwise into dense ids, so keys stay small numbers.
  const pairMaps = types.slice(2).map(() => new Map<unknown, number>());
  const pairId = (level: number, a: number, b: number): number => {
    const key: unknown = a < 0x8000000 && b < 0x4000000 ? a * 0x4000000 + b : `${a},${b}`;
    const m = pairMaps[level]!;
    let id = m.get(key);
    if (id === undefined) {
      id = m.size;
      m.set(key, id);
    }
    return id;
  };
  return fnSets.map((fns) => (i: number) => {
    const a = idOf(0, fns[0]!(i));
    const b = idOf(1, fns[1]!(i));
    let acc = pairId(0, a, b);
    for (let c = 2; c < n - 1; c++) acc = pairId(c - 1, acc, idOf(c, fns[c]!(i)));
    const last = idOf(n - 1, fns[n - 1]!(i));
    return acc < 0x8000000 && last < 0x4000000 ? acc * 0x4000000 + last : `${acc},${last}`;
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
