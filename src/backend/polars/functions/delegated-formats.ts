/**
 * JSON, CSV, XPath, crypto, sketches and number-format functions: the Polars
 * backend runs them through the memory interpreter, with the reason (Polars
 * has no operation with exactly Spark's semantics for them).
 */
import type { PolarsFunction } from './types.js';

const reasons: Record<string, string> = {
  from_json: "Spark's JacksonParser conversions and parse modes",
  to_json: "Spark's JacksonGenerator text",
  schema_of_json: "Spark's JSON schema inference",
  get_json_object: "Spark's JSONPath subset",
  json_array_length: 'JSON parsing',
  json_object_keys: 'JSON parsing',
  from_csv: "Spark's CSV tokenizer and conversions",
  to_csv: "Spark's CSV writer",
  schema_of_csv: "Spark's CSV schema inference",
  xpath: 'XPath 1.0 over parsed XML',
  xpath_string: 'XPath 1.0 over parsed XML',
  xpath_boolean: 'XPath 1.0 over parsed XML',
  xpath_number: 'XPath 1.0 over parsed XML',
  xpath_double: 'XPath 1.0 over parsed XML',
  xpath_float: 'XPath 1.0 over parsed XML',
  xpath_int: 'XPath 1.0 over parsed XML',
  xpath_long: 'XPath 1.0 over parsed XML',
  xpath_short: 'XPath 1.0 over parsed XML',
  percentile_approx: "Spark's Greenwald-Khanna summaries",
  approx_percentile: "Spark's Greenwald-Khanna summaries",
  xxhash64: "Spark's XXH64 over its binary row format",
  aes_encrypt: 'AES through Node crypto',
  aes_decrypt: 'AES through Node crypto',
  try_aes_decrypt: 'AES through Node crypto',
  reflect: 'needs a JVM (refused at analysis)',
  to_number: "Spark's number format strings",
  bitmap_bit_position: 'bitmaps as 4096-byte binaries',
  bitmap_bucket_number: 'bitmaps as 4096-byte binaries',
  bitmap_count: 'bitmaps as 4096-byte binaries',
  bitmap_construct_agg: 'bitmaps as 4096-byte binaries',
  bitmap_or_agg: 'bitmaps as 4096-byte binaries',
  try_to_number: "Spark's number format strings",
  to_char: "Spark's number format strings",
  histogram_numeric: "Spark's streaming histogram (bins merged by smallest gap in arrival order)",
  count_min_sketch: "Spark's CountMinSketch bytes (Murmur3 x86_32 and java.util.Random hash seeds)",
  hll_sketch_agg: 'Apache DataSketches HLL sketches (Murmur3 x64 128 coupons, LIST/SET/HLL_8 images)',
  hll_union_agg: 'Apache DataSketches HLL sketches (Murmur3 x64 128 coupons, LIST/SET/HLL_8 images)',
  hll_sketch_estimate: 'Apache DataSketches HLL estimators (coupon mapping, HIP, composite)',
  hll_union: 'Apache DataSketches HLL union rules',
  to_varchar: "Spark's number format strings",
  grouping: "answered from the row's grouping set by the interpreter's Aggregate",
  grouping_id: "answered from the row's grouping set by the interpreter's Aggregate",
  java_method: 'needs a JVM (refused at analysis)',
  unwrap_udt: 'sparkless has no user-defined types (a type error at analysis)',
};

export const formatFunctions: Record<string, PolarsFunction> = {
  ...Object.fromEntries(Object.entries(reasons).map(([name, why]) => [name, { delegated: why }])),
  // Generators other than explode run in the interpreter (operators/generate.ts).
  json_tuple: { generator: true },
};
