import { describe, expect, it } from 'vitest';
import { PolarsMaterializer } from '../../../src/backend/polars/index.js';
import { batchFromRows, batchRows } from '../../../src/data/batch.js';
import { newPlanId, type LogicalPlan } from '../../../src/plan/nodes.js';
import { DOUBLE, LONG, STRING, StructField, StructType } from '../../../src/types/data-types.js';

describe('polars backend: a bare LocalRelation', () => {
  const data = batchFromRows(
    new StructType([new StructField('a', LONG, true), new StructField('b', STRING, true), new StructField('c', DOUBLE, true)]),
    [[1, 'x', -0], [2 ** 60, null, NaN], [null, 'z', 1.5]],
  );

  it('returns its data as the interpreter does, without a Polars round trip', () => {
    const m = new PolarsMaterializer();
    const plan: LogicalPlan = Object.freeze({ kind: 'LocalRelation', id: newPlanId(), data });
    const out = m.materialize(plan);
    expect(out.schema).toBe(data.schema);
    expect(batchRows(out)).toEqual(batchRows(data));
    expect(m.lastDelegations).toEqual([]);
  });

  it("takes the plan's schema (names) over the batch's", () => {
    const schema = new StructType([new StructField('x', LONG, true), new StructField('y', STRING, true), new StructField('z', DOUBLE, true)]);
    const plan: LogicalPlan = Object.freeze({ kind: 'LocalRelation', id: newPlanId(), data, schema });
    const out = new PolarsMaterializer().materialize(plan);
    expect(out.schema).toBe(schema);
    expect(out.numRows).toBe(3);
    expect(batchRows(out)).toEqual(batchRows(data));
  });
});
