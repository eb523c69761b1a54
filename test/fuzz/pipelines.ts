/**
 * Generated frames and pipelines for the differential fuzzer: plain data (so
 * a failing case prints as a readable reproduction) plus `applyStep`, which
 * turns one step into DataFrame calls. Shapes cover what issue 11 found
 * broken: literals in projections, aggregates and windows, column-less
 * frames, null sort keys, unions by position and by name, casts.
 */
import fc from 'fast-check';
import { F, Window, type DataFrame, type SparkSession } from '../../src/index.js';
import { applyFnStep, fnStep, type FnStep } from './steps-fns.js';
import { applyMoreStep, moreStep, type MoreStep } from './steps-more.js';
import type { FrameSpec } from './values.js';

export { frameSpec, type ColType, type FrameSpec } from './values.js';

export type Step =
  | { readonly kind: 'selectLiterals'; readonly lit: string; readonly cast: string }
  | { readonly kind: 'unionNullLiteral' }
  | { readonly kind: 'unionByNameReversed' }
  | { readonly kind: 'aggLiteral'; readonly fn: 'count' | 'min' | 'max' | 'sum'; readonly grouped: boolean }
  | { readonly kind: 'aggColumn'; readonly fn: 'count' | 'min' | 'max' | 'sum' | 'avg' | 'first' | 'countDistinct'; readonly grouped: boolean }
  | { readonly kind: 'window'; readonly fn: 'lag' | 'lead' | 'row_number' | 'rank' | 'sumLiteral'; readonly literalKey: boolean }
  | { readonly kind: 'sort'; readonly desc: boolean; readonly nullsFirst: boolean; readonly second: boolean }
  | { readonly kind: 'dropAll' }
  | { readonly kind: 'distinct' }
  | { readonly kind: 'limit'; readonly n: number }
  | { readonly kind: 'filterNotNull' }
  | { readonly kind: 'castFirst'; readonly to: string }
  | { readonly kind: 'selfJoin'; readonly how: 'inner' | 'left' | 'right' | 'full' | 'left_semi' | 'left_anti' | 'cross' }
  | { readonly kind: 'dropDuplicates' }
  | { readonly kind: 'arithmetic'; readonly lit: number }
  | { readonly kind: 'coalesceWhen' }
  | { readonly kind: 'strings'; readonly replacement: string }
  | { readonly kind: 'explode' }
  | MoreStep
  | FnStep;

const castTargets = ['int', 'bigint', 'double', 'string', 'boolean', 'timestamp', 'smallint', 'float'];

export const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('selectLiterals' as const), lit: fc.constantFrom('1', '-1e+308', 'x', '9223372036854775808', ' 7 '), cast: fc.constantFrom(...castTargets) }),
  fc.constant({ kind: 'unionNullLiteral' as const }),
  fc.constant({ kind: 'unionByNameReversed' as const }),
  fc.record({ kind: fc.constant('aggLiteral' as const), fn: fc.constantFrom('count' as const, 'min' as const, 'max' as const, 'sum' as const), grouped: fc.boolean() }),
  fc.record({
    kind: fc.constant('aggColumn' as const),
    fn: fc.constantFrom('count' as const, 'min' as const, 'max' as const, 'sum' as const, 'avg' as const, 'first' as const, 'countDistinct' as const),
    grouped: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('window' as const),
    fn: fc.constantFrom('lag' as const, 'lead' as const, 'row_number' as const, 'rank' as const, 'sumLiteral' as const),
    literalKey: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('sort' as const), desc: fc.boolean(), nullsFirst: fc.boolean(), second: fc.boolean() }),
  fc.constant({ kind: 'dropAll' as const }),
  fc.constant({ kind: 'distinct' as const }),
  fc.record({ kind: fc.constant('limit' as const), n: fc.integer({ min: 0, max: 4 }) }),
  fc.constant({ kind: 'filterNotNull' as const }),
  fc.record({ kind: fc.constant('castFirst' as const), to: fc.constantFrom(...castTargets) }),
  fc.record({
    kind: fc.constant('selfJoin' as const),
    how: fc.constantFrom('inner' as const, 'left' as const, 'right' as const, 'full' as const, 'left_semi' as const, 'left_anti' as const, 'cross' as const),
  }),
  fc.constant({ kind: 'dropDuplicates' as const }),
  fc.record({ kind: fc.constant('arithmetic' as const), lit: fc.constantFrom(1, 1e20, -0.5, 2 ** 40) }),
  fc.constant({ kind: 'coalesceWhen' as const }),
  fc.record({ kind: fc.constant('strings' as const), replacement: fc.constantFrom('x', '$1', '[$0]', '\\$') }),
  fc.constant({ kind: 'explode' as const }),
  moreStep,
  { weight: 8, arbitrary: fnStep },
);

export const pipeline = fc.array(step, { minLength: 1, maxLength: 4 });

export function makeFrame(spark: SparkSession, spec: FrameSpec): DataFrame {
  const ddl = spec.types.map((t, i) => `c${i} ${t}`).join(', ');
  return spark.createDataFrame(spec.rows.map((r) => [...r]), ddl);
}

/** The first column's name (steps work on whatever columns the frame has). */
const first = (df: DataFrame): string | undefined => df.columns[0];

export function applyStep(df: DataFrame, s: Step): DataFrame {
  const c0 = first(df);
  switch (s.kind) {
    case 'selectLiterals':
      return df.select(...df.columns, F.lit(s.lit).cast(s.cast).alias('lit'));
    case 'unionNullLiteral':
      return df.columns.length === 0 ? df : df.union(df.select(...df.columns.map(() => F.lit(null))));
    case 'unionByNameReversed':
      return df.unionByName(df.select(...[...df.columns].reverse()));
    case 'aggLiteral': {
      const agg = F[s.fn](F.lit('2').cast('int')).alias('v');
      return s.grouped && c0 ? df.groupBy(c0).agg(agg) : df.agg(agg);
    }
    case 'aggColumn': {
      if (!c0) return df.agg(F.count(F.lit(1)).alias('v'));
      const agg = (s.fn === 'countDistinct' ? F.countDistinct(c0) : F[s.fn](c0)).alias('v');
      const key = df.columns[1];
      return s.grouped && key ? df.groupBy(key).agg(agg) : df.agg(agg);
    }
    case 'window': {
      if (!c0) return df;
      const order = s.literalKey ? [F.lit('k'), F.col(c0)] : [F.col(c0)];
      const w = Window.orderBy(...order);
      const fn =
        s.fn === 'lag' ? F.lag(F.lit(5)) : s.fn === 'lead' ? F.lead(F.col(c0)) : s.fn === 'sumLiteral' ? F.sum(F.lit('1').cast('int')) : F[s.fn]();
      return df.withColumn('w', fn.over(w));
    }
    case 'sort': {
      if (!c0) return df;
      const c = F.col(c0);
      const key = s.desc ? (s.nullsFirst ? c.desc_nulls_first() : c.desc_nulls_last()) : s.nullsFirst ? c.asc_nulls_first() : c.asc_nulls_last();
      const c1 = df.columns[1];
      return s.second && c1 ? df.orderBy(key, F.col(c1).desc()) : df.orderBy(key);
    }
    case 'dropAll':
      return df.select();
    case 'distinct':
      return df.distinct();
    case 'limit':
      return df.limit(s.n);
    case 'filterNotNull':
      return c0 ? df.filter(F.col(c0).isNotNull()) : df;
    case 'castFirst':
      return c0 ? df.withColumn(c0, F.col(c0).cast(s.to)) : df;
    case 'selfJoin': {
      // The right side renamed, so names stay unique and the join key is explicit.
      const right = df.select(...df.columns.map((c) => F.col(c).alias(`r_${c}`)));
      if (s.how === 'cross' || !c0) return df.crossJoin(right);
      return df.join(right, F.col(c0).eq(F.col(`r_${c0}`)), s.how);
    }
    case 'dropDuplicates':
      return c0 ? df.dropDuplicates([c0]) : df.dropDuplicates();
    case 'arithmetic':
      return c0 ? df.withColumn('a', F.col(c0).plus(s.lit)) : df;
    case 'coalesceWhen':
      return c0 ? df.withColumn('cw', F.when(F.col(c0).isNull(), F.lit('none')).otherwise(F.col(c0).cast('string'))) : df;
    case 'strings': {
      if (!c0) return df;
      const text = F.col(c0).cast('string');
      return df.withColumn('s', F.concat(F.upper(text), F.regexp_replace(text, '(a|1)', s.replacement)));
    }
    case 'explode':
      return c0 ? df.withColumn('e', F.explode(F.array(F.col(c0), F.col(c0)))) : df;
    case 'expr':
    case 'aggExpr':
    case 'rankWindow':
    case 'generator':
    case 'unionByNameMissing':
    case 'pivot':
    case 'offset':
    case 'sample':
      return applyFnStep(df, s);
    default:
      return applyMoreStep(df, s);
  }
}

/**
 * How much of the result two correct backends must agree on: `order` (rows
 * in the same order), `rows` (the same multiset: an aggregation or window
 * left the order open), or `count` (a limit after an open order may pick
 * different rows).
 */
export function agreement(steps: readonly Step[]): 'order' | 'rows' | 'count' {
  let open = false;
  let limited = false;
  for (const s of steps) {
    // Steps whose values depend on the input order (ties included) pick different rows after an open order.
    const orderSensitive =
      s.kind === 'limit' || s.kind === 'offset' || s.kind === 'window' || s.kind === 'dropDuplicates' || (s.kind === 'aggColumn' && s.fn === 'first');
    if (orderSensitive && open) limited = true;
    if ((s.kind === 'aggLiteral' || s.kind === 'aggColumn' || s.kind === 'aggExpr') && s.grouped) open = true;
    if (s.kind === 'pivot' || s.kind === 'rankWindow') open = true;
    // Spark's distinct and dropDuplicates hash rows: their output order is open.
    if (s.kind === 'window' || s.kind === 'selfJoin' || s.kind === 'join' || s.kind === 'frameWindow' || s.kind === 'distinct' || s.kind === 'dropDuplicates') open = true;
  }
  return limited ? 'count' : open ? 'rows' : 'order';
}
