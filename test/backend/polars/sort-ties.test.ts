/**
 * The Polars sort keeps ties in input order in three ways (operators/sort.ts):
 * a stable sort, an unstable sort with the input row index as last key, or an
 * unstable sort when the keys are provably unique (and the window operator's
 * sort, whose row index key makes its keys unique). Each must give exactly the
 * memory interpreter's rows in its order, on inputs large enough for Polars'
 * parallel sort (>= 200k rows) with many full ties, nulls, NaN and -0.0.
 */
import { describe, expect, it } from 'vitest';
import { F, SparkSession, Window } from '../../../src/index.js';
import { tieStrategy } from '../../../src/backend/polars/operators/sort.js';
import type { LogicalPlan, Sort } from '../../../src/plan/nodes.js';

const { col } = F;
const N = 200_000;
const SCHEMA = 'seq INT, id LONG, v DOUBLE, g STRING, q INT';

/** Deterministic rows: few distinct (v, id, g, q) values, so most rows tie on every sort key; `seq` tells ties apart. */
function rows(): unknown[][] {
  let s = 12345;
  const next = (): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s >>> 8;
  };
  const out: unknown[][] = [];
  for (let i = 0; i < N; i++) {
    const a = next();
    const b = next();
    const vk = a % 40;
    const v = vk === 0 ? null : vk === 1 ? Number.NaN : vk === 2 ? -0 : vk === 3 ? 0 : (vk - 20) / 4;
    const id = b % 97 === 0 ? null : b % 300;
    const g = a % 53 === 0 ? null : `g${(b >>> 4) % 13}`;
    const q = b % 61 === 0 ? null : (a >>> 6) % 5;
    out.push([i, id, v, g, q]);
  }
  return out;
}

const data = rows();
const mem = new SparkSession('sort-ties-memory', { backendType: 'memory' });
const pol = new SparkSession('sort-ties-polars', { backendType: 'polars' });
const memDf = mem.createDataFrame(data, SCHEMA);
const polDf = pol.createDataFrame(data, SCHEMA);
type DF = typeof memDf;
/** A stable sort in Polars' plan text (group-bys print `AGGREGATE[maintain_order: ...]`). */
const STABLE_SORT = /SORT BY \[[^\]]*maintain_order: true/;

/** Runs the same pipeline on both backends; expects identical rows (Object.is per value, so -0.0 ≠ 0.0). */
function same(q: (df: DF) => DF): { rows: unknown[][]; plan: string } {
  const a = q(memDf)
    .collect()
    .map((r) => [...r]);
  const pq = q(polDf);
  const b = pq.collect().map((r) => [...r]);
  expect(b.length).toBe(a.length);
  expect(b).toEqual(a);
  return { rows: b, plan: pq.explainString() };
}

const sortOf = (df: DF): Sort => {
  const p: LogicalPlan = mem.analyze(df.plan).plan;
  if (p.kind !== 'Sort') throw new Error(`expected a Sort, got ${p.kind}`);
  return p;
};

// Each case sorts 200k rows on both engines: seconds of CPU, more with two test workers beside a JVM.
describe('polars sort: ties keep input order on large inputs', { timeout: 60_000 }, () => {
  it('chooses the strategy from key types and proven uniqueness', () => {
    expect(tieStrategy(sortOf(memDf.orderBy(col('v').desc(), 'id')).orders, false)).toBe('rowIndex');
    expect(tieStrategy(sortOf(memDf.orderBy('g', col('v').desc())).orders, false)).toBe('rowIndex');
    expect(tieStrategy(sortOf(memDf.orderBy('q', 'v')).orders, false)).toBe('stable');
    expect(tieStrategy(sortOf(memDf.orderBy('v', 'q')).orders, false)).toBe('stable');
    expect(tieStrategy(sortOf(memDf.orderBy('v')).orders, false)).toBe('stable');
    expect(tieStrategy(sortOf(memDf.orderBy('q', 'v')).orders, true)).toBe('unique');
  });

  it('row-index tie-breaker: (double desc, long asc), whole result and a middle slice', () => {
    const { rows: out, plan } = same((df) => df.orderBy(col('v').desc(), col('id')));
    expect(plan).toContain('_so');
    expect(plan).not.toMatch(STABLE_SORT);
    // Ties really occur: equal (v, id) pairs in consecutive rows, kept in seq order.
    let ties = 0;
    for (let i = 1; i < out.length; i++) if (Object.is(out[i]![2], out[i - 1]![2]) && out[i]![1] === out[i - 1]![1]) ties++;
    expect(ties).toBeGreaterThan(N / 2);
    same((df) => df.orderBy(col('v').desc(), col('id')).offset(N / 2).limit(50).select('id', 'v', 'seq'));
  });

  it('row-index tie-breaker with nulls placed per key: (string asc nulls last, double desc nulls first)', () => {
    const { plan } = same((df) => df.orderBy(col('g').asc_nulls_last(), col('v').desc_nulls_first()));
    expect(plan).toContain('_so');
    same((df) => df.filter(col('q').gt(1)).orderBy(col('g').desc(), col('v')).limit(1000));
  });

  it('stable sort where a row index would cost more: (int, double)', () => {
    const { plan } = same((df) => df.orderBy(col('q'), col('v').desc()));
    expect(plan).toMatch(STABLE_SORT);
  });

  it('unique keys: sort over all grouping columns of the aggregate below needs no stability', () => {
    const { plan } = same((df) =>
      df
        .groupBy('g', 'q')
        .agg(F.count('*').alias('n'), F.max('seq').alias('m'))
        .orderBy(col('n').desc(), 'g', 'q'),
    );
    expect(plan).not.toMatch(STABLE_SORT);
    expect(plan).not.toContain('_so');
  });

  it('unique keys from the data: a key column whose values never repeat (seq) needs no tie key', () => {
    const { plan } = same((df) => df.orderBy(col('v').desc(), col('seq')).offset(N / 2).limit(50));
    expect(plan).not.toMatch(STABLE_SORT);
    expect(plan).not.toContain('_so');
    // id repeats: the tie key stays.
    expect(same((df) => df.filter(col('q').gt(1)).orderBy(col('v').desc(), col('id')).limit(50)).plan).toContain('_so');
    const w = Window.partitionBy('g').orderBy(col('v').desc(), col('seq'));
    const windowed = same((df) => df.withColumn('rn', F.row_number().over(w)).withColumn('rk', F.rank().over(w)));
    expect(windowed.plan).not.toContain('"_wi"');
    // Under a global aggregate of exact values the window's output order is invisible: Polars drops the final sort.
    const agg = same((df) => df.withColumn('rn', F.row_number().over(w)).agg(F.count('*'), F.sum(col('rn').multiply(col('q'))), F.max('rn')));
    expect(agg.plan.match(/SORT BY/g)).toHaveLength(1);
  });

  it('a small input keeps ties in order rather than counting its data (keysNeverRepeat)', () => {
    // seq never repeats here either, but a 100-row sort is cheaper stable than after a count query.
    const small = pol.createDataFrame(data.slice(0, 100), SCHEMA);
    const plan = small.orderBy(col('v').desc(), col('seq')).explainString();
    expect(plan).toMatch(STABLE_SORT);
  });

  it('window row_number / rank over tied order keys (unstable sort with the row index key)', () => {
    const w = Window.partitionBy('g').orderBy(col('v').desc(), col('id'));
    const { plan } = same((df) =>
      df.withColumn('rn', F.row_number().over(w)).withColumn('rk', F.rank().over(w)).withColumn('dr', F.dense_rank().over(w)),
    );
    expect(plan).not.toMatch(STABLE_SORT);
  });
});
