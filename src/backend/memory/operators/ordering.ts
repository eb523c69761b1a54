/**
 * Sorting rows by SortOrder keys with Spark's rules: nulls first ascending
 * and last descending by default, NaN above every other double, -0.0 = 0.0,
 * and stable (ties keep input order).
 *
 * Multi-key sorts are done as successive stable sorts from the last key to
 * the first. Each pass moves nulls aside, then sorts the values: numbers by
 * an LSD radix sort on their IEEE-754 bits (stable, O(n)), strings with the
 * native comparison when no surrogate pairs are involved, anything else with
 * the type's comparator.
 */
import type { SortOrder } from '../../../expr/nodes.js';
import { typeOf } from '../../../expr/nodes.js';
import {
  BinaryType,
  BooleanType,
  DataType,
  DecimalType,
  StringType,
  ArrayType,
  StructType,
  MapType,
} from '../../../types/data-types.js';
import { comparatorFor } from '../runtime/compare.js';
import { compileExpr, type CompileEnv } from '../expressions/compile.js';

/** Evaluated values of one sort key, indexed by position (0..n-1). */
export interface SortKey {
  readonly values: readonly unknown[];
  readonly type: DataType;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

/** Evaluates the sort keys at rows 0..n-1 of the input. */
export function evalSortKeys(n: number, orders: readonly SortOrder[], env: CompileEnv): SortKey[] {
  return orders.map((o) => {
    const fn = compileExpr(o.child, env);
    const values = new Array<unknown>(n);
    for (let k = 0; k < n; k++) {
      const v = fn(k);
      values[k] = v === undefined ? null : v;
    }
    return { values, type: typeOf(o.child), ascending: o.ascending, nullsFirst: o.nullsFirst };
  });
}

/** Compares two positions by the keys (0 for peers). */
export type PositionComparator = (a: number, b: number) => number;

export function positionComparator(keys: readonly SortKey[]): PositionComparator {
  const parts = keys.map((k) => ({
    values: k.values,
    cmp: comparatorFor(k.type),
    dir: k.ascending ? 1 : -1,
    nullDir: k.nullsFirst ? -1 : 1,
  }));
  if (parts.length === 0) return () => 0;
  return (a, b) => {
    for (const { values, cmp, dir, nullDir } of parts) {
      const x = values[a];
      const y = values[b];
      let r: number;
      if (x === null) r = y === null ? 0 : nullDir;
      else if (y === null) r = -nullDir;
      else r = dir * cmp(x, y);
      if (r !== 0) return r;
    }
    return 0;
  };
}

/** Stable order of positions 0..n-1 by the keys. */
export function sortedPositions(n: number, keys: readonly SortKey[]): Int32Array {
  let order: Int32Array = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  for (let j = keys.length - 1; j >= 0; j--) order = stableSortByKey(order, keys[j]!);
  return order;
}

const RADIX_MIN = 512;

function isNumberKeyType(t: DataType): boolean {
  return !(
    t instanceof StringType ||
    t instanceof BinaryType ||
    t instanceof BooleanType ||
    t instanceof DecimalType ||
    t instanceof ArrayType ||
    t instanceof StructType ||
    t instanceof MapType
  );
}

/** One stable pass: positions reordered by a single key. */
function stableSortByKey(order: Int32Array, key: SortKey): Int32Array {
  const n = order.length;
  const values = key.values;
  const nulls: number[] = [];
  const vals = new Int32Array(n);
  let m = 0;
  let allNumbers = isNumberKeyType(key.type);
  let surrogates = false;
  const isString = key.type instanceof StringType;
  for (let k = 0; k < n; k++) {
    const p = order[k]!;
    const v = values[p];
    if (v === null || v === undefined) nulls.push(p);
    else {
      vals[m++] = p;
      if (allNumbers && typeof v !== 'number') allNumbers = false;
      if (isString && !surrogates && /[\uD800-\uDFFF]/.test(v as string)) surrogates = true;
    }
  }
  let sorted: Int32Array;
  const valPart = m === n ? vals : vals.subarray(0, m);
  if (allNumbers && m >= RADIX_MIN) {
    sorted = radixSortNumbers(valPart, values as readonly number[], key.ascending);
  } else {
    // Array.prototype.sort is stable: ties keep the order of the previous pass.
    const dir = key.ascending ? 1 : -1;
    let cmp: (a: number, b: number) => number;
    if (isString && !surrogates) {
      cmp = (a, b) => {
        const x = values[a] as string;
        const y = values[b] as string;
        return x < y ? -dir : x > y ? dir : 0;
      };
    } else {
      const c = comparatorFor(key.type);
      cmp = (a, b) => dir * c(values[a], values[b]);
    }
    const arr = Array.from(valPart);
    arr.sort(cmp);
    sorted = Int32Array.from(arr);
  }
  if (nulls.length === 0) return sorted;
  const out = new Int32Array(n);
  if (key.nullsFirst) {
    out.set(nulls, 0);
    out.set(sorted, nulls.length);
  } else {
    out.set(sorted, 0);
    out.set(nulls, m);
  }
  return out;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/**
 * Stable LSD radix sort of positions by numeric keys (16-bit digits over the
 * order-preserving transform of the IEEE-754 bits; constant digits skipped).
 */
function radixSortNumbers(pos: Int32Array, values: readonly number[], ascending: boolean): Int32Array {
  const n = pos.length;
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  let p = Int32Array.from(pos);
  for (let k = 0; k < n; k++) {
    let d = values[p[k]!]!;
    if (d !== d) d = NaN; // canonical NaN: above +Infinity after the transform
    else if (d === 0) d = 0; // -0.0 sorts with 0.0
    f64[0] = d;
    let l = u32[0]!;
    let h = u32[1]!;
    if (h & 0x80000000) {
      h = ~h;
      l = ~l;
    } else {
      h |= 0x80000000;
    }
    if (!ascending) {
      h = ~h;
      l = ~l;
    }
    lo[k] = l >>> 0;
    hi[k] = h >>> 0;
  }
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let p2 = new Int32Array(n);
  const count = new Int32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const src = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let k = 0; k < n; k++) count[(src[k]! >>> shift) & 0xffff]!++;
    if (count[(src[0]! >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const c = count[b]!;
      count[b] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const dst = count[(src[k]! >>> shift) & 0xffff]!++;
      lo2[dst] = lo[k]!;
      hi2[dst] = hi[k]!;
      p2[dst] = p[k]!;
    }
    const tl = lo;
    lo = lo2;
    lo2 = tl;
    const th = hi;
    hi = hi2;
    hi2 = th;
    const tp = p;
    p = p2;
    p2 = tp;
  }
  return p;
}
