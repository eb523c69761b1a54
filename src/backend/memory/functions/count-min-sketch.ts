/** count_min_sketch: Spark's CountMinSketch over integral, string (UTF-8) and binary values; nulls skipped. */
import { BinaryType, StringType } from '../../../types/data-types.js';
import { foldedNumber } from '../../../functions/defs/count-min-sketch.js';
import { CountMinSketch } from '../runtime/count-min-sketch.js';
import type { AggregateImpl, FunctionImpl } from './types.js';
import { argType, isNullish } from './util.js';

const encoder = new TextEncoder();

const countMinSketch: AggregateImpl = {
  kind: 'aggregate',
  create: (call) => {
    const [eps, confidence, seed] = [1, 2, 3].map((i) => foldedNumber(call.args[i]!) as number);
    const sketch = new CountMinSketch(eps!, confidence!, seed!);
    const t = argType(call, 0);
    const add =
      t instanceof StringType
        ? (v: unknown) => sketch.addBytes(encoder.encode(v as string))
        : t instanceof BinaryType
          ? (v: unknown) => sketch.addBytes(v as Uint8Array)
          : (v: unknown) => sketch.addLong(v as number | bigint);
    return {
      add: (a) => {
        if (!isNullish(a[0])) add(a[0]);
      },
      result: () => sketch.serialize(),
    };
  },
};

export const countMinSketchImpls: Record<string, FunctionImpl> = { count_min_sketch: countMinSketch };
