import { tableFromArrays, type RecordBatch } from 'apache-arrow';
import { expect, it, vi } from 'vitest';
import { NotImplementedException } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

vi.setConfig({ testTimeout: 60_000 });

forEachBackend('mapInArrow', (session) => {
  it('maps RecordBatches lazily; output of the given schema, columns by name', () => {
    const spark = session();
    const df = spark.range(0, 25_000).selectExpr('id', 'id % 2 = 0 AS even');
    const sizes: number[] = [];
    const out = df.mapInArrow(function* (batches: IterableIterator<RecordBatch>) {
      for (const b of batches) {
        sizes.push(b.numRows);
        const ids = b.getChild('id')!.toArray() as BigInt64Array;
        const even = b.getChild('even')!;
        const keep: number[] = [];
        for (let i = 0; i < b.numRows; i++) if (even.get(i) && ids[i]! < 10n) keep.push(Number(ids[i]) * 10);
        // output columns in another order than the schema, and as float64 for a bigint column
        yield* tableFromArrays({ label: keep.map((k) => `n${k}`), tens: Float64Array.from(keep) }).batches;
      }
    }, 'tens bigint, label string');
    expect(sizes).toEqual([]); // nothing runs before an action
    expect(out.columns).toEqual(['tens', 'label']);
    expect(out.collect().map((r) => r.toArray())).toEqual([
      [0, 'n0'],
      [20, 'n20'],
      [40, 'n40'],
      [60, 'n60'],
      [80, 'n80'],
    ]);
    expect(sizes).toEqual([10_000, 10_000, 5_000]);
  });

  it('checks its arguments', () => {
    const df = session().range(1);
    expect(() => df.mapInArrow(3 as never, 'a int')).toThrow(/NOT_CALLABLE/);
    expect(() => df.mapInPandas()).toThrow(NotImplementedException);
  });
});
