/**
 * The binding calls whose signatures differ between nodejs-polars 0.24.1 and
 * 0.26.1. The loader (native.ts) hands over the version it loaded, once, through
 * `useBindingVersion`. Every such call the backend
 * makes goes through here, so operators stay version-agnostic.
 *
 * 0.26 changed: `sortByExprs` takes per-key `descending`/`nullsLast` arrays and
 * a `multithreaded` flag; `join` takes `nullsEqual`, `maintainOrder` and
 * `buildSide` instead of two unused arrays. 0.26's join no longer keeps row
 * order by default, while 0.24's left join kept the left rows' order (and the
 * operators rely on it), so order is asked for explicitly.
 */
import type { BindingVersion, NativeExpr, NativeJoinHow, NativeLazyFrame } from './native.js';

/** 0.26's napi signatures for the calls above (0.24's are typed in native.ts). */
interface LazyFrame026 {
  sortByExprs(
    by: readonly NativeExpr[],
    descending: readonly boolean[],
    nullsLast: readonly boolean[],
    maintainOrder: boolean,
    multithreaded: boolean,
  ): NativeLazyFrame;
  join(
    other: NativeLazyFrame,
    leftOn: readonly NativeExpr[],
    rightOn: readonly NativeExpr[],
    allowParallel: boolean,
    forceParallel: boolean,
    how: NativeJoinHow,
    suffix: string,
    coalesce: boolean,
    validate: 'm:m',
    nullsEqual: boolean,
    maintainOrder: 'none' | 'left' | 'right' | 'left_right' | 'right_left',
    buildSide: 'auto',
  ): NativeLazyFrame;
}

/** The loaded binding's version is 0.26 (set by the loader; no call can reach here before a load). */
let loaded026 = false;

/** Called by native.ts when it has loaded a binding: the calls below use that version's signatures. */
export function useBindingVersion(version: BindingVersion): void {
  loaded026 = version === '0.26';
}

/** Sorts by `keys`, every key in the same direction and null placement. */
export function sortByExprs(
  lf: NativeLazyFrame,
  keys: readonly NativeExpr[],
  descending: boolean,
  nullsLast: boolean,
  maintainOrder: boolean,
): NativeLazyFrame {
  if (!loaded026) return lf.sortByExprs(keys, descending, nullsLast, maintainOrder);
  const all = (b: boolean): boolean[] => keys.map(() => b);
  return (lf as unknown as LazyFrame026).sortByExprs(keys, all(descending), all(nullsLast), maintainOrder, true);
}

/**
 * Equi-join (or cross join with no keys) where null keys never match, output
 * columns of `right` clashing with `left` suffixed, keys not coalesced, and
 * rows in left order (then right order within one left row).
 */
export function joinFrames(
  left: NativeLazyFrame,
  right: NativeLazyFrame,
  leftOn: readonly NativeExpr[],
  rightOn: readonly NativeExpr[],
  how: NativeJoinHow,
  suffix: string,
): NativeLazyFrame {
  if (!loaded026) return left.join(right, leftOn, rightOn, true, false, how, suffix, false, 'm:m', [], []);
  const order = how === 'right' ? 'right_left' : 'left_right';
  return (left as unknown as LazyFrame026).join(right, leftOn, rightOn, true, false, how, suffix, false, 'm:m', false, order, 'auto');
}
