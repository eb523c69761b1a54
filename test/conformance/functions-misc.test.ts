/**
 * hash, typeof, parse_url, regexp_extract_all, session information and row
 * ids: values, types and names as Spark 3.5.7 gives them.
 */
import { expect, it } from 'vitest';
import { ExecutionException, F, SparkRuntimeException } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

const { col, lit } = F;

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

forEachBackend('misc functions', (session, backend) => {
  const one = () => session().createDataFrame([{ i: 1, s: 'a' }], 'i INT NOT NULL, s STRING NOT NULL');
  const schemaOf = (df: ReturnType<typeof one>) => df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`);

  it("hash is Spark's Murmur3 with seed 42", () => {
    const df = one().select(F.hash('i'), F.hash('s'), F.hash('i', 's'), F.hash(lit(null)), F.hash(col('i').cast('bigint')), F.hash(lit(1.5)), F.hash(F.array(lit(1), lit(2))), F.hash(lit(true)));
    expect(df.columns.slice(0, 4)).toEqual(['hash(i)', 'hash(s)', 'hash(i, s)', 'hash(NULL)']);
    expect(schemaOf(df)[0]).toBe('hash(i):int:false');
    expect(df.first()!.toArray()).toEqual([-559580957, 1485273170, -936062819, 42, -1712319331, 1290763749, -222940379, -559580957]);
  });

  it('typeof names the type as Spark writes it', () => {
    const df = one().select(F.typeof('i'), F.typeof(F.array(col('i').cast('bigint'))), F.typeof(F.struct('i', 's')), F.typeof(lit(null)));
    // Spark Connect (3.5.7) names the column after analysis, so implicit casts and some explicit ones do not show; classic PySpark names it from the expression as written.
    const arrayName = backend === 'connect' ? 'typeof(array(i))' : 'typeof(array(CAST(i AS BIGINT)))';
    expect(df.columns).toEqual(['typeof(i)', arrayName, 'typeof(struct(i, s))', 'typeof(NULL)']);
    expect(df.first()!.toArray()).toEqual(['int', 'array<bigint>', 'struct<i:int,s:string>', 'void']);
  });

  it('parse_url and regexp_extract_all', () => {
    const url = lit('http://u:p@h:8080/p/q.html?x=1&k=v#f');
    const parts = ['HOST', 'PATH', 'QUERY', 'REF', 'PROTOCOL', 'FILE', 'AUTHORITY', 'USERINFO', 'XYZ'];
    const df = one().select(...parts.map((p) => F.parse_url(url, lit(p))), F.parse_url(url, lit('QUERY'), lit('k')), F.parse_url(lit('bad url'), lit('HOST')));
    expect(schemaOf(df)[0]).toBe('parse_url(http://u:p@h:8080/p/q.html?x=1&k=v#f, HOST):string:true');
    expect(df.first()!.toArray()).toEqual(['h', '/p/q.html', 'x=1&k=v', 'f', 'http', '/p/q.html?x=1&k=v', 'u:p@h:8080', 'u:p', null, 'v', null]);
    const re = one().select(F.regexp_extract_all(lit('1a 2b 14m'), lit('(\\d+)([a-z]+)'), 2), F.regexp_extract_all(lit('1a 2b'), lit('(\\d+)')));
    expect(schemaOf(re)).toEqual(['regexp_extract_all(1a 2b 14m, (\\d+)([a-z]+), 2):array<string>:false', 'regexp_extract_all(1a 2b, (\\d+), 1):array<string>:false']);
    expect(re.first()!.toArray()).toEqual([['a', 'b', 'm'], ['1', '2']]);
  });

  it('session information and row ids', () => {
    const df = session()
      .createDataFrame([{ x: 'a' }, { x: 'b' }, { x: 'c' }], 'x STRING')
      .select(F.current_database(), F.current_schema(), F.current_catalog(), F.spark_partition_id(), F.monotonically_increasing_id());
    expect(schemaOf(df)).toEqual([
      'current_database():string:false',
      'current_database():string:false',
      'current_catalog():string:false',
      'SPARK_PARTITION_ID():int:false',
      'monotonically_increasing_id():bigint:false',
    ]);
    expect(df.collect().map((r) => r.toArray())).toEqual([
      ['default', 'default', 'spark_catalog', 0, 0],
      ['default', 'default', 'spark_catalog', 0, 1],
      ['default', 'default', 'spark_catalog', 0, 2],
    ]);
  });

  it('assert_true and raise_error fail the query with Spark\'s messages', () => {
    const df = session().createDataFrame([{ x: 1 }, { x: -1 }], 'x INT');
    const ok = df.filter(col('x').gt(0)).select(F.assert_true(col('x').gt(0)), F.assert_true(col('x').gt(0), 'bad'));
    const names = ok.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`);
    // Spark Connect 3.5.7 builds the default message from the resolved condition, with its expression id (x#123).
    if (backend === 'connect') expect(names[0]).toMatch(/^assert_true\(\(x > 0\), '\(x#\d+ > 0\)' is not true!\):void:true$/);
    else expect(names[0]).toBe("assert_true((x > 0), '(x > 0)' is not true!):void:true");
    expect(names[1]).toBe('assert_true((x > 0), bad):void:true');
    expect(ok.collect().map((r) => r.toArray())).toEqual([[null, null]]);
    expect(() => df.select(F.assert_true(col('x').gt(0))).collect()).toThrow(backend === 'connect' ? /'\(x#\d+ > 0\)' is not true!/ : "'(x > 0)' is not true!");
    expect(() => df.select(F.assert_true(col('x').gt(0), F.concat(lit('v'), col('x')))).collect()).toThrow('v-1');
    expect(() => df.select(F.raise_error('boom')).collect()).toThrow('boom');
    // Spark 3.5.7 throws a plain java.lang.RuntimeException (no error class; USER_RAISED_EXCEPTION is Spark 4),
    // which reaches PySpark's Connect client inside a SparkException: no specific class, as ExecutionException here.
    for (const failing of [F.raise_error('boom'), F.assert_true(col('x').gt(0), 'bad')]) {
      const err = catchError(() => df.select(failing).collect());
      expect(err).toBeInstanceOf(ExecutionException);
      expect(err).not.toBeInstanceOf(SparkRuntimeException);
      expect((err as ExecutionException).errorClass).toBeUndefined();
    }
    expect(df.select(F.raise_error('boom')).columns).toEqual(['raise_error(boom)']);
    expect(df.select(F.current_user(), F.user()).columns).toEqual(['current_user()', 'current_user()']);
  });
});
