/**
 * `percentile_cont(p) WITHIN GROUP (ORDER BY v [DESC])` and
 * `percentile_disc(...)`, also as window functions (`... OVER (PARTITION BY
 * k)`), written with registered functions: the group's values as a sorted
 * array (`collect_list`), then Spark's Percentile arithmetic on it.
 * percentile_cont interpolates linearly at position p·(n-1) (DESC: at
 * (1-p)·(n-1)); percentile_disc takes the first value whose cumulative share
 * reaches p (under spark.sql.legacy.percentileDiscCalculation=true: the value
 * at floor(p·(n-1)) of the ordered values, Spark's pre-3.5 answer). Values
 * are cast to double; nulls are skipped.
 */
import { AnalysisException } from '../errors/index.js';
import { E, type Expr, type SortOrder, type WindowSpecDef } from '../expr/nodes.js';
import { windowSpecSql } from '../expr/naming.js';
import { BOOLEAN, DOUBLE, DecimalType, INT, LONG, isNumeric } from '../types/data-types.js';
import { named, prettySql } from './functions.js';
import { checkWholePartitionAggregate } from '../analyzer/window-checks.js';

export const ORDERED_SET_FUNCTIONS = new Set(['percentile_cont', 'percentile_disc']);

/** The percentage: a constant number in [0, 1], else Spark's DATATYPE_MISMATCH errors. */
function percentage(fn: string, pct: Expr, order: SortOrder): number {
  const sql = `${fn}(${prettySql(order.child)}, ${prettySql(pct)})`;
  if (pct.kind !== 'Literal' || !isNumeric(pct.dataType) || pct.value === null) {
    throw new AnalysisException(
      `Cannot resolve "${sql}" due to data type mismatch: the input percentage should be a foldable "DOUBLE" expression; however, got "${prettySql(pct)}".`,
      { errorClass: 'DATATYPE_MISMATCH.NON_FOLDABLE_INPUT', messageParameters: { sqlExpr: `"${sql}"`, inputName: 'percentage', inputType: '"DOUBLE"', inputExpr: `"${prettySql(pct)}"` } },
    );
  }
  const p = pct.dataType instanceof DecimalType ? Number(pct.value as bigint) / 10 ** pct.dataType.scale : Number(pct.value);
  if (!(p >= 0 && p <= 1)) {
    throw new AnalysisException(`Cannot resolve "${sql}" due to data type mismatch: The percentage must be between [0.0, 1.0] (current value = ${p}D).`, {
      errorClass: 'DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE',
      messageParameters: { sqlExpr: `"${sql}"`, exprName: 'percentage', valueRange: '[0.0, 1.0]', currentValue: `${p}D` },
    });
  }
  return p;
}

const call = (fn: string, ...args: Expr[]): Expr => E.call(fn, args);

/**
 * Calls over a named window (`OVER w`), rebuilt by the translator once the
 * WINDOW clause gives the spec (for the name and the ORDER BY / frame check).
 */
export const overNamedWindow = new WeakMap<Expr, { fn: string; pct: Expr; order: SortOrder; spec: WindowSpecDef; filter?: Expr; legacyDisc: boolean }>();

/** The ordered-set aggregate as an expression over `collect_list` of the ordered values. */
/**
 * `namedWindow`: the spec is an `OVER w` reference, checked and named when the translator resolves it.
 * `filter`: `FILTER (WHERE cond)`, the rows the values are collected from.
 * `legacyDisc`: spark.sql.legacy.percentileDiscCalculation=true.
 */
export function orderedSetAggregate(fn: string, pct: Expr, order: SortOrder, spec: WindowSpecDef | undefined, namedWindow = false, filter?: Expr, legacyDisc = false): Expr {
  const p = percentage(fn, pct, order);
  const aggSql = `${fn}(${prettySql(order.child)}, ${prettySql(pct)})`;
  if (spec && !namedWindow) checkWholePartitionAggregate(aggSql, spec.orderBy, spec.frame);
  // Doubles, or the ANSI intervals themselves: their months / microseconds are read as doubles below
  // (ordered_set_number) and the answer truncated back to the interval kind (ordered_set_result).
  // get (NULL outside the array): no group rows give NULL, under ANSI too.
  const values = E.call('collect_list', [Object.freeze({ ...E.cast(order.child, DOUBLE, true), percentileOf: aggSql })], filter ? { filter } : {});
  const collected = spec ? E.window(values, spec) : values;
  const cont = fn === 'percentile_cont';
  const arr = call('sort_array', collected, E.lit(cont || order.ascending, BOOLEAN));
  const n = call('size', arr);
  let result: Expr;
  if (cont) {
    // Spark's Percentile: (hi - pos) * a[lo] + (pos - lo) * a[hi], with pos = p * (n - 1).
    const pos = call('multiply', E.lit(order.ascending ? p : 1 - p, DOUBLE), call('subtract', n, E.lit(1, INT)));
    const lo = call('floor', pos);
    const hi = call('ceil', pos);
    const at = (i: Expr): Expr => call('ordered_set_number', call('get', arr, i));
    const mixed = call('add', call('multiply', call('subtract', hi, pos), at(lo)), call('multiply', call('subtract', pos, lo), at(hi)));
    result = E.caseWhen([{ when: call('eq', hi, lo), then: at(lo) }], mixed);
  } else if (legacyDisc) {
    // Spark's legacy Percentile (discrete): the lower neighbour of position p * (n - 1), in the ORDER BY's direction.
    const lo = call('floor', call('multiply', E.lit(p, DOUBLE), call('subtract', n, E.lit(1, INT))));
    result = call('ordered_set_number', call('get', arr, lo));
  } else {
    // The first value whose cumulative share k/n reaches p: k = max(ceil(p * n), 1).
    const k = call('greatest', call('ceil', call('multiply', E.lit(p, DOUBLE), n)), E.lit(1, LONG));
    result = call('ordered_set_number', call('get', arr, call('subtract', k, E.lit(1, LONG))));
  }
  result = call('ordered_set_result', result, call('get', arr, E.lit(0, INT)));
  const name = `${fn}(${prettySql(pct)}) WITHIN GROUP (ORDER BY ${prettySql(order.child)}${order.ascending ? '' : ' DESC'})${filter ? ` FILTER (WHERE ${prettySql(filter)})` : ''}`;
  const out = named(result, () => (spec ? `${name} OVER (${windowSpecSql(spec, values)})` : name));
  if (spec && namedWindow) overNamedWindow.set(out, { fn, pct, order, spec, legacyDisc, ...(filter ? { filter } : {}) });
  return out;
}
