/**
 * Aggregate: `group_by(keys, maintain_order)` so groups come out in order of
 * first appearance (as the interpreter emits them); a global aggregate is a
 * `select` (one row even for empty input). Floating keys are normalized so
 * -0.0 and 0.0 form one group. Grouping sets are delegated.
 */
import { typeOf } from '../../../expr/nodes.js';
import type { Aggregate } from '../../../plan/nodes.js';
import { ArrayType, BinaryType, DoubleType, FloatType, MapType, StructType } from '../../../types/data-types.js';
import { delegate } from '../delegation.js';
import { foldNegativeZero } from '../functions/operators.js';
import { colName } from '../input.js';
import type { NativeLazyFrame } from '../native.js';
import type { Frame, OperatorEnv } from './types.js';

export function aggregate(plan: Aggregate, input: Frame, env: OperatorEnv): NativeLazyFrame {
  if (plan.groupingSets) delegate('grouping sets (rollup/cube)');
  const rowTr = env.translator(input.schema, 'row');
  const aggTr = env.translator(input.schema, 'agg');
  const keys = plan.groupBy.map((e, i) => {
    const t = typeOf(e);
    if (t instanceof MapType || t instanceof ArrayType || t instanceof StructType || t instanceof BinaryType) {
      delegate(`grouping by ${t.simpleString()}`);
    }
    const x = rowTr.tr(e);
    const k = t instanceof DoubleType || t instanceof FloatType ? foldNegativeZero(x, t) : x;
    return k.alias(colName(i));
  });
  const nk = keys.length;
  const aggs = plan.aggs.map((e, j) => aggTr.tr(e).alias(colName(nk + j)));
  if (nk === 0) return input.lf.select(aggs);
  return input.lf.groupby(keys, true).agg(aggs);
}
