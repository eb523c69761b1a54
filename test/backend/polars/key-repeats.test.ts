import { describe, expect, it } from 'vitest';
import { F, SparkSession } from '../../../src/index.js';
import { keyRepeatBound, mayHoldNegativeZero } from '../../../src/backend/polars/operators/key-repeats.js';
import { native } from '../../../src/backend/polars/native.js';
import { E, type Expr } from '../../../src/expr/nodes.js';
import { schemaOf, type LogicalPlan } from '../../../src/plan/nodes.js';

const { col } = F;
const spark = new SparkSession('key-repeats', { backendType: 'polars' });
// k repeats 3 times (1), u never, d is a double, s a string repeated twice.
const df = spark.createDataFrame(
  [
    { k: 1, u: 10, d: 0.0, s: 'a' },
    { k: 1, u: 11, d: -0.0, s: 'a' },
    { k: 1, u: 12, d: 1.5, s: 'b' },
    { k: 2, u: 13, d: 2.5, s: null },
    { k: null, u: 14, d: 3.5, s: null },
  ],
  'k INT, u LONG, d DOUBLE, s STRING',
);
const plan = (d: typeof df): LogicalPlan => spark.analyze(d.plan).plan;
const ref = (p: LogicalPlan, name: string): Expr => {
  const fields = schemaOf(p).fields;
  const i = fields.findIndex((f) => f.name === name);
  return E.bound(i, name, fields[i]!.dataType, true);
};
const bound = (d: typeof df, ...keys: string[]): number | undefined => {
  const p = plan(d);
  return keyRepeatBound(p, keys.map((k) => ref(p, k)), native());
};

describe('polars: how often a join key repeats, known without running the side', () => {
  it('counts the data of a DataFrame (nulls as one value)', () => {
    expect(bound(df, 'k')).toBe(3);
    expect(bound(df, 'u')).toBe(1);
    expect(bound(df, 's')).toBe(2);
  });

  it('a key tuple repeats at most as often as its least repeated column', () => {
    expect(bound(df, 'k', 'u')).toBe(1);
    expect(bound(df, 'k', 's')).toBe(2);
  });

  it('keeps the bound through filters, sorts, limits and projections that pass the column on', () => {
    expect(bound(df.filter(col('u').gt(10)).select(col('k').alias('kk'), 'u').orderBy('u').limit(3), 'kk')).toBe(3);
  });

  it('is one for grouping columns and distinct rows', () => {
    expect(bound(df.groupBy('k').agg(F.count('*').alias('n')), 'k')).toBe(1);
    expect(bound(df.select('s').distinct(), 's')).toBe(1);
  });

  it('is unknown for computed columns, floating keys and joined sides', () => {
    expect(bound(df.select(col('u').mod(2).alias('m')), 'm')).toBeUndefined();
    // -0.0 and 0.0 are one join key though stored apart.
    expect(bound(df, 'd')).toBeUndefined();
    expect(bound(df.join(df.select('u'), 'u'), 'u')).toBeUndefined();
  });
});

describe('polars: key repeats of increasing columns', () => {
  it('a strictly increasing column is unique; a repeat or nulls anywhere are counted', () => {
    const make = (xs: (number | null)[]) => spark.createDataFrame(xs.map((x) => ({ x })), 'x LONG');
    expect(bound(make([1, 2, 5, 9]) as typeof df, 'x')).toBe(1);
    expect(bound(make([1, 2, 2, 9]) as typeof df, 'x')).toBe(2);
    expect(bound(make([3, 2, 1, 0]) as typeof df, 'x')).toBe(1);
    expect(bound(make([1, null, 3, null]) as typeof df, 'x')).toBe(2);
    expect(bound(make([1, 2, 3, null]) as typeof df, 'x')).toBe(1);
  });
});

describe('polars: -0.0 in sort keys', () => {
  const holdsNegativeZero = (d: typeof df, name: string): boolean => {
    const p = plan(d);
    return mayHoldNegativeZero(p, ref(p, name));
  };

  it('is known absent only for a column passed on unchanged from data holding none', () => {
    // The data is checked as a whole: a filter dropping the -0.0 row does not change the answer.
    expect(holdsNegativeZero(df, 'd')).toBe(true);
    expect(holdsNegativeZero(df.filter(col('u').gt(11)), 'd')).toBe(true);
    const positive = spark.createDataFrame([{ u: 1, d: 0.0 }, { u: 2, d: 2.5 }], 'u LONG, d DOUBLE') as typeof df;
    expect(holdsNegativeZero(positive.filter(col('u').gt(0)).select(col('d').alias('dd')), 'dd')).toBe(false);
    expect(holdsNegativeZero(positive.select(col('d').multiply(-1).alias('dd')), 'dd')).toBe(true);
  });

  it('sorts -0.0 equal to 0.0 (ties in input order) whether or not the data held it', () => {
    const rows = (d: typeof df): unknown[][] => d.collect().map((r) => [...r]);
    // The stored -0.0 ties with 0.0: input order (u) decides.
    expect(rows(df.orderBy(col('d').desc(), 'u').select('u'))).toEqual([[14], [13], [12], [10], [11]]);
    // A computed key folds whatever the data: -(0.0) is -0.0, -(-0.0) is 0.0.
    expect(rows(df.orderBy(col('d').multiply(-1), col('u').desc()).select('u'))).toEqual([[14], [13], [12], [11], [10]]);
  });
});
