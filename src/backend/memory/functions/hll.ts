/**
 * hll_sketch_agg, hll_union_agg, hll_sketch_estimate and hll_union over the
 * DataSketches HLL runtime (runtime/hll). Items hash as DataSketches does:
 * INT and BIGINT as a long, STRING as its UTF-8 bytes and BINARY as is; null,
 * empty strings and empty binaries are skipped. A group is one pass here, as
 * one partition is in Spark: a Spark job whose partitions each reach HLL mode
 * merges them out of order and answers the composite estimate instead of HIP.
 */
import { ExecutionException, SparkRuntimeException } from '../../../errors/index.js';
import { BinaryType, StringType } from '../../../types/data-types.js';
import type { Call } from '../../../expr/nodes.js';
import { parseHll } from '../runtime/hll/codec.js';
import { couponOf, couponOfLong } from '../runtime/hll/murmur3-128.js';
import { HllSketch } from '../runtime/hll/sketch.js';
import { HllUnion } from '../runtime/hll/union.js';
import type { AggregateImpl, FunctionImpl } from './types.js';
import { argType, isNullish, scalar } from './util.js';

const encoder = new TextEncoder();
const DEFAULT_LG_K = 12;

/** The sketch in a binary value, or Spark 3.5.7's error (DataSketches' own message) for bytes that are not one. */
function readSketch(bytes: Uint8Array): HllSketch {
  const sketch = parseHll(bytes);
  if (sketch) return sketch;
  const family = bytes.length > 2 ? bytes[2]! : 0;
  // DataSketches knows family ids 1..20; any other is reported as such, every other defect as a bad preamble.
  const message = family < 1 || family > 20 ? `Possible Corruption: Illegal Family ID: ${family}` : 'Possible Corruption, Invalid Preamble';
  throw new ExecutionException(message);
}

function differentLgK(a: number, b: number, fn: string): SparkRuntimeException {
  return new SparkRuntimeException(
    `Sketches have different \`lgConfigK\` values: ${a} and ${b}. Set the \`allowDifferentLgConfigK\` parameter to true to call \`${fn}\` with different \`lgConfigK\` values.`,
    { errorClass: 'HLL_UNION_DIFFERENT_LG_K', messageParameters: { left: String(a), right: String(b), function: `\`${fn}\`` } },
  );
}

/** The value of a constant argument (a literal, possibly under a cast), else undefined. */
function constant(call: Call, i: number): unknown {
  let e = call.args[i];
  while (e && e.kind === 'Cast') e = e.child;
  return e && e.kind === 'Literal' ? e.value : undefined;
}

function lgConfigK(call: Call): number {
  if (call.args.length < 2) return DEFAULT_LG_K;
  const v = constant(call, 1);
  if (typeof v !== 'number') {
    // Spark 3.5.7 fails here too (a NullPointerException evaluating the non-constant argument).
    throw new ExecutionException('hll_sketch_agg: the lgConfigK argument must be a constant INT');
  }
  if (v < 4 || v > 21) {
    throw new SparkRuntimeException(`Invalid call to \`hll_sketch_agg\`; the \`lgConfigK\` value must be between 4 and 21, inclusive: ${v}.`, {
      errorClass: 'HLL_INVALID_LG_K',
      messageParameters: { function: '`hll_sketch_agg`', min: '4', max: '21', value: String(v) },
    });
  }
  return v;
}

const allowDifferent = (call: Call, i: number): boolean => call.args.length > i && constant(call, i) === true;

const hllSketchAgg: AggregateImpl = {
  kind: 'aggregate',
  create: (call) => {
    const sketch = new HllSketch(lgConfigK(call));
    const t = argType(call, 0);
    const couponFor =
      t instanceof StringType
        ? (v: unknown) => ((v as string).length === 0 ? 0 : couponOf(encoder.encode(v as string)))
        : t instanceof BinaryType
          ? (v: unknown) => ((v as Uint8Array).length === 0 ? 0 : couponOf(v as Uint8Array))
          : (v: unknown) => couponOfLong(v as number | bigint);
    return {
      add: (a) => {
        if (!isNullish(a[0])) sketch.update(couponFor(a[0]));
      },
      result: () => sketch.serialize(),
    };
  },
};

const hllUnionAgg: AggregateImpl = {
  kind: 'aggregate',
  create: (call) => {
    const allow = allowDifferent(call, 1);
    let union: HllUnion | undefined;
    return {
      add: (a) => {
        if (isNullish(a[0])) return;
        const sketch = readSketch(a[0] as Uint8Array);
        union ??= new HllUnion(sketch.lgK);
        if (!allow && union.lgK !== sketch.lgK) throw differentLgK(union.lgK, sketch.lgK, 'hll_union_agg');
        union.update(sketch);
      },
      result: () => (union ?? new HllUnion(DEFAULT_LG_K)).result().serialize(),
    };
  },
};

/** Java's Math.round: floor(x + 0.5). */
const javaRound = (x: number): number => Math.floor(x + 0.5);

const hllSketchEstimate = scalar((a) => javaRound(readSketch(a[0] as Uint8Array).estimate()));

const hllUnion = scalar((a) => {
  const left = readSketch(a[0] as Uint8Array);
  const right = readSketch(a[1] as Uint8Array);
  if (a[2] !== true && left.lgK !== right.lgK) throw differentLgK(left.lgK, right.lgK, 'hll_union');
  const union = new HllUnion(Math.min(left.lgK, right.lgK));
  union.update(left);
  union.update(right);
  return union.result().serialize();
});

export const hllImpls: Record<string, FunctionImpl> = {
  hll_sketch_agg: hllSketchAgg,
  hll_union_agg: hllUnionAgg,
  hll_sketch_estimate: hllSketchEstimate,
  hll_union: hllUnion,
};
