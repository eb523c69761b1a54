/**
 * PySpark 3.5 functions sparkless does not implement yet. Each is exported so
 * that a pipeline using one fails with a clear NotImplementedException naming
 * it, instead of an "is not a function" TypeError. Generated from
 * PySpark 3.5.2's function list; delete a name here when implementing it.
 */
import { NotImplementedException } from '../errors/index.js';

const notImplemented =
  (name: string) =>
  (..._args: unknown[]): never => {
    throw new NotImplementedException(`functions.${name}`);
  };

export const array_agg = notImplemented('array_agg');
export const array_append = notImplemented('array_append');
export const array_compact = notImplemented('array_compact');
export const array_except = notImplemented('array_except');
export const array_insert = notImplemented('array_insert');
export const array_intersect = notImplemented('array_intersect');
export const array_position = notImplemented('array_position');
export const array_prepend = notImplemented('array_prepend');
export const array_remove = notImplemented('array_remove');
export const array_repeat = notImplemented('array_repeat');
export const array_size = notImplemented('array_size');
export const array_sort = notImplemented('array_sort');
export const array_union = notImplemented('array_union');
export const arrays_overlap = notImplemented('arrays_overlap');
export const arrays_zip = notImplemented('arrays_zip');
export const bucket = notImplemented('bucket');
export const call_function = notImplemented('call_function');
export const call_udf = notImplemented('call_udf');
export const cast = notImplemented('cast');
export const convert_timezone = notImplemented('convert_timezone');
export const count_min_sketch = notImplemented('count_min_sketch');
export const current_timezone = notImplemented('current_timezone');
export const date_from_unix_date = notImplemented('date_from_unix_date');
export const date_part = notImplemented('date_part');
export const datepart = notImplemented('datepart');
export const days = notImplemented('days');
export const extract = notImplemented('extract');
export const flatten = notImplemented('flatten');
export const get = notImplemented('get');
export const get_active_spark_context = notImplemented('get_active_spark_context');
export const histogram_numeric = notImplemented('histogram_numeric');
export const hll_sketch_agg = notImplemented('hll_sketch_agg');
export const hll_sketch_estimate = notImplemented('hll_sketch_estimate');
export const hll_union = notImplemented('hll_union');
export const hll_union_agg = notImplemented('hll_union_agg');
export const hours = notImplemented('hours');
export const inline = notImplemented('inline');
export const inline_outer = notImplemented('inline_outer');
export const input_file_block_length = notImplemented('input_file_block_length');
export const input_file_block_start = notImplemented('input_file_block_start');
export const input_file_name = notImplemented('input_file_name');
export const localtimestamp = notImplemented('localtimestamp');
export const make_date = notImplemented('make_date');
export const make_dt_interval = notImplemented('make_dt_interval');
export const make_interval = notImplemented('make_interval');
export const make_timestamp = notImplemented('make_timestamp');
export const make_timestamp_ltz = notImplemented('make_timestamp_ltz');
export const make_timestamp_ntz = notImplemented('make_timestamp_ntz');
export const make_ym_interval = notImplemented('make_ym_interval');
export const map_concat = notImplemented('map_concat');
export const map_contains_key = notImplemented('map_contains_key');
export const map_entries = notImplemented('map_entries');
export const map_from_arrays = notImplemented('map_from_arrays');
export const map_from_entries = notImplemented('map_from_entries');
export const map_zip_with = notImplemented('map_zip_with');
export const months = notImplemented('months');
export const named_struct = notImplemented('named_struct');
export const next_day = notImplemented('next_day');
export const overload = notImplemented('overload');
export const pandas_udf = notImplemented('pandas_udf');
export const sentences = notImplemented('sentences');
export const sequence = notImplemented('sequence');
export const session_window = notImplemented('session_window');
export const shuffle = notImplemented('shuffle');
export const slice = notImplemented('slice');
export const stack = notImplemented('stack');
export const str_to_map = notImplemented('str_to_map');
export const timestamp_micros = notImplemented('timestamp_micros');
export const timestamp_millis = notImplemented('timestamp_millis');
export const to_char = notImplemented('to_char');
export const to_str = notImplemented('to_str');
export const to_timestamp_ltz = notImplemented('to_timestamp_ltz');
export const to_timestamp_ntz = notImplemented('to_timestamp_ntz');
export const to_unix_timestamp = notImplemented('to_unix_timestamp');
export const to_varchar = notImplemented('to_varchar');
export const try_element_at = notImplemented('try_element_at');
export const try_remote_functions = notImplemented('try_remote_functions');
export const try_to_timestamp = notImplemented('try_to_timestamp');
export const udf = notImplemented('udf');
export const udtf = notImplemented('udtf');
export const unix_date = notImplemented('unix_date');
export const unix_micros = notImplemented('unix_micros');
export const unix_millis = notImplemented('unix_millis');
export const unix_seconds = notImplemented('unix_seconds');
export const unwrap_udt = notImplemented('unwrap_udt');
export const version = notImplemented('version');
export const weekday = notImplemented('weekday');
export const window = notImplemented('window');
export const window_time = notImplemented('window_time');
export const years = notImplemented('years');
