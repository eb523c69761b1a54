import { describe, expect, it } from 'vitest';
import { F, SparkSession } from '../../../src/index.js';
import { rowsUniqueOn, sortKeysAreUnique } from '../../../src/backend/polars/operators/unique-keys.js';
import type { LogicalPlan, Sort } from '../../../src/plan/nodes.js';

const { col } = F;
const spark = new SparkSession('unique-keys', { backendType: 'memory' });
const df = spark.createDataFrame(
  [
    { g: 'a', h: 1, v: 1.5 },
    { g: 'b', h: 1, v: 2.5 },
    { g: 'a', h: 2, v: 4.0 },
  ],
  'g STRING, h INT, v DOUBLE',
);
const resolved = (d: typeof df): LogicalPlan => spark.analyze(d.plan).plan;
const sortOf = (d: typeof df): Sort => {
  const p = resolved(d);
  if (p.kind !== 'Sort') throw new Error(`expected a Sort, got ${p.kind}`);
  return p;
};
const agg = df.groupBy('g', 'h').agg(F.sum('v').alias('s'), F.count('*').alias('n'));

describe('polars: sort keys proven unique', () => {
  it('holds for a sort covering every grouping column of the aggregate below it', () => {
    expect(sortKeysAreUnique(sortOf(agg.orderBy('g', 'h')))).toBe(true);
    expect(sortKeysAreUnique(sortOf(agg.orderBy(col('h').desc(), 'g', 's')))).toBe(true);
    expect(sortKeysAreUnique(sortOf(df.groupBy('g').agg(F.sum('v').alias('s')).orderBy('g')))).toBe(true);
    // Through projections that keep the keys (renamed or reordered), filters and limits.
    expect(sortKeysAreUnique(sortOf(agg.select(col('h').alias('hh'), 'n', 'g').filter(col('n').gt(0)).limit(5).orderBy('g', 'hh')))).toBe(true);
    // A global aggregate has one row.
    expect(sortKeysAreUnique(sortOf(df.agg(F.sum('v').alias('s')).orderBy('s')))).toBe(true);
    // distinct() / dropDuplicates(keys).
    expect(sortKeysAreUnique(sortOf(df.select('g', 'h').distinct().orderBy('h', 'g')))).toBe(true);
    expect(sortKeysAreUnique(sortOf(df.dropDuplicates(['g']).orderBy('g')))).toBe(true);
  });

  it('does not hold when rows may tie on the keys', () => {
    expect(sortKeysAreUnique(sortOf(agg.orderBy('g')))).toBe(false);
    expect(sortKeysAreUnique(sortOf(agg.orderBy('s', 'n')))).toBe(false);
    expect(sortKeysAreUnique(sortOf(df.orderBy('g', 'h')))).toBe(false);
    expect(sortKeysAreUnique(sortOf(agg.select(col('g'), col('h').plus(1).alias('h')).orderBy('g', 'h')))).toBe(false);
    expect(sortKeysAreUnique(sortOf(df.rollup('g').agg(F.count('*').alias('n')).orderBy('g')))).toBe(false);
    expect(sortKeysAreUnique(sortOf(df.dropDuplicates(['g', 'h']).orderBy('g')))).toBe(false);
    expect(sortKeysAreUnique(sortOf(agg.join(agg, ['g', 'h']).orderBy('g', 'h')))).toBe(false);
  });

  it('answers for output columns by position', () => {
    const p = resolved(agg.select('n', 'h', 'g'));
    expect(rowsUniqueOn(p, [1, 2])).toBe(true);
    expect(rowsUniqueOn(p, [0, 2])).toBe(false);
  });
});
