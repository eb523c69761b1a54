/**
 * percentile_approx / approx_percentile: Spark's QuantileSummaries over the
 * values as doubles (dates as days, timestamps as microseconds, decimals as
 * doubles), the answer converted back to the input type as Spark does.
 */
import type { Call, Expr } from '../../../expr/nodes.js';
import { ArrayType, ByteType, DataType, DecimalType, FloatType, IntegerType, LongType, ShortType } from '../../../types/data-types.js';
import { parseDecimal, parsedToDecimal } from '../runtime/decimal.js';
import { doubleToLong } from '../runtime/long.js';
import { QuantileSummaries } from '../runtime/quantile-summaries.js';
import { percentagesOf } from './percentile.js';
import type { AggregateImpl, FunctionImpl } from './types.js';
import { isNullish } from './util.js';

function accuracyOf(e: Expr | undefined): number {
  if (!e) return 10000;
  if (e.kind === 'Literal') return Number(e.value);
  if (e.kind === 'Cast') return accuracyOf(e.child);
  return 10000;
}

function toDouble(v: unknown, t: DataType): number {
  if (t instanceof DecimalType) return Number(`${v as bigint}e-${t.scale}`);
  return Number(v);
}

/** The double answer as a value of the input type (Spark's `doubleResult.toLong`, `Decimal(d)`...). */
function fromDouble(d: number, t: DataType): unknown {
  if (t instanceof DecimalType) {
    const p = parseDecimal(String(d));
    return p ? parsedToDecimal(p, t) : null;
  }
  if (t instanceof FloatType) return Math.fround(d);
  // A long past 2^53 is a bigint internally (Long.MIN came back as an inexact number).
  if (t instanceof LongType) return doubleToLong(d);
  if (t instanceof IntegerType || t instanceof ShortType || t instanceof ByteType) return Math.trunc(d);
  // Dates (days) and timestamps (µs) are whole numbers already; doubles stay.
  return d;
}

const approxPercentile: AggregateImpl = {
  kind: 'aggregate',
  create: (call: Call) => {
    const ps = percentagesOf(call.args[1]) ?? [0.5];
    const t = call.args[0]!.dataType!;
    const asArray = call.dataType instanceof ArrayType;
    const summaries = new QuantileSummaries(1 / accuracyOf(call.args[2]));
    return {
      add: (a) => {
        if (!isNullish(a[0])) summaries.insert(toDouble(a[0], t));
      },
      result: () => {
        const out = summaries.count === 0 ? undefined : summaries.query(ps);
        if (!out) return null;
        const vals = out.map((d) => fromDouble(d, t));
        return asArray ? vals : vals[0]!;
      },
    };
  },
};

export const approxPercentileImpls: Record<string, FunctionImpl> = {
  percentile_approx: approxPercentile,
  approx_percentile: approxPercentile,
};
