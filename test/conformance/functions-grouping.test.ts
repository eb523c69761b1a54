/**
 * grouping / grouping_id with cube and rollup from the DataFrame API, and
 * reflect / java_method (they need a JVM: a typed error locally, Spark runs
 * them on connect).
 */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

forEachBackend('grouping and JVM-only functions', (session, backend) => {
  const df = () => session().createDataFrame([{ a: 1, b: 2, c: 3 }, { a: 1, b: 3, c: 4 }], 'a INT, b INT, c INT');

  it('grouping and grouping_id over a cube', () => {
    const r = df()
      .cube('a', 'b')
      .agg(F.grouping('a'), F.grouping_id(), F.grouping_id('a', 'b'), F.sum('c'))
      .orderBy('grouping(a)', 'grouping_id()', 'a', 'b');
    expect(r.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`)).toEqual([
      'a:int:true',
      'b:int:true',
      'grouping(a):tinyint:false',
      'grouping_id():bigint:false',
      'grouping_id(a, b):bigint:false',
      'sum(c):bigint:true',
    ]);
    expect(r.collect().map((x) => x.toArray())).toEqual([
      [1, 2, 0, 0, 0, 3],
      [1, 3, 0, 0, 0, 4],
      [1, null, 0, 1, 1, 7],
      [null, 2, 1, 2, 2, 3],
      [null, 3, 1, 2, 2, 4],
      [null, null, 1, 3, 3, 7],
    ]);
    const rollup = df().rollup('a').agg(F.grouping('a').alias('g')).orderBy('g');
    expect(rollup.collect().map((x) => x.toArray())).toEqual([
      [1, 0],
      [null, 1],
    ]);
  });

  it("grouping needs grouping sets and grouping columns (Spark's errors)", () => {
    expect(() => analyzed(df().groupBy('a').agg(F.grouping('a')))).toThrow('grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup.');
    expect(() => analyzed(df().rollup('a').agg(F.grouping('c')))).toThrow(/Column of grouping \(c.*\) can't be found in grouping columns a/);
    expect(() => analyzed(df().cube('a', 'b').agg(F.grouping_id('b', 'a')))).toThrow(/Columns of grouping_id \(b.*,a.*\) does not match grouping columns \(a.*,b.*\)/);
  });

  it('reflect and java_method need a JVM', () => {
    const q = () => session().range(1).select(F.java_method(F.lit('java.lang.Math'), F.lit('abs'), F.lit(-1)), F.reflect(F.lit('java.lang.Math'), F.lit('abs'), F.lit(-2)));
    if (backend === 'connect') expect(q().first()!.toArray()).toEqual(['1', '2']);
    else {
      expect(q).toThrow(/java_method is not implemented in sparkless: it calls a Java method by reflection and needs a JVM/);
      expect(() => session().sql("SELECT reflect('java.util.UUID', 'randomUUID')")).toThrow(/reflect is not implemented in sparkless/);
    }
  });
});
