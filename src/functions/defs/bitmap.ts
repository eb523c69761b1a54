/**
 * Bitmap functions (Spark 3.5): positions split into buckets of 32768 bits,
 * bitmaps of 4096 bytes built and OR-ed by aggregates, bits counted.
 */
import { BinaryType, NullType, BINARY, LONG } from '../../types/data-types.js';
import { coerceArg, castsFor, fn, unexpectedInputType } from '../define.js';
import type { FunctionDef } from '../registry.js';

const positionFn = (name: string): FunctionDef => fn(name, { inputs: [LONG], returns: LONG, nullIntolerant: true });

/** bitmap_count(bitmap): a BINARY argument, without implicit casts (Spark numbers this parameter 0). */
const bitmapCount: FunctionDef = {
  name: 'bitmap_count',
  kind: 'scalar',
  minArgs: 1,
  maxArgs: 1,
  nullIntolerant: true,
  resolve(args, _call, ctx) {
    const t = args[0]!.dataType;
    if (!(t instanceof BinaryType || t instanceof NullType)) {
      const err = unexpectedInputType(ctx, 0, '"BINARY"', t);
      throw Object.assign(err, { message: err.message.replace('Parameter 1 requires', 'Parameter 0 requires') });
    }
    return { dataType: LONG, nullable: args[0]!.nullable, argTypes: castsFor(args, [BINARY]) };
  },
};

const bitmapAgg = (name: string, input: typeof LONG | typeof BINARY): FunctionDef => ({
  name,
  kind: 'aggregate',
  minArgs: 1,
  maxArgs: 1,
  resolve(args, _call, ctx) {
    const t = coerceArg(args, 0, input, ctx);
    return { dataType: BINARY, nullable: false, argTypes: castsFor(args, [t]) };
  },
});

export const bitmapDefs: readonly FunctionDef[] = [
  positionFn('bitmap_bit_position'),
  positionFn('bitmap_bucket_number'),
  bitmapCount,
  bitmapAgg('bitmap_construct_agg', LONG),
  bitmapAgg('bitmap_or_agg', BINARY),
];
