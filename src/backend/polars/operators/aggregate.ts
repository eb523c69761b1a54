/**
 * Aggregate: `group_by(keys, maintain_order)` so groups come out in order of
 * first appearance (as the interpreter emits them); a global aggregate is a
 * `select` (one row even for empty input). Floating keys are normalized so
 * -0.0 and 0.0 form one group.
 *
 * Grouping sets (rollup/cube) are one aggregation per set, concatenated in
 * set order: keys outside the set are null and `spark_grouping_id` has bit
 * (n-1-j) set when key j is not in the set. An empty set over empty input
 * gives no row (unlike a plain global aggregate).
 */
import { typeOf } from '../../../expr/nodes.js';
import type { Aggregate } from '../../../plan/nodes.js';
import { ArrayType, BinaryType, DoubleType, FloatType, MapType, StructType } from '../../../types/data-types.js';
import { delegate } from '../delegation.js';
import { foldNegativeZero } from '../functions/operators.js';
import { colName, UNIT_COLUMN } from '../input.js';
import type { NativeLazyFrame } from '../native.js';
import { colRef, i32, i64, nullOf } from '../nx.js';
import { markNonNull } from './nullability.js';
import type { Frame, OperatorEnv } from './types.js';

export function aggregate(plan: Aggregate, input: Frame, env: OperatorEnv): NativeLazyFrame {
  const pl = env.pl;
  const rowTr = env.translator(input.schema, 'row');
  const keyTypes = plan.groupBy.map(typeOf);
  const keys = plan.groupBy.map((e, i) => {
    const t = keyTypes[i]!;
    if (t instanceof MapType || t instanceof ArrayType || t instanceof StructType || t instanceof BinaryType) {
      delegate(`grouping by ${t.simpleString()}`);
    }
    const x = rowTr.tr(e);
    const k = t instanceof DoubleType || t instanceof FloatType ? foldNegativeZero(x, t) : x;
    return k.alias(colName(i));
  });
  const nk = keys.length;
  // Each aggregation is computed once per group (pooled: avg and sum of a column share one
  // sequential sum), then the output expressions combine the pooled results.
  const aggTr = env.translator(input.schema, 'agg', colName);
  aggTr.startPool();
  // Arguments proved null-free need no non-null count (a sum's emptiness check becomes the group length).
  const finals = plan.aggs.map((e, j) => aggTr.tr(markNonNull(e, plan.input)).alias(colName(nk + j)));
  const pooled = aggTr.pooled();
  const run = (lf: NativeLazyFrame, set: readonly number[] | undefined): NativeLazyFrame => {
    const by = set ?? keys.map((_, i) => i);
    const partKeys = by.map((j) => keys[j]!);
    const grouped = partKeys.length === 0 ? lf.select(pooled.length > 0 ? pooled : [pl.len().alias('_p_len')]) : lf.groupby(partKeys, true).agg(pooled);
    const out = [...by.map((j) => colRef(colName(j))), ...finals];
    // No keys and no aggregates (a pivot with no values): one row of no columns (input.ts UNIT_COLUMN).
    return grouped.select(out.length > 0 ? out : [pl.lit(null).alias(UNIT_COLUMN)]);
  };

  if (!plan.groupingSets) {
    return run(input.lf, nk === 0 ? [] : undefined);
  }

  const na = plan.aggs.length;
  const parts = plan.groupingSets.map((set) => {
    const inSet = new Set(set);
    let part: NativeLazyFrame;
    if (set.length === 0) {
      // An empty grouping set over empty input yields no row.
      part = input.lf
        .select([...pooled, pl.len().alias('_n')])
        .filter(colRef('_n').gt(i64(0)))
        .select(finals);
    } else {
      part = run(input.lf, set);
    }
    let mask = 0;
    for (let j = 0; j < nk; j++) if (!inSet.has(j)) mask |= 1 << (nk - 1 - j);
    return part.select([
      ...keyTypes.map((t, j) => (inSet.has(j) ? colRef(colName(j)) : nullOf(t).alias(colName(j)))),
      ...Array.from({ length: na }, (_, j) => colRef(colName(nk + j))),
      i32(mask).alias(colName(nk + na)),
    ]);
  });
  return pl.concatLf(parts, 'vertical', false, true, false, true);
}
