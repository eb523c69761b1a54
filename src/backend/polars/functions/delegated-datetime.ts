/**
 * Date/time and interval functions the Polars backend runs through the memory
 * interpreter, with the reason (see delegated.ts).
 */
import type { PolarsFunction } from './types.js';

const reasons: Record<string, string> = {
  make_date: "null for invalid fields, Spark's calendar",
  make_timestamp: "null for invalid fields, Spark's 60-second rule and zone ids",
  make_timestamp_ltz: "null for invalid fields, Spark's 60-second rule and zone ids",
  make_timestamp_ntz: "null for invalid fields, Spark's 60-second rule",
  weekday: 'kept with the other extract fields',
  next_day: "Spark's day-of-week names",
  unix_date: 'kept with the other epoch conversions',
  unix_seconds: 'floor division of microseconds',
  unix_millis: 'floor division of microseconds',
  unix_micros: 'kept with the other epoch conversions',
  date_from_unix_date: 'kept with the other epoch conversions',
  timestamp_millis: 'long overflow is an error',
  timestamp_micros: 'kept with the other epoch conversions',
  to_unix_timestamp: "Spark's datetime patterns",
  try_to_timestamp: "Spark's datetime patterns",
  to_timestamp_ltz: "Spark's datetime patterns",
  to_timestamp_ntz: "Spark's datetime patterns",
  convert_timezone: 'zone rules per value',
  current_timezone: 'session information',
  localtimestamp: 'the query clock in the session zone',
  extract: 'per-field extraction, interval sources',
  date_part: 'per-field extraction, interval sources',
  datepart: 'per-field extraction, interval sources',
  extractansiintervaldays: 'interval values',
  window: 'time windows as structs',
  session_window: 'time windows as structs',
  window_time: 'time windows as structs',
  merge_sessions: 'session merging per grouping key',
  try_eval: 'errors of datetime and interval arithmetic become NULL',
  ...Object.fromEntries(
    [
      'make_interval',
      'make_dt_interval',
      'make_ym_interval',
      'date_add_ym_interval',
      'timestamp_add_ym_interval',
      'time_add',
      'date_add_interval',
      'subtract_dates',
      'subtract_timestamps',
      'interval_add',
      'interval_subtract',
      'interval_negate',
      'interval_multiply',
      'interval_divide',
      'interval_div',
      'interval_abs',
      'interval_signum',
      'interval_width_bucket',
      'interval_sum',
      'interval_to_number',
      'interval_from_number',
      'interval_try_sum',
      'interval_avg',
      'interval_try_avg',
    ].map((n) => [n, 'interval values run in the interpreter']),
  ),
};

export const delegatedDatetimeFunctions: Record<string, PolarsFunction> = Object.fromEntries(
  Object.entries(reasons).map(([name, why]) => [name, { delegated: why }]),
);
