/**
 * The array, map and generator functions of the collection family on the
 * Polars backend: array_size is Polars' list length (NULL for a NULL list,
 * exactly Spark's); the others run in the memory interpreter, each for the reason
 * given (Polars' list operations differ from Spark's in NULL handling,
 * ordering or error behaviour); `inline` and `stack` run in the Generate
 * operator, which hands them to the interpreter too.
 */
import { PL } from '../type-mapper.js';
import { arg, type PolarsFunction } from './types.js';

const reasons: Record<string, string> = {
  array_append: "NULL elements and Spark's element typing",
  array_prepend: "NULL elements and Spark's element typing",
  array_insert: 'negative positions and NULL padding',
  array_position: "Spark's element equality (NaN, NULL)",
  array_remove: "Spark's element equality (NaN, NULL)",
  array_union: "distinct elements in Spark's order, one NULL kept",
  array_intersect: "distinct elements in Spark's order, one NULL kept",
  array_except: "distinct elements in Spark's order, one NULL kept",
  arrays_overlap: 'three-valued NULL semantics',
  array_compact: 'kept with the other array functions',
  array_repeat: "Spark's array size limit",
  flatten: 'NULL when an inner array is NULL',
  slice: "Spark's index and length errors",
  sequence: "Spark's boundary checks and size limit",
  shuffle: 'a seeded permutation',
  arrays_zip: 'structs named after the arguments',
  try_element_at: "Spark's index rules",
  get: "Spark's index rules",
  array_sort: 'a comparator lambda, NULLs last',
  map_concat: 'duplicate keys per spark.sql.mapKeyDedupPolicy',
  map_contains_key: "Spark's key equality",
  map_entries: 'maps are lists of entries',
  map_from_arrays: 'NULL and duplicate key checks',
  map_from_entries: 'NULL and duplicate key checks',
  map_zip_with: 'lambda functions run in the interpreter',
  str_to_map: 'Java regular expressions',
  named_struct: 'kept with struct()',
  sentences: "locale-aware word breaking",
};

export const collectionFunctions: Record<string, PolarsFunction> = {
  ...Object.fromEntries(Object.entries(reasons).map(([name, why]) => [name, { delegated: why }])),
  array_size: { scalar: (call, ctx) => ctx.tr(arg(call, 0)).listLengths().cast(PL.Int32, true) },
  inline: { generator: true },
  inline_outer: { generator: true },
  stack: { generator: true },
};
