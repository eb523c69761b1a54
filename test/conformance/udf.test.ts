import { vectorFromArray, type Vector } from 'apache-arrow';
import { expect, it } from 'vitest';
import { F, IntegerType, NotImplementedException, StringType } from '../../src/index.js';
import { analyzed, dicts, forEachBackend } from '../helpers/backends.js';

forEachBackend('UDFs', (session, backend) => {
  if (backend === 'connect') {
    it('a TypeScript UDF cannot run in Spark: a typed error names the limitation', () => {
      const spark = session();
      const plusOne = F.udf((x: number) => x + 1, 'int');
      expect(() => spark.range(2).select(plusOne('id')).collect()).toThrow(NotImplementedException);
      expect(() => spark.udf.register('plus_one', (x: number) => x + 1, 'int')).toThrow(/cannot run inside Spark/);
    });
    return;
  }

  it('row UDF: return type from a DDL string, column named after the function', () => {
    const spark = session();
    const plusOne = (x: number) => x + 1;
    const f = F.udf(plusOne, 'int');
    const df = spark.createDataFrame([[1], [2], [null]], 'a int').select(f('a'), F.udf((x: number | null) => (x === null ? 'none' : `v${x}`))(F.col('a')));
    expect(df.columns).toEqual(['plusOne(a)', '<lambda>(a)']);
    expect(df.schema.fields.map((x) => [x.dataType.simpleString(), x.nullable])).toEqual([
      ['int', true],
      ['string', true],
    ]);
    // The function is called with nulls (null + 1 is 1 in JS), as PySpark calls Python UDFs with None.
    expect(dicts(df.collect())).toEqual([
      { 'plusOne(a)': 2, '<lambda>(a)': 'v1' },
      { 'plusOne(a)': 3, '<lambda>(a)': 'v2' },
      { 'plusOne(a)': 1, '<lambda>(a)': 'none' },
    ]);
  });

  it('a result that does not fit the return type is null; integral results wrap as Java narrows', () => {
    const spark = session();
    const df = spark.createDataFrame([[1.5], [2]], 'x double');
    const half = F.udf((x: number) => x, new IntegerType());
    const str = F.udf((x: number) => x * 2, new StringType());
    const flag = F.udf((x: number) => (x > 1.8 ? true : 'yes'), 'boolean');
    const big = F.udf(() => 2 ** 31 + 5, 'int');
    const rows = df.select(half('x').alias('i'), str('x').alias('s'), flag('x').alias('b'), big().alias('w')).collect();
    expect(dicts(rows)).toEqual([
      { i: null, s: '3', b: null, w: -2147483643 },
      { i: 2, s: '4', b: true, w: -2147483643 },
    ]);
  });

  it('struct, array and date arguments arrive as collect() returns them', () => {
    const spark = session();
    const df = spark.sql("SELECT named_struct('a', 1, 'b', 'x') AS s, array(1, 2, 3) AS xs, DATE'2024-02-03' AS d");
    const f = F.udf((s: { a: number; b: string }, xs: number[], d: Date) => `${s.b}${s.a}:${xs.length}:${d.toISOString().slice(0, 10)}`);
    expect(df.select(f('s', 'xs', 'd').alias('r')).first()!.get('r')).toBe('x1:3:2024-02-03');
    const mk = F.udf((n: number) => ({ k: n, v: [n, n] }), 'struct<k:int,v:array<int>>');
    expect(dicts(df.select(mk(F.lit(4)).alias('m')).collect())).toEqual([{ m: { k: 4, v: [4, 4] } }]);
  });

  it('spark.udf.register: callable from spark.sql, F.expr, selectExpr, call_udf and call_function, named as registered', () => {
    const spark = session();
    const registered = spark.udf.register('addTen', (x: number) => x + 10, 'bigint');
    expect(registered.udfName).toBe('addTen');
    spark.createDataFrame([[1], [2]], 'id int').createOrReplaceTempView('t');
    const viaSql = spark.sql('SELECT addTen(id) FROM t');
    expect(viaSql.columns).toEqual(['addTen(id)']);
    expect(viaSql.collect().map((r) => r.get(0))).toEqual([11, 12]);
    const df = spark.table('t');
    expect(df.select(F.expr('ADDTEN(id) * 2').alias('x')).collect().map((r) => r.get(0))).toEqual([22, 24]);
    expect(df.selectExpr('addten(id)').collect().map((r) => r.get(0))).toEqual([11, 12]);
    expect(df.select(F.call_udf('addTen', 'id')).columns).toEqual(['addTen(id)']);
    expect(df.select(F.call_function('addTen', F.col('id'))).collect().map((r) => r.get(0))).toEqual([11, 12]);
    // A UDF made by F.udf keeps its return type and takes the registered name.
    spark.udf.register('twice', F.udf((x: number) => x * 2, 'int'));
    expect(spark.sql('SELECT twice(3) AS v').first()!.get('v')).toBe(6);
    expect(() => spark.udf.register('bad', F.udf((x: number) => x, 'int'), 'int')).toThrow(/CANNOT_SPECIFY_RETURN_TYPE_FOR_UDF/);
  });

  it('call_function calls builtins by their SQL name, with Spark names', () => {
    const spark = session();
    const df = spark.createDataFrame([[1, 'a'], [3, 'b']], 'x int, s string');
    // avg is an aggregate: beside a non-aggregated column it is Spark's MISSING_GROUP_BY
    expect(() => analyzed(df.select(F.call_function('avg', F.col('x')), F.call_function('ucase', 's')))).toThrow(/MISSING_GROUP_BY/);
    const agg = df.select(F.call_function('avg', 'x'));
    expect(agg.columns).toEqual(['avg(x)']);
    expect(agg.first()!.get(0)).toBe(2);
    expect(df.select(F.call_function('ucase', 's')).columns).toEqual(['ucase(s)']);
    expect(() => df.select(F.call_udf('nope', 'x')).collect()).toThrow(/UNRESOLVED_ROUTINE/);
  });

  it('UDFs in filters, grouping keys, aggregate arguments and joins', () => {
    const spark = session();
    const df = spark.createDataFrame([[1, 'a'], [2, 'b'], [3, 'a'], [4, null]], 'n int, s string');
    const isOdd = F.udf((x: number) => x % 2 === 1, 'boolean');
    const upper = F.udf((x: string | null) => (x === null ? null : x.toUpperCase()));
    const square = F.udf((x: number) => x * x, 'int');
    expect(df.filter(isOdd('n')).collect().map((r) => r.get('n'))).toEqual([1, 3]);
    const grouped = df.groupBy(upper('s').alias('k')).agg(F.sum(square('n')).alias('sq')).orderBy('k');
    expect(grouped.collect().map((r) => r.toArray())).toEqual([
      [null, 16],
      ['A', 10],
      ['B', 4],
    ]);
    const other = spark.createDataFrame([['A', 'x']], 'k string, v string');
    const joined = df.join(other, upper(df.col('s')).eq(other.col('k'))).select('n', 'v').orderBy('n');
    expect(joined.collect().map((r) => r.toArray())).toEqual([
      [1, 'x'],
      [3, 'x'],
    ]);
  });

  it('asNondeterministic keeps the function and marks the UDF', () => {
    const f = F.udf((x: number) => x, 'int');
    const g = f.asNondeterministic();
    expect([f.deterministic, g.deterministic]).toEqual([true, false]);
    expect(session().range(2).select(g('id').alias('v')).collect().map((r) => r.get('v'))).toEqual([0, 1]);
  });

  it('vectorized UDF: whole Arrow columns per batch', () => {
    const spark = session();
    const calls: number[] = [];
    const plus = F.vectorizedUdf((a: Vector, b: Vector) => {
      calls.push(a.length);
      const out: (number | null)[] = [];
      for (let i = 0; i < a.length; i++) out.push(a.get(i) === null ? null : Number(a.get(i)) + Number(b.get(i)));
      return out;
    }, 'double');
    const df = spark.range(25_000).select(plus('id', F.lit(0.5)).alias('v'));
    const vals = df.collect().map((r) => r.get('v'));
    expect(vals.length).toBe(25_000);
    expect(vals[0]).toBe(0.5);
    expect(vals[24_999]).toBe(24_999.5);
    expect(calls).toEqual([10_000, 10_000, 5_000]);
    expect(() => spark.range(3).select(F.vectorizedUdf(() => [1], 'int')().alias('x')).collect()).toThrow(/not the required length/);
    // An Arrow Vector result: read directly when its type is the return type, converted value by value otherwise.
    const asDouble = F.vectorizedUdf((a: Vector) => vectorFromArray(Array.from(a, (x) => Number(x) / 2)), 'double');
    const asLong = F.vectorizedUdf((a: Vector) => vectorFromArray(Array.from(a, (x) => Number(x) * 2)), 'bigint');
    expect(spark.range(3).select(asDouble('id').alias('h'), asLong('id').alias('d')).collect().map((r) => r.toArray())).toEqual([
      [0, 0],
      [0.5, 2],
      [1, 4],
    ]);
  });

  it('an exception in the function fails the query with the UDF name', () => {
    const boom = F.udf(function explode() {
      throw new Error('bad row');
    }, 'int');
    expect(() => session().range(1).select(boom()).collect()).toThrow(/UDF 'explode': bad row/);
  });

  it("udf(returnType) is PySpark's decorator form; Java UDF registration is a typed error", () => {
    const makeInt = F.udf('int');
    const half = makeInt(function half(x: number) {
      return x / 2;
    });
    const rows = session().range(3).select(half('id')).collect();
    expect(rows.map((r) => r.get('half(id)'))).toEqual([0, null, 1]);
    expect(() => session().udf.registerJavaFunction('f', 'com.x.F')).toThrow(NotImplementedException);
  });

  it('pandas_udf and udtf throw typed errors naming the TypeScript alternative', () => {
    expect(() => F.pandas_udf((x: unknown) => x, 'int')).toThrow(/vectorizedUdf/);
    expect(() => F.udtf(class {})).toThrow(/mapInArrow/);
    expect(() => F.udf(3 as never)).toThrow(/NOT_CALLABLE/);
  });
});
