import { expect, it } from 'vitest';
import { F, Row } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

const { col, lit } = F;

forEachBackend('Column', (session) => {
  const people = () =>
    session().createDataFrame(
      [
        { name: 'Alice', age: 30, tags: ['a', 'b'], props: new Map([['k', 'v']]), addr: new Row(['Oslo', 1], ['city', 'zip']) },
        { name: 'bob', age: null, tags: [], props: new Map(), addr: null },
      ],
      'name STRING, age INT, tags ARRAY<STRING>, props MAP<STRING, STRING>, addr STRUCT<city: STRING, zip: INT>',
    );
  const one = <T>(df: ReturnType<typeof people>, c: ReturnType<typeof col>): T[] => df.select(c).collect().map((r) => r.get(0) as T);

  it('compares with null semantics, and null-safely with eqNullSafe', () => {
    const df = people();
    expect(one(df, col('age').eq(30))).toEqual([true, null]);
    expect(one(df, col('age').neq(30))).toEqual([false, null]);
    expect(one(df, col('age').eqNullSafe(lit(null)))).toEqual([false, true]);
    expect(one(df, col('age').gte(30).and(col('name').eq('Alice')))).toEqual([true, false]); // null AND false = false
    expect(one(df, col('age').gte(30).and(col('name').eq('bob')))).toEqual([false, null]); // null AND true = null
    expect(one(df, col('age').isNull().or(col('age').lt(0)))).toEqual([false, true]);
    expect(df.select(col('age').eq(30), col('age').neq(30), col('age').eqNullSafe(1)).columns).toEqual([
      '(age = 30)',
      '(NOT (age = 30))',
      '(age <=> 1)',
    ]);
  });

  it('does arithmetic with Spark result types', () => {
    const df = session().createDataFrame([{ i: 7, l: 7, d: 2.5 }], 'i INT, l BIGINT, d DOUBLE');
    const out = df.select(col('i').plus(1), col('l').minus(col('i')), col('i').multiply(col('d')), col('i').divide(2), col('i').mod(4), col('i').negate());
    expect(out.dtypes.map(([, t]) => t)).toEqual(['int', 'bigint', 'double', 'double', 'int', 'int']);
    expect(out.first()!.toArray()).toEqual([8, 0, 17.5, 3.5, 3, -7]);
    expect(df.select(col('i').divide(0), col('i').mod(0)).first()!.toArray()).toEqual([null, null]);
    const bits = df.select(col('i').bitwiseAND(3), col('i').bitwiseOR(8), col('i').bitwiseXOR(1));
    expect(bits.columns).toEqual(['(i & 3)', '(i | 8)', '(i ^ 1)']);
    expect(bits.first()!.toArray()).toEqual([3, 15, 6]);
  });

  it('matches strings with like, rlike, ilike, startswith, endswith and contains', () => {
    const df = people();
    expect(one(df, col('name').like('A%'))).toEqual([true, false]);
    expect(one(df, col('name').rlike('^[a-z]'))).toEqual([false, true]);
    expect(one(df, col('name').ilike('b%'))).toEqual([false, true]);
    expect(one(df, col('name').startswith('Al'))).toEqual([true, false]);
    expect(one(df, col('name').endsWith('ob'))).toEqual([false, true]);
    expect(one(df, col('name').contains('lic'))).toEqual([true, false]);
    expect(one(df, col('name').substr(2, 3))).toEqual(['lic', 'ob']);
    expect(one(df, col('name').isin('bob', 'carol'))).toEqual([false, true]);
  });

  it('casts with Spark rules and names casts as Spark does', () => {
    const df = session().createDataFrame([{ s: '12' }, { s: 'x' }, { s: ' 7 ' }], 's STRING');
    expect(df.select(col('s').cast('int')).columns).toEqual(['s']);
    expect(one(df, col('s').cast('int'))).toEqual([12, null, 7]);
    expect(one(df, col('s').astype('double'))).toEqual([12, null, 7]);
    expect(one(session().createDataFrame([{ d: 3.7 }], 'd DOUBLE'), col('d').cast('bigint'))).toEqual([3]);
  });

  it('reaches into arrays, maps and structs', () => {
    const df = people();
    expect(one(df, col('tags').getItem(1))).toEqual(['b', null]);
    expect(one(df, col('props').getItem('k'))).toEqual(['v', null]);
    expect(one(df, col('addr').getField('city'))).toEqual(['Oslo', null]);
    expect(df.select(col('addr.city')).columns).toEqual(['city']);
    const changed = df.filter(col('addr').isNotNull()).select(col('addr').withField('zip', lit(9)).dropFields('city').alias('a'));
    expect(changed.dtypes).toEqual([['a', 'struct<zip:int>']]);
    expect(changed.first()!.get('a')).toEqual(new Row([9], ['zip']));
  });

  it('builds CASE WHEN chains and names them', () => {
    const c = F.when(col('age').gt(18), 'adult').when(col('age').isNull(), 'unknown').otherwise('minor');
    const df = people().select(c);
    expect(df.columns).toEqual(["CASE WHEN (age > 18) THEN adult WHEN (age IS NULL) THEN unknown ELSE minor END"]);
    expect(df.collect().map((r) => r.get(0))).toEqual(['adult', 'unknown']);
    expect(() => col('age').otherwise(1)).toThrow(/INVALID_WHEN_USAGE/);
  });

  it('aliases with metadata and sorts with explicit null placement', () => {
    const df = people().select(col('age').alias('years', { metadata: { unit: 'y' } }));
    expect(df.schema.fields[0]!.metadata).toEqual({ unit: 'y' });
    expect(people().orderBy(col('age').desc_nulls_first()).collect().map((r) => r.get('age'))).toEqual([null, 30]);
    expect(people().orderBy(col('age').asc_nulls_last()).collect().map((r) => r.get('age'))).toEqual([30, null]);
  });
});
