/**
 * Generated pipelines for differential tests: a fixed-shape input (one column
 * per common Spark type, nulls included) and a chain of stages built from the
 * operations and functions the engine supports. Every pipeline is
 * deterministic in Spark's terms (no limit over ties, no row_number over
 * ties), so any difference between backends is a bug in one of them.
 */
import fc from 'fast-check';
import { F, Window, type Column, type DataFrame } from '../../src/index.js';
import { arbitraryRows } from '../../src/testing/index.js';

export const INPUT_SCHEMA = 'k STRING, i INT, l BIGINT, d DOUBLE, s STRING, b BOOLEAN, dt DATE, dec DECIMAL(10,2)';

/** One step, with the PySpark-like text that reproduces it. */
export interface Stage {
  readonly text: string;
  readonly apply: (df: DataFrame) => DataFrame;
}

export interface Pipeline {
  readonly rows: unknown[];
  readonly stages: readonly Stage[];
}

export function describePipeline(p: Pipeline): string {
  const rows = JSON.stringify(p.rows, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  return `df = spark.createDataFrame(${rows}, '${INPUT_SCHEMA}')\n${p.stages.map((s) => `df = df${s.text}`).join('\n')}`;
}

export function runPipeline(p: Pipeline, input: DataFrame): DataFrame {
  return p.stages.reduce((df, s) => s.apply(df), input);
}

const c = F.col;
const numeric = fc.constantFrom('i', 'l', 'd', 'dec');
const integral = fc.constantFrom('i', 'l');
const smallInt = fc.integer({ min: -5, max: 5 });

/** A column expression over the input columns, with its text. */
const expression: fc.Arbitrary<[string, () => Column]> = fc.oneof(
  fc.tuple(numeric, numeric).map(([a, b]): [string, () => Column] => [`col('${a}') + col('${b}')`, () => c(a).plus(c(b))]),
  fc.tuple(numeric, smallInt).map(([a, n]): [string, () => Column] => [`col('${a}') * ${n}`, () => c(a).multiply(n)]),
  fc.tuple(integral, integral).map(([a, b]): [string, () => Column] => [`col('${a}') / col('${b}')`, () => c(a).divide(c(b))]),
  fc.tuple(integral, fc.integer({ min: 1, max: 4 })).map(([a, n]): [string, () => Column] => [`col('${a}') % ${n}`, () => c(a).mod(n)]),
  numeric.map((a): [string, () => Column] => [`F.abs('${a}')`, () => F.abs(a)]),
  numeric.map((a): [string, () => Column] => [`F.negative('${a}')`, () => F.negative(a)]),
  fc.constantFrom('d', 'dec').map((a): [string, () => Column] => [`F.round('${a}', 1)`, () => F.round(a, 1)]),
  fc.tuple(integral, smallInt).map(([a, n]): [string, () => Column] => [`F.coalesce('${a}', F.lit(${n}))`, () => F.coalesce(c(a), F.lit(n))]),
  fc.constantFrom('i', 'l', 'd', 'dec', 'b', 'dt').map((a): [string, () => Column] => [`col('${a}').cast('string')`, () => c(a).cast('string')]),
  fc.constantFrom('int', 'bigint', 'double').map((t): [string, () => Column] => [`col('s').cast('${t}')`, () => c('s').cast(t)]),
  fc.tuple(numeric, smallInt).map(([a, n]): [string, () => Column] => [
    `F.when(col('${a}') > ${n}, 'hi').when(col('${a}').isNull(), 'none').otherwise('lo')`,
    () => F.when(c(a).gt(n), 'hi').when(c(a).isNull(), 'none').otherwise('lo'),
  ]),
  fc.constantFrom('upper', 'lower', 'length', 'trim', 'reverse').map((f): [string, () => Column] => [`F.${f}('s')`, () => (F as unknown as Record<string, (x: string) => Column>)[f]!('s')]),
  fc.constant<[string, () => Column]>([`F.concat('s', 'k')`, () => F.concat('s', 'k')]),
  fc.constant<[string, () => Column]>([`F.substring('s', 1, 2)`, () => F.substring('s', 1, 2)]),
  fc.constant<[string, () => Column]>([`F.lpad('s', 4, '*')`, () => F.lpad('s', 4, '*')]),
  fc.constant<[string, () => Column]>([`col('s').contains('a')`, () => c('s').contains('a')]),
  fc.integer({ min: -40, max: 40 }).map((n): [string, () => Column] => [`F.date_add('dt', ${n})`, () => F.date_add('dt', n)]),
  fc.constantFrom('year', 'month', 'dayofmonth', 'dayofweek', 'quarter').map((f): [string, () => Column] => [`F.${f}('dt')`, () => (F as unknown as Record<string, (x: string) => Column>)[f]!('dt')]),
  fc.constant<[string, () => Column]>([`F.date_format('dt', 'yyyy-MM')`, () => F.date_format('dt', 'yyyy-MM')]),
  fc.constant<[string, () => Column]>([`~col('b')`, () => c('b').not()]),
  fc.tuple(integral, integral).map(([a, b]): [string, () => Column] => [`F.greatest('${a}', '${b}')`, () => F.greatest(a, b)]),
);

const condition: fc.Arbitrary<[string, () => Column]> = fc.oneof(
  fc.tuple(numeric, fc.constantFrom('gt', 'lt', 'eq', 'gte', 'neq'), smallInt).map(([a, op, n]): [string, () => Column] => [
    `col('${a}').${op}(${n})`,
    () => (c(a) as unknown as Record<string, (v: number) => Column>)[op]!(n),
  ]),
  fc.constantFrom('i', 's', 'd', 'dt').map((a): [string, () => Column] => [`col('${a}').isNotNull()`, () => c(a).isNotNull()]),
  fc.constant<[string, () => Column]>([`col('b')`, () => c('b')]),
  fc.constant<[string, () => Column]>([`col('s').like('%a%')`, () => c('s').like('%a%')]),
  fc.constant<[string, () => Column]>([`col('k').isin('a', 'b')`, () => c('k').isin('a', 'b')]),
);

const INPUT_COLUMNS = ['k', 'i', 'l', 'd', 's', 'b', 'dt', 'dec'];

/** Stages that keep every input column (so later stages can use them). */
const keepingStage = (index: number): fc.Arbitrary<Stage> =>
  fc.oneof(
    condition.map(([t, f]): Stage => ({ text: `.filter(${t})`, apply: (df) => df.filter(f()) })),
    expression.map(([t, f]): Stage => ({ text: `.withColumn('x${index}', ${t})`, apply: (df) => df.withColumn(`x${index}`, f()) })),
  );

/** A last stage that changes the shape; each is deterministic in Spark. */
const finalStage: fc.Arbitrary<Stage> = fc.oneof(
  fc.constant<Stage>({
    text: `.groupBy('k').agg(F.count('*'), F.sum('i'), F.avg('d'), F.min('s'), F.max('l'), F.countDistinct('i').alias('nd'), F.sum('dec'))`, // aliased: Spark Connect and classic PySpark name countDistinct differently
    apply: (df) => df.groupBy('k').agg(F.count('*'), F.sum('i'), F.avg('d'), F.min('s'), F.max('l'), F.countDistinct('i').alias('nd'), F.sum('dec')),
  }),
  fc.constant<Stage>({
    text: `.select('k', 'i', F.rank().over(w), F.dense_rank().over(w), F.sum('l').over(w))  # w = Window.partitionBy('k').orderBy('i')`,
    apply: (df) => {
      const w = Window.partitionBy('k').orderBy('i');
      return df.select('k', 'i', F.rank().over(w), F.dense_rank().over(w), F.sum('l').over(w));
    },
  }),
  fc.constant<Stage>({ text: `.distinct()`, apply: (df) => df.distinct() }),
  fc.constant<Stage>({ text: `.dropDuplicates(['k'])  # then .select('k')`, apply: (df) => df.dropDuplicates(['k']).select('k') }),
  fc.integer({ min: 0, max: 6 }).map((n): Stage => ({
    text: `.orderBy(*[col(c).asc_nulls_last() for c in ${JSON.stringify(INPUT_COLUMNS)}]).limit(${n})`,
    apply: (df) => df.orderBy(...INPUT_COLUMNS.map((x) => c(x).asc_nulls_last())).limit(n),
  })),
  fc.constant<Stage>({ text: `.union(df)`, apply: (df) => df.union(df) }),
  fc.constantFrom('inner', 'left', 'full', 'left_semi', 'left_anti').map((how): Stage => ({
    text: `.alias('a').join(df.alias('b'), 'k', '${how}')  # then select k and a.i`,
    apply: (df) => {
      const out = df.alias('a').join(df.alias('b'), 'k', how);
      return how === 'left_semi' || how === 'left_anti' ? out.select('k', 'i') : out.select('k', F.col('a.i'));
    },
  })),
);

export function arbitraryPipeline(): fc.Arbitrary<Pipeline> {
  return fc
    .record({
      rows: arbitraryRows(INPUT_SCHEMA, {
        maxLength: 12,
        as: 'array',
        nullRate: 0.15,
        maxStringLength: 4,
        stringUnit: 'grapheme-ascii',
        minDate: new Date('1990-01-01T00:00:00Z'),
        maxDate: new Date('2030-12-31T00:00:00Z'),
      }).map((rows) => rows.map((r) => {
        // A small key domain, so groups and joins have several rows.
        const row = [...(r as unknown[])];
        row[0] = row[0] === null ? null : ['a', 'b', 'c'][(row[0] as string).length % 3];
        return row;
      })),
      keeping: fc.array(fc.nat(), { maxLength: 3 }),
      last: fc.option(finalStage, { nil: undefined }),
    })
    .chain(({ rows, keeping, last }) =>
      fc.tuple(...keeping.map((_, i) => keepingStage(i))).map((stages): Pipeline => ({ rows, stages: [...stages, ...(last ? [last] : [])] })),
    );
}
