import { describe, expect, it } from 'vitest';
import { F, SparkSession } from '../../src/index.js';
import { planTreeString } from '../../src/plan/explain.js';
import { optimize } from '../../src/optimizer/optimizer.js';
import { combineFilters } from '../../src/optimizer/rules/combine-filters.js';
import { eliminateLimits } from '../../src/optimizer/rules/eliminate-limits.js';
import { pushFilterThroughProject } from '../../src/optimizer/rules/push-filter-through-project.js';
import { removeNoopProject } from '../../src/optimizer/rules/remove-noop-project.js';

const { col } = F;
const spark = new SparkSession('optimizer-tests', { backendType: 'memory' });
const base = spark.createDataFrame([{ a: 1, b: 'x' }], 'a INT, b STRING');
const resolved = (df: typeof base) => spark.analyze(df.plan).plan;

describe('optimizer rules', () => {
  it('combine_filters merges adjacent filters into one conjunction', () => {
    const plan = resolved(base.filter(col('a').gt(0)).filter(col('b').eq('x')));
    expect(planTreeString(optimize(plan, [combineFilters]))).toBe(
      ['Filter ((a > 0) AND (b = x))', '+- LocalRelation [a, b], 1 rows'].join('\n'),
    );
  });

  it('push_filter_through_project moves a filter on pass-through columns below the projection', () => {
    const plan = resolved(base.select(col('a'), col('b').alias('c'), col('a').plus(1).alias('d')).filter(col('c').eq('x')));
    expect(planTreeString(optimize(plan, [pushFilterThroughProject]))).toBe(
      ['Project [a, b AS c, (a + 1) AS d]', '+- Filter (b = x)', '   +- LocalRelation [a, b], 1 rows'].join('\n'),
    );
  });

  it('push_filter_through_project leaves filters on computed columns in place', () => {
    const plan = resolved(base.select(col('a').plus(1).alias('d')).filter(col('d').gt(1)));
    expect(optimize(plan, [pushFilterThroughProject])).toBe(plan);
  });

  it('eliminate_limits keeps the smallest of nested limits', () => {
    const plan = resolved(base.limit(5).limit(2));
    expect(planTreeString(optimize(plan, [eliminateLimits]))).toBe(['GlobalLimit 2', '+- LocalRelation [a, b], 1 rows'].join('\n'));
  });

  it('remove_noop_project drops identity projections', () => {
    const plan = resolved(base.select('*'));
    expect(planTreeString(optimize(plan, [removeNoopProject]))).toBe('LocalRelation [a, b], 1 rows');
  });

  it('keeps every output schema unchanged', () => {
    const df = base.select(col('a'), col('b').alias('c')).filter(col('a').gt(0)).filter(col('c').isNotNull()).limit(3).limit(9);
    const plan = resolved(df);
    expect(optimize(plan).schema!.equals(plan.schema!)).toBe(true);
  });
});
