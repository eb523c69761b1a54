/**
 * Per-query execution context of the memory interpreter. One is created per
 * `materialize` call so that `current_timestamp()`/`current_date()` return the
 * same instant everywhere in a query, as Spark does.
 */
import { getZone, type Zone } from './runtime/datetime.js';

export interface ExecContext {
  /** Session time zone (`spark.sql.session.timeZone`): an IANA id or an offset such as `+08:00`. */
  readonly timeZone: string;
  /** The query's fixed "now", in microseconds since the epoch (current_timestamp/current_date). */
  readonly now: number;
  /** Seed for unseeded nondeterministic functions (rand(), randn(), shuffle()). */
  readonly randomSeed?: number;
  /** The session's current database (current_database()); `default` when absent. */
  readonly currentDatabase?: string;
  /** spark.sql.mapKeyDedupPolicy: a duplicate map key fails (EXCEPTION, the default) or the last value wins. */
  readonly mapKeyDedupPolicy?: MapKeyDedupPolicy;
  /** spark.sql.ansi.enabled: overflow, division by zero, invalid casts and bad indices raise Spark's errors (see functions/ansi.ts). */
  readonly ansiEnabled?: boolean;
  /** Bytes a join's output may take (spark.sparkless.backend.maxMemory; default the heap limit, backend/limits.ts). */
  readonly memoryBudget?: number;
  /**
   * spark.default.parallelism: how many partitions Spark would split a scanned relation into. Floating
   * moments (stddev, skewness, corr...) aggregate each partition and merge the partials, as Spark does,
   * so their last digits match a Spark run with that many partitions. Absent: one partition.
   */
  readonly defaultParallelism?: number;
}

export type MapKeyDedupPolicy = 'EXCEPTION' | 'LAST_WIN';

export interface ExecContextOptions {
  readonly timeZone?: string;
  readonly now?: number;
  readonly randomSeed?: number;
  readonly currentDatabase?: string;
  readonly mapKeyDedupPolicy?: MapKeyDedupPolicy;
  readonly ansiEnabled?: boolean;
  readonly memoryBudget?: number;
  readonly defaultParallelism?: number;
}

/** The conf a session hands to the engines per query (spark.sql.mapKeyDedupPolicy, spark.sql.ansi.enabled). */
export interface RuntimeConf {
  readonly mapKeyDedupPolicy: MapKeyDedupPolicy;
  readonly ansiEnabled: boolean;
  /** The query's memory budget in bytes; absent: the engine's default. */
  readonly memoryBudget?: number;
  readonly defaultParallelism?: number;
}

export const DEFAULT_RUNTIME_CONF: RuntimeConf = Object.freeze({ mapKeyDedupPolicy: 'EXCEPTION', ansiEnabled: false });

let processZone: { tz: string | undefined; zone: string } | undefined;

/** The JVM-style default zone: the process's local time zone (cached while TZ is unchanged). */
export function defaultTimeZone(): string {
  const tz = process.env['TZ'];
  if (!processZone || processZone.tz !== tz) {
    processZone = { tz, zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' };
  }
  return processZone.zone;
}

/** A fresh context; `now` defaults to the current wall clock. */
export function createExecContext(options: ExecContextOptions = {}): ExecContext {
  return Object.freeze({
    timeZone: options.timeZone ?? defaultTimeZone(),
    now: options.now ?? Date.now() * 1000,
    ...(options.randomSeed !== undefined ? { randomSeed: options.randomSeed } : {}),
    ...(options.currentDatabase !== undefined ? { currentDatabase: options.currentDatabase } : {}),
    ...(options.mapKeyDedupPolicy !== undefined ? { mapKeyDedupPolicy: options.mapKeyDedupPolicy } : {}),
    ...(options.ansiEnabled ? { ansiEnabled: true } : {}),
    ...(options.memoryBudget !== undefined ? { memoryBudget: options.memoryBudget } : {}),
    ...(options.defaultParallelism !== undefined && options.defaultParallelism > 1 ? { defaultParallelism: options.defaultParallelism } : {}),
  });
}

/** The session zone of a context, resolved (and cached by id). */
export function sessionZone(ctx: ExecContext): Zone {
  return getZone(ctx.timeZone);
}
