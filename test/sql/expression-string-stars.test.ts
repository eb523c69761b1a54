/**
 * A star inside an expression string (`F.expr`, `selectExpr`, `filter(str)`) follows Spark's rules
 * for SQL text: expanded as an item or a call's argument, refused as an operand of a projection
 * (naming the expression) or anywhere in a filter, sort key or grouping expression (naming `Filter`,
 * `Sort`, `Aggregate`, at the star); an aggregate's list is checked as a projection first. Expectations
 * asked of Spark 3.5.7 through Spark Connect, which parses these strings on the server.
 */
import { expect, it } from 'vitest';
import { functions as F } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';
import { firstLineError } from '../helpers/sql-errors.js';

const invalid = (where: string): { errorClass: string; message: string } => ({
  errorClass: 'INVALID_USAGE_OF_STAR_OR_REGEX',
  message: `[INVALID_USAGE_OF_STAR_OR_REGEX] Invalid usage of '*' in ${where}.`,
});

forEachBackend('stars in expression strings', (session) => {
  it('refuses a star operand in a projection, naming the expression', () => {
    const df = session().sql('SELECT 1 AS a, 2 AS b');
    expect(firstLineError(() => df.select(F.expr('* + 1')).collect())).toEqual(invalid('expression `add`'));
    expect(firstLineError(() => df.selectExpr('* + 1').collect())).toEqual(invalid('expression `add`'));
    expect(firstLineError(() => df.withColumn('c', F.expr('* + 1')).collect())).toEqual(invalid('expression `add`'));
  });

  it('refuses any star in a filter, at the star', () => {
    const df = session().sql('SELECT 1 AS a, 2 AS b');
    const at0 = { ...invalid('Filter'), message: `${invalid('Filter').message}; line 1 pos 0` };
    expect(firstLineError(() => df.filter(F.expr('* > 1')).collect())).toEqual(at0);
    expect(firstLineError(() => df.filter('* > 1').collect())).toEqual(at0);
  });

  it('refuses any star in a sort key, naming Sort, at the star of an expression string', () => {
    const df = session().sql('SELECT 1 AS a, 2 AS b');
    const at = (pos: number) => ({ ...invalid('Sort'), message: `${invalid('Sort').message}; line 1 pos ${pos}` });
    expect(firstLineError(() => df.orderBy(F.expr('* + 1')).collect())).toEqual(at(0));
    expect(firstLineError(() => df.orderBy(F.expr('*')).collect())).toEqual(at(0));
    expect(firstLineError(() => df.orderBy(F.expr('coalesce(*)')).collect())).toEqual(at(9));
    expect(firstLineError(() => df.sort(F.expr('* + 1').desc()).collect())).toEqual(at(0));
    expect(firstLineError(() => df.orderBy('*').collect())).toEqual(invalid('Sort'));
    expect(firstLineError(() => df.sort(F.col('*').desc()).collect())).toEqual(invalid('Sort'));
  });

  it('checks an aggregate list as a projection, then refuses any grouping star naming Aggregate', () => {
    const df = session().sql('SELECT 1 AS a, 2 AS b');
    const at = (pos: number) => ({ ...invalid('Aggregate'), message: `${invalid('Aggregate').message}; line 1 pos ${pos}` });
    expect(firstLineError(() => df.groupBy(F.expr('*')).count().collect())).toEqual(at(0));
    expect(firstLineError(() => df.groupBy(F.expr('coalesce(*)')).count().collect())).toEqual(at(9));
    expect(firstLineError(() => df.groupBy('*').count().collect())).toEqual(invalid('Aggregate'));
    expect(firstLineError(() => df.groupBy(F.col('*')).count().collect())).toEqual(invalid('Aggregate'));
    expect(firstLineError(() => df.groupBy(F.expr('* + 1')).count().collect())).toEqual(invalid('expression `add`'));
    expect(firstLineError(() => df.rollup(F.expr('* + 1')).count().collect())).toEqual(invalid('expression `add`'));
    expect(firstLineError(() => df.groupBy('a').agg(F.expr('sum(* + 1)')).collect())).toEqual(invalid('expression `add`'));
    expect(firstLineError(() => df.agg(F.expr('* + 1')).collect())).toEqual(invalid('expression `add`'));
    // the aggregate list comes first: grouping columns, then the aggregates
    expect(firstLineError(() => df.groupBy(F.expr('coalesce(*)')).agg(F.expr('* - 1')).collect())).toEqual(invalid('expression `subtract`'));
    expect(df.groupBy('a').agg(F.expr('max(coalesce(*))')).collect().map((r) => [...r])).toEqual([[1, 1]]);
    expect(df.groupBy('a').agg(F.expr('count(*)')).collect().map((r) => [...r])).toEqual([[1, 1]]);
    // a star aggregate stands for the input columns
    expect(df.groupBy('a', 'b').agg(F.expr('*')).columns).toEqual(['a', 'b', 'a', 'b']);
    expect(df.groupBy('a', 'b').agg(F.expr('*')).collect().map((r) => [...r])).toEqual([[1, 2, 1, 2]]);
    expect(firstLineError(() => df.groupBy('a').agg(F.expr('*')).collect())).toEqual({
      errorClass: 'MISSING_AGGREGATION',
      message: '[MISSING_AGGREGATION] The non-aggregating expression "b" is based on columns which are not participating in the GROUP BY clause.',
    });
    expect(firstLineError(() => df.agg(F.expr('*')).collect()).errorClass).toBe('MISSING_GROUP_BY');
  });

  it('still expands a star item or call argument', () => {
    const df = session().sql('SELECT 1 AS a, 2 AS b');
    expect(df.select(F.expr('*')).columns).toEqual(['a', 'b']);
    expect(df.select(F.expr('coalesce(*)')).columns).toEqual(['coalesce(a, b)']);
    expect(df.select(F.col('*')).columns).toEqual(['a', 'b']);
  });
});
