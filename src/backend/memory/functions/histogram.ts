/**
 * histogram_numeric: the Ben-Haim & Tom-Tov streaming histogram as Hive's and
 * Spark's NumericHistogram keep it: bins sorted by centre, a value equal to a
 * centre adds to its count, otherwise it opens a bin; past nb bins the two
 * adjacent bins with the smallest gap merge into their weighted mean, ties
 * broken by a java.util.Random seeded 31183 (as Hive's and Spark's are).
 * Centres go back to the input type (integers, dates, timestamps and ANSI intervals truncate). Each partition builds its own
 * histogram; the final one takes the first partial as is and merges each later one by
 * sorting the union of both bin lists (equal centres stay separate bins) and trimming
 * back to nb bins with its own Random(31183), so partition splits show in the result.
 */
import {
  DateType,
  DayTimeIntervalType,
  DecimalType,
  FloatType,
  LongType,
  TimestampNTZType,
  TimestampType,
  YearMonthIntervalType,
  isIntegral,
  type DataType,
} from '../../../types/data-types.js';
import { decimalToDouble, doubleToDecimal } from '../runtime/decimal.js';
import { JavaRandom } from '../runtime/java-random.js';
import { normLong } from '../runtime/long.js';
import type { AggregateImpl, FunctionImpl } from './types.js';
import { argType, isNullish, literalArg } from './util.js';

interface Bin {
  x: number;
  y: number;
}

function addValue(bins: Bin[], v: number, nb: number, prng: JavaRandom): void {
  let lo = 0;
  let hi = bins.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bins[mid]!.x < v) lo = mid + 1;
    else hi = mid;
  }
  if (lo < bins.length && bins[lo]!.x === v) {
    bins[lo]!.y += 1;
    return;
  }
  bins.splice(lo, 0, { x: v, y: 1 });
  if (bins.length > nb) mergeClosest(bins, prng);
}

function mergeClosest(bins: Bin[], prng: JavaRandom): void {
  let best = 0;
  let gap = bins[1]!.x - bins[0]!.x;
  let ties = 1;
  for (let i = 1; i + 1 < bins.length; i++) {
    const d = bins[i + 1]!.x - bins[i]!.x;
    if (d < gap) {
      gap = d;
      best = i;
      ties = 1;
    } else if (d === gap && prng.nextDouble() <= 1 / ++ties) best = i;
  }
  // Spark's arithmetic, step for step: the rounding decides later ties.
  const a = bins[best]!;
  const b = bins[best + 1]!;
  const y = a.y + b.y;
  let x = a.x * (a.y / y);
  x += (b.x / y) * b.y;
  bins.splice(best, 2, { x, y });
}

/** Converts an input value to double and a bin centre back to the input type. */
function numericCodec(t: DataType): [(v: unknown) => number, (x: number) => unknown] {
  if (t instanceof DecimalType) return [(v) => decimalToDouble(v as bigint, t.scale), (x) => doubleToDecimal(x, t)];
  // Day-time intervals (microseconds, a long) truncate like a long; dates, timestamps and
  // year-month intervals hold numbers of days, microseconds or months.
  const wide = t instanceof LongType || t instanceof DayTimeIntervalType;
  if (isIntegral(t) || wide || t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType || t instanceof YearMonthIntervalType) {
    return [(v) => Number(v), (x) => (wide ? normLong(BigInt(Math.trunc(x))) : Math.trunc(x))];
  }
  if (t instanceof FloatType) return [(v) => Number(v), (x) => Math.fround(x)];
  return [(v) => Number(v), (x) => x];
}

/** Merges partial `other` into the final histogram `into` (Ben-Haim & Tom-Tov's merge). */
function mergeInto(into: Bin[], other: readonly Bin[], nb: number, prng: JavaRandom): Bin[] {
  if (into.length === 0) return other.map((b) => ({ ...b }));
  // a stable sort keeps this histogram's bins ahead of the other's equal centres
  const all = [...into, ...other.map((b) => ({ ...b }))].sort((p, q) => p.x - q.x);
  while (all.length > nb) mergeClosest(all, prng);
  return all;
}

const histogramNumeric: AggregateImpl = {
  kind: 'aggregate',
  create: (call) => {
    const nb = Number(literalArg(call, 1)!.value);
    const [toDouble, fromDouble] = numericCodec(argType(call, 0));
    let merged: Bin[] = [];
    const mergePrng = new JavaRandom(31183);
    let bins: Bin[] = [];
    let prng = new JavaRandom(31183);
    return {
      add: (a) => {
        if (!isNullish(a[0])) addValue(bins, toDouble(a[0]), nb, prng);
      },
      startPartition: () => {
        merged = mergeInto(merged, bins, nb, mergePrng);
        bins = [];
        prng = new JavaRandom(31183);
      },
      result: () => {
        const all = mergeInto(merged, bins, nb, mergePrng);
        return all.length === 0 ? null : all.map((b) => [fromDouble(b.x), b.y]);
      },
    };
  },
};

export const histogramImpls: Record<string, FunctionImpl> = { histogram_numeric: histogramNumeric };
