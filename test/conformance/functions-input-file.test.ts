/**
 * input_file_name(), input_file_block_start(), input_file_block_length(): the
 * `file:` URI of the file each row was read from and its split (one split per
 * small file: 0 and the file's length), '' / -1 / -1 for rows not read from a
 * file. Names, types and values as Spark 3.5.7 gives them (checked with the
 * live server, which reads the same temporary files).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

const dir = mkdtempSync(join(tmpdir(), 'sparkless-input-file-'));
const csvDir = join(dir, 'csv');
const files = {
  one: join(csvDir, 'one.csv'),
  two: join(csvDir, 'two.csv'),
  json: join(dir, 'j.json'),
};
const uri = (f: string) => pathToFileURL(f).href;
const size = (f: string) => String(statSync(f).size);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

mkdirSync(csvDir);
writeFileSync(files.one, 'a,b\n1,x\n2,y\n');
writeFileSync(files.two, 'a,b\n3,z\n');
writeFileSync(files.json, '{"a":1}\n{"a":2}\n');

type DF = ReturnType<ReturnType<Parameters<Parameters<typeof forEachBackend>[1]>[0]>['sql']>;
const schemaOf = (df: DF) => df.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}:${f.nullable}`);
const rowsOf = (df: DF) => df.collect().map((r) => r.toArray().map((v) => String(v)));

forEachBackend('input_file_* functions', (session) => {
  it('a CSV file read in SQL: its URI, block start 0 and the file length on every row', () => {
    const df = session().sql(`SELECT input_file_name(), input_file_block_start(), input_file_block_length(), * FROM csv.\`${files.one}\``);
    expect(schemaOf(df)).toEqual([
      'input_file_name():string:false',
      'input_file_block_start():bigint:false',
      'input_file_block_length():bigint:false',
      '_c0:string:true',
      '_c1:string:true',
    ]);
    const f = uri(files.one);
    const n = size(files.one);
    expect(rowsOf(df)).toEqual([
      [f, '0', n, 'a', 'b'],
      [f, '0', n, '1', 'x'],
      [f, '0', n, '2', 'y'],
    ]);
  });

  it('a JSON file, and a directory grouped by file', () => {
    const json = session().sql(`SELECT input_file_name() AS f, input_file_block_start() AS s, input_file_block_length() AS l, a FROM json.\`${files.json}\``);
    expect(schemaOf(json)).toEqual(['f:string:false', 's:bigint:false', 'l:bigint:false', 'a:bigint:true']);
    expect(rowsOf(json)).toEqual([
      [uri(files.json), '0', size(files.json), '1'],
      [uri(files.json), '0', size(files.json), '2'],
    ]);
    const grouped = session().sql(`SELECT input_file_name() AS f, count(*) FROM csv.\`${csvDir}\` GROUP BY 1 ORDER BY 1`);
    expect(schemaOf(grouped)).toEqual(['f:string:false', 'count(1):bigint:false']);
    expect(rowsOf(grouped)).toEqual([
      [uri(files.one), '3'],
      [uri(files.two), '2'],
    ]);
  });

  it('from the DataFrame API, through a filter and a projection', () => {
    const df = session().read.option('header', true).csv(csvDir);
    const picked = df
      .filter(F.col('a').cast('int').gt(1))
      .select('a', 'b')
      .select(F.input_file_name(), F.input_file_block_length(), 'a')
      .orderBy('a');
    expect(picked.columns).toEqual(['input_file_name()', 'input_file_block_length()', 'a']);
    expect(rowsOf(picked)).toEqual([
      [uri(files.one), size(files.one), '2'],
      [uri(files.two), size(files.two), '3'],
    ]);
    const g = df.groupBy(F.input_file_name()).agg(F.count('*')).orderBy('input_file_name()');
    expect(g.columns).toEqual(['input_file_name()', 'count(1)']);
    expect(rowsOf(g)).toEqual([
      [uri(files.one), '2'],
      [uri(files.two), '1'],
    ]);
  });

  it('in a WHERE clause', () => {
    const df = session().sql(`SELECT a FROM csv.\`${csvDir}\` AS t(a, b) WHERE input_file_name() LIKE '%one.csv' ORDER BY a`);
    expect(schemaOf(df)).toEqual(['a:string:true']);
    expect(rowsOf(df)).toEqual([['1'], ['2'], ['a']]);
  });

  it("rows not read from a file: '', -1 and -1", () => {
    const df = session().sql('SELECT input_file_name(), input_file_block_length(), input_file_block_start()');
    expect(schemaOf(df)).toEqual(['input_file_name():string:false', 'input_file_block_length():bigint:false', 'input_file_block_start():bigint:false']);
    expect(rowsOf(df)).toEqual([['', '-1', '-1']]);
    const made = session().createDataFrame([{ x: 1 }], 'x INT').select(F.input_file_name(), F.input_file_block_start());
    expect(rowsOf(made)).toEqual([['', '-1']]);
  });
});
