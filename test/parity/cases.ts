/**
 * One parity case per fixture file: the PySpark 3.5 operation that produced
 * the file, rebuilt with sparkless' API.
 *
 * The fixtures do not include their PySpark code. Each call below is
 * reconstructed from the `test_id`, the operation name and the expected
 * output, above all the column names: Spark names a derived column after its
 * expression, so `CASE WHEN (salary IS NULL) THEN 0 ELSE (salary * 1.1) END` is
 * `when(col('salary').isNull(), 0).otherwise(col('salary') * 1.1)` and
 * `(NOT (name IS NULL))` is `~isnull('name')`. Aliased columns hide the
 * expression; then the values decide (e.g. a window's partition and order are
 * read off the output: a window with ORDER BY returns each partition sorted,
 * one without keeps input order and gives every row the same frame). The
 * `pyspark` text of each case records the reconstruction.
 *
 * Inputs are built by `load.ts` with PySpark's inferred schema; `inputs` gives
 * the DataFrames in order (left, right for joins and set operations).
 */
import type { DataFrame } from '../../src/api/dataframe.js';
import type { Row } from '../../src/data/row.js';
import type { SparkSession } from '../../src/session/session.js';
import * as F from '../../src/functions/index.js';
import { Window } from '../../src/api/window.js';
import { show, type CompareOptions } from './compare.js';
import { COLLECTION_CASES } from './cases-collections.js';

export interface ParityCase {
  /** Fixture file under `fixtures/pyspark-expected-outputs/`, e.g. `joins/inner_join.json`. */
  readonly file: string;
  /** The PySpark 3.5 code this case reconstructs (documentation for reviewers). */
  readonly pyspark: string;
  /** How many DataFrames `input_data` holds, and their sizes when they share one key set. */
  readonly inputs?: { readonly count: number; readonly splitSizes?: readonly number[] };
  readonly run: (spark: SparkSession, inputs: readonly DataFrame[]) => DataFrame;
  readonly compare?: CompareOptions;
  /**
   * Random operations: Spark's exact draws cannot be reproduced, so the main
   * test checks the schema plus these invariants (empty list = hold); the
   * exact rows are a separate `#rows` test, listed in KNOWN_GAPS.md.
   */
  readonly random?: { readonly invariants: (spark: SparkSession, inputs: readonly DataFrame[]) => string[] };
}

const one = (inputs: readonly DataFrame[]): DataFrame => inputs[0]!;
const { col, lit, when } = F;

// ---- invariants for the random cases -----------------------------------------------------------------

const key = (r: Row): string => show(r.asDict());

/** Rows of `part` that are not in `whole` (as multisets). */
function notContained(part: readonly Row[], whole: readonly Row[]): string[] {
  const pool = new Map<string, number>();
  for (const r of whole) pool.set(key(r), (pool.get(key(r)) ?? 0) + 1);
  const out: string[] = [];
  for (const r of part) {
    const k = key(r);
    const n = pool.get(k) ?? 0;
    if (n === 0) out.push(k);
    else pool.set(k, n - 1);
  }
  return out;
}

function sameRows(a: readonly Row[], b: readonly Row[]): boolean {
  return a.length === b.length && a.every((r, i) => key(r) === key(b[i]!));
}

function sampleInvariants(fraction: number, seed: number) {
  return (_spark: SparkSession, inputs: readonly DataFrame[]): string[] => {
    const df = one(inputs);
    const input = df.collect();
    const first = df.sample(fraction, seed).collect();
    const again = df.sample(fraction, seed).collect();
    const problems: string[] = [];
    if (first.length > input.length) problems.push(`sample without replacement returned ${first.length} rows from ${input.length}`);
    const foreign = notContained(first, input);
    if (foreign.length > 0) problems.push(`sample returned rows that are not input rows (or repeated them): ${foreign.join(', ')}`);
    if (!sameRows(first, again)) problems.push(`sample(${fraction}, ${seed}) is not deterministic: ${first.map(key).join(', ')} vs ${again.map(key).join(', ')}`);
    const all = df.sample(1.0, seed).collect();
    if (notContained(input, all).length > 0 || all.length !== input.length) problems.push(`sample(1.0) did not return every row (${all.length} of ${input.length})`);
    if (df.sample(0.0, seed).count() !== 0) problems.push('sample(0.0) returned rows');
    return problems;
  };
}

function randomSplitInvariants(weights: readonly number[], seed: number) {
  return (_spark: SparkSession, inputs: readonly DataFrame[]): string[] => {
    const df = one(inputs);
    const input = df.collect();
    const splits = df.randomSplit(weights, seed).map((s) => s.collect());
    const again = df.randomSplit(weights, seed).map((s) => s.collect());
    const problems: string[] = [];
    if (splits.length !== weights.length) problems.push(`randomSplit returned ${splits.length} DataFrames for ${weights.length} weights`);
    const union = splits.flat();
    const foreign = notContained(union, input);
    if (foreign.length > 0) problems.push(`splits overlap or hold rows that are not input rows: ${foreign.join(', ')}`);
    const lost = notContained(input, union);
    if (lost.length > 0) problems.push(`input rows in no split: ${lost.join(', ')}`);
    splits.forEach((s, i) => {
      if (!sameRows(s, again[i] ?? [])) problems.push(`split ${i} differs between two randomSplit calls with seed ${seed}`);
    });
    return problems;
  };
}

// ---- the cases ---------------------------------------------------------------------------------------------

const byDept = Window.partitionBy('dept').orderBy('salary');
const byDepartment = Window.partitionBy('department').orderBy('salary');
const wholeDepartment = Window.partitionBy('department');

export const CASES: readonly ParityCase[] = [
  // ---- aggregations: global aggregates (2025 files) and grouped ones (the nine 2024-01-15 files) ----
  {
    file: 'aggregations/aggregation_with_nulls.json',
    pyspark: "df.groupBy('department').agg(F.avg('salary').alias('avg_salary'))",
    run: (_s, i) => one(i).groupBy('department').agg(F.avg('salary').alias('avg_salary')),
  },
  {
    file: 'aggregations/approx_count_distinct.json',
    pyspark: "df.agg(F.approx_count_distinct('age'))",
    run: (_s, i) => one(i).agg(F.approx_count_distinct('age')),
  },
  {
    file: 'aggregations/avg_aggregation.json',
    pyspark: "df.groupBy('department').agg(F.avg('salary').alias('avg_salary'))",
    run: (_s, i) => one(i).groupBy('department').agg(F.avg('salary').alias('avg_salary')),
  },
  {
    file: 'aggregations/collect_list.json',
    pyspark: "df.agg(F.collect_list('name'))",
    run: (_s, i) => one(i).agg(F.collect_list('name')),
    // Spark's (single-partition) result keeps input order; sparkless is single-process, so order is compared.
  },
  {
    file: 'aggregations/collect_set.json',
    pyspark: "df.agg(F.collect_set('name'))",
    run: (_s, i) => one(i).agg(F.collect_set('name')),
    compare: { unorderedArrayColumns: ['collect_set(name)'] },
  },
  {
    file: 'aggregations/corr.json',
    pyspark: "df.agg(F.corr('age', 'salary'))",
    run: (_s, i) => one(i).agg(F.corr('age', 'salary')),
  },
  {
    file: 'aggregations/countDistinct.json',
    // Through agg() Spark 3.5 aliases the unresolved count(DISTINCT) call with its plain SQL, `count(dept)`
    // (select() would name it `count(DISTINCT dept)`): the fixture's name shows agg() was used.
    pyspark: "df.agg(F.countDistinct('dept'))",
    run: (_s, i) => one(i).agg(F.countDistinct('dept')),
  },
  {
    file: 'aggregations/count_aggregation.json',
    pyspark: "df.groupBy('department').agg(F.count('id').alias('employee_count'))",
    run: (_s, i) => one(i).groupBy('department').agg(F.count('id').alias('employee_count')),
  },
  {
    file: 'aggregations/covar_pop.json',
    pyspark: "df.agg(F.covar_pop('age', 'salary'))",
    run: (_s, i) => one(i).agg(F.covar_pop('age', 'salary')),
  },
  {
    file: 'aggregations/covar_samp.json',
    pyspark: "df.agg(F.covar_samp('age', 'salary'))",
    run: (_s, i) => one(i).agg(F.covar_samp('age', 'salary')),
  },
  {
    file: 'aggregations/global_aggregation.json',
    pyspark: "df.agg(F.sum('salary').alias('total_salary'), F.avg('salary').alias('avg_salary'), F.count('id').alias('total_employees'))",
    run: (_s, i) =>
      one(i).agg(F.sum('salary').alias('total_salary'), F.avg('salary').alias('avg_salary'), F.count('id').alias('total_employees')),
  },
  {
    file: 'aggregations/groupby_multiple_columns.json',
    pyspark: "df.groupBy('department', 'level').agg(F.avg('salary').alias('avg_salary'))",
    run: (_s, i) => one(i).groupBy('department', 'level').agg(F.avg('salary').alias('avg_salary')),
  },
  {
    file: 'aggregations/kurtosis.json',
    pyspark: "df.agg(F.kurtosis('salary'))",
    run: (_s, i) => one(i).agg(F.kurtosis('salary')),
  },
  {
    file: 'aggregations/max_aggregation.json',
    pyspark: "df.groupBy('department').agg(F.max('salary').alias('max_salary'))",
    run: (_s, i) => one(i).groupBy('department').agg(F.max('salary').alias('max_salary')),
  },
  {
    file: 'aggregations/mean.json',
    pyspark: "df.agg(F.mean('salary'))  # named avg(salary)",
    run: (_s, i) => one(i).agg(F.mean('salary')),
  },
  {
    file: 'aggregations/min_aggregation.json',
    pyspark: "df.groupBy('department').agg(F.min('salary').alias('min_salary'))",
    run: (_s, i) => one(i).groupBy('department').agg(F.min('salary').alias('min_salary')),
  },
  {
    file: 'aggregations/multiple_aggregations.json',
    pyspark:
      "df.groupBy('department').agg(F.sum('salary').alias('total_salary'), F.avg('salary').alias('avg_salary'), F.count('id').alias('employee_count'), F.max('age').alias('max_age'))",
    run: (_s, i) =>
      one(i)
        .groupBy('department')
        .agg(
          F.sum('salary').alias('total_salary'),
          F.avg('salary').alias('avg_salary'),
          F.count('id').alias('employee_count'),
          F.max('age').alias('max_age'),
        ),
  },
  {
    file: 'aggregations/skewness.json',
    pyspark: "df.agg(F.skewness('salary'))",
    run: (_s, i) => one(i).agg(F.skewness('salary')),
  },
  {
    file: 'aggregations/stddev.json',
    pyspark: "df.agg(F.stddev('salary'))  # the fixture's name stddev_samp(salary) predates Spark 3.5.7's stddev(salary)",
    run: (_s, i) => one(i).agg(F.stddev('salary')),
  },
  {
    file: 'aggregations/stddev_pop.json',
    pyspark: "df.agg(F.stddev_pop('salary'))",
    run: (_s, i) => one(i).agg(F.stddev_pop('salary')),
  },
  {
    file: 'aggregations/stddev_samp.json',
    pyspark: "df.agg(F.stddev_samp('salary'))",
    run: (_s, i) => one(i).agg(F.stddev_samp('salary')),
  },
  {
    file: 'aggregations/sum_aggregation.json',
    pyspark: "df.groupBy('department').agg(F.sum('salary').alias('total_salary'))",
    run: (_s, i) => one(i).groupBy('department').agg(F.sum('salary').alias('total_salary')),
  },
  {
    file: 'aggregations/var_pop.json',
    pyspark: "df.agg(F.var_pop('salary'))",
    run: (_s, i) => one(i).agg(F.var_pop('salary')),
  },
  {
    file: 'aggregations/var_samp.json',
    pyspark: "df.agg(F.var_samp('salary'))",
    run: (_s, i) => one(i).agg(F.var_samp('salary')),
  },
  {
    file: 'aggregations/variance.json',
    pyspark: "df.agg(F.variance('salary'))  # named var_samp(salary)",
    run: (_s, i) => one(i).agg(F.variance('salary')),
  },

  // ---- chained operations ----
  {
    file: 'chained_operations/complex_string_operations.json',
    // Alice, Charlie and David are the names longer than 4 characters.
    pyspark:
      "df.filter(F.length('name') > 4).select(F.upper('name').alias('name_upper'), F.concat(F.col('name'), F.lit(' ('), F.col('department'), F.lit(')')).alias('name_dept'), F.length('name').alias('name_length'))",
    run: (_s, i) =>
      one(i)
        .filter(F.length('name').gt(4))
        .select(
          F.upper('name').alias('name_upper'),
          F.concat(col('name'), lit(' ('), col('department'), lit(')')).alias('name_dept'),
          F.length('name').alias('name_length'),
        ),
  },
  {
    file: 'chained_operations/filter_select_groupby_agg.json',
    // IT keeps only Charlie (70000) and Finance David (80000): salary > 60000.
    pyspark: "df.filter(F.col('salary') > 60000).select('department', 'salary').groupBy('department').agg(F.avg('salary').alias('avg_salary'))",
    run: (_s, i) =>
      one(i).filter(col('salary').gt(60000)).select('department', 'salary').groupBy('department').agg(F.avg('salary').alias('avg_salary')),
  },
  {
    file: 'chained_operations/select_expr_groupby_agg_orderby.json',
    // Senior = Charlie and David (age > 30; Bob, 30, is Junior). The original likely used
    // selectExpr("CASE WHEN age > 30 THEN 'Senior' ELSE 'Junior' END AS level", ...), which needs the SQL
    // expression parser sparkless does not have yet; the Column form below is the same expression.
    pyspark:
      "df.select(F.when(F.col('age') > 30, 'Senior').otherwise('Junior').alias('level'), 'salary').groupBy('level').agg(F.count('*').alias('count'), F.avg('salary').alias('avg_salary')).orderBy('level')",
    run: (_s, i) =>
      one(i)
        .select(when(col('age').gt(30), 'Senior').otherwise('Junior').alias('level'), 'salary')
        .groupBy('level')
        .agg(F.count('*').alias('count'), F.avg('salary').alias('avg_salary'))
        .orderBy('level'),
    compare: { ordered: true },
  },
  {
    file: 'chained_operations/withcolumn_filter_orderby.json',
    pyspark: "df.withColumn('bonus', F.col('salary') * 0.1).filter(F.col('age') > 25).orderBy(F.col('salary').desc())",
    run: (_s, i) =>
      one(i)
        .withColumn('bonus', col('salary').multiply(0.1))
        .filter(col('age').gt(25))
        .orderBy(col('salary').desc()),
    compare: { ordered: true },
  },

  // ---- DataFrame methods ----
  {
    file: 'dataframe_methods/coalesce.json',
    pyspark: 'df.coalesce(1)',
    run: (_s, i) => one(i).coalesce(1),
  },
  {
    file: 'dataframe_methods/describe.json',
    pyspark: 'df.describe()',
    run: (_s, i) => one(i).describe(),
    compare: { ordered: true },
  },
  {
    file: 'dataframe_methods/random_split.json',
    // 3 of the 4 rows landed in the first split; the weights and seed are not recorded ([0.7, 0.3], 42 assumed).
    pyspark: 'df.randomSplit([0.7, 0.3], seed=42)[0]',
    run: (_s, i) => one(i).randomSplit([0.7, 0.3], 42)[0]!,
    random: { invariants: randomSplitInvariants([0.7, 0.3], 42) },
  },
  {
    file: 'dataframe_methods/repartition.json',
    pyspark: 'df.repartition(2)',
    run: (_s, i) => one(i).repartition(2),
  },
  {
    file: 'dataframe_methods/sample.json',
    // 2 of 4 rows; fraction and seed are not recorded (0.5, 42 assumed).
    pyspark: 'df.sample(fraction=0.5, seed=42)',
    run: (_s, i) => one(i).sample(0.5, 42),
    random: { invariants: sampleInvariants(0.5, 42) },
  },
  {
    file: 'dataframe_methods/summary.json',
    pyspark: 'df.summary()',
    run: (_s, i) => one(i).summary(),
    compare: { ordered: true },
  },

  // ---- DataFrame operations ----
  {
    file: 'dataframe_operations/aggregation.json',
    pyspark: "df.groupBy('department').agg(F.avg('salary').alias('avg_salary'), F.count('id').alias('count'))",
    run: (_s, i) => one(i).groupBy('department').agg(F.avg('salary').alias('avg_salary'), F.count('id').alias('count')),
  },
  {
    file: 'dataframe_operations/aggregation_dict.json',
    // The dict form names its columns count(id), avg(salary); the second was then renamed.
    pyspark: "df.groupBy('department').agg({'id': 'count', 'salary': 'avg'}).withColumnRenamed('avg(salary)', 'avg_salary')",
    run: (_s, i) => one(i).groupBy('department').agg({ id: 'count', salary: 'avg' }).withColumnRenamed('avg(salary)', 'avg_salary'),
  },
  {
    file: 'dataframe_operations/basic_select.json',
    pyspark: "df.select('id', 'name', 'age')",
    run: (_s, i) => one(i).select('id', 'name', 'age'),
  },
  {
    file: 'dataframe_operations/column_access.json',
    pyspark: "df.select(df.id, df['name'], df.salary)",
    run: (_s, i) => one(i).select(one(i).col('id'), one(i).col('name'), one(i).col('salary')),
  },
  {
    file: 'dataframe_operations/distinct.json',
    pyspark: "df.select('department').distinct()",
    run: (_s, i) => one(i).select('department').distinct(),
  },
  {
    file: 'dataframe_operations/drop_column.json',
    pyspark: "df.drop('department')",
    run: (_s, i) => one(i).drop('department'),
  },
  {
    file: 'dataframe_operations/filter_operations.json',
    pyspark: "df.filter(F.col('age') > 30)",
    run: (_s, i) => one(i).filter(col('age').gt(30)),
  },
  {
    file: 'dataframe_operations/filter_with_boolean.json',
    pyspark: "df.filter((F.col('age') > 30) & (F.col('salary') > 60000))",
    run: (_s, i) => one(i).filter(col('age').gt(30).and(col('salary').gt(60000))),
  },
  {
    file: 'dataframe_operations/group_by.json',
    pyspark: "df.groupBy('department').count()",
    run: (_s, i) => one(i).groupBy('department').count(),
  },
  {
    file: 'dataframe_operations/limit.json',
    pyspark: 'df.limit(2)',
    run: (_s, i) => one(i).limit(2),
  },
  {
    file: 'dataframe_operations/order_by.json',
    pyspark: "df.orderBy('age')",
    run: (_s, i) => one(i).orderBy('age'),
    compare: { ordered: true },
  },
  {
    file: 'dataframe_operations/order_by_desc.json',
    pyspark: "df.orderBy(F.col('age').desc())",
    run: (_s, i) => one(i).orderBy(col('age').desc()),
    compare: { ordered: true },
  },
  {
    file: 'dataframe_operations/select_with_alias.json',
    pyspark: "df.select(F.col('id').alias('user_id'), F.col('name').alias('full_name'))",
    run: (_s, i) => one(i).select(col('id').alias('user_id'), col('name').alias('full_name')),
  },
  {
    file: 'dataframe_operations/with_column.json',
    pyspark: "df.withColumn('bonus', F.col('salary') * 0.1)",
    run: (_s, i) => one(i).withColumn('bonus', col('salary').multiply(0.1)),
  },

  // ---- joins: employees (left) and departments (right), on dept_id ----
  ...(
    [
      ['inner_join', 'inner'],
      ['left_join', 'left'],
      ['right_join', 'right'],
      ['outer_join', 'outer'],
      ['semi_join', 'left_semi'],
      ['anti_join', 'left_anti'],
    ] as const
  ).map(
    ([name, how]): ParityCase => ({
      file: `joins/${name}.json`,
      pyspark: `emp.join(dept, emp.dept_id == dept.dept_id, '${how}')`,
      inputs: { count: 2 },
      run: (_s, [emp, dept]) => emp!.join(dept!, emp!.col('dept_id').eq(dept!.col('dept_id')), how),
    }),
  ),
  {
    file: 'joins/cross_join.json',
    pyspark: 'emp.crossJoin(dept)',
    inputs: { count: 2 },
    run: (_s, [emp, dept]) => emp!.crossJoin(dept!),
  },

  // ---- null handling ----
  {
    file: 'null_handling/coalesce.json',
    pyspark: "df.select(F.coalesce(F.col('salary'), F.lit(0)))",
    run: (_s, i) => one(i).select(F.coalesce(col('salary'), lit(0))),
  },
  {
    file: 'null_handling/isnotnull.json',
    // F.isnotnull would be named `(name IS NOT NULL)`; the fixture's name is the negation of isnull.
    pyspark: "df.select(~F.isnull('name'))",
    run: (_s, i) => one(i).select(F.isnull('name').not()),
  },
  {
    file: 'null_handling/isnull.json',
    pyspark: "df.select(F.isnull('name'))",
    run: (_s, i) => one(i).select(F.isnull('name')),
  },
  {
    file: 'null_handling/nullif.json',
    // F.nullif would be named `nullif(age, 30)`: the fixture's name is the CASE form.
    pyspark: "df.select(F.when(F.col('age') == 30, None).otherwise(F.col('age')))",
    run: (_s, i) => one(i).select(when(col('age').eq(30), null).otherwise(col('age'))),
  },
  {
    file: 'null_handling/nvl.json',
    // F.nvl would be named `nvl(salary, 0)`: the fixture's name shows coalesce was used.
    pyspark: "df.select(F.coalesce(F.col('salary'), F.lit(0)))",
    run: (_s, i) => one(i).select(F.coalesce(col('salary'), lit(0))),
  },
  {
    file: 'null_handling/nvl2.json',
    pyspark: "df.select(F.when(F.col('salary').isNull(), 0).otherwise(F.col('salary') * 1.1))",
    run: (_s, i) => one(i).select(when(col('salary').isNull(), 0).otherwise(col('salary').multiply(1.1))),
  },
  {
    file: 'null_handling/when_otherwise.json',
    pyspark: "df.select(F.when(F.col('salary').isNull(), 0).otherwise(F.col('salary')))",
    run: (_s, i) => one(i).select(when(col('salary').isNull(), 0).otherwise(col('salary'))),
  },

  // ---- set operations: the first three rows are df1, the last three df2 (same keys) ----
  {
    file: 'set_operations/except.json',
    pyspark: 'df1.exceptAll(df2)',
    inputs: { count: 2, splitSizes: [3, 3] },
    run: (_s, [a, b]) => a!.exceptAll(b!),
  },
  {
    file: 'set_operations/intersect.json',
    pyspark: 'df1.intersect(df2)',
    inputs: { count: 2, splitSizes: [3, 3] },
    run: (_s, [a, b]) => a!.intersect(b!),
  },
  {
    file: 'set_operations/subtract.json',
    pyspark: 'df1.subtract(df2)',
    inputs: { count: 2, splitSizes: [3, 3] },
    run: (_s, [a, b]) => a!.subtract(b!),
  },
  {
    file: 'set_operations/union.json',
    pyspark: 'df1.union(df2)',
    inputs: { count: 2, splitSizes: [3, 3] },
    run: (_s, [a, b]) => a!.union(b!),
  },
  {
    file: 'set_operations/union_all.json',
    pyspark: 'df1.unionAll(df2)',
    inputs: { count: 2, splitSizes: [3, 3] },
    run: (_s, [a, b]) => a!.unionAll(b!),
  },

  // ---- window_operations: partition by department, order by salary (rows come back sorted) ----
  {
    file: 'window_operations/dense_rank.json',
    pyspark: "df.withColumn('dense_rank', F.dense_rank().over(Window.partitionBy('department').orderBy('salary')))",
    run: (_s, i) => one(i).withColumn('dense_rank', F.dense_rank().over(byDepartment)),
  },
  {
    file: 'window_operations/lag.json',
    pyspark: "df.withColumn('prev_salary', F.lag('salary', 1).over(Window.partitionBy('department').orderBy('salary')))",
    run: (_s, i) => one(i).withColumn('prev_salary', F.lag('salary', 1).over(byDepartment)),
  },
  {
    file: 'window_operations/lead.json',
    pyspark: "df.withColumn('next_salary', F.lead('salary', 1).over(Window.partitionBy('department').orderBy('salary')))",
    run: (_s, i) => one(i).withColumn('next_salary', F.lead('salary', 1).over(byDepartment)),
  },
  {
    file: 'window_operations/rank.json',
    pyspark: "df.withColumn('rank', F.rank().over(Window.partitionBy('department').orderBy('salary')))",
    run: (_s, i) => one(i).withColumn('rank', F.rank().over(byDepartment)),
  },
  {
    file: 'window_operations/row_number.json',
    pyspark: "df.withColumn('row_num', F.row_number().over(Window.partitionBy('department').orderBy('salary')))",
    run: (_s, i) => one(i).withColumn('row_num', F.row_number().over(byDepartment)),
  },
  {
    file: 'window_operations/sum_over_window.json',
    // Rows keep input order and all IT rows get 175000: no ORDER BY, the whole partition is the frame.
    pyspark: "df.withColumn('dept_total', F.sum('salary').over(Window.partitionBy('department')))",
    run: (_s, i) => one(i).withColumn('dept_total', F.sum('salary').over(wholeDepartment)),
  },

  // ---- windows: `department` files use a whole-partition window, `dept` files order by salary ----
  {
    file: 'windows/avg_over_window.json',
    pyspark: "df.withColumn('dept_avg', F.avg('salary').over(Window.partitionBy('department')))",
    run: (_s, i) => one(i).withColumn('dept_avg', F.avg('salary').over(wholeDepartment)),
  },
  {
    file: 'windows/count_over_window.json',
    pyspark: "df.withColumn('dept_count', F.count('salary').over(Window.partitionBy('department')))",
    run: (_s, i) => one(i).withColumn('dept_count', F.count('salary').over(wholeDepartment)),
  },
  {
    file: 'windows/cume_dist.json',
    pyspark: "df.withColumn('cume_dist', F.cume_dist().over(Window.partitionBy('dept').orderBy('salary')))",
    run: (_s, i) => one(i).withColumn('cume_dist', F.cume_dist().over(byDept)),
  },
  {
    file: 'windows/dense_rank.json',
    pyspark: "df.withColumn('dense_rank', F.dense_rank().over(Window.partitionBy('dept').orderBy('salary')))",
    run: (_s, i) => one(i).withColumn('dense_rank', F.dense_rank().over(byDept)),
  },
  {
    file: 'windows/first.json',
    // Input order kept, every IT row gets Alice's 50000 (the first IT row): no ORDER BY.
    pyspark: "df.withColumn('first_salary', F.first('salary').over(Window.partitionBy('department')))",
    run: (_s, i) => one(i).withColumn('first_salary', F.first('salary').over(wholeDepartment)),
  },
  {
    file: 'windows/first_value.json',
    pyspark: "df.withColumn('first_salary', F.first_value('salary').over(Window.partitionBy('dept').orderBy('salary')))",
    run: (_s, i) => one(i).withColumn('first_salary', F.first_value('salary').over(byDept)),
  },
  {
    file: 'windows/lag.json',
    pyspark: "df.withColumn('lag_salary', F.lag('salary', 1).over(Window.partitionBy('dept').orderBy('salary')))",
    run: (_s, i) => one(i).withColumn('lag_salary', F.lag('salary', 1).over(byDept)),
  },
  {
    file: 'windows/last.json',
    // Every IT row gets David's 55000 (the last IT row in input order): no ORDER BY.
    pyspark: "df.withColumn('last_salary', F.last('salary').over(Window.partitionBy('department')))",
    run: (_s, i) => one(i).withColumn('last_salary', F.last('salary').over(wholeDepartment)),
  },
  {
    file: 'windows/last_value.json',
    // With ORDER BY the default frame ends at the current row: each row's own salary.
    pyspark: "df.withColumn('last_salary', F.last_value('salary').over(Window.partitionBy('dept').orderBy('salary')))",
    run: (_s, i) => one(i).withColumn('last_salary', F.last_value('salary').over(byDept)),
  },
  {
    file: 'windows/lead.json',
    pyspark: "df.withColumn('lead_salary', F.lead('salary', 1).over(Window.partitionBy('dept').orderBy('salary')))",
    run: (_s, i) => one(i).withColumn('lead_salary', F.lead('salary', 1).over(byDept)),
  },
  {
    file: 'windows/nth_value.json',
    pyspark: "df.withColumn('nth', F.nth_value('salary', 2).over(Window.partitionBy('dept').orderBy('salary')))",
    run: (_s, i) => one(i).withColumn('nth', F.nth_value('salary', 2).over(byDept)),
  },
  {
    file: 'windows/ntile.json',
    pyspark: "df.withColumn('ntile', F.ntile(2).over(Window.partitionBy('dept').orderBy('salary')))",
    run: (_s, i) => one(i).withColumn('ntile', F.ntile(2).over(byDept)),
  },
  {
    file: 'windows/percent_rank.json',
    pyspark: "df.withColumn('percent_rank', F.percent_rank().over(Window.partitionBy('dept').orderBy('salary')))",
    run: (_s, i) => one(i).withColumn('percent_rank', F.percent_rank().over(byDept)),
  },
  {
    file: 'windows/rank.json',
    pyspark: "df.withColumn('rank', F.rank().over(Window.partitionBy('dept').orderBy('salary')))",
    run: (_s, i) => one(i).withColumn('rank', F.rank().over(byDept)),
  },
  {
    file: 'windows/row_number.json',
    pyspark: "df.withColumn('row_num', F.row_number().over(Window.partitionBy('dept').orderBy('salary')))",
    run: (_s, i) => one(i).withColumn('row_num', F.row_number().over(byDept)),
  },
  {
    file: 'windows/sum_over_window.json',
    pyspark: "df.withColumn('dept_total', F.sum('salary').over(Window.partitionBy('department')))",
    run: (_s, i) => one(i).withColumn('dept_total', F.sum('salary').over(wholeDepartment)),
  },
  ...COLLECTION_CASES,
];

/** `category/name` of a case (its fixture id, and the key used in KNOWN_GAPS.md). */
export const caseId = (c: ParityCase): string => c.file.replace(/\.json$/, '');
