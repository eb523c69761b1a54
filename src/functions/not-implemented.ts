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

export const aes_decrypt = notImplemented('aes_decrypt');
export const aes_encrypt = notImplemented('aes_encrypt');
export const approx_percentile = notImplemented('approx_percentile');
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
export const bitmap_bit_position = notImplemented('bitmap_bit_position');
export const bitmap_bucket_number = notImplemented('bitmap_bucket_number');
export const bitmap_construct_agg = notImplemented('bitmap_construct_agg');
export const bitmap_count = notImplemented('bitmap_count');
export const bitmap_or_agg = notImplemented('bitmap_or_agg');
export const call_function = notImplemented('call_function');
export const call_udf = notImplemented('call_udf');
export const cast = notImplemented('cast');
export const count_min_sketch = notImplemented('count_min_sketch');
export const flatten = notImplemented('flatten');
export const from_csv = notImplemented('from_csv');
export const from_json = notImplemented('from_json');
export const get = notImplemented('get');
export const get_active_spark_context = notImplemented('get_active_spark_context');
export const get_json_object = notImplemented('get_json_object');
export const grouping = notImplemented('grouping');
export const grouping_id = notImplemented('grouping_id');
export const histogram_numeric = notImplemented('histogram_numeric');
export const hll_sketch_agg = notImplemented('hll_sketch_agg');
export const hll_sketch_estimate = notImplemented('hll_sketch_estimate');
export const hll_union = notImplemented('hll_union');
export const hll_union_agg = notImplemented('hll_union_agg');
export const inline = notImplemented('inline');
export const inline_outer = notImplemented('inline_outer');
export const input_file_block_length = notImplemented('input_file_block_length');
export const input_file_block_start = notImplemented('input_file_block_start');
export const input_file_name = notImplemented('input_file_name');
export const java_method = notImplemented('java_method');
export const json_array_length = notImplemented('json_array_length');
export const json_object_keys = notImplemented('json_object_keys');
export const json_tuple = notImplemented('json_tuple');
export const map_concat = notImplemented('map_concat');
export const map_contains_key = notImplemented('map_contains_key');
export const map_entries = notImplemented('map_entries');
export const map_from_arrays = notImplemented('map_from_arrays');
export const map_from_entries = notImplemented('map_from_entries');
export const map_zip_with = notImplemented('map_zip_with');
export const named_struct = notImplemented('named_struct');
export const overload = notImplemented('overload');
export const pandas_udf = notImplemented('pandas_udf');
export const percentile_approx = notImplemented('percentile_approx');
export const reflect = notImplemented('reflect');
export const schema_of_csv = notImplemented('schema_of_csv');
export const schema_of_json = notImplemented('schema_of_json');
export const sentences = notImplemented('sentences');
export const sequence = notImplemented('sequence');
export const session_window = notImplemented('session_window');
export const shuffle = notImplemented('shuffle');
export const slice = notImplemented('slice');
export const stack = notImplemented('stack');
export const str_to_map = notImplemented('str_to_map');
export const to_char = notImplemented('to_char');
export const to_csv = notImplemented('to_csv');
export const to_json = notImplemented('to_json');
export const to_number = notImplemented('to_number');
export const to_str = notImplemented('to_str');
export const to_varchar = notImplemented('to_varchar');
export const try_aes_decrypt = notImplemented('try_aes_decrypt');
export const try_element_at = notImplemented('try_element_at');
export const try_remote_functions = notImplemented('try_remote_functions');
export const try_to_number = notImplemented('try_to_number');
export const udf = notImplemented('udf');
export const udtf = notImplemented('udtf');
export const unwrap_udt = notImplemented('unwrap_udt');
export const version = notImplemented('version');
export const window_time = notImplemented('window_time');
export const xpath = notImplemented('xpath');
export const xpath_boolean = notImplemented('xpath_boolean');
export const xpath_double = notImplemented('xpath_double');
export const xpath_float = notImplemented('xpath_float');
export const xpath_int = notImplemented('xpath_int');
export const xpath_long = notImplemented('xpath_long');
export const xpath_number = notImplemented('xpath_number');
export const xpath_short = notImplemented('xpath_short');
export const xpath_string = notImplemented('xpath_string');
export const xxhash64 = notImplemented('xxhash64');
