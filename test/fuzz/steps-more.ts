/**
 * The fuzzer's wider steps: joins of every type and spelling, windows with
 * every frame kind, the na functions, and deliberately invalid steps that
 * must fail with a typed sparkless error (never a raw crash, never an answer).
 */
import fc from 'fast-check';
import { F, Window, type Column, type DataFrame } from '../../src/index.js';

export const JOIN_TYPES = [
  'inner', 'cross', 'outer', 'full', 'fullouter', 'full_outer', 'left', 'leftouter', 'left_outer',
  'right', 'rightouter', 'right_outer', 'semi', 'leftsemi', 'left_semi', 'anti', 'leftanti', 'left_anti',
] as const;
export const FRAMES = ['none', 'rowsUnbounded', 'rowsAround', 'rowsFollowing', 'rangeUnbounded', 'rangeAround', 'rangeWhole'] as const;
export const INVALID = [
  'unknownColumn', 'badCastType', 'rowNumberNoOver', 'ntileZero', 'fillnaUnknownSubset', 'dropnaUnknownSubset',
  'unionArity', 'joinUnknownKey', 'aggOfAgg', 'windowFnInFilter', 'badJoinType', 'sqlSyntax', 'negativeLimit', 'badDDL',
] as const;

export type MoreStep =
  | { readonly kind: 'join'; readonly how: (typeof JOIN_TYPES)[number]; readonly using: boolean; readonly emptyRight: boolean }
  | { readonly kind: 'frameWindow'; readonly fn: 'sum' | 'count' | 'min' | 'max' | 'first' | 'last' | 'avg'; readonly frame: (typeof FRAMES)[number]; readonly partitioned: boolean }
  | { readonly kind: 'fillna'; readonly value: number | string | boolean; readonly subset: boolean }
  | { readonly kind: 'dropna'; readonly how: 'any' | 'all'; readonly thresh: number | null; readonly subset: boolean }
  | { readonly kind: 'replace'; readonly from: number | string; readonly to: number | string | null }
  | { readonly kind: 'invalid'; readonly what: (typeof INVALID)[number] };

export const moreStep: fc.Arbitrary<MoreStep> = fc.oneof(
  fc.record({ kind: fc.constant('join' as const), how: fc.constantFrom(...JOIN_TYPES), using: fc.boolean(), emptyRight: fc.boolean() }),
  fc.record({
    kind: fc.constant('frameWindow' as const),
    fn: fc.constantFrom('sum' as const, 'count' as const, 'min' as const, 'max' as const, 'first' as const, 'last' as const, 'avg' as const),
    frame: fc.constantFrom(...FRAMES),
    partitioned: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('fillna' as const), value: fc.constantFrom<number | string | boolean>(0, -1.5, 'x', true), subset: fc.boolean() }),
  fc.record({ kind: fc.constant('dropna' as const), how: fc.constantFrom('any' as const, 'all' as const), thresh: fc.option(fc.integer({ min: 0, max: 3 })), subset: fc.boolean() }),
  fc.record({ kind: fc.constant('replace' as const), from: fc.constantFrom<number | string>(1, 0, 'a', ''), to: fc.constantFrom<number | string | null>(2, 'b', null) }),
  fc.record({ kind: fc.constant('invalid' as const), what: fc.constantFrom(...INVALID) }),
);

/** Columns usable as sort keys (maps are not orderable in Spark). */
const orderable = (df: DataFrame): string[] => df.schema.fields.filter((f) => !f.dataType.simpleString().startsWith('map<')).map((f) => f.name);

function frameWindow(df: DataFrame, s: Extract<MoreStep, { kind: 'frameWindow' }>, c0: string): DataFrame {
  // Every orderable column is a sort key, so ties are whole equal rows and the result multiset is determined.
  const keys = orderable(df);
  let w = s.partitioned && df.columns[1] ? Window.partitionBy(df.columns[1]) : Window.partitionBy();
  if (s.frame !== 'none' || keys.length > 0) w = w.orderBy(...(s.frame.startsWith('range') ? [c0] : keys.length ? keys : [c0]));
  if (s.frame === 'rowsUnbounded') w = w.rowsBetween(Window.unboundedPreceding, Window.currentRow);
  if (s.frame === 'rowsAround') w = w.rowsBetween(-1, 1);
  if (s.frame === 'rowsFollowing') w = w.rowsBetween(1, Window.unboundedFollowing);
  if (s.frame === 'rangeUnbounded') w = w.rangeBetween(Window.unboundedPreceding, Window.currentRow);
  if (s.frame === 'rangeAround') w = w.rangeBetween(-1, 1);
  if (s.frame === 'rangeWhole') w = w.rangeBetween(Window.unboundedPreceding, Window.unboundedFollowing);
  const fn: Column = s.fn === 'count' ? F.count(c0) : F[s.fn](c0);
  return df.withColumn('fw', fn.over(w));
}

function invalid(df: DataFrame, what: (typeof INVALID)[number], c0: string): DataFrame {
  const spark = df.sparkSession;
  switch (what) {
    case 'unknownColumn':
      return df.select(F.col('no_such_column'));
    case 'badCastType':
      return df.select(F.col(c0).cast('integr'));
    case 'rowNumberNoOver':
      return df.select(F.row_number());
    case 'ntileZero':
      return df.select(F.ntile(0).over(Window.orderBy(c0)));
    case 'fillnaUnknownSubset':
      return df.fillna(0, ['no_such_column']);
    case 'dropnaUnknownSubset':
      return df.dropna('any', undefined, ['no_such_column']);
    case 'unionArity':
      return df.union(df.select(c0, F.lit(1).alias('extra1'), F.lit(2).alias('extra2'), ...df.columns.slice(1)));
    case 'joinUnknownKey':
      return df.join(df, 'no_such_column');
    case 'aggOfAgg':
      return df.agg(F.sum(F.count(c0)));
    case 'windowFnInFilter':
      return df.filter(F.rank().over(Window.orderBy(c0)).gt(1));
    case 'badJoinType':
      return df.join(df, c0, 'sideways');
    case 'sqlSyntax':
      return spark.sql('SELEC 1 FROM');
    case 'negativeLimit':
      return df.limit(-1);
    case 'badDDL':
      return spark.createDataFrame([], 'a int,, b');
  }
}

export function applyMoreStep(df: DataFrame, s: MoreStep): DataFrame {
  const c0 = df.columns[0];
  if (!c0) return s.kind === 'invalid' ? df.select(F.col('no_such_column')) : df;
  switch (s.kind) {
    case 'join': {
      const base = df.select(...df.columns.map((c) => (s.using && c === c0 ? F.col(c) : F.col(c).alias(`r_${c}`))));
      const right = s.emptyRight ? base.limit(0) : base;
      if (s.how === 'cross') return df.crossJoin(right);
      return s.using ? df.join(right, c0, s.how) : df.join(right, F.col(c0).eq(F.col(`r_${c0}`)), s.how);
    }
    case 'frameWindow':
      return frameWindow(df, s, c0);
    case 'fillna':
      return s.subset ? df.fillna(s.value, [c0]) : df.fillna(s.value);
    case 'dropna':
      return df.dropna(s.how, s.thresh ?? undefined, s.subset ? [c0] : undefined);
    case 'replace':
      return df.replace(s.from, s.to);
    case 'invalid':
      return invalid(df, s.what, c0);
  }
}
