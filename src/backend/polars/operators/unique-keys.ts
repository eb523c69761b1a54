/**
 * Whether rows are provably unique on some columns, from the plan alone.
 *
 * A stable sort (Polars' `maintain_order`) only matters when rows tie on every
 * sort key. `orderBy(g)` over `groupBy(g).agg(...)` sorts rows that are unique
 * on `g` (one row per group), so the sort needs no stability; the sort
 * operator can ask `sortKeysAreUnique` and drop `maintain_order`.
 */
import type { Expr } from '../../../expr/nodes.js';
import type { LogicalPlan, Sort } from '../../../plan/nodes.js';

/** True when no two input rows of `sort` agree on all its keys (each key a plain column counts; others are ignored). */
export function sortKeysAreUnique(sort: Sort): boolean {
  const cols: number[] = [];
  for (const o of sort.orders) {
    const c = columnOf(o.child);
    if (c !== undefined) cols.push(c);
  }
  return rowsUniqueOn(sort.input, cols);
}

/**
 * True when no two rows of `plan`'s output agree on all of the output columns
 * `cols` (ordinals). Proven through Aggregate (its grouping columns, without
 * grouping sets) and Deduplicate (its key), seen through Projects that pass the
 * columns on and through Filter/Sort/Limit/Offset (which keep or drop rows,
 * never duplicate them). False when not provable.
 */
export function rowsUniqueOn(plan: LogicalPlan, cols: readonly number[]): boolean {
  let p = plan;
  let at = cols;
  for (;;) {
    switch (p.kind) {
      case 'Filter':
      case 'Sort':
      case 'Limit':
      case 'Offset':
        p = p.input;
        continue;
      case 'Project': {
        const next: number[] = [];
        for (const c of at) {
          const e = p.exprs[c];
          const src = e === undefined ? undefined : columnOf(e.kind === 'Alias' ? e.child : e);
          if (src !== undefined) next.push(src);
        }
        at = next;
        p = p.input;
        continue;
      }
      case 'Aggregate': {
        if (p.groupingSets) return false;
        const n = p.groupBy.length;
        // Output: grouping columns 0..n-1, then the aggregates. A global aggregate has one row.
        for (let k = 0; k < n; k++) if (!at.includes(k)) return false;
        return true;
      }
      case 'Deduplicate': {
        const keys = p.keys;
        return keys !== undefined && keys.every((k) => at.includes(k));
      }
      default:
        return false;
    }
  }
}

/** The input ordinal an expression reads unchanged, if it is a bare column reference. */
function columnOf(e: Expr): number | undefined {
  return e.kind === 'BoundRef' ? e.index : undefined;
}
