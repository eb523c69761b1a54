/**
 * Parity cases of the `arrays` and `maps` fixture categories, reconstructed
 * (as in cases.ts) from each fixture's column names: Spark names a derived
 * column after its expression, lambdas included.
 */
import type { DataFrame } from '../../src/api/dataframe.js';
import type { SparkSession } from '../../src/session/session.js';
import * as F from '../../src/functions/index.js';
import type { ParityCase } from './cases.js';

const one = (inputs: readonly DataFrame[]): DataFrame => inputs[0]!;
const { lit } = F;

/** A one-column select over the fixture's input. */
const sel =
  (col: () => ReturnType<typeof F.col>) =>
  (_s: SparkSession, i: readonly DataFrame[]): DataFrame =>
    one(i).select(col());

/** shuffle: Spark's permutation cannot be reproduced; each row must hold a permutation of its input array. */
function shuffleInvariants(_spark: SparkSession, inputs: readonly DataFrame[]): string[] {
  const rows = one(inputs).select('arr1', F.shuffle('arr1')).collect();
  const key = (xs: unknown): string => JSON.stringify([...(xs as number[])].sort((a, b) => a - b));
  return rows.filter((r) => key(r.get(0)) !== key(r.get(1))).map((r) => `${JSON.stringify(r.get(1))} is not a permutation of ${JSON.stringify(r.get(0))}`);
}

export const COLLECTION_CASES: readonly ParityCase[] = [
  { file: 'arrays/array.json', pyspark: "df.select(F.array('id', 'value'))", run: sel(() => F.array('id', 'value')) },
  {
    file: 'arrays/array_append.json',
    // The fixture's column is array_union(scores, array(100)): the generator wrote array_append as a union.
    pyspark: "df.select(F.array_union('scores', F.array(F.lit(100))))",
    run: sel(() => F.array_union('scores', F.array(lit(100)))),
  },
  { file: 'arrays/array_contains.json', pyspark: "df.select(F.array_contains('scores', 90))", run: sel(() => F.array_contains('scores', 90)) },
  { file: 'arrays/array_distinct.json', pyspark: "df.select(F.array_distinct('tags'))", run: sel(() => F.array_distinct('tags')) },
  { file: 'arrays/array_except.json', pyspark: "df.select(F.array_except('arr1', 'arr2'))", run: sel(() => F.array_except('arr1', 'arr2')) },
  { file: 'arrays/array_intersect.json', pyspark: "df.select(F.array_intersect('arr1', 'arr2'))", run: sel(() => F.array_intersect('arr1', 'arr2')) },
  { file: 'arrays/array_join.json', pyspark: "df.select(F.array_join('arr1', '-'))", run: sel(() => F.array_join('arr1', '-')) },
  { file: 'arrays/array_max.json', pyspark: "df.select(F.array_max('arr1'))", run: sel(() => F.array_max('arr1')) },
  { file: 'arrays/array_min.json', pyspark: "df.select(F.array_min('arr1'))", run: sel(() => F.array_min('arr1')) },
  { file: 'arrays/array_position.json', pyspark: "df.select(F.array_position('scores', 90))", run: sel(() => F.array_position('scores', 90)) },
  { file: 'arrays/array_remove.json', pyspark: "df.select(F.array_remove('scores', 90))", run: sel(() => F.array_remove('scores', 90)) },
  { file: 'arrays/array_repeat.json', pyspark: "df.select(F.array_repeat('value', 3))", run: sel(() => F.array_repeat('value', 3)) },
  { file: 'arrays/array_sort.json', pyspark: "df.select(F.array_sort('arr3'))", run: sel(() => F.array_sort('arr3')) },
  { file: 'arrays/array_union.json', pyspark: "df.select(F.array_union('arr1', 'arr2'))", run: sel(() => F.array_union('arr1', 'arr2')) },
  { file: 'arrays/arrays_overlap.json', pyspark: "df.select(F.arrays_overlap('arr1', 'arr2'))", run: sel(() => F.arrays_overlap('arr1', 'arr2')) },
  { file: 'arrays/arrays_zip.json', pyspark: "df.select(F.arrays_zip('arr1', 'arr2'))", run: sel(() => F.arrays_zip('arr1', 'arr2')) },
  { file: 'arrays/element_at.json', pyspark: "df.select(F.element_at('scores', 2))", run: sel(() => F.element_at('scores', 2)) },
  { file: 'arrays/exists.json', pyspark: "df.select(F.exists('arr1', lambda x: x > 10))", run: sel(() => F.exists('arr1', (x) => x.gt(10))) },
  {
    file: 'arrays/explode.json',
    pyspark: "df.select('name', F.explode('scores').alias('score'))",
    run: (_s, i) => one(i).select('name', F.explode('scores').alias('score')),
  },
  {
    file: 'arrays/explode_outer.json',
    pyspark: "df.select('name', F.explode_outer('scores').alias('score'))",
    run: (_s, i) => one(i).select('name', F.explode_outer('scores').alias('score')),
  },
  { file: 'arrays/flatten.json', pyspark: "df.select(F.flatten(F.array('arr1', 'arr2')))", run: sel(() => F.flatten(F.array('arr1', 'arr2'))) },
  { file: 'arrays/forall.json', pyspark: "df.select(F.forall('arr1', lambda x: x > 0))", run: sel(() => F.forall('arr1', (x) => x.gt(0))) },
  { file: 'arrays/reverse.json', pyspark: "df.select(F.reverse('arr1'))", run: sel(() => F.reverse('arr1')) },
  { file: 'arrays/sequence.json', pyspark: 'df.select(F.sequence(F.lit(1), F.lit(5)))', run: sel(() => F.sequence(lit(1), lit(5))) },
  {
    file: 'arrays/shuffle.json',
    pyspark: "df.select(F.shuffle('arr1'))",
    run: sel(() => F.shuffle('arr1')),
    random: { invariants: shuffleInvariants },
  },
  { file: 'arrays/size.json', pyspark: "df.select(F.size('scores'))", run: sel(() => F.size('scores')) },
  { file: 'arrays/slice.json', pyspark: "df.select(F.slice('arr1', 1, 2))", run: sel(() => F.slice('arr1', 1, 2)) },
  { file: 'arrays/sort_array.json', pyspark: "df.select(F.sort_array('arr1', asc=False))", run: sel(() => F.sort_array('arr1', false)) },
  { file: 'arrays/transform.json', pyspark: "df.select(F.transform('arr1', lambda x: x * 2))", run: sel(() => F.transform('arr1', (x) => x.multiply(2))) },
  {
    file: 'arrays/zip_with.json',
    pyspark: "df.select(F.zip_with('arr1', 'arr2', lambda x, y: x + y))",
    run: sel(() => F.zip_with('arr1', 'arr2', (x, y) => x.plus(y))),
  },
  { file: 'maps/create_map.json', pyspark: "df.select(F.create_map(F.lit('key'), F.lit('value')))", run: sel(() => F.create_map(lit('key'), lit('value'))) },
  { file: 'maps/map_concat.json', pyspark: "df.select(F.map_concat('map1', 'map2'))", run: sel(() => F.map_concat('map1', 'map2')) },
  { file: 'maps/map_entries.json', pyspark: "df.select(F.map_entries('map1'))", run: sel(() => F.map_entries('map1')) },
  {
    file: 'maps/map_filter.json',
    pyspark: "df.select(F.map_filter('map1', lambda k, v: k == 'a'))",
    run: sel(() => F.map_filter('map1', (k, _v) => k.eq('a'))),
  },
  {
    file: 'maps/map_from_arrays.json',
    pyspark: "df.select(F.map_from_arrays(F.array(F.lit('a'), F.lit('b')), F.array(F.lit(1), F.lit(2))))",
    run: sel(() => F.map_from_arrays(F.array(lit('a'), lit('b')), F.array(lit(1), lit(2)))),
  },
  {
    file: 'maps/map_from_entries.json',
    pyspark: "df.select(F.map_from_entries(F.array(F.struct(F.lit('a'), F.lit(1)))))",
    run: sel(() => F.map_from_entries(F.array(F.struct(lit('a'), lit(1))))),
  },
  { file: 'maps/map_keys.json', pyspark: "df.select(F.map_keys('map1'))", run: sel(() => F.map_keys('map1')) },
  { file: 'maps/map_values.json', pyspark: "df.select(F.map_values('map1'))", run: sel(() => F.map_values('map1')) },
  {
    file: 'maps/map_zip_with.json',
    pyspark: "df.select(F.map_zip_with('map1', 'map2', lambda k, v1, v2: v1 + v2))",
    run: sel(() => F.map_zip_with('map1', 'map2', (_k, v1, v2) => v1.plus(v2))),
  },
  {
    file: 'maps/transform_keys.json',
    pyspark: "df.select(F.transform_keys('map1', lambda k, v: F.upper(k)))",
    run: sel(() => F.transform_keys('map1', (k, _v) => F.upper(k))),
  },
  {
    file: 'maps/transform_values.json',
    pyspark: "df.select(F.transform_values('map1', lambda k, v: v * 2))",
    run: sel(() => F.transform_values('map1', (_k, v) => v.multiply(2))),
  },
];
