/**
 * Representative DataFrame pipelines for the Spark Connect plan goldens
 * (plans.test.ts): each builds a DataFrame with the public API and never runs
 * it. The same builders run against a live server when SPARK_REMOTE answers.
 */
import { F, Window, type DataFrame, type SparkSession } from '../../../../src/index.js';

export type Pipeline = (spark: SparkSession) => DataFrame;

/** The LocalRelation every pipeline starts from (rows are checked after an Arrow round trip). */
export const PEOPLE_ROWS = [
  ['alice', 30, 'eng', 1.5],
  ['bob', null, 'ops', 2.25],
  [null, 7, 'eng', null],
] as const;
export const PEOPLE_DDL = 'name string, age int, dept string, score double';

export const people = (spark: SparkSession): DataFrame => spark.createDataFrame(PEOPLE_ROWS as unknown as unknown[][], PEOPLE_DDL);
const nested = (spark: SparkSession): DataFrame =>
  spark.range(2).select(F.array(F.col('id')).alias('arr'), F.struct(F.col('id').alias('a'), F.lit('x').alias('b'), F.lit(true).alias('c')).alias('s'));
const c = F.col;

export const PIPELINES: Readonly<Record<string, Pipeline>> = {
  createDataFrame: (s) => people(s),
  range: (s) => s.range(1, 10, 3),
  'select col/lit/alias/cast': (s) => people(s).select('name', c('age').alias('years'), F.lit(1), F.lit('x').alias('s'), c('age').cast('bigint'), F.lit(null)),
  'arithmetic and comparison operators': (s) =>
    people(s).select(
      c('age').plus(1), c('age').minus(c('score')), c('age').multiply(2), c('age').divide(4), c('age').mod(3), c('age').negate(),
      c('age').eq(1), c('age').neq(2), c('age').lt(3), c('age').leq(4), c('age').gt(5), c('age').geq(6), c('age').eqNullSafe(7),
    ),
  'boolean and predicate operators': (s) =>
    people(s).select(
      c('age').gt(1).and(c('score').lt(2)).or(c('name').isNull().not()),
      c('name').isNotNull(), c('age').isin(1, 2, 3), c('name').like('a%'), c('name').rlike('^b'), c('name').startswith('al'), c('name').endswith('e'),
    ),
  'bitwise operators': (s) => s.range(4).select(c('id').bitwiseAND(1), c('id').bitwiseOR(2), c('id').bitwiseXOR(3)),
  'functions with literal arguments': (s) =>
    people(s).select(F.round(c('score'), 1), F.substring('name', 1, 2), F.date_format(F.current_date(), 'yyyy-MM'), F.upper('name')),
  'first with ignorenulls and count distinct': (s) =>
    people(s).groupBy('dept').agg(F.first('age', true), F.countDistinct('name', 'age'), F.count(F.lit(1)).alias('n')),
  'when/otherwise': (s) =>
    people(s).select(F.when(c('age').lt(10), 'kid').when(c('age').lt(20), 'teen').otherwise('adult').alias('band'), F.when(c('age').isNull(), 0)),
  'expr, selectExpr and string filter': (s) => people(s).filter('age > 1').selectExpr('age + 1 AS next', 'upper(name)').select(F.expr('next * 2')),
  'self-join with df.col() bindings': (s) => {
    const a = people(s);
    const b = people(s);
    return a.join(b, a.col('name').eq(b.col('name')), 'left').select(a.col('name'), b.col('age'));
  },
  'withColumn(s), withColumnRenamed, drop, toDF': (s) =>
    people(s)
      .withColumn('a2', c('age').multiply(2))
      .withColumns({ x: F.lit(1), y: F.lit(2) })
      .withColumnRenamed('dept', 'department')
      .drop('score', c('x'))
      .toDF('n', 'a', 'd', 'a2', 'y'),
  filter: (s) => people(s).filter(c('age').gt(18)).where(c('dept').eq('eng')),
  'groupBy().agg': (s) => people(s).groupBy('dept', c('name')).agg(F.sum('age').alias('total'), F.max(c('score'))),
  'groupBy().count / dict agg': (s) => people(s).groupBy('dept').agg({ age: 'avg' }),
  rollup: (s) => people(s).rollup('dept', 'name').agg(F.sum('age')),
  cube: (s) => people(s).cube('dept', 'name').agg(F.avg('score')),
  'cube of one column': (s) => people(s).cube('dept').count(),
  'pivot with values': (s) => people(s).groupBy('name').pivot('dept', ['eng', 'ops']).agg(F.sum('age')),
  'pivot without values': (s) => people(s).groupBy('name').pivot('dept').agg(F.sum('age')),
  'orderBy asc/desc nulls first/last': (s) =>
    people(s).orderBy(c('age').desc(), c('name').asc(), c('dept').asc_nulls_last(), c('score').desc_nulls_first(), 'name'),
  'sort with ascending=false': (s) => people(s).sort(['age', 'name'], { ascending: false }),
  sortWithinPartitions: (s) => people(s).sortWithinPartitions('dept'),
  'limit and offset': (s) => people(s).offset(1).limit(2),
  'distinct and dropDuplicates': (s) => people(s).distinct().dropDuplicates(['dept']).dropDuplicates(),
  'join types': (s) => {
    const a = people(s);
    const b = s.createDataFrame([['eng', 'Engineering']], 'dept string, title string');
    return a
      .join(b, 'dept')
      .join(b.toDF('dept', 'title2'), ['dept'], 'full')
      .join(b.toDF('d3', 't3'), c('dept').eq(c('d3')), 'right')
      .join(b.toDF('d4', 't4'), c('dept').eq(c('d4')), 'left_semi')
      .join(b.toDF('d5', 't5'), c('dept').eq(c('d5')), 'anti')
      .crossJoin(b.toDF('d6', 't6'));
  },
  'set operations': (s) => {
    const a = people(s);
    return a.union(a).unionByName(a, true).unionByName(a).intersect(a).intersectAll(a).exceptAll(a).subtract(a);
  },
  'window functions': (s) => {
    const w = Window.partitionBy('dept').orderBy(c('age').desc());
    return people(s).select(
      F.row_number().over(w).alias('rn'),
      F.sum('age').over(w.rowsBetween(Window.unboundedPreceding, Window.currentRow)),
      F.avg('age').over(w.rowsBetween(-2, 3)),
      F.max('score').over(Window.partitionBy('dept').orderBy('age').rangeBetween(-10, Window.unboundedFollowing)),
      F.lag('age', 1).over(w),
    );
  },
  'getItem, getField, withField, dropFields': (s) =>
    nested(s).select(c('arr').getItem(0), c('s').getField('a'), c('s').withField('c', F.lit(3)).alias('s2'), c('s').dropFields('a', 'b').alias('s3')),
  'sample and hint': (s) => people(s).sample(false, 0.5, 42).hint('broadcast').hint('coalesce', 3),
  'repartition and coalesce': (s) => people(s).repartition(4).repartition(c('dept')).repartition(2, 'name').coalesce(1),
  repartitionByRange: (s) => people(s).repartitionByRange(3, 'age'),
  'alias (subquery_alias)': (s) => people(s).alias('p').select(c('p.name')),
  'spark.table': (s) => s.table('sparkless_plans_t').select('*'),
};
