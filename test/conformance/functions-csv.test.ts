/** from_csv, to_csv, schema_of_csv: values, types, names and errors as Spark 3.5.7 gives them. */
import { expect, it } from 'vitest';
import { F, NotImplementedException } from '../../src/index.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

const { col } = F;
const rowOf = (v: unknown): unknown => (v === null ? null : (v as { toArray(): unknown[] }).toArray());

forEachBackend('CSV functions', (session, backend) => {
  it('from_csv converts one record per row; PERMISSIVE keeps what parsed', () => {
    const df = session()
      .createDataFrame([{ s: '1,abc' }, { s: 'x,1' }, { s: '1' }, { s: null }], 's STRING')
      .select(F.from_csv('s', 'a INT, b STRING'), F.from_csv(col('s'), 'a INT, _corrupt_record STRING', { mode: 'PERMISSIVE' }).alias('c'));
    expect(df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`)).toEqual(['from_csv(s):struct<a:int,b:string>:true', 'c:struct<a:int,_corrupt_record:string>:true']);
    expect(df.collect().map((r) => r.toArray().map(rowOf))).toEqual([
      [[1, 'abc'], [1, '1,abc']],
      [[null, '1'], [null, 'x,1']],
      [[1, null], [1, null]],
      [null, null],
    ]);
  });

  it('options: sep, dateFormat and FAILFAST', () => {
    const df = session().sql(`SELECT from_csv('1;2', 'a INT, b INT', map('sep', ';')) f, from_csv('2020/01/02', 'd DATE', map('dateFormat', 'yyyy/MM/dd')).d d`);
    const r = df.first()!.toArray();
    expect(rowOf(r[0])).toEqual([1, 2]);
    expect((r[1] as Date).toISOString().slice(0, 10)).toBe('2020-01-02');
    expect(() => session().sql(`SELECT from_csv('x', 'a INT', map('mode', 'FAILFAST'))`).collect()).toThrow();
    expect(() => analyzed(session().sql(`SELECT from_csv('1', 'array<int>')`))).toThrow('The input expression should be evaluated to struct type, but got "ARRAY<INT>"');
  });

  it('to_csv and schema_of_csv', () => {
    const df = session().sql(
      `SELECT to_csv(named_struct('a', 1, 'b', 'x,y', 'c', CAST(NULL AS INT))) a, to_csv(named_struct('t', timestamp'2020-01-02 03:04:05', 'd', date'2020-01-01', 'x', 1.5d, 's', '')) b,
        schema_of_csv('1,abc,2.5,true,2020-01-01') c, schema_of_csv('a|1', map('sep', '|')) d`,
    );
    expect(df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`)).toEqual(['a:string:true', 'b:string:true', 'c:string:false', 'd:string:false']);
    expect(df.first()!.toArray()).toEqual(['1,"x,y",', '2020-01-02T03:04:05.000Z,2020-01-01,1.5,""', 'STRUCT<_c0: INT, _c1: STRING, _c2: DOUBLE, _c3: BOOLEAN, _c4: DATE>', 'STRUCT<_c0: STRING, _c1: INT>']);
    const api = session().createDataFrame([{ a: 1, b: 'x' }], 'a INT, b STRING').select(F.to_csv(F.struct('a', 'b')), F.schema_of_csv('1,2'));
    expect(api.columns).toEqual(['to_csv(struct(a, b))', 'schema_of_csv(1,2)']);
    expect(api.first()!.toArray()).toEqual(['1,x', 'STRUCT<_c0: INT, _c1: INT>']);
  });

  it('to_csv prints nested fields as Spark 3.5 does (internal toString), a binary one is not modelled', (ctx) => {
    const df = session().sql(`SELECT to_csv(named_struct('a', array(1, NULL), 'm', map('k', DATE'1970-01-03'), 's', named_struct('x', 1.5F, 'y', 'z'), 'i', INTERVAL '2' HOUR)) r`);
    expect(df.first()!.toArray()).toEqual(['"[1,null]","keys: [k], values: [2]","[1.5,z]",INTERVAL \'02\' HOUR']);
    if (backend === 'connect') return ctx.skip();
    // Spark prints a JVM object reference (`[B@6524df1f`), which no local backend can reproduce.
    expect(() => session().sql(`SELECT to_csv(named_struct('b', array(X'01')))`).collect()).toThrow(NotImplementedException);
  });
});
