/** Sorting rows by SortOrder keys (Spark: nulls first ascending / last descending by default, NaN largest, stable). */
import type { SortOrder } from '../../../expr/nodes.js';
import { typeOf } from '../../../expr/nodes.js';
import { comparatorFor } from '../runtime/compare.js';
import { compileExpr, type CompileEnv } from '../expressions/compile.js';

/** Compares two row positions given precomputed key columns. */
export type PositionComparator = (a: number, b: number) => number;

/**
 * Evaluates the sort keys at `rows` (physical indices) and returns a
 * comparator over positions 0..rows.length-1 (without the stability tie-break).
 */
export function keyComparator(rows: Int32Array, orders: readonly SortOrder[], env: CompileEnv): PositionComparator {
  const n = rows.length;
  const parts = orders.map((o) => {
    const fn = compileExpr(o.child, env);
    const keys = new Array<unknown>(n);
    for (let k = 0; k < n; k++) {
      const v = fn(rows[k]!);
      keys[k] = v === undefined ? null : v;
    }
    return { keys, cmp: comparatorFor(typeOf(o.child)), dir: o.ascending ? 1 : -1, nullDir: o.nullsFirst ? -1 : 1 };
  });
  if (parts.length === 1) {
    const { keys, cmp, dir, nullDir } = parts[0]!;
    return (a, b) => {
      const x = keys[a];
      const y = keys[b];
      if (x === null) return y === null ? 0 : nullDir;
      if (y === null) return -nullDir;
      return dir * cmp(x, y);
    };
  }
  return (a, b) => {
    for (const { keys, cmp, dir, nullDir } of parts) {
      const x = keys[a];
      const y = keys[b];
      let r: number;
      if (x === null) r = y === null ? 0 : nullDir;
      else if (y === null) r = -nullDir;
      else r = dir * cmp(x, y);
      if (r !== 0) return r;
    }
    return 0;
  };
}

/** Stable sort of physical rows by the orders; returns the reordered physical indices. */
export function sortRows(rows: Int32Array, orders: readonly SortOrder[], env: CompileEnv): Int32Array {
  if (orders.length === 0 || rows.length < 2) return rows;
  const cmp = keyComparator(rows, orders, env);
  const perm = Array.from({ length: rows.length }, (_, k) => k);
  perm.sort((a, b) => cmp(a, b) || a - b);
  const out = new Int32Array(rows.length);
  for (let k = 0; k < perm.length; k++) out[k] = rows[perm[k]!]!;
  return out;
}
