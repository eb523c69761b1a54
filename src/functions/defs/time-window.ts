/**
 * Time windows: window(timeColumn, windowDuration[, slideDuration[, startTime]]),
 * session_window(timeColumn, gapDuration) and window_time(windowColumn).
 *
 * window and session_window never run as plain calls: the analyzer
 * (analyzer/time-windows.ts) pulls them below the projection or aggregation,
 * as Spark's TimeWindowing/SessionWindowing rules do, dropping rows whose time
 * is null and expanding a row into every sliding window holding it.
 * `merge_sessions` is internal: the window function merging per-row sessions
 * of one grouping key into Spark's sessions.
 */
import { AnalysisException } from '../../errors/index.js';
import {
  CalendarIntervalType,
  StringType,
  StructField,
  StructType,
  TIMESTAMP,
  TimestampNTZType,
  type DataType,
} from '../../types/data-types.js';
import { parseDurationMicros } from '../../types/intervals.js';
import { castsFor, implicitCast, unexpectedInputType } from '../define.js';
import type { ArgInfo, FunctionDef, ResolveContext } from '../registry.js';

/** Field metadata Spark puts on the column a time window or session window produces. */
export const TIME_WINDOW_MARKER = 'spark.timeWindow';
export const SESSION_WINDOW_MARKER = 'spark.sessionWindow';

/**
 * A duration argument: a string literal naming a fixed length of time. Spark
 * fails to build the call (FAILED_FUNCTION_CALL) for anything else (`'1 month'`).
 */
export function windowDuration(args: readonly ArgInfo[], i: number, what: string): number {
  const v = args[i]!.literal?.value;
  const micros = typeof v === 'string' ? parseDurationMicros(v) : undefined;
  if (micros === undefined) {
    // The base error adds the `[FAILED_FUNCTION_CALL] ` prefix.
    throw new AnalysisException('Failed preparing of the function `window` for call. Please, double check function\'s arguments.', {
      errorClass: 'FAILED_FUNCTION_CALL',
      messageParameters: { funcName: '`window`' },
    });
  }
  if (what !== 'startTime' && micros <= 0) throw new AnalysisException(`The ${what} (${micros}) must be greater than 0.`);
  return micros;
}

/** The time column's type: TIMESTAMP_NTZ stays, anything castable goes to TIMESTAMP. */
function timeType(args: readonly ArgInfo[], ctx: ResolveContext): DataType {
  const t = args[0]!.dataType;
  const ts = t instanceof TimestampNTZType ? t : implicitCast(t, TIMESTAMP);
  if (!ts) throw unexpectedInputType(ctx, 0, `("TIMESTAMP" or "TIMESTAMP_NTZ")`, t);
  return ts;
}

export const windowStruct = (ts: DataType): StructType =>
  new StructType([new StructField('start', ts, true), new StructField('end', ts, true)]);

export const timeWindowDefs: readonly FunctionDef[] = [
  {
    name: 'window',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 4,
    resolve(args, _call, ctx) {
      const ts = timeType(args, ctx);
      const size = windowDuration(args, 1, 'windowDuration');
      const slide = args.length > 2 ? windowDuration(args, 2, 'slideDuration') : size;
      const start = args.length > 3 ? windowDuration(args, 3, 'startTime') : 0;
      if (slide > size) {
        const sql = `window(${ctx.argSql[0]}, ${size}, ${slide}, ${start})`;
        throw new AnalysisException(
          `[DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION] Cannot resolve "${sql}" due to data type mismatch: The \`slide_duration\`(${slide}L) must be <= the \`window_duration\`(${size}L).`,
          { errorClass: 'DATATYPE_MISMATCH.PARAMETER_CONSTRAINT_VIOLATION' },
        );
      }
      // Non-null: the analyzer keeps only rows with a time (a sliding window's Expand output is nullable again).
      return { dataType: windowStruct(ts), nullable: false, argTypes: castsFor(args, [ts, ...args.slice(1).map((a) => a.dataType)]) };
    },
    sql: () => 'window',
  },
  {
    name: 'session_window',
    kind: 'scalar',
    minArgs: 2,
    maxArgs: 2,
    resolve(args, _call, ctx) {
      const ts = timeType(args, ctx);
      const gap = args[1]!.dataType;
      if (!(gap instanceof StringType || gap instanceof CalendarIntervalType)) {
        const scalaName = String(gap).replace(/\(\)$/, '');
        throw new AnalysisException(`Gap duration expression used in session window must be CalendarIntervalType, but got ${scalaName}.`);
      }
      // Null when the time is null or the gap is not a positive duration: the analyzer drops those rows.
      return { dataType: windowStruct(ts), nullable: true, argTypes: castsFor(args, [ts, gap]) };
    },
    sql: () => 'session_window',
  },
  {
    name: 'window_time',
    kind: 'scalar',
    minArgs: 1,
    maxArgs: 1,
    nullIntolerant: true,
    resolve(args, _call, ctx) {
      const t = args[0]!.dataType;
      if (!(t instanceof StructType)) throw unexpectedInputType(ctx, 0, '"STRUCT"', t);
      // The analyzer also checks that the column came from window/session_window (its metadata).
      const end = t.fields.length === 2 ? t.fields[1]!.dataType : undefined;
      if (!end) throw notAWindowColumn(ctx.sql);
      return { dataType: end, nullable: true };
    },
  },
  {
    name: 'merge_sessions',
    kind: 'window',
    minArgs: 1,
    maxArgs: 1,
    resolve: (args) => ({ dataType: args[0]!.dataType, nullable: false }),
  },
];

/** Spark's (class-less) error for window_time over anything but a window column. */
export function notAWindowColumn(sql: string): AnalysisException {
  return new AnalysisException(`The input is not a correct window column: ${sql}`);
}
