/**
 * The optimizer never changes results: random pipelines over random data give
 * the same rows with and without the rewrite rules.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { F, SparkSession, type DataFrame } from '../../src/index.js';
import { batchRows } from '../../src/data/batch.js';
import { bindTables } from '../../src/plan/bind-tables.js';
import { DEFAULT_RULES, optimize } from '../../src/optimizer/optimizer.js';
import { constantFoldingRule } from '../../src/optimizer/rules/constant-folding.js';
import type { OptimizerRule } from '../../src/optimizer/rule.js';
import { planTreeString } from '../../src/plan/explain.js';
import { transformDown, transformUp } from '../../src/plan/transform.js';
import type { LogicalPlan } from '../../src/plan/nodes.js';

const NO_FOLDING = DEFAULT_RULES.filter((r) => r !== constantFoldingRule);

const { col } = F;
const spark = new SparkSession('optimizer-property', { backendType: 'memory' });
const other = spark.createDataFrame(
  [
    { a: 1, x: 'p' },
    { a: 2, x: 'q' },
    { a: null, x: 'r' },
    { a: 1, x: 's' },
    { a: -3, x: null },
  ],
  'a INT, x STRING',
);

type Step = (df: DataFrame) => DataFrame;
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map((n): Step => (df) => df.filter(col('a').gt(n))),
  fc.constantFrom<Step>(
    (df) => df.filter(col('b').isNotNull()),
    (df) => df.select(col('a'), col('b').alias('b'), col('c')),
    (df) => df.select('*'),
    (df) => df.withColumn('a', col('a').plus(1)),
    (df) => df.withColumn('c', col('c').multiply(2)),
    (df) => df.select(col('c'), col('b'), col('a')),
    (df) => df.orderBy('a', 'b', 'c').limit(5),
    (df) => df.filter(col('c').lt(0).or(col('a').eq(0))),
    // Joins, aggregates and unions: the filters above them move below (outer sides stay put).
    (df) => df.join(other, 'a').select('a', 'b', 'c'),
    (df) => df.join(other, 'a', 'left').filter(col('x').isNull().or(col('b').eq('x'))).select('a', 'b', 'c'),
    (df) => df.join(other, 'a', 'right').filter(col('b').isNotNull()).select('a', 'b', 'c'),
    (df) => df.join(other, 'a', 'full').filter(col('a').gt(0).and(col('x').isNotNull())).select('a', 'b', 'c'),
    (df) => df.join(other, 'a', 'left_anti').filter(col('b').eq('y')),
    (df) => df.join(other.select(col('a').alias('a2'), 'x'), col('a').eq(col('a2')).and(col('x').gt('p')), 'left').filter(col('c').gt(0)).select('a', 'b', 'c'),
    (df) => df.groupBy('a', 'b').agg(F.sum('c').alias('c')).filter(col('a').gt(0).and(col('c').gt(1))),
    (df) => df.rollup('a', 'b').agg(F.max('c').alias('c')).filter(col('a').isNull()),
    (df) => df.union(df.filter(col('a').lt(2))).filter(col('c').gt(-5)),
    (df) => df.unionAll(df).limit(4),
    (df) => df.join(other, 'a', 'left').limit(3).select('a', 'b', 'c'),
    (df) => df.select(col('a'), col('b'), col('c').plus(1).alias('c')).select(col('c'), col('a'), col('b')).limit(7),
    // Constant conditions, with null's three-valued logic.
    (df) => df.filter(F.lit(true).and(col('a').gt(0))),
    (df) => df.filter(col('b').isNull().or(F.lit(false))),
    (df) => df.filter(F.lit(null).cast('boolean').or(col('a').lt(1))),
    (df) => df.filter(col('c').gt(0).not().not()),
    (df) => df.filter(F.lit(false).and(col('a').gt(0))),
    // Expressions over literals fold (constant_folding): overflow, division by zero, invalid
    // casts, nulls, dates and strings, in projections, filters, join conditions and sort keys.
    (df) => df.withColumn('c', col('c').plus(F.lit(2).multiply(F.lit(3)))),
    (df) => df.filter(col('a').lt(F.lit(2147483647).plus(F.lit(1)))),
    (df) => df.withColumn('c', F.lit(1).divide(F.lit(0)).plus(col('c'))),
    (df) => df.withColumn('b', F.concat(col('b'), F.upper(F.lit('q')), F.lit('x').cast('int').cast('string'))),
    (df) => df.filter(F.to_date(F.lit('2024-02-29')).gt(F.date_add(F.to_date(F.lit('2024-02-28')), col('a')))),
    (df) => df.withColumn('a', F.when(F.lit(1).lt(F.lit(2)), col('a')).otherwise(F.lit(null))),
    (df) => df.join(other.select(col('a').alias('a2'), 'x'), col('a').eq(col('a2')).and(F.lit('p').lt(F.upper(F.lit('q')))), 'left_semi'),
    // A cross join filtered on both sides becomes an inner join on keys (push_join_condition).
    (df) => df.crossJoin(other.select(col('a').alias('a2'), 'x')).filter(col('a').eq(col('a2')).and(col('x').gt('p')).and(col('c').lt(col('a2')))).select('a', 'b', 'c'),
    (df) => df.crossJoin(other.select(col('a').alias('a2'), 'x')).filter(col('a').eqNullSafe(col('a2').plus(1))).select('a', 'b', 'c'),
    (df) => df.orderBy(F.lit(3).minus(F.lit(1)), 'a', 'b', 'c').limit(6),
  ),
);

const rows = fc.array(
  fc.record({
    a: fc.option(fc.integer({ min: -5, max: 5 }), { nil: null }),
    b: fc.option(fc.constantFrom('x', 'y', 'z'), { nil: null }),
    c: fc.option(fc.double({ min: -10, max: 10, noNaN: true }), { nil: null }),
  }),
  { maxLength: 20 },
);

/** The plain fixpoint loop: every rule over every node, pass after pass, until a pass changes nothing. */
function referenceOptimize(plan: LogicalPlan, rules: readonly OptimizerRule[]): LogicalPlan {
  let current = plan;
  for (let i = 0; i < 50; i++) {
    const before = current;
    for (const rule of rules) current = rule.order === 'topDown' ? transformDown(current, (n) => rule.apply(n)) : transformUp(current, (n) => rule.apply(n));
    if (current === before) break;
  }
  return current;
}

const sorted = (xs: unknown[][]): string[] => xs.map((r) => JSON.stringify(r)).sort();

describe('optimizer', () => {
  it('preserves results for random pipelines', () => {
    fc.assert(
      fc.property(rows, fc.array(step, { maxLength: 6 }), (data, steps) => {
        const df = steps.reduce((d, s) => s(d), spark.createDataFrame(data, 'a INT, b STRING, c DOUBLE'));
        const unoptimized = spark.materializer.materialize(bindTables(spark.analyze(df.plan).plan, spark.storage));
        expect(sorted(batchRows(df.executeBatch()))).toEqual(sorted(batchRows(unoptimized)));
      }),
      { numRuns: 250 },
    );
    // Under ANSI, what would raise at run time is not folded: with and without constant folding
    // (the other rules on) a plan gives the same rows or raises the same error. (Without the
    // other rules too, a filter pushed below a failing projection can spare it, as in Spark.)
    spark.conf.set('spark.sql.ansi.enabled', 'true');
    try {
      fc.assert(
        fc.property(rows, fc.array(step, { maxLength: 4 }), (data, steps) => {
          const df = steps.reduce((d, s) => s(d), spark.createDataFrame(data, 'a INT, b STRING, c DOUBLE'));
          const outcome = (run: () => unknown) => {
            try {
              return sorted(batchRows(run() as Parameters<typeof batchRows>[0]));
            } catch (err) {
              return (err as { errorClass?: string }).errorClass ?? String(err);
            }
          };
          // The action first: it hands the materializer this query's ANSI setting, which the direct call reuses.
          const folded = outcome(() => df.executeBatch());
          const resolved = spark.analyze(df.plan).plan;
          expect(folded).toEqual(outcome(() => spark.materializer.materialize(bindTables(optimize(resolved, NO_FOLDING), spark.storage))));
        }),
        { numRuns: 100 },
      );
    } finally {
      spark.conf.set('spark.sql.ansi.enabled', 'false');
    }
    // Skipping rules a plan lacks the nodes for (`requires`) and ending a pass once every rule has
    // left the plan unchanged give exactly the plan of the plain loop.
    fc.assert(
      fc.property(rows, fc.array(step, { maxLength: 6 }), (data, steps) => {
        const df = steps.reduce((d, s) => s(d), spark.createDataFrame(data, 'a INT, b STRING, c DOUBLE'));
        const resolved = spark.analyze(df.plan).plan;
        expect(planTreeString(optimize(resolved))).toBe(planTreeString(referenceOptimize(resolved, DEFAULT_RULES)));
      }),
      { numRuns: 150 },
    );
    // 250 random pipelines: generous on a shared machine (this is not a timing test).
  }, 60_000);
});
