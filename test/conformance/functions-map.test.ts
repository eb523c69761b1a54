/**
 * Map and struct functions, the inline/stack generators and sentences of
 * PySpark 3.5 (issue 9's collection family): values, types, nullability,
 * duplicate-key errors and column names as Spark 3.5.7 gives them.
 */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import type { DataFrame } from '../../src/api/dataframe.js';
import { analyzed, forEachBackend } from '../helpers/backends.js';

const { col, lit } = F;

const types = (df: DataFrame): string[] => df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`);
/** A collected map as sorted entries, for comparisons independent of the Map class. */
const entries = (m: unknown): unknown => (m instanceof Map ? [...m.entries()] : m);

forEachBackend('map functions', (session) => {
  const df = () =>
    session().createDataFrame(
      [
        { m: new Map([['a', 1], ['b', 2]]), n: new Map([['b', 20], ['c', 30]]), k: ['x', 'y'], v: [1, null], s: 'a:1,b:2' },
        { m: null, n: new Map([['z', 0]]), k: ['x'], v: [1], s: null },
      ],
      'm MAP<STRING, INT>, n MAP<STRING, INT>, k ARRAY<STRING>, v ARRAY<INT>, s STRING',
    );

  it('map_concat, map_contains_key, map_entries, map_from_arrays and map_from_entries', () => {
    const out = df().select(
      F.map_concat('m', F.create_map(lit('q'), lit(9))),
      F.map_contains_key('m', 'b'),
      F.map_entries('n'),
      F.map_from_arrays('k', 'v'),
      F.map_from_entries(F.map_entries('n')),
    );
    expect(types(out)).toEqual([
      'map_concat(m, map(q, 9)):map<string,int>:true',
      'map_contains_key(m, b):boolean:true',
      'map_entries(n):array<struct<key:string,value:int>>:true',
      'map_from_arrays(k, v):map<string,int>:true',
      'map_from_entries(map_entries(n)):map<string,int>:true',
    ]);
    const rows = out.collect().map((r) => r.toArray().map(entries));
    expect(rows[0]).toEqual([
      [['a', 1], ['b', 2], ['q', 9]],
      true,
      [expect.objectContaining({ key: 'b', value: 20 }), expect.objectContaining({ key: 'c', value: 30 })],
      [['x', 1], ['y', null]],
      [['b', 20], ['c', 30]],
    ]);
    expect(rows[1]).toEqual([null, null, [expect.objectContaining({ key: 'z', value: 0 })], [['x', 1]], [['z', 0]]]);
  });

  it('duplicate keys are DUPLICATED_MAP_KEY by default; NULL keys NULL_MAP_KEY; unequal arrays fail', () => {
    expect(() => df().select(F.map_concat('m', 'n')).collect()).toThrow(/Duplicate map key b was found/);
    expect(() => df().select(F.map_from_arrays(F.array(lit('a'), lit(null).cast('string')), 'k')).collect()).toThrow(
      /NULL_MAP_KEY|Cannot use null as map key/,
    );
    expect(() => df().select(F.map_from_arrays('k', F.array(lit(1)))).collect()).toThrow(
      'The key array and value array of MapData must have the same length.',
    );
    expect(() => analyzed(df().select(F.map_concat('m', 'k')))).toThrow(
      'The `map_concat` should all be of type map, but it\'s ["MAP<STRING, INT>", "ARRAY<STRING>"]',
    );
    expect(() => analyzed(df().select(F.map_contains_key('m', 1)))).toThrow(/MAP_FUNCTION_DIFF_TYPES|same key type/);
  });

  it('a NULL key: element_at/try_element_at/[] give NULL, map_contains_key is NULL_TYPE', () => {
    const out = session().sql("SELECT element_at(map(1, 'a'), NULL), try_element_at(map('a', 1), NULL), map(1, 'a')[NULL]");
    expect(out.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}`)).toEqual([
      'element_at(map(1, a), NULL):string',
      'try_element_at(map(a, 1), NULL):int',
      'map(1, a)[NULL]:string',
    ]);
    expect(out.first()!.toArray()).toEqual([null, null, null]);
    expect(() => analyzed(session().sql("SELECT map_contains_key(map(1, 'a'), NULL)"))).toThrow(
      '[DATATYPE_MISMATCH.NULL_TYPE] Cannot resolve "map_contains_key(map(1, a), NULL)" due to data type mismatch: Null typed values cannot be used as arguments of `map_contains_key`.',
    );
  });

  it('spark.sql.mapKeyDedupPolicy=LAST_WIN keeps the last value at the key\'s first position', () => {
    session().conf.set('spark.sql.mapKeyDedupPolicy', 'LAST_WIN');
    const out = df().select(F.map_concat('m', 'n'), F.map_from_arrays(F.array(lit('x'), lit('y'), lit('x')), F.array(lit(1), lit(2), lit(3))));
    expect(out.first()!.toArray().map(entries)).toEqual([
      [
        ['a', 1],
        ['b', 20],
        ['c', 30],
      ],
      [
        ['x', 3],
        ['y', 2],
      ],
    ]);
  });

  it('map_zip_with runs the lambda over the union of keys, NULL for a missing side', () => {
    const out = df().select(F.map_zip_with('m', 'n', (_k, v1, v2) => F.coalesce(v1, lit(0)).plus(F.coalesce(v2, lit(0)))).alias('z'));
    expect(types(out)).toEqual(['z:map<string,int>:true']);
    expect(out.collect().map((r) => entries(r.get(0)))).toEqual([
      [
        ['a', 1],
        ['b', 22],
        ['c', 30],
      ],
      null,
    ]);
    expect(df().select(F.map_zip_with('m', 'n', (_k, v1, _v2) => v1)).columns[0]).toBe(
      'map_zip_with(m, n, lambdafunction(namedlambdavariable(), namedlambdavariable(), namedlambdavariable(), namedlambdavariable()))',
    );
  });

  it('str_to_map shows its default delimiters in the name; delimiters are regular expressions', () => {
    const out = df().select(F.str_to_map('s'), F.str_to_map(lit('a=1;b'), lit(';'), lit('=')));
    expect(types(out)).toEqual(['str_to_map(s, ,, :):map<string,string>:true', 'str_to_map(a=1;b, ;, =):map<string,string>:false']);
    expect(out.collect().map((r) => r.toArray().map(entries))).toEqual([
      [
        [
          ['a', '1'],
          ['b', '2'],
        ],
        [
          ['a', '1'],
          ['b', null],
        ],
      ],
      [null, [['a', '1'], ['b', null]]],
    ]);
    expect(() => df().select(F.str_to_map(lit('a:1,a:2'))).collect()).toThrow(/Duplicate map key a was found/);
  });

  it('named_struct takes literal names', () => {
    const out = df().select(F.named_struct(lit('key'), col('s'), lit('n'), lit(1)));
    expect(types(out)).toEqual(['named_struct(key, s, n, 1):struct<key:string,n:int>:false']);
    expect(out.first()!.get(0)).toEqual(expect.objectContaining({ key: 'a:1,b:2', n: 1 }));
    expect(() => analyzed(df().select(F.named_struct(col('s'), lit(1))))).toThrow(
      'Only foldable `STRING` expressions are allowed to appear at odd position, but they are ["s"]',
    );
    expect(() => analyzed(df().select(F.named_struct(lit('a'))))).toThrow(/requires 2n \(n > 0\) parameters but the actual number is 1/);
  });

  it('inline names columns after the struct fields; inline_outer keeps empty rows', () => {
    const rows = session().createDataFrame(
      [
        { id: 1, xs: [{ p: 1, q: 'a' }, null] },
        { id: 2, xs: [] },
      ],
      'id INT, xs ARRAY<STRUCT<p: INT, q: STRING>>',
    );
    const out = rows.select('id', F.inline('xs'));
    expect(types(out)).toEqual(['id:int:true', 'p:int:true', 'q:string:true']);
    expect(out.collect().map((r) => r.toArray())).toEqual([
      [1, 1, 'a'],
      [1, null, null],
    ]);
    expect(rows.select('id', F.inline_outer('xs')).collect().map((r) => r.toArray())).toEqual([
      [1, 1, 'a'],
      [1, null, null],
      [2, null, null],
    ]);
    expect(() => analyzed(rows.select(F.inline('id')))).toThrow('Parameter 1 requires the "ARRAY<STRUCT>" type');
  });

  it('stack spreads values over n rows of col0, col1, ... padding with NULLs', () => {
    const out = session().range(1).select(F.stack(lit(2), lit(1), lit('a'), lit(2)));
    expect(types(out)).toEqual(['col0:int:true', 'col1:string:true']);
    expect(out.collect().map((r) => r.toArray())).toEqual([
      [1, 'a'],
      [2, null],
    ]);
    expect(() => analyzed(session().range(1).select(F.stack(lit(2), lit(1), lit('a'), lit(2), lit(3))))).toThrow(
      'The data type of the column (1) do not have the same type: "STRING" (2) <> "INT" (4)',
    );
    expect(() => analyzed(session().range(1).select(F.stack(lit(0), lit(1))))).toThrow('The `n` must be between (0, 2147483647] (current value = 0)');
    expect(() => analyzed(session().range(1).select(F.stack(col('id'), lit(1))))).toThrow('Parameter 1 requires the "INT" type, however "id" has the type "BIGINT"');
    expect(() => analyzed(session().range(1).select(F.stack(col('id').cast('int'), lit(1))))).toThrow(/the input n should be a foldable "INT" expression/);
  });

  it('sentences splits into sentences of words, dropping punctuation between words', () => {
    const out = df().select(F.sentences(lit("Hello, world. It's 3 o'clock; ok?")), F.sentences('s'));
    expect(types(out)).toEqual([
      "sentences(Hello, world. It's 3 o'clock; ok?, , ):array<array<string>>:true",
      'sentences(s, , ):array<array<string>>:true',
    ]);
    expect(out.first()!.get(0)).toEqual([
      ['Hello', 'world'],
      ["It's", '3', "o'clock", 'ok'],
    ]);
    expect(out.collect()[1]!.get(1)).toBeNull();
  });

  it('the SQL forms agree', () => {
    const out = session().sql(
      "SELECT map_concat(map(1, 2), map(2L, 3.0)) a, map_zip_with(map(1, 'a'), map(2, 'b'), (k, v1, v2) -> concat(v1, v2)) b, named_struct('x', 1, 'y', 'b') c, map_from_entries(array(struct(1, 'a'), null)) d, map_concat() e",
    );
    expect(types(out)).toEqual([
      'a:map<bigint,decimal(11,1)>:false',
      'b:map<int,string>:false',
      'c:struct<x:int,y:string>:false',
      'd:map<int,string>:true',
      'e:map<string,string>:false',
    ]);
    const row = out.first()!.toArray().map(entries);
    expect(row[1]).toEqual([
      [1, null],
      [2, null],
    ]);
    expect(row[3]).toBeNull();
    expect(row[4]).toEqual([]);
    expect(session().sql("SELECT inline(array(named_struct('p', 1, 'q', 'a')))").columns).toEqual(['p', 'q']);
  });

  it('map_keys/map_values arrays may hold nulls; explode(map) values are nullable as the map says', () => {
    const df = session().sql("SELECT map_keys(map(1, 'a')), map_values(map(1, 'a'))");
    expect(df.schemaString()).toBe(
      [
        'root',
        ' |-- map_keys(map(1, a)): array (nullable = false)',
        ' |    |-- element: integer (containsNull = true)',
        ' |-- map_values(map(1, a)): array (nullable = false)',
        ' |    |-- element: string (containsNull = true)',
        '',
      ].join('\n'),
    );
    const fields = (q: string) => session().sql(q).schema.fields.map((f) => `${f.name}:${f.nullable}`);
    expect(fields("SELECT explode(map('a', 1))")).toEqual(['key:false', 'value:false']);
    expect(fields("SELECT explode(map('a', CAST(NULL AS INT)))")).toEqual(['key:false', 'value:true']);
    expect(fields("SELECT posexplode_outer(map('a', 1))")).toEqual(['pos:true', 'key:true', 'value:true']);
  });

  it('several generators in one select nest: the first varies slowest', () => {
    const df = session().sql("SELECT stack(2, 1, 2, 3), explode(array('x', 'y')) AS e");
    expect(df.columns).toEqual(['col0', 'col1', 'e']);
    expect(df.collect().map((r) => r.toArray())).toEqual([
      [1, 2, 'x'],
      [1, 2, 'y'],
      [3, null, 'x'],
      [3, null, 'y'],
    ]);
  });
});
