import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArrowExportBackend, PARQUET_SCHEMA_FILE, asNullable } from '../../../src/backend/export/arrow-export.js';
import { batchRows, makeBatch, type Batch } from '../../../src/data/batch.js';
import { AnalysisException } from '../../../src/errors/index.js';
import { ArrayType, DecimalType, INT, LONG, MapType, STRING, StructField, StructType } from '../../../src/types/data-types.js';
import { ALL_TYPES_SCHEMA, allTypesBatch } from './fixtures.js';

const exporter = new ArrowExportBackend('polars');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sparkless-export-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const people = (): Batch =>
  makeBatch(new StructType([new StructField('id', LONG), new StructField('name', STRING)]), [
    [1, 2],
    ['a', 'b'],
  ]);

function catchError(f: () => unknown): AnalysisException {
  try {
    f();
  } catch (e) {
    return e as AnalysisException;
  }
  throw new Error('expected an error');
}

describe('Parquet files', () => {
  it('round-trips every type exactly (schema kept beside the parts), columns nullable as Spark reads them', () => {
    const out = join(dir, 'all');
    exporter.writeFile(allTypesBatch(), out, 'parquet');
    const back = exporter.readFile(out, 'parquet');
    expect(back.schema.equals(asNullable(ALL_TYPES_SCHEMA))).toBe(true);
    expect(batchRows(back)).toEqual(batchRows(allTypesBatch()));
  });

  it('writes a directory with one part file and an empty _SUCCESS', () => {
    const out = join(dir, 'p');
    exporter.writeFile(people(), out, 'parquet');
    const names = readdirSync(out).sort();
    expect(names).toHaveLength(3);
    expect(names[0]).toBe('_SUCCESS');
    expect(names[1]).toBe(PARQUET_SCHEMA_FILE);
    expect(names[2]).toMatch(/^part-00000-[0-9a-f-]{36}-c000\.snappy\.parquet$/);
    expect(statSync(join(out, '_SUCCESS')).size).toBe(0);
  });

  it('reads a single part file, and maps as key/value structs when no schema sidecar is there', () => {
    const schema = new StructType([new StructField('m', new MapType(STRING, INT))]);
    const out = join(dir, 'maps');
    exporter.writeFile(makeBatch(schema, [[new Map([['a', 1]])]]), out, 'parquet', { compression: 'none' });
    rmSync(join(out, PARQUET_SCHEMA_FILE));
    const part = readdirSync(out).find((n) => n.endsWith('.parquet'))!;
    expect(part).toMatch(/-c000\.parquet$/);
    const back = exporter.readFile(join(out, part), 'parquet');
    expect(back.schema.simpleString()).toBe('struct<m:array<struct<key:string,value:int>>>');
    expect(batchRows(back)).toEqual([[[['a', 1]]]]);
    // With the schema given, the same file reads as a map.
    expect(batchRows(exporter.readFile(out, 'parquet', schema))).toEqual([[new Map([['a', 1]])]]);
  });

  it('matches a given schema by name: reorders, fills missing columns with null, casts types', () => {
    const out = join(dir, 'p');
    exporter.writeFile(people(), out, 'parquet');
    const schema = new StructType([new StructField('NAME', STRING), new StructField('id', new DecimalType(5, 1)), new StructField('zz', INT)]);
    const back = exporter.readFile(out, 'parquet', schema);
    expect(back.schema.names).toEqual(['NAME', 'id', 'zz']);
    expect(batchRows(back)).toEqual([
      ['a', 10n, null],
      ['b', 20n, null],
    ]);
  });

  it('rejects duplicate column names and empty schemas as Spark does', () => {
    const dup = makeBatch(new StructType([new StructField('a', INT), new StructField('A', INT)]), [[1], [2]]);
    const e = catchError(() => exporter.writeFile(dup, join(dir, 'd'), 'parquet'));
    expect(e.message).toBe('[COLUMN_ALREADY_EXISTS] The column `A` already exists. Consider to choose another name or rename the existing column.');
    expect(existsSync(join(dir, 'd'))).toBe(false);
    expect(() => exporter.writeFile(makeBatch(new StructType(), []), join(dir, 'e'), 'parquet')).toThrow(/empty or nested empty schemas/);
  });

  it('rejects an unknown codec', () => {
    expect(() => exporter.writeFile(people(), join(dir, 'c'), 'parquet', { compression: 'nope' })).toThrow(/Codec \[nope\] is not available/);
  });
});

describe('save modes', () => {
  const write = (b: Batch, mode?: 'append' | 'overwrite' | 'error' | 'errorifexists' | 'ignore', format: 'parquet' | 'csv' | 'json' = 'parquet') =>
    exporter.writeFile(b, join(dir, 'out'), format, mode ? { mode } : {});
  const read = (format: 'parquet' | 'csv' | 'json' = 'parquet') => batchRows(exporter.readFile(join(dir, 'out'), format, people().schema));

  it('errorifexists (the default) fails with PATH_ALREADY_EXISTS', () => {
    write(people());
    const out = join(dir, 'out');
    for (const mode of [undefined, 'error', 'errorifexists'] as const) {
      const e = catchError(() => write(people(), mode));
      expect(AnalysisException.isAnalysisException(e)).toBe(true);
      expect(e.message).toBe(`[PATH_ALREADY_EXISTS] Path file:${out} already exists. Set mode as "overwrite" to overwrite the existing path.`);
      expect(e.errorClass).toBe('PATH_ALREADY_EXISTS');
    }
    expect(read()).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('ignore leaves an existing path alone, and writes a missing one', () => {
    write(people(), 'ignore');
    const one = makeBatch(people().schema, [[9], ['z']]);
    write(one, 'ignore');
    expect(read()).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('overwrite replaces the directory', () => {
    write(people());
    writeFileSync(join(dir, 'out', 'stray.parquet.tmp'), 'junk');
    write(makeBatch(people().schema, [[9], ['z']]), 'overwrite');
    expect(read()).toEqual([[9, 'z']]);
    expect(readdirSync(join(dir, 'out')).filter((n) => n.startsWith('part-'))).toHaveLength(1);
    expect(existsSync(join(dir, 'out', 'stray.parquet.tmp'))).toBe(false);
  });

  it('append adds part files', () => {
    for (const format of ['parquet', 'csv', 'json'] as const) {
      rmSync(join(dir, 'out'), { recursive: true, force: true });
      write(people(), 'append', format);
      write(makeBatch(people().schema, [[3], ['c']]), 'append', format);
      expect(readdirSync(join(dir, 'out')).filter((n) => n.startsWith('part-'))).toHaveLength(2);
      expect(read(format).sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual([
        [1, 'a'],
        [2, 'b'],
        [3, 'c'],
      ]);
    }
  });

  it('a failed overwrite leaves the previous output intact', () => {
    write(people());
    const before = readdirSync(join(dir, 'out')).sort();
    // A decimal column holding text cannot be encoded: the write fails inside the Parquet writer.
    const bad = makeBatch(new StructType([new StructField('d', new DecimalType(5, 0))]), [['not a number']]);
    expect(() => write(bad, 'overwrite')).toThrow();
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(before);
    expect(readdirSync(dir)).toEqual(['out']);
    expect(read()).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });
});

describe('reading paths', () => {
  it('fails with PATH_NOT_FOUND for a missing path', () => {
    const missing = join(dir, 'nope');
    for (const format of ['parquet', 'csv', 'json'] as const) {
      const e = catchError(() => exporter.readFile(missing, format));
      expect(e.message).toBe(`[PATH_NOT_FOUND] Path does not exist: file:${missing}.`);
      expect(e.errorClass).toBe('PATH_NOT_FOUND');
    }
  });

  it('skips hidden and underscore files in a directory', () => {
    mkdtempSync(join(dir, 'x'));
    const d = join(dir, 'csvdir');
    exporter.writeFile(people(), d, 'csv');
    writeFileSync(join(d, '.hidden.csv'), '99,zz\n');
    writeFileSync(join(d, '_meta.csv'), '98,yy\n');
    expect(exporter.readFile(d, 'csv').numRows).toBe(2);
  });

  it('reads gzip-compressed text parts', () => {
    const d = join(dir, 'gz');
    exporter.writeFile(people(), d, 'json', { compression: 'gzip' });
    const part = readdirSync(d).find((n) => n.startsWith('part-'))!;
    expect(part).toMatch(/\.json\.gz$/);
    expect(readFileSync(join(d, part))[0]).toBe(0x1f);
    expect(batchRows(exporter.readFile(d, 'json'))).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });
});

describe('partitionBy', () => {
  const schema = new StructType([new StructField('year', INT), new StructField('city', STRING), new StructField('v', LONG)]);
  const batch = () =>
    makeBatch(schema, [
      [2023, 2024, 2023, null],
      ['a/b', 'c', 'a/b', 'c'],
      [1, 2, 3, 4],
    ]);

  it('writes col=value directories (Hive escaping, null as __HIVE_DEFAULT_PARTITION__) and reads them back as columns', () => {
    for (const format of ['parquet', 'csv', 'json'] as const) {
      const out = join(dir, format);
      exporter.writeFile(batch(), out, format, { partitionBy: ['year', 'city'], header: true });
      expect(readdirSync(out).filter((n) => !n.startsWith('_')).sort()).toEqual(['year=2023', 'year=2024', 'year=__HIVE_DEFAULT_PARTITION__']);
      expect(readdirSync(join(out, 'year=2023'))).toEqual(['city=a%2Fb']);
      const back = exporter.readFile(out, format, undefined, format === 'csv' ? { inferSchema: true, header: true } : {});
      expect(back.schema.names).toEqual(['v', 'year', 'city']);
      expect(back.schema.fields.map((f) => f.dataType.simpleString())).toEqual([format === 'csv' ? 'int' : 'bigint', 'int', 'string']);
      const rows = batchRows(back).sort((a, b) => Number(a[0]) - Number(b[0]));
      expect(rows).toEqual([
        [1, 2023, 'a/b'],
        [2, 2024, 'c'],
        [3, 2023, 'a/b'],
        [4, null, 'c'],
      ]);
    }
  });

  it('uses the type a given schema names for a partition column', () => {
    const out = join(dir, 'typed');
    exporter.writeFile(batch(), out, 'json', { partitionBy: ['year'] });
    const schema = new StructType([new StructField('v', LONG), new StructField('year', STRING), new StructField('city', STRING)]);
    const back = exporter.readFile(out, 'json', schema);
    expect(back.schema.simpleString()).toBe('struct<v:bigint,year:string,city:string>');
    expect(batchRows(back).find((r) => r[0] === 2)).toEqual([2, '2024', 'c']);
  });

  it('rejects a partition column that does not exist', () => {
    expect(() => exporter.writeFile(batch(), join(dir, 'x'), 'parquet', { partitionBy: ['nope'] })).toThrow(/Partition column `nope` not found/);
  });
});

describe('nested Parquet values', () => {
  it('keeps arrays of structs with maps', () => {
    const t = new ArrayType(new StructType([new StructField('k', STRING), new StructField('m', new MapType(STRING, LONG))]));
    const schema = new StructType([new StructField('a', t)]);
    const b = makeBatch(schema, [[[['x', new Map([['q', 2n ** 60n]])], null, ['y', null]], null]]);
    exporter.writeFile(b, join(dir, 'n'), 'parquet');
    expect(batchRows(exporter.readFile(join(dir, 'n'), 'parquet'))).toEqual(batchRows(b));
  });
});

describe('edge cases', () => {
  it('writes and reads back an empty batch (Parquet keeps the schema)', () => {
    const empty = makeBatch(people().schema, [[], []]);
    exporter.writeFile(empty, join(dir, 'e'), 'parquet');
    const back = exporter.readFile(join(dir, 'e'), 'parquet');
    expect(back.numRows).toBe(0);
    expect(back.schema.equals(people().schema)).toBe(true);
  });

  it('fails with UNABLE_TO_INFER_SCHEMA when a directory has no data and no schema is given', () => {
    const empty = makeBatch(people().schema, [[], []]);
    exporter.writeFile(empty, join(dir, 'c'), 'csv');
    expect(() => exporter.readFile(join(dir, 'c'), 'csv')).toThrow('[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for CSV. It must be specified manually.');
    expect(exporter.readFile(join(dir, 'c'), 'csv', people().schema).numRows).toBe(0);
  });

  it('rejects void columns in Parquet, as Spark does', () => {
    const b = makeBatch(new StructType([new StructField('n', new StructType([new StructField('x', makeVoid())]))]), [[null]]);
    expect(() => exporter.writeFile(b, join(dir, 'v'), 'parquet')).toThrow(
      '[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Parquet datasource doesn\'t support the column `n` of the type "STRUCT<x: VOID>".',
    );
  });
});

function makeVoid() {
  return StructType.fromJson({ type: 'struct', fields: [{ name: 'x', type: 'void' }] }).fields[0]!.dataType;
}

describe('globs and basePath', () => {
  it('reads the files a glob matches', () => {
    exporter.writeFile(people(), join(dir, 'a'), 'json');
    exporter.writeFile(makeBatch(people().schema, [[3], ['c']]), join(dir, 'b'), 'json');
    const all = exporter.readFile(join(dir, '*', 'part-*.json'), 'json');
    expect(batchRows(all)).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(exporter.readFile(join(dir, '{a,b}'), 'json').numRows).toBe(3);
    expect(exporter.readFile(join(dir, '[a]'), 'json').numRows).toBe(2);
    expect(() => exporter.readFile(join(dir, 'zz*'), 'json')).toThrow(`[PATH_NOT_FOUND] Path does not exist: file:${join(dir, 'zz*')}.`);
  });

  it('keeps exact Parquet types through a glob, and reads partitions under basePath', () => {
    const schema = new StructType([new StructField('m', new MapType(STRING, INT)), new StructField('p', INT)]);
    exporter.writeFile(makeBatch(schema, [[new Map([['k', 1]])], [5]]), join(dir, 'pq'), 'parquet', { partitionBy: ['p'] });
    const viaGlob = exporter.readFile(join(dir, 'pq', 'p=5', '*.parquet'), 'parquet');
    expect(viaGlob.schema.simpleString()).toBe('struct<m:map<string,int>>');
    const withBase = exporter.readFile(join(dir, 'pq', 'p=5'), 'parquet', undefined, { basePath: join(dir, 'pq') });
    expect(withBase.schema.simpleString()).toBe('struct<m:map<string,int>,p:int>');
    expect(batchRows(withBase)).toEqual([[new Map([['k', 1]]), 5]]);
  });
});

describe('Parquet schema merging', () => {
  it('reads the first file’s columns by default and the union with mergeSchema', () => {
    const out = join(dir, 'm');
    exporter.writeFile(people(), out, 'parquet');
    const extra = makeBatch(new StructType([new StructField('id', LONG), new StructField('age', INT)]), [[3], [40]]);
    exporter.writeFile(extra, out, 'parquet', { mode: 'append' });
    const plain = exporter.readFile(out, 'parquet');
    expect(plain.schema.fields).toHaveLength(2);
    const merged = exporter.readFile(out, 'parquet', undefined, { mergeSchema: 'true' });
    expect(merged.numRows).toBe(3);
    const byId = new Map(batchRows(merged).map((r) => [r[merged.schema.names.indexOf('id')], r]));
    expect(merged.schema.names.slice().sort()).toEqual(['age', 'id', 'name']);
    expect(byId.get(3)![merged.schema.names.indexOf('age')]).toBe(40);
    expect(byId.get(1)![merged.schema.names.indexOf('age')]).toBeNull();
  });
});
