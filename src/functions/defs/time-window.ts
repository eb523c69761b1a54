/**
 * window(timeColumn, windowDuration[, slideDuration[, startTime]]): the
 * tumbling time window holding each row, a struct<start, end> named `window`.
 * Sliding windows (slide shorter than the window) put a row in several
 * windows (Spark's Expand) and are not implemented.
 */
import { AnalysisException, NotImplementedException } from '../../errors/index.js';
import { StructField, StructType, TIMESTAMP, TimestampNTZType, type DataType } from '../../types/data-types.js';
import { parseDurationMicros } from '../../types/intervals.js';
import { castsFor, implicitCast, unexpectedInputType } from '../define.js';
import type { ArgInfo, FunctionDef } from '../registry.js';

/** A duration argument: a string literal naming a fixed length of time. */
function duration(args: readonly ArgInfo[], i: number, what: string): number {
  const a = args[i]!;
  const v = a.literal?.value;
  const micros = typeof v === 'string' ? parseDurationMicros(v) : undefined;
  if (micros === undefined || (what !== 'startTime' && micros <= 0)) {
    throw new AnalysisException(`The ${what} of window must be a string literal with a positive, fixed-length interval (e.g. '10 minutes'), got ${String(v)}.`);
  }
  return micros;
}

export const timeWindowDefs: readonly FunctionDef[] = [
  {
    name: 'window',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 4,
    resolve(args, _call, ctx) {
      const t = args[0]!.dataType;
      const ts: DataType | undefined = t instanceof TimestampNTZType ? t : implicitCast(t, TIMESTAMP);
      if (!ts) throw unexpectedInputType(ctx, 0, `("TIMESTAMP" or "TIMESTAMP_NTZ")`, t);
      const size = duration(args, 1, 'windowDuration');
      if (args.length > 2 && duration(args, 2, 'slideDuration') !== size) {
        throw new NotImplementedException('window() with a slideDuration shorter than the window (sliding windows)');
      }
      if (args.length > 3) duration(args, 3, 'startTime');
      const type = new StructType([new StructField('start', ts, true), new StructField('end', ts, true)]);
      return { dataType: type, nullable: true, argTypes: castsFor(args, [ts, ...args.slice(1).map((a) => a.dataType)]) };
    },
    sql: () => 'window',
  },
];

