/**
 * Lambda functions: SQL `transform(a, x -> x + 1)` and the DataFrame API's
 * `F.transform(col, (x) => x.plus(1))` share one definition per function.
 * Names, types and values checked against Spark 3.5.7.
 */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import type { SparkSession } from '../../src/session/session.js';
import { forEachBackend } from '../helpers/backends.js';

const rows = (spark: SparkSession, sql: string): unknown[][] =>
  spark.sql(sql).collect().map((r) => [...r].map((v) => (v instanceof Map ? Object.fromEntries(v) : v)));

function errorClassOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return (e as { errorClass?: string }).errorClass;
  }
  return undefined;
}

forEachBackend('higher-order functions', (session) => {
  it('runs transform, filter, exists, forall with Spark null semantics and names', () => {
    const spark = session();
    const df = spark.sql(
      'SELECT transform(array(1, 2), x -> x + 1), filter(array(1, NULL, 3), x -> x > 1), exists(array(1, NULL), x -> x > 1), forall(array(2, NULL), x -> x > 1), exists(array(1, NULL), x -> x = 1)',
    );
    expect(df.columns[0]).toBe('transform(array(1, 2), lambdafunction((namedlambdavariable() + 1), namedlambdavariable()))');
    expect(df.schema.fields.map((f) => f.dataType.simpleString())).toEqual(['array<int>', 'array<int>', 'boolean', 'boolean', 'boolean']);
    expect(df.collect().map((r) => [...r])).toEqual([[[2, 3], [3], null, null, true]]);
    expect(rows(spark, 'SELECT filter(array(1, 2, 3), (x, i) -> i > 0), transform(array(5, 6), (x, i) -> x * i), forall(array(), x -> x > 1)')).toEqual([[[2, 3], [0, 6], true]]);
  });

  it('aggregate keeps the zero value type, with an optional finish, over columns of the row', () => {
    const spark = session();
    spark.sql('CREATE OR REPLACE TEMP VIEW t AS SELECT * FROM VALUES (10, array(1, 2, 3)), (20, array(4)) AS t(x, ys)');
    expect(rows(spark, 'SELECT aggregate(ys, 0, (acc, y) -> acc + y + x) FROM t ORDER BY x')).toEqual([[36], [24]]);
    const avg = spark.sql('SELECT aggregate(ys, (0 AS sum, 0 AS n), (acc, y) -> (acc.sum + y, acc.n + 1), acc -> acc.sum / acc.n) AS v FROM t ORDER BY x');
    expect(avg.schema.fields[0]!.dataType.simpleString()).toBe('double');
    expect(avg.collect().map((r) => r[0] ?? [...r][0])).toEqual([2, 4]);
    expect(errorClassOf(() => spark.sql('SELECT aggregate(array(1L, 2L), 0, (acc, x) -> acc + x)'))).toBe('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE');
    expect(rows(spark, 'SELECT aggregate(array(1, 2), 0L, (acc, x) -> acc + x), aggregate(array(1, 2), 0, (acc, x) -> acc + x, acc -> acc * 10)')).toEqual([[3, 30]]);
  });

  it('zip_with pads with nulls; map functions see keys and values; nested lambdas see outer variables', () => {
    const spark = session();
    expect(rows(spark, "SELECT zip_with(array(1, 2), array(10), (x, y) -> x + y), map_filter(map(1, 'a', 2, 'b'), (k, v) -> k > 1)")).toEqual([
      [[11, null], { 2: 'b' }],
    ]);
    expect(rows(spark, 'SELECT transform_values(map(1, 2), (k, v) -> v * 10), transform_keys(map(1, 2), (k, v) -> k + 1)')).toEqual([[{ 1: 20 }, { 2: 2 }]]);
    expect(rows(spark, 'SELECT transform(array(array(1, 2), array(3)), z -> filter(z, zz -> zz > size(z) - 1))')).toEqual([[[[2], [3]]]]);
    expect(rows(spark, "SELECT transform(array(named_struct('a', 1)), s -> s.a + 1), transform(array(1, 2), 0)")).toEqual([[[2], [0, 0]]]);
  });

  it("rejects lambdas outside higher-order functions and wrong lambda arity with Spark's errors", () => {
    const spark = session();
    expect(errorClassOf(() => spark.sql('SELECT upper(x -> x)'))).toBe('INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION');
    expect(errorClassOf(() => spark.sql('SELECT transform(array(1), (x, i, j) -> x)'))).toBe('INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH');
    expect(errorClassOf(() => spark.sql('SELECT filter(array(1), x -> x + 1)'))).toBe('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE');
  });

  it('the DataFrame API builds the same lambdas from JS functions of Columns', () => {
    const spark = session();
    const df = spark.createDataFrame([[[1, 2, 3]], [[4, 5]]], 'xs ARRAY<INT>');
    const out = df.select(
      F.transform('xs', (x) => x.multiply(2)).alias('doubled'),
      F.filter('xs', (x, i) => i.gt(0)).alias('tail'),
      F.aggregate('xs', F.lit(0), (acc, x) => acc.plus(x)).alias('total'),
      F.exists('xs', (x) => x.eq(5)).alias('has5'),
      F.zip_with('xs', 'xs', (a, b) => a.multiply(b)).alias('squares'),
    );
    expect(out.collect().map((r) => [...r])).toEqual([
      [[2, 4, 6], [2, 3], 6, false, [1, 4, 9]],
      [[8, 10], [5], 9, true, [16, 25]],
    ]);
    expect(df.select(F.transform('xs', (x) => x.plus(1))).columns).toEqual([
      'transform(xs, lambdafunction((namedlambdavariable() + 1), namedlambdavariable()))',
    ]);
  });
});
