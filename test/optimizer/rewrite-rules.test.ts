/** Golden plans of the rewrite rules, each alone and then in the default pipeline. */
import { describe, expect, it } from 'vitest';
import { F, SparkSession } from '../../src/index.js';
import { planTreeString } from '../../src/plan/explain.js';
import { optimize } from '../../src/optimizer/optimizer.js';
import { booleanSimplification } from '../../src/optimizer/rules/boolean-simplification.js';
import { constantFolding, constantFoldingRule } from '../../src/optimizer/rules/constant-folding.js';
import { pushJoinCondition } from '../../src/optimizer/rules/push-join-condition.js';
import { collapseProjects } from '../../src/optimizer/rules/collapse-projects.js';
import { limitPushdown } from '../../src/optimizer/rules/limit-pushdown.js';
import { pushFilterThroughAggregate } from '../../src/optimizer/rules/push-filter-through-aggregate.js';
import { pushFilterThroughJoin } from '../../src/optimizer/rules/push-filter-through-join.js';
import { pushFilterThroughProject } from '../../src/optimizer/rules/push-filter-through-project.js';
import { pushFilterThroughUnion } from '../../src/optimizer/rules/push-filter-through-union.js';

const { col, lit } = F;
const spark = new SparkSession('rewrite-rule-tests', { backendType: 'memory' });
const t = spark.createDataFrame([{ a: 1, b: 'x' }], 'a INT, b STRING');
const u = spark.createDataFrame([{ a: 1, c: 2.5 }], 'a INT, c DOUBLE');
const resolved = (df: typeof t) => spark.analyze(df.plan).plan;
const text = (df: typeof t, rules: Parameters<typeof optimize>[1]) => planTreeString(optimize(resolved(df), rules));

describe('push_filter_through_join', () => {
  const onJoin = [pushFilterThroughProject, pushFilterThroughJoin];
  it('moves one-side conjuncts of an inner join below it, keeps the rest', () => {
    const df = t.join(u, 'a').filter(col('b').eq('x').and(col('c').gt(1)).and(col('b').eq('y').or(col('c').lt(9))));
    expect(text(df, onJoin)).toMatchInlineSnapshot(`
      "Project [a, b, c]
      +- Filter ((b = y) OR (c < 9))
         +- Join Inner keys=[a = a]
            :- Filter (b = x)
            :  +- LocalRelation [a, b], 1 rows
            +- Filter (c > 1)
               +- LocalRelation [a, c], 1 rows"
    `);
  });
  it('never filters the null-extended side of an outer join', () => {
    const df = t.join(u, 'a', 'left').filter(col('b').eq('x').and(col('c').isNull()));
    expect(text(df, onJoin)).toMatchInlineSnapshot(`
      "Project [a, b, c]
      +- Filter (c IS NULL)
         +- Join LeftOuter keys=[a = a]
            :- Filter (b = x)
            :  +- LocalRelation [a, b], 1 rows
            +- LocalRelation [a, c], 1 rows"
    `);
  });
  it('leaves non-deterministic conditions above the join', () => {
    const df = t.join(u, 'a').filter(F.rand(1).gt(0.5));
    expect(text(df, onJoin)).not.toMatch(/:- Filter|\+- Filter/);
  });
});

describe('push_filter_through_aggregate', () => {
  it('moves conditions on grouping keys below the aggregate, not those on aggregates', () => {
    const df = t.groupBy('a', 'b').agg(F.count('*').alias('n')).filter(col('a').gt(0).and(col('n').gt(1)));
    expect(text(df, [pushFilterThroughProject, pushFilterThroughAggregate])).toMatchInlineSnapshot(`
      "Project [a, b, count(1) AS n]
      +- Filter (_agg0 > 1)
         +- Aggregate [a, b], [count(1) AS _agg0]
            +- Filter (a > 0)
               +- LocalRelation [a, b], 1 rows"
    `);
  });
  it('leaves rollups alone (their rolled-up rows hold null keys)', () => {
    const plan = resolved(t.rollup('a').agg(F.count('*').alias('n')).filter(col('a').isNull()));
    expect(planTreeString(optimize(plan, [pushFilterThroughProject, pushFilterThroughAggregate]))).toBe(planTreeString(optimize(plan, [pushFilterThroughProject])));
  });
});

describe('push_filter_through_union', () => {
  it('filters each side of a union', () => {
    const df = t.union(t.select(col('a').plus(1).alias('a2'), 'b')).filter(col('a').gt(1));
    expect(text(df, [pushFilterThroughUnion])).toMatchInlineSnapshot(`
      "Union All
      :- Filter (a > 1)
      :  +- LocalRelation [a, b], 1 rows
      +- Filter (a2 > 1)
         +- Project [(a + 1) AS a2, b]
            +- LocalRelation [a, b], 1 rows"
    `);
  });
});

describe('collapse_projects', () => {
  it('reads inner expressions directly; unread inner columns are never computed', () => {
    const df = t.select(col('a').plus(1).alias('a1'), F.upper('b').alias('ub'), 'b').select(col('a1').multiply(2).alias('a2'), 'b');
    expect(text(df, [collapseProjects])).toMatchInlineSnapshot(`
      "Project [((a + 1) * 2) AS a2, b]
      +- LocalRelation [a, b], 1 rows"
    `);
  });
  it('keeps both when a computed column is read twice', () => {
    const plan = resolved(t.select(col('a').plus(1).alias('a1')).select(col('a1').multiply(col('a1')).alias('sq')));
    expect(optimize(plan, [collapseProjects])).toBe(plan);
  });
});

describe('boolean_simplification', () => {
  it("folds with Spark's null logic and drops filters on true", () => {
    expect(text(t.filter(lit(true).and(col('a').gt(0)).or(lit(false))), [booleanSimplification])).toMatchInlineSnapshot(`
      "Filter (a > 0)
      +- LocalRelation [a, b], 1 rows"
    `);
    expect(text(t.filter(col('a').gt(0).not().not()), [booleanSimplification])).toMatchInlineSnapshot(`
      "Filter (a > 0)
      +- LocalRelation [a, b], 1 rows"
    `);
    expect(text(t.filter(lit(true).or(col('a').gt(0))), [booleanSimplification])).toMatchInlineSnapshot(`"LocalRelation [a, b], 1 rows"`);
    // null AND false is false: no row can pass.
    expect(text(t.filter(col('a').gt(0).and(lit(false))), [booleanSimplification])).toMatchInlineSnapshot(`"LocalRelation [a, b], 0 rows"`);
    // a null-intolerant function of a null literal is null
    expect(text(t.filter(col('a').plus(lit(null).cast('int')).gt(0).or(col('a').eq(lit(null)))), [booleanSimplification])).toMatchInlineSnapshot(`"LocalRelation [a, b], 0 rows"`);
  });
});

describe('limit_pushdown', () => {
  it('limits before projecting, and each side of a UNION ALL and the left side of a left join', () => {
    expect(text(t.select(col('a').plus(1).alias('a1')).limit(3), [limitPushdown])).toMatchInlineSnapshot(`
      "Project [(a + 1) AS a1]
      +- GlobalLimit 3
         +- LocalRelation [a, b], 1 rows"
    `);
    expect(text(t.unionAll(t).limit(2), [limitPushdown])).toMatchInlineSnapshot(`
      "GlobalLimit 2
      +- Union All
         :- GlobalLimit 2
         :  +- LocalRelation [a, b], 1 rows
         +- GlobalLimit 2
            +- LocalRelation [a, b], 1 rows"
    `);
    expect(text(t.join(u, 'a', 'left').limit(2), [limitPushdown])).toMatchInlineSnapshot(`
      "Project [a, b, c]
      +- GlobalLimit 2
         +- Join LeftOuter keys=[a = a]
            :- GlobalLimit 2
            :  +- LocalRelation [a, b], 1 rows
            +- LocalRelation [a, c], 1 rows"
    `);
  });
});

// The optimized plans Spark 3.5.7 prints for the same queries (EXPLAIN EXTENDED over range(10)):
// Project [(id + 3) AS (id + (1 + 2)), 3 AS (1 + 2), AB AS u, 2020-01-01 AS to_date(2020-01-01), 5 AS y,
//   0.07 AS z, -2147483648 AS o, null AS dz, 2026-12-07 AS cd, rand(1) AS r, null AS bad, null AS n, 2020-01-02 AS d1]
// +- Filter (id > 6)
describe('constant_folding', () => {
  const sqlPlan = (query: string, rules: Parameters<typeof optimize>[1]) => planTreeString(optimize(spark.analyze(spark.sql(query).plan).plan, rules));
  const QUERY = `SELECT id + (1 + 2), 1 + 2, upper('ab') AS u, to_date('2020-01-01'), cast('5' as int) AS y, 0.05 + 0.02 AS z,
    2147483647 + 1 AS o, 1 / 0 AS dz, current_date() AS cd, rand(1) AS r, cast('x' as int) AS bad, cast(null as int) + 1 AS n,
    date '2020-01-01' + 1 AS d1 FROM range(10) WHERE id > 2 * 3`;
  it('folds expressions over literals as Spark does in non-ANSI mode (never the clock or random functions)', () => {
    expect(sqlPlan(QUERY, [constantFolding({ ansiEnabled: false, timeZone: 'UTC' })])).toMatchInlineSnapshot(`
      "Project [(id + 3) AS (id + (1 + 2)), 3 AS (1 + 2), AB AS u, DATE '2020-01-01' AS to_date(2020-01-01), 5 AS y, 0.07 AS z, -2147483648 AS o, NULL AS dz, current_date() AS cd, rand(1) AS r, NULL AS bad, NULL AS n, DATE '2020-01-02' AS d1]
      +- Filter (id > 6)
         +- Range (0, 10, step=1)"
    `);
  });
  it('under ANSI leaves what would raise (overflow, division by zero, invalid cast) for run time', () => {
    expect(sqlPlan(QUERY, [constantFolding({ ansiEnabled: true, timeZone: 'UTC' })])).toMatchInlineSnapshot(`
      "Project [(id + 3) AS (id + (1 + 2)), 3 AS (1 + 2), AB AS u, DATE '2020-01-01' AS to_date(2020-01-01), 5 AS y, 0.07 AS z, (2147483647 + 1) AS o, (1.0 / 0.0) AS dz, current_date() AS cd, rand(1) AS r, CAST(x AS INT) AS bad, NULL AS n, DATE '2020-01-02' AS d1]
      +- Filter (id > 6)
         +- Range (0, 10, step=1)"
    `);
  });
  it('without the session settings folds only what neither ANSI mode nor the time zone changes', () => {
    const q = `SELECT 2147483647 + 1 AS o, 7 * 6 AS m, cast('2020-01-01 00:00:00' as timestamp) AS ts, date '2020-01-01' + 1 AS d FROM range(1)`;
    expect(sqlPlan(q, [constantFoldingRule])).toMatchInlineSnapshot(`
      "Project [(2147483647 + 1) AS o, 42 AS m, CAST(2020-01-01 00:00:00 AS TIMESTAMP) AS ts, DATE '2020-01-02' AS d]
      +- Range (0, 1, step=1)"
    `);
    expect(sqlPlan(q, [constantFolding({ ansiEnabled: false, timeZone: 'UTC' })])).toMatchInlineSnapshot(`
      "Project [-2147483648 AS o, 42 AS m, TIMESTAMP '2020-01-01 00:00:00' AS ts, DATE '2020-01-02' AS d]
      +- Range (0, 1, step=1)"
    `);
  });
  it('folds join conditions and sort keys; a condition folding to true drops its filter in the default pipeline', () => {
    const df = t.join(u.select(col('a').alias('a2'), 'c'), col('a').eq(col('a2')).and(lit(2).gt(lit(1)))).filter(lit('A').lt(F.upper(lit('b')))).orderBy(lit(1).plus(lit(1)), 'b');
    expect(text(df, undefined)).toMatchInlineSnapshot(`
      "Sort [b ASC NULLS FIRST], true
      +- Join Inner keys=[a = a2]
         :- LocalRelation [a, b], 1 rows
         +- Project [a AS a2, c]
            +- LocalRelation [a, c], 1 rows"
    `);
  });
});

describe('push_join_condition', () => {
  it('turns a cross join filtered on both sides into an inner join on keys, with a residual condition', () => {
    const df = t.crossJoin(u.select(col('a').alias('a2'), 'c')).filter(col('a').eq(col('a2')).and(col('b').eq('x')).and(col('c').gt(col('a'))));
    expect(text(df, [pushJoinCondition])).toMatchInlineSnapshot(`
      "Filter (b = x)
      +- Join Inner keys=[a = a2], (c > a)
         :- LocalRelation [a, b], 1 rows
         +- Project [a AS a2, c]
            +- LocalRelation [a, c], 1 rows"
    `);
  });
  it('makes SQL comma joins hash joins (TPC-H style)', () => {
    t.createOrReplaceTempView('t');
    u.createOrReplaceTempView('u');
    const df = spark.sql('SELECT b, c FROM t, u WHERE t.a = u.a AND c > 1');
    expect(text(df, undefined)).toMatchInlineSnapshot(`
      "Project [b, c]
      +- Join Inner keys=[a = a]
         :- LocalRelation [a, b], 1 rows
         +- Filter (c > 1.0)
            +- LocalRelation [a, c], 1 rows"
    `);
  });
});

describe('the default pipeline', () => {
  it('combines the rules', () => {
    const df = t.join(u, 'a').filter(col('b').eq('x').and(lit(true))).select(col('a').plus(1).alias('a1'), 'c').limit(5);
    expect(planTreeString(optimize(resolved(df)))).toMatchInlineSnapshot(`
      "Project [(a + 1) AS a1, c]
      +- GlobalLimit 5
         +- Join Inner keys=[a = a]
            :- Filter (b = x)
            :  +- LocalRelation [a, b], 1 rows
            +- LocalRelation [a, c], 1 rows"
    `);
  });
});
