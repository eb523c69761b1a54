/**
 * `Window` / `WindowSpec`, as in PySpark.
 *
 * @example
 * ```ts
 * const w = Window.partitionBy('dept').orderBy(col('salary').desc());
 * df.withColumn('rank', F.rank().over(w));
 * df.withColumn('running', F.sum('x').over(w.rowsBetween(Window.unboundedPreceding, Window.currentRow)));
 * ```
 */
import type { FrameBoundary, WindowFrame, WindowSpecDef } from '../expr/nodes.js';
import { toColumnExpr, toSortOrder, type ColumnOrName } from './column.js';
import { requireNumber } from './arg-checks.js';
import { definePublicName } from '../util/public-name.js';

type Cols = (ColumnOrName | readonly ColumnOrName[])[];
const flat = (cols: Cols): ColumnOrName[] => cols.flatMap((c) => (Array.isArray(c) ? c : [c as ColumnOrName]));

// PySpark treats anything at or beyond ±(2^63 - 1) as unbounded; JS numbers cannot hold that, so the safe-integer bounds stand in.
const UNBOUNDED_PRECEDING = Number.MIN_SAFE_INTEGER;
const UNBOUNDED_FOLLOWING = Number.MAX_SAFE_INTEGER;

function boundary(v: number): FrameBoundary {
  if (v <= UNBOUNDED_PRECEDING) return { type: 'unboundedPreceding' };
  if (v >= UNBOUNDED_FOLLOWING) return { type: 'unboundedFollowing' };
  if (v === 0) return { type: 'currentRow' };
  return { type: 'offset', value: v, literal: true };
}

export class WindowSpec {
  static {
    definePublicName(this, 'WindowSpec');
  }

  readonly #spec: WindowSpecDef;

  constructor(spec: WindowSpecDef = { partitionBy: [], orderBy: [] }) {
    this.#spec = Object.freeze(spec);
  }

  /** The window definition (internal; read by `Column.over`). */
  get spec(): WindowSpecDef {
    return this.#spec;
  }

  partitionBy(...cols: Cols): WindowSpec {
    return new WindowSpec({ ...this.#spec, partitionBy: flat(cols).map(toColumnExpr) });
  }

  orderBy(...cols: Cols): WindowSpec {
    return new WindowSpec({ ...this.#spec, orderBy: flat(cols).map((c) => toSortOrder(c)) });
  }

  /** Row-offset frame, e.g. `rowsBetween(-1, 1)` or `(Window.unboundedPreceding, Window.currentRow)`. */
  rowsBetween(start: number, end: number): WindowSpec {
    return this.#withFrame('rows', start, end);
  }

  /** Value-range frame over the single ORDER BY key. */
  rangeBetween(start: number, end: number): WindowSpec {
    return this.#withFrame('range', start, end);
  }

  #withFrame(frameType: WindowFrame['frameType'], start: number, end: number): WindowSpec {
    requireNumber('start', start);
    requireNumber('end', end);
    const frame: WindowFrame = { frameType, lower: boundary(start), upper: boundary(end) };
    return new WindowSpec({ ...this.#spec, frame });
  }
}

export const Window = {
  unboundedPreceding: UNBOUNDED_PRECEDING,
  unboundedFollowing: UNBOUNDED_FOLLOWING,
  currentRow: 0,
  partitionBy: (...cols: Cols): WindowSpec => new WindowSpec().partitionBy(...cols),
  orderBy: (...cols: Cols): WindowSpec => new WindowSpec().orderBy(...cols),
  rowsBetween: (start: number, end: number): WindowSpec => new WindowSpec().rowsBetween(start, end),
  rangeBetween: (start: number, end: number): WindowSpec => new WindowSpec().rangeBetween(start, end),
} as const;
