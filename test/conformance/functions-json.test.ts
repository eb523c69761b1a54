/**
 * from_json, to_json, schema_of_json, get_json_object, json_tuple,
 * json_array_length, json_object_keys: values, types, names and errors as
 * Spark 3.5.7 gives them.
 */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { IntegerType, StructField, StructType, StringType } from '../../src/types/data-types.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

const { col } = F;

forEachBackend('JSON functions', (session, backend) => {
  const schemaOf = (df: { schema: StructType }) => df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`);
  const docs = () =>
    session().createDataFrame([{ j: '{"a":1,"b":"x"}' }, { j: '{"a":"oops","b":"y"}' }, { j: '{bad' }, { j: null }], 'j STRING');

  it('from_json reads a DDL schema, a StructType or a schema_of_json column; PERMISSIVE keeps the fields that parsed', () => {
    const st = new StructType([new StructField('a', new IntegerType(), false), new StructField('b', new StringType())]);
    const df = docs().select(F.from_json('j', 'a INT, b STRING, _corrupt_record STRING').alias('p'), F.from_json(col('j'), st), F.from_json('j', F.schema_of_json('{"a":1}')));
    expect(schemaOf(df)).toEqual(['p:struct<a:int,b:string,_corrupt_record:string>:true', 'from_json(j):struct<a:int,b:string>:true', 'from_json(j):struct<a:bigint>:true']);
    expect(df.collect().map((r) => r.toArray().map((v) => (v === null ? null : (v as { toArray(): unknown[] }).toArray())))).toEqual([
      [[1, 'x', null], [1, 'x'], [1]],
      [[null, 'y', '{"a":"oops","b":"y"}'], [null, 'y'], [null]],
      [[null, null, '{bad'], [null, null], [null]],
      [null, null, null],
    ]);
  });

  it('from_json options: FAILFAST fails, DROPMALFORMED is refused, allowSingleQuotes switches, unknown options are ignored', () => {
    const df = session().createDataFrame([{ j: "{'a':1}" }], 'j STRING');
    const r = df.select(F.from_json('j', 'a INT').getField('a'), F.from_json('j', 'a INT', { allowSingleQuotes: false }).getField('a'), F.from_json('j', 'a INT', { foo: 'bar' }).getField('a')).first()!;
    expect(r.toArray()).toEqual([1, null, 1]);
    // Spark Connect 3.5.7 relays this SparkException without its message.
    const failFast = () => docs().select(F.from_json('j', 'a INT', { mode: 'FAILFAST' })).collect();
    if (backend === 'connect') expect(failFast).toThrow();
    else expect(failFast).toThrow(/MALFORMED_RECORD_IN_PARSING.*Malformed records are detected in record parsing: \[\{"a":"oops"/);
    // Spark checks the mode when it builds the parser, at execution.
    const dropMalformed = docs().select(F.from_json('j', 'a INT', { mode: 'DROPMALFORMED' }));
    expect(dropMalformed.columns).toEqual(['from_json(j)']);
    expect(() => dropMalformed.collect()).toThrow("from_json() doesn't support the DROPMALFORMED mode");
    expect(() => analyzed(docs().select(F.from_json('j', 'INT')))).toThrow(/INVALID_JSON_SCHEMA|must be a struct, an array or a map/);
  });

  it('from_json of arrays and maps: a value that does not fit makes the whole result null', () => {
    const df = session().sql(
      `SELECT from_json('[1,2]', 'array<int>') a, from_json('[1,"x"]', 'array<int>') b, from_json('{"k":1}', 'map<string,int>') c, from_json('[1]', 'map<string,int>') d, from_json('', 'a INT') e, from_json('{"a":1} tail', 'a INT') f`,
    );
    expect(schemaOf(df)).toEqual(['a:array<int>:true', 'b:array<int>:true', 'c:map<string,int>:true', 'd:map<string,int>:true', 'e:struct<a:int>:true', 'f:struct<a:int>:true']);
    const r = df.first()!.toArray();
    expect(r.slice(0, 2)).toEqual([[1, 2], null]);
    expect(r[2]).toEqual(new Map([['k', 1]]));
    expect(r[3]).toBeNull();
    expect(r[4]).toBeNull();
    expect((r[5] as { toArray(): unknown[] }).toArray()).toEqual([1]);
  });

  it('from_json: an object read as an array of structs is its one element; a map schema names the column entries', () => {
    const df = session().sql(`SELECT from_json('{"a": 1}', 'array<struct<a:int>>'), from_json('{"a": 1}', 'array<map<string,int>>') m, from_json('{"a":1}', 'map<string, int>')`);
    expect(df.columns).toEqual(['from_json({"a": 1})', 'm', 'entries']);
    const r = df.first()!.toArray();
    expect((r[0] as { toArray(): unknown[] }[]).map((x) => x.toArray())).toEqual([[1]]);
    expect(r[1]).toBeNull();
    expect(r[2]).toEqual(new Map([['a', 1]]));
    const api = session().createDataFrame([{ j: '{"a":1}' }], 'j STRING').select(F.from_json('j', 'map<string,int>'));
    expect(api.columns).toEqual(['entries']);
  });

  it('from_json/from_csv parse the schema as one type first: a syntax error there wins over an unsupported type', () => {
    for (const fn of [`from_json('{"a":1}'`, `from_csv('1'`]) {
      expect(() => analyzed(session().sql(`SELECT ${fn}, 'a InvalidType')`))).toThrow("[PARSE_SYNTAX_ERROR] Syntax error at or near 'InvalidType': extra input 'InvalidType'.");
      expect(() => analyzed(session().sql(`SELECT ${fn}, 'a INT, b InvalidType')`))).toThrow("[PARSE_SYNTAX_ERROR] Syntax error at or near 'INT'.");
      expect(() => analyzed(session().sql(`SELECT ${fn}, 'InvalidType')`))).toThrow('[UNSUPPORTED_DATATYPE] Unsupported data type "INVALIDTYPE".');
    }
  });

  it('to_json writes structs, arrays and maps as Spark does', () => {
    const df = session().sql(
      `SELECT to_json(named_struct('a', 1, 'b', CAST(NULL AS STRING), 't', timestamp'2020-01-02 03:04:05', 'x', 1.5d)) s, to_json(array(named_struct('a', 1))) a, to_json(map('k', 2)) m, to_json(named_struct('a', CAST(NULL AS INT)), map('ignoreNullFields', 'false')) n`,
    );
    expect(schemaOf(df)).toEqual(['s:string:true', 'a:string:true', 'm:string:true', 'n:string:true']);
    expect(df.first()!.toArray()).toEqual(['{"a":1,"t":"2020-01-02T03:04:05.000Z","x":1.5}', '[{"a":1}]', '{"k":2}', '{"a":null}']);
    const api = session().createDataFrame([{ a: 1 }], 'a INT').select(F.to_json(F.struct('a')), F.to_json(F.struct('a'), { ignoreNullFields: false }));
    expect(api.columns).toEqual(['to_json(struct(a))', 'to_json(struct(a))']);
    expect(() => analyzed(session().createDataFrame([{ a: 1 }], 'a INT').select(F.to_json('a')))).toThrow('Input schema "INT" must be a struct, an array or a map');
  });

  it('schema_of_json infers as the JSON source does, and needs a literal', () => {
    const df = session().sql(
      `SELECT schema_of_json('{"a":[1,2],"b":{"c":1.5}}') a, schema_of_json('[{"a b":null, "c": true, "B": 1e3}]') b, schema_of_json('{}') c, schema_of_json('1') d, schema_of_json('{"a": 1.5}', map('prefersDecimal', 'true')) e`,
    );
    expect(schemaOf(df)[0]).toBe('a:string:false');
    expect(df.first()!.toArray()).toEqual(['STRUCT<a: ARRAY<BIGINT>, b: STRUCT<c: DOUBLE>>', 'ARRAY<STRUCT<B: DOUBLE, `a b`: STRING, c: BOOLEAN>>', 'STRUCT<>', 'BIGINT', 'STRUCT<a: DECIMAL(2,1)>']);
    expect(docs().select(F.schema_of_json('{"x":"y"}')).columns).toEqual(['schema_of_json({"x":"y"})']);
    expect(() => analyzed(docs().select(F.schema_of_json(col('j'))))).toThrow('the input json should be a foldable "STRING" expression');
  });

  it('get_json_object, json_array_length and json_object_keys', () => {
    const df = session()
      .createDataFrame([{ j: '{"a":{"b":[1,2]},"s":"x","n":null}' }, { j: '[1,2,3]' }, { j: 'nope' }, { j: null }], 'j STRING')
      .select(F.get_json_object('j', '$.a.b[1]'), F.get_json_object('j', '$.s'), F.get_json_object('j', '$.a'), F.json_array_length('j'), F.json_object_keys('j'));
    expect(schemaOf(df)).toEqual([
      'get_json_object(j, $.a.b[1]):string:true',
      'get_json_object(j, $.s):string:true',
      'get_json_object(j, $.a):string:true',
      'json_array_length(j):int:true',
      'json_object_keys(j):array<string>:true',
    ]);
    expect(df.collect().map((r) => r.toArray())).toEqual([
      ['2', 'x', '{"b":[1,2]}', null, ['a', 's', 'n']],
      [null, null, null, 3, null],
      [null, null, null, null, null],
      [null, null, null, null, null],
    ]);
    expect(() => analyzed(session().sql("SELECT get_json_object(1, '$.a')"))).toThrow('Parameter 1 requires the "STRING" type, however "1" has the type "INT"');
  });

  it('json_tuple generates columns c0, c1, ...', () => {
    const df = session().createDataFrame([{ j: '{"a":1,"b":{"c":2}}' }, { j: 'bad' }], 'j STRING');
    const t = df.select(F.json_tuple('j', 'a', 'b', 'z'));
    expect(schemaOf(t)).toEqual(['c0:string:true', 'c1:string:true', 'c2:string:true']);
    expect(t.collect().map((r) => r.toArray())).toEqual([
      ['1', '{"c":2}', null],
      [null, null, null],
    ]);
    const s = session().sql(`SELECT json_tuple('{"a":1}', 'a', 'b') AS (x, y)`);
    expect(s.columns).toEqual(['x', 'y']);
    expect(() => analyzed(session().sql(`SELECT json_tuple('{"a":1}', 1)`))).toThrow('all arguments must be strings');
  });
});
