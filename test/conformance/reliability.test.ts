/**
 * Regressions from the reliability fuzzer (issue 11): pipelines where one
 * backend gave a silently wrong answer or crashed. Every case holds on every
 * backend; expectations are Spark 3.5's answers.
 */
import { expect, it } from 'vitest';
import { F, SparklessError, Window } from '../../src/index.js';
import { dicts, forEachBackend, analyzed } from '../helpers/backends.js';

forEachBackend('reliability: literals keep one value per row', (session) => {
  const two = () => session().createDataFrame([{ a: 1 }, { a: 2 }]);

  it('unions a frame with a projection of a null literal (cast to the left type)', () => {
    const df = two();
    const u = df.union(df.select(F.lit(null)));
    expect(u.count()).toBe(4);
    expect(dicts(u.collect())).toEqual([{ a: 1 }, { a: 2 }, { a: null }, { a: null }]);
  });

  it('counts and aggregates a cast literal once per row', () => {
    const row = two().agg(F.count(F.lit('1').cast('int')).alias('n'), F.sum(F.lit('2').cast('int')).alias('s')).collect()[0]!;
    expect(row.asDict()).toEqual({ n: 2, s: 4 });
    const grouped = two().groupBy('a').agg(F.count(F.lit('1').cast('int')).alias('n')).orderBy('a');
    expect(dicts(grouped.collect())).toEqual([{ a: 1, n: 1 }, { a: 2, n: 1 }]);
  });

  it('gives null for min of a cast literal over an empty frame', () => {
    const empty = session().createDataFrame([], 'a int');
    expect(empty.agg(F.min(F.lit('3').cast('int')).alias('m')).collect()[0]!.asDict()).toEqual({ m: null });
    expect(empty.agg(F.count(F.lit('3').cast('int')).alias('n')).collect()[0]!.asDict()).toEqual({ n: 0 });
  });

  it('shifts a literal with lag and lead', () => {
    const w = Window.orderBy('a');
    const out = two().select('a', F.lag(F.lit(5)).over(w).alias('lag'), F.lead(F.lit(5)).over(w).alias('lead'));
    expect(dicts(out.collect())).toEqual([
      { a: 1, lag: null, lead: 5 },
      { a: 2, lag: 5, lead: null },
    ]);
  });

  it('runs window aggregates over a cast literal', () => {
    const out = two().select('a', F.sum(F.lit('2').cast('int')).over(Window.orderBy('a')).alias('s'));
    expect(dicts(out.collect())).toEqual([
      { a: 1, s: 2 },
      { a: 2, s: 4 },
    ]);
  });
});

forEachBackend('reliability: frames without columns keep their rows', (session) => {
  const three = () => session().createDataFrame([{ a: 1 }, { a: 2 }, { a: 2 }]);

  it('counts rows after dropping every column or selecting none', () => {
    expect(three().drop('a').count()).toBe(3);
    expect(three().select().count()).toBe(3);
    expect(three().select().collect()).toHaveLength(3);
  });

  it('combines column-less frames with every operator', () => {
    const none = () => three().select();
    expect(none().distinct().count()).toBe(1);
    expect(none().union(none()).count()).toBe(6);
    expect(none().filter(F.lit(false)).count()).toBe(0);
    expect(none().limit(2).count()).toBe(2);
    expect(none().crossJoin(none()).count()).toBe(9);
    expect(dicts(three().crossJoin(none()).collect())).toEqual([1, 1, 1, 2, 2, 2, 2, 2, 2].map((a) => ({ a })));
    expect(none().intersect(none()).count()).toBe(1);
    expect(none().subtract(none()).count()).toBe(1);
    expect(none().exceptAll(none().limit(1)).count()).toBe(2);
    expect(dicts(none().withColumn('x', F.lit(1)).collect())).toEqual([{ x: 1 }, { x: 1 }, { x: 1 }]);
    expect(dicts(none().groupBy().count().collect())).toEqual([{ count: 3 }]);
  });

  it('gives one row for a distinct INTERSECT or EXCEPT without columns, whatever the inputs (Spark 3.5.7)', () => {
    const none = () => three().select();
    const empty = () => three().filter(F.lit(false)).select();
    const emptyAtRun = () => three().filter(F.col('a').gt(5)).select();
    // Spark runs these as an aggregate grouped by every column: with no columns, a global one (one row).
    for (const df of [none().subtract(none()), empty().subtract(empty()), emptyAtRun().subtract(none()), none().intersect(empty()), emptyAtRun().intersect(emptyAtRun())]) {
      expect(df.count()).toBe(1);
      expect(df.collect()).toHaveLength(1);
    }
    // DISTINCT, UNION DISTINCT and the ALL variants count the rows there are.
    expect(emptyAtRun().distinct().count()).toBe(0);
    expect(empty().dropDuplicates().count()).toBe(0);
    expect(emptyAtRun().union(emptyAtRun()).distinct().count()).toBe(0);
    expect(none().union(none()).distinct().count()).toBe(1);
    expect(none().intersectAll(none().limit(2)).count()).toBe(2);
    expect(none().intersectAll(empty()).count()).toBe(0);
    expect(empty().exceptAll(none()).count()).toBe(0);
  });
});

forEachBackend('reliability: sorting', (session, backend) => {
  const nullKeys = () => session().createDataFrame([{ v: 1 }, { v: 2 }, { v: 3 }], 'k int, v int');

  it('keeps input order for all-null keys in every direction', () => {
    for (const key of [F.col('k'), F.col('k').desc(), F.col('k').desc_nulls_first(), F.col('k').asc_nulls_last()]) {
      expect(nullKeys().orderBy(key).collect().map((r) => r.v)).toEqual([1, 2, 3]);
    }
  });

  it('ignores literal sort keys, also in window orderings', () => {
    const df = session().createDataFrame([[110], [32767], [5]], 'c smallint NOT NULL');
    // An integer literal is an ordinal (Spark's SubstituteUnresolvedOrdinals; shown by Spark 3.5.7 on connect):
    // lit(1) sorts by the first column, before the descending key.
    expect(df.orderBy(F.lit(1), F.col('c').desc()).collect().map((r) => r.c)).toEqual([5, 110, 32767]);
    expect(df.orderBy(F.lit('x'), F.col('c').desc()).collect().map((r) => r.c)).toEqual([32767, 110, 5]);
    const ranked = df
      .withColumn('pr', F.percent_rank().over(Window.partitionBy('c').orderBy(F.lit('x'), F.col('c'))))
      .withColumn('rk', F.rank().over(Window.orderBy(F.lit('x'))))
      .withColumn('rn', F.row_number().over(Window.orderBy(F.lit('x'))));
    if (backend === 'connect') {
      // Rows tied on every window key come in an order Spark does not fix, and row_number follows it.
      const rows = dicts(ranked.collect()).sort((a, b) => (a['c'] as number) - (b['c'] as number));
      expect(rows.map(({ c, pr, rk }) => ({ c, pr, rk }))).toEqual([5, 110, 32767].map((c) => ({ c, pr: 0, rk: 1 })));
      expect(rows.map((r) => r['rn']).sort()).toEqual([1, 2, 3]);
    } else {
      // Locally the first window sorts the rows by its partition key c (Spark's order for one
      // partition); the constant ORDER BY of the later ones keeps that order.
      expect(dicts(ranked.collect())).toEqual([
        { c: 5, pr: 0, rk: 1, rn: 1 },
        { c: 110, pr: 0, rk: 1, rn: 2 },
        { c: 32767, pr: 0, rk: 1, rn: 3 },
      ]);
    }
  });
});

forEachBackend('reliability: unionByName types', (session) => {
  it('widens reordered columns to the common type (timestamp union of a literal)', () => {
    const a = session().createDataFrame([], 'c0 timestamp, c1 int');
    const b = session().createDataFrame([], 'c0 smallint').select(F.col('c0').alias('c1'), F.lit(new Date(0)).alias('c0'));
    const u = a.unionByName(b);
    expect(u.schema.simpleString()).toBe('struct<c0:timestamp,c1:int>');
    expect(u.collect()).toEqual([]);
  });

  it('rescales decimals to the common type instead of reinterpreting them', () => {
    const a = session().createDataFrame([{ d: '1.5', s: 'x' }]).select(F.col('d').cast('decimal(10,1)').alias('d'), 's');
    const b = session().createDataFrame([{ s: 'y', d: '2.25' }]).select('s', F.col('d').cast('decimal(12,4)').alias('d'));
    const u = a.unionByName(b);
    expect(u.schema.simpleString()).toBe('struct<d:decimal(13,4),s:string>');
    expect(u.collect().map((r) => `${String(r.d)} ${String(r.s)}`)).toEqual(['1.5000 x', '2.2500 y']);
  });

  it('rejects incompatible reordered columns like union does', () => {
    const a = session().createDataFrame([{ d: 1, s: 'x' }]);
    const b = session().createDataFrame([{ s: 'y', d: [1] }]);
    expect(() => analyzed(a.unionByName(b))).toThrow(expect.objectContaining({ errorClass: 'INCOMPATIBLE_COLUMN_TYPE' }));
  });
});

forEachBackend('reliability: casts and regular expressions', (session, backend) => {
  it('saturates seconds to timestamps at the long range, as Spark does', () => {
    const df = session().createDataFrame(
      [
        { x: -9223372036854775808n, d: -1e300 },
        { x: 1, d: 1.5 },
      ],
      'x bigint, d double',
    );
    const out = df.select(F.col('x').cast('timestamp').cast('long').alias('t'), F.col('d').cast('timestamp').cast('long').alias('u'));
    expect(dicts(out.collect())).toEqual([
      { t: -9223372036855, u: -9223372036855 },
      { t: 1, u: 1 },
    ]);
    const text = df.select(F.col('x').cast('timestamp').cast('string').alias('t')).limit(1);
    // Beyond chrono's calendar (years past ±262143): Polars used to panic here (polars/timestamp-text.ts).
    expect(text.collect()[0]!.t).toBe('-290308-12-21 19:59:05.224192');
  });

  it('refuses to collect a timestamp a JS Date cannot hold with a typed error', () => {
    const df = session().createDataFrame([{ x: -9223372036854775808n }], 'x bigint').select(F.col('x').cast('timestamp').alias('t'));
    expect(() => df.collect()).toThrow(expect.objectContaining({ name: 'PySparkValueError' }));
  });

  it('raises for a replacement group the pattern lacks, but only when a row matches', () => {
    const df = session().createDataFrame([{ s: 'abc' }]);
    expect(() => df.select(F.regexp_replace('s', 'b', '$1')).collect()).toThrow('No group 1');
    expect(df.filter(F.lit(false)).select(F.regexp_replace('s', 'b', '$1')).collect()).toEqual([]);
    expect(df.select(F.regexp_replace('s', '(b)', '[$1]').alias('r')).collect()[0]!.r).toBe('a[b]c');
    // Java reads `$12` as group 1 then "2" when there is no group 12.
    expect(df.select(F.regexp_replace('s', '(b)', '[$12]').alias('r')).collect()[0]!.r).toBe('a[b2]c');
    const paren = session().createDataFrame([{ s: 'a(bc' }]);
    expect(paren.select(F.regexp_replace('s', '\\((b)', '$1').alias('r')).collect()[0]!.r).toBe('abc');
  });

  it('raises NULL_MAP_KEY for a null map key', () => {
    const df = session().createDataFrame([{ k: null, i: 1 }], 'k string, i int');
    expect(() => df.select(F.create_map('k', F.lit(1))).collect()).toThrow(expect.objectContaining({ errorClass: 'NULL_MAP_KEY' }));
    expect(() => df.select(F.size(F.create_map('k', F.lit(1)))).collect()).toThrow(expect.objectContaining({ errorClass: 'NULL_MAP_KEY' }));
  });
});

forEachBackend('reliability: literal typing', (session) => {
  it('types whole numbers beyond the long range as double, never a wrapped bigint', () => {
    const df = session()
      .createDataFrame([{ a: 1 }])
      .select(F.col('a').plus(1e20).alias('x'), F.lit(1e20).alias('y'), F.lit(2 ** 60).alias('z'), F.lit(-(2 ** 63)).alias('w'));
    expect(df.schema.simpleString()).toBe('struct<x:double,y:double,z:bigint,w:bigint>');
    expect(df.collect()[0]!.asDict()).toEqual({ x: 1e20, y: 1e20, z: 2n ** 60n, w: -(2n ** 63n) });
  });

  it('rejects a bigint literal outside the long range like PySpark (VALUE_NOT_BETWEEN)', () => {
    expect(() => F.lit(2n ** 70n)).toThrow(expect.objectContaining({ errorClass: 'VALUE_NOT_BETWEEN' }));
    expect(() => F.lit(-(2n ** 63n) - 1n)).toThrow(expect.objectContaining({ errorClass: 'VALUE_NOT_BETWEEN' }));
    const max = session().createDataFrame([{ a: 1 }]).select(F.lit(2n ** 63n - 1n).alias('m'));
    expect(max.collect()[0]!.m).toBe(2n ** 63n - 1n);
  });
});

forEachBackend('reliability: user mistakes are typed errors with Spark classes', (session) => {
  const df = () => session().createDataFrame([{ a: 1, b: 'x' }, { a: 2, b: null }]);
  const errorClass = (f: () => unknown): string | undefined => {
    try {
      analyzed(f());
    } catch (err) {
      expect(SparklessError.isSparklessError(err)).toBe(true);
      return (err as SparklessError).errorClass;
    }
    throw new Error('expected an error');
  };

  it('requires OVER for window functions', () => {
    expect(() => analyzed(df().select(F.row_number()))).toThrow('[WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE] Window function "row_number()" requires an OVER clause.');
    expect(() => analyzed(df().select(F.lag('a')))).toThrow('Window function "lag(a, 1, NULL)" requires an OVER clause.');
    expect(errorClass(() => df().select(F.nth_value('a', 1)))).toBe('WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE');
    expect(errorClass(() => df().filter(F.row_number().gt(1)))).toBe('WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE');
    expect(errorClass(() => df().groupBy('b').agg(F.rank()))).toBe('WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE');
    expect(df().select(F.row_number().over(Window.orderBy('a')).alias('n')).collect().map((r) => r.n)).toEqual([1, 2]);
  });

  it('rejects ntile bucket counts outside (0, 2147483647]', () => {
    expect(() => analyzed(df().select(F.ntile(0).over(Window.orderBy('a'))))).toThrow(
      '[DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE] Cannot resolve "ntile(0)" due to data type mismatch: The buckets must be between (0, 2147483647] (current value = 0).',
    );
    expect(errorClass(() => df().select(F.ntile(-1).over(Window.orderBy('a'))))).toBe('DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE');
  });

  it('checks RANGE frames with offsets at analysis', () => {
    const sum = F.sum('a');
    expect(errorClass(() => df().select(sum.over(Window.partitionBy('b').rangeBetween(-1, 1))))).toBe('DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER');
    expect(errorClass(() => df().select(sum.over(Window.orderBy('a', 'b').rangeBetween(-1, 1))))).toBe('DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER');
    expect(errorClass(() => df().select(sum.over(Window.orderBy('b').rangeBetween(-1, 1))))).toBe(
      'DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE',
    );
    const ok = df().select(sum.over(Window.orderBy('a').rangeBetween(-1, 0)).alias('s'));
    expect(ok.collect().map((r) => r.s)).toEqual([1, 3]);
  });

  it('types wrong argument types of join and over', () => {
    expect(errorClass(() => df().join(df(), 42 as never))).toBe('NOT_COLUMN_OR_LIST_OR_STR');
    expect(df().join(df(), null as never).count()).toBe(4);
    expect(errorClass(() => F.row_number().over(null as never))).toBe('NOT_WINDOWSPEC');
    expect(errorClass(() => F.sum('a').over(undefined as never))).toBe('NOT_WINDOWSPEC');
  });

  it('rejects unknown columns and bad arguments in fillna, dropna and replace', () => {
    expect(() => df().fillna(0, ['zz'])).toThrow('A column or function parameter with name `zz` cannot be resolved. Did you mean one of the following? [`a`, `b`].');
    expect(errorClass(() => df().fillna('q', 'zz'))).toBe('UNRESOLVED_COLUMN.WITH_SUGGESTION');
    expect(errorClass(() => df().na.fill({ zz: 1 }))).toBe('UNRESOLVED_COLUMN.WITH_SUGGESTION');
    expect(errorClass(() => df().dropna('any', undefined, ['zz']))).toBe('UNRESOLVED_COLUMN.WITH_SUGGESTION');
    expect(errorClass(() => df().na.replace('x', 'y', ['zz']))).toBe('UNRESOLVED_COLUMN.WITH_SUGGESTION');
    expect(errorClass(() => df().dropna('any', 'x' as never))).toBe('NOT_INT');
    expect(errorClass(() => df().dropna('any', undefined, 42 as never))).toBe('NOT_LIST_OR_STR_OR_TUPLE');
    // Known columns, any case, still work.
    expect(dicts(df().fillna('q', ['B']).collect())).toEqual([
      { a: 1, b: 'x' },
      { a: 2, b: 'q' },
    ]);
    expect(df().dropna('any', undefined, 'b').count()).toBe(1);
  });
});

forEachBackend('reliability: found by the differential fuzzer', (session, backend) => {
  it('keeps a limit over a union that is itself unioned', () => {
    const a = session().createDataFrame([[null]], 'c0 int');
    const once = a.union(a).limit(1);
    expect(once.union(once).count()).toBe(2);
    expect(a.unionByName(a).offset(1).union(a).count()).toBe(2);
  });

  // Local order semantics: Spark does not order distinct's output, so which rows a limit keeps is its own choice.
  it.skipIf(backend === 'connect')('keeps the first distinct rows under a limit that is sorted afterwards', () => {
    const df = session().createDataFrame([[null], [0], [5]], 'c0 int');
    const top = df.distinct().limit(1);
    expect(top.orderBy(F.col('c0').asc_nulls_last()).orderBy(F.col('c0').desc()).collect().map((r) => r.c0)).toEqual([null]);
    expect(df.dropDuplicates(['c0']).limit(2).orderBy(F.col('c0').desc()).collect().map((r) => r.c0)).toEqual([0, null]);
  });

  it('casts a string literal after a filter (also in a column-less frame)', () => {
    const df = session().createDataFrame([['', null], ['', null]], 'c0 string, c1 string');
    const kept = df.filter(F.col('c0').isNotNull());
    expect(dicts(kept.select(F.lit('1').cast('float').alias('f'), F.lit(' 7 ').cast('int').alias('i')).collect())).toEqual([
      { f: 1, i: 7 },
      { f: 1, i: 7 },
    ]);
    expect(kept.select().select(F.lit('-1e+308').cast('double').alias('d')).collect().map((r) => r.d)).toEqual([-1e308, -1e308]);
  });

  it('matches NaN join keys with NaN, as Spark does', () => {
    const df = session().createDataFrame([[Number.NaN, null]], 'c0 double, c1 boolean');
    const right = df.select(F.col('c0').alias('r'));
    expect(df.join(right, F.col('c0').eq(F.col('r'))).count()).toBe(1);
    expect(df.join(right, F.col('c0').eqNullSafe(F.col('r'))).count()).toBe(1);
  });

  it('casts a date column to a number as null per row, and no row of an empty frame', () => {
    const empty = session().createDataFrame([], 'c0 date');
    expect(empty.withColumn('c0', F.col('c0').cast('int')).collect()).toEqual([]);
    expect(empty.select(F.col('c0').cast('double')).count()).toBe(0);
    const two = session().createDataFrame([[new Date(0)], [null]], 'c0 date');
    expect(two.select(F.col('c0').cast('bigint').alias('n')).collect().map((r) => r.n)).toEqual([null, null]);
  });

  it("casts '.', '-.' and '.5' to integral 0 and a bare sign to null, as Spark's toLong", () => {
    const df = session().createDataFrame(['.', '-.', '.5', '+', '+.', ' -.7 ', '1.x'].map((s) => [s]), 'c0 string');
    expect(df.select(F.col('c0').cast('int').alias('i')).collect().map((r) => r.i)).toEqual([0, 0, 0, null, 0, 0, null]);
  });
});
