/**
 * Aggregates over ANSI intervals: sum / avg / mean / try_sum / try_avg (types,
 * HALF_UP averages, overflow errors and NULLs), min / max, median, percentile
 * and percentile_approx, grouped and over windows. As Spark 3.5.7 gives them.
 */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend('interval aggregates', (session) => {
  type DF = ReturnType<ReturnType<typeof session>['sql']>;
  const schemaOf = (df: DF) => df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`);
  const rows = (df: DF) => df.showString(20, 0).split('\n').slice(3, -2).map((r) => r.split('|').slice(1, -1).map((x) => x.trim()));

  it('sum keeps the interval type, avg gives the full type; try_ forms; min and max', () => {
    const df = session().sql(
      "SELECT sum(col), avg(col), try_sum(col), try_avg(col), min(col), max(col) FROM VALUES (INTERVAL '1' MONTH), (INTERVAL '10' MONTH) AS tab(col)",
    );
    expect(schemaOf(df)).toEqual([
      'sum(col):interval month:true',
      'avg(col):interval year to month:true',
      'try_sum(col):interval month:true',
      'try_avg(col):interval year to month:true',
      'min(col):interval month:true',
      'max(col):interval month:true',
    ]);
    expect(rows(df)).toEqual([["INTERVAL '11' MONTH", "INTERVAL '0-6' YEAR TO MONTH", "INTERVAL '11' MONTH", "INTERVAL '0-6' YEAR TO MONTH", "INTERVAL '1' MONTH", "INTERVAL '10' MONTH"]]);
    const dt = session().sql("SELECT sum(col), avg(col), mean(col) FROM VALUES (INTERVAL '1' DAY), (INTERVAL '10' SECOND), (NULL) AS tab(col)");
    expect(schemaOf(dt)).toEqual(['sum(col):interval day to second:true', 'avg(col):interval day to second:true', 'mean(col):interval day to second:true']);
    expect(rows(dt)).toEqual([["INTERVAL '1 00:00:10' DAY TO SECOND", "INTERVAL '0 12:00:05' DAY TO SECOND", "INTERVAL '0 12:00:05' DAY TO SECOND"]]);
  });

  it('avg rounds HALF_UP; no rows give NULL', () => {
    const df = session().sql(
      "SELECT avg(a), avg(b), avg(c) FROM VALUES (INTERVAL '1' MONTH, INTERVAL '-1' MONTH, INTERVAL '0.000001' SECOND), (INTERVAL '2' MONTH, INTERVAL '-2' MONTH, INTERVAL '0.000002' SECOND) AS tab(a, b, c)",
    );
    expect(rows(df)).toEqual([["INTERVAL '0-2' YEAR TO MONTH", "INTERVAL '-0-2' YEAR TO MONTH", "INTERVAL '0 00:00:00.000002' DAY TO SECOND"]]);
    const none = session().sql("SELECT sum(col), avg(col) FROM VALUES (INTERVAL '1' MONTH) AS tab(col) WHERE false");
    expect(none.collect()[0]!.toArray()).toEqual([null, null]);
  });

  it('overflow: sum and avg raise INTERVAL_ARITHMETIC_OVERFLOW, try_sum and try_avg give NULL', () => {
    const from = "FROM VALUES (INTERVAL '2147483647' MONTH), (INTERVAL '1' MONTH) AS tab(col)";
    for (const f of ['sum', 'avg']) {
      expect(() => session().sql(`SELECT ${f}(col) ${from}`).collect()).toThrow(
        "[INTERVAL_ARITHMETIC_OVERFLOW] integer overflow. Use 'try_add' to tolerate overflow and return NULL instead.",
      );
    }
    expect(session().sql(`SELECT try_sum(col), try_avg(col) ${from}`).collect()[0]!.toArray()).toEqual([null, null]);
  });

  it('grouped, DISTINCT and over windows', () => {
    const df = session().sql(
      "SELECT k, sum(col), avg(DISTINCT col), median(col) FROM VALUES (1, INTERVAL '1' HOUR), (1, INTERVAL '1' HOUR), (1, INTERVAL '4' HOUR), (2, INTERVAL '3' HOUR) AS tab(k, col) GROUP BY k ORDER BY k",
    );
    expect(schemaOf(df)).toEqual(['k:int:false', 'sum(col):interval hour:true', 'avg(DISTINCT col):interval day to second:true', 'median(col):interval day to second:true']);
    expect(rows(df)).toEqual([
      ['1', "INTERVAL '06' HOUR", "INTERVAL '0 02:30:00' DAY TO SECOND", "INTERVAL '0 01:00:00' DAY TO SECOND"],
      ['2', "INTERVAL '03' HOUR", "INTERVAL '0 03:00:00' DAY TO SECOND", "INTERVAL '0 03:00:00' DAY TO SECOND"],
    ]);
    const w = session().sql(
      "SELECT avg(col) OVER (ORDER BY col ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS a, sum(col) OVER () AS s FROM VALUES (INTERVAL '1' DAY), (INTERVAL '2' DAY), (INTERVAL '4' DAY) AS tab(col) ORDER BY col",
    );
    expect(schemaOf(w)).toEqual(['a:interval day to second:true', 's:interval day:true']);
    expect(rows(w)).toEqual([
      ["INTERVAL '1 00:00:00' DAY TO SECOND", "INTERVAL '7' DAY"],
      ["INTERVAL '1 12:00:00' DAY TO SECOND", "INTERVAL '7' DAY"],
      ["INTERVAL '3 00:00:00' DAY TO SECOND", "INTERVAL '7' DAY"],
    ]);
  });

  it('median and percentile of intervals over a partition window', () => {
    const df = session().sql(
      "SELECT k, median(col) OVER (PARTITION BY k), percentile(col, array(0.5)) OVER () AS p FROM VALUES (1, INTERVAL '1' HOUR), (1, INTERVAL '2' HOUR), (2, INTERVAL '3' HOUR) AS tab(k, col) ORDER BY k",
    );
    expect(schemaOf(df)).toEqual([
      'k:int:false',
      'median(col) OVER (PARTITION BY k ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING):interval day to second:true',
      'p:array<interval day to second>:true',
    ]);
    expect(rows(df)).toEqual([
      ['1', "INTERVAL '0 01:30:00' DAY TO SECOND", "[INTERVAL '0 02:00:00' DAY TO SECOND]"],
      ['1', "INTERVAL '0 01:30:00' DAY TO SECOND", "[INTERVAL '0 02:00:00' DAY TO SECOND]"],
      ['2', "INTERVAL '0 03:00:00' DAY TO SECOND", "[INTERVAL '0 02:00:00' DAY TO SECOND]"],
    ]);
  });

  it('median and percentile truncate to the full type; percentile_approx keeps the input type', () => {
    const df = session().sql(
      "SELECT median(col), percentile(col, 0.5), percentile(col, array(0.25, 0.5)), percentile_approx(col, 0.5, 100) FROM VALUES (INTERVAL '0' MONTH), (INTERVAL '5' MONTH) AS tab(col)",
    );
    expect(schemaOf(df)).toEqual([
      'median(col):interval year to month:true',
      'percentile(col, 0.5, 1):interval year to month:true',
      'percentile(col, array(0.25, 0.5), 1):array<interval year to month>:true',
      'percentile_approx(col, 0.5, 100):interval month:true',
    ]);
    expect(rows(df)).toEqual([["INTERVAL '0-2' YEAR TO MONTH", "INTERVAL '0-2' YEAR TO MONTH", "[INTERVAL '0-1' YEAR TO MONTH, INTERVAL '0-2' YEAR TO MONTH]", "INTERVAL '0' MONTH"]]);
    const neg = session().sql("SELECT median(col), percentile(col, array(0.5), 2) FROM VALUES (INTERVAL '-5' MONTH), (INTERVAL '0' MONTH) AS tab(col)");
    expect(rows(neg)).toEqual([["INTERVAL '-0-2' YEAR TO MONTH", "[INTERVAL '-0-2' YEAR TO MONTH]"]]);
    const dt = session().sql(
      "SELECT median(col), approx_percentile(col, array(0.5, 0.7), 100) FROM VALUES (INTERVAL '0' SECOND), (INTERVAL '1' SECOND), (INTERVAL '2' SECOND), (INTERVAL '10' SECOND) AS tab(col)",
    );
    expect(schemaOf(dt)).toEqual(['median(col):interval day to second:true', 'approx_percentile(col, array(0.5, 0.7), 100):array<interval second>:true']);
    expect(rows(dt)).toEqual([["INTERVAL '0 00:00:01.5' DAY TO SECOND", "[INTERVAL '01' SECOND, INTERVAL '02' SECOND]"]]);
  });

  it('percentile_cont / percentile_disc WITHIN GROUP over intervals, grouped and over a window', () => {
    const df = session().sql(
      "SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY col), percentile_disc(0.25) WITHIN GROUP (ORDER BY col) FROM VALUES (INTERVAL '0' MONTH), (INTERVAL '10' MONTH) AS tab(col)",
    );
    expect(schemaOf(df)).toEqual([
      'percentile_cont(0.25) WITHIN GROUP (ORDER BY col):interval year to month:true',
      'percentile_disc(0.25) WITHIN GROUP (ORDER BY col):interval year to month:true',
    ]);
    expect(rows(df)).toEqual([["INTERVAL '0-2' YEAR TO MONTH", "INTERVAL '0-0' YEAR TO MONTH"]]);
    const dt = session().sql(
      "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY col DESC), percentile_disc(0.5) WITHIN GROUP (ORDER BY col) FROM VALUES (INTERVAL '0' SECOND), (INTERVAL '-5' SECOND), (NULL) AS tab(col)",
    );
    expect(rows(dt)).toEqual([["INTERVAL '-0 00:00:02.5' DAY TO SECOND", "INTERVAL '-0 00:00:05' DAY TO SECOND"]]);
    const w = session().sql(
      "SELECT k, percentile_cont(0.5) WITHIN GROUP (ORDER BY col) OVER (PARTITION BY k) AS p FROM VALUES (1, INTERVAL '1' HOUR), (1, INTERVAL '2' HOUR), (2, INTERVAL '3' HOUR) AS tab(k, col) ORDER BY k",
    );
    expect(schemaOf(w)).toEqual(['k:int:false', 'p:interval day to second:true']);
    expect(rows(w)).toEqual([
      ['1', "INTERVAL '0 01:30:00' DAY TO SECOND"],
      ['1', "INTERVAL '0 01:30:00' DAY TO SECOND"],
      ['2', "INTERVAL '0 03:00:00' DAY TO SECOND"],
    ]);
  });

  it('percentile_cont / percentile_disc of no rows are NULL, under ANSI too', () => {
    for (const ansi of ['false', 'true']) {
      const s = session();
      s.conf.set('spark.sql.ansi.enabled', ansi);
      const df = s.sql(
        "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY i), percentile_disc(0.5) WITHIN GROUP (ORDER BY i), percentile_cont(0.5) WITHIN GROUP (ORDER BY n) FROM VALUES (INTERVAL '1' MONTH, 1) AS tab(i, n) WHERE false",
      );
      expect(df.collect()[0]!.toArray()).toEqual([null, null, null]);
    }
  });

  it('DataFrame API: F.sum / F.avg / F.median over make_dt_interval', () => {
    const df = session()
      .createDataFrame([{ n: 1 }, { n: 2 }], 'n INT')
      .select(F.make_dt_interval(F.col('n')).alias('i'))
      .agg(F.sum('i'), F.avg('i'), F.median('i'), F.try_sum('i'));
    expect(schemaOf(df)).toEqual([
      'sum(i):interval day to second:true',
      'avg(i):interval day to second:true',
      'median(i):interval day to second:true',
      'try_sum(i):interval day to second:true',
    ]);
    expect(rows(df)).toEqual([["INTERVAL '3 00:00:00' DAY TO SECOND", "INTERVAL '1 12:00:00' DAY TO SECOND", "INTERVAL '1 12:00:00' DAY TO SECOND", "INTERVAL '3 00:00:00' DAY TO SECOND"]]);
  });
});
