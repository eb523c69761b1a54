/** expectBackendsAgree: the same pipeline on several backends, first difference reported. */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { BackendFactory } from '../../src/backend/factory.js';
import type { DataMaterializer } from '../../src/backend/protocols.js';
import { makeBatch, type Batch } from '../../src/data/batch.js';
import { functions as F } from '../../src/index.js';
import type { LogicalPlan } from '../../src/plan/nodes.js';
import { arbitraryRows, compareBackends, DataFrameMismatchError, expectBackendsAgree, stripAnsi, type BackendUnderTest } from '../../src/vitest/index.js';

/** A memory materializer that alters every result (a stand-in for a buggy backend). */
function altered(name: string, change: (b: Batch) => Batch): BackendUnderTest {
  const materializer = (): DataMaterializer => {
    const inner = BackendFactory.createMaterializer('memory');
    return { backendType: 'memory', materialize: (p: LogicalPlan) => change(inner.materialize(p)), close: () => inner.close() };
  };
  return { name, options: { backend: 'memory', materializer } };
}
const dropLast = altered('dropping', (b) => makeBatch(b.schema, b.columns.map((c) => c.slice(0, -1))));
const reversed = altered('reversing', (b) => makeBatch(b.schema, b.columns.map((c) => [...c].reverse())));
const failing = altered('failing', () => {
  throw new Error('native panic');
});

const SALES = { rows: [{ k: 'a', v: 1 }, { k: 'b', v: 2 }, { k: 'a', v: 3 }], schema: 'k STRING, v BIGINT' };

describe('expectBackendsAgree', () => {
  it('memory and Polars agree on common pipelines', () => {
    expectBackendsAgree((df) => df.groupBy('k').agg(F.sum('v').alias('total')), SALES);
    expectBackendsAgree((spark) => spark.range(20).filter(F.col('id').gt(4)).withColumn('sq', F.col('id').multiply(F.col('id'))));
    expectBackendsAgree(({ facts, dims }) => facts.join(dims, 'k', 'left').orderBy('k', 'v'), {
      facts: SALES,
      dims: { rows: [{ k: 'a', label: 'A' }], schema: 'k STRING, label STRING' },
    });
  });

  it('reports the first differing rows, labelled by backend', () => {
    let error: unknown;
    try {
      expectBackendsAgree((df) => df.filter(F.col('v').gt(0)), SALES, { backends: ['memory', dropLast], color: false });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataFrameMismatchError);
    expect((error as DataFrameMismatchError).kind).toBe('backends');
    expect((error as Error).message).toMatchInlineSnapshot(`
      "Backends disagree: dropping vs memory (reference).
      DataFrames differ (row count): dropping has 2 rows, memory has 3.
      1 of 3 rows (33.3%) does not match (row order ignored).

                   +---+---+
                   |  k|  v|
                   +---+---+
        memory[2]  |  a|  3| (only in memory)
                   +---+---+"
    `);
  });

  it('checks row order only when the result is sorted', () => {
    expectBackendsAgree((df) => df.filter(F.col('v').gt(0)), SALES, { backends: ['memory', reversed] });
    const c = compareBackends((df) => df.orderBy('v'), SALES, { backends: ['memory', reversed], color: false });
    expect(c.agree).toBe(false);
    expect(c.message).toContain('DataFrames differ (row order)');
  });

  it('a backend that throws disagrees with one that returns rows; equal errors agree', () => {
    const c = compareBackends((spark) => spark.range(3), { backends: ['memory', failing] });
    expect(c.agree).toBe(false);
    expect(stripAnsi(c.message)).toBe(
      'Backends disagree: failing vs memory (reference).\nmemory returned 3 rows\nfailing threw ExecutionException: [EXECUTION_FAILED] Query execution failed on the memory backend: native panic',
    );
    expect(c.outcomes.map((o) => o.ok)).toEqual([true, false]);
    expectBackendsAgree((spark) => spark.range(1).select(F.col('missing')));
  });

  test.prop([arbitraryRows('k TINYINT, v INT', { maxLength: 30 }), fc.integer({ min: -100, max: 100 })], { numRuns: 25 })(
    'property: memory and Polars agree on filter + aggregate over generated data',
    (rows, threshold) => {
      expectBackendsAgree(
        (df) =>
          df
            .filter(F.col('v').gt(threshold))
            .groupBy('k')
            .agg(F.count('v').alias('n'), F.sum('v').alias('total'), F.max('v').alias('top')),
        { rows, schema: 'k TINYINT, v INT' },
      );
    },
  );
});
