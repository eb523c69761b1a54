import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileStorageBackend, TABLE_METADATA_FILE } from '../../../src/backend/file/index.js';
import { MemoryStorageBackend } from '../../../src/backend/memory/storage.js';
import type { StorageBackend } from '../../../src/backend/protocols.js';
import { batchRows, makeBatch, type Batch } from '../../../src/data/batch.js';
import { AnalysisException, SparklessError } from '../../../src/errors/index.js';
import { DecimalType, INT, LONG, STRING, StructField, StructType } from '../../../src/types/data-types.js';
import { ALL_TYPES_SCHEMA, allTypesBatch } from '../export/fixtures.js';

let base: string;
let storage: FileStorageBackend;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'sparkless-file-'));
  storage = new FileStorageBackend({ basePath: base });
});
afterEach(() => {
  storage.close();
  rmSync(base, { recursive: true, force: true });
});

const people = (ids: number[] = [1, 2], names: string[] = ['a', 'b']): Batch =>
  makeBatch(new StructType([new StructField('id', LONG, false), new StructField('name', STRING)]), [ids, names]);

function errorOf(f: () => unknown): SparklessError {
  try {
    f();
  } catch (e) {
    return e as SparklessError;
  }
  throw new Error('expected an error');
}

describe('FileStorageBackend layout and persistence', () => {
  it('defaults to ./spark-warehouse', () => {
    expect(new FileStorageBackend().basePath).toBe(join(process.cwd(), 'spark-warehouse'));
  });

  it('stores tables under <basePath>/<db>.db/<table>/ as Parquet plus a JSON schema registry', () => {
    storage.insertData('default', 'People', people(), 'errorifexists');
    const tableDir = join(base, 'default.db', 'people');
    const files = readdirSync(tableDir).sort();
    expect(files[0]).toBe(TABLE_METADATA_FILE);
    expect(files[1]).toMatch(/^part-00000-[0-9a-f-]{36}-c000\.snappy\.parquet$/);
    expect(files).toHaveLength(2);
    const meta = JSON.parse(readFileSync(join(tableDir, TABLE_METADATA_FILE), 'utf8'));
    expect(meta.name).toBe('people');
    expect(meta.files).toEqual([files[1]]);
    expect(meta.schema).toEqual(people().schema.jsonValue());
  });

  it('round-trips every type through Parquet exactly (bigints, decimals, dates, timestamps, nested), with nullability and metadata', () => {
    const fields = ALL_TYPES_SCHEMA.fields.map((f, i) => (i === 0 ? new StructField(f.name, f.dataType, false, { comment: 'tiny', nested: { a: [1] } }) : f));
    const schema = new StructType(fields);
    const data = makeBatch(schema, allTypesBatch().columns);
    storage.insertData('default', 'all_types', data, 'errorifexists');
    const reopened = new FileStorageBackend({ basePath: base });
    expect(reopened.getTableSchema('default', 'all_types').json()).toBe(schema.json());
    const back = reopened.queryTable('default', 'all_types');
    expect(back.schema.json()).toBe(schema.json());
    expect(batchRows(back)).toEqual(batchRows(data));
  });

  it('persists databases and tables for a later instance on the same path', () => {
    storage.createSchema('sales');
    storage.insertData('sales', 'orders', people(), 'errorifexists');
    storage.createTable('default', 'empty', new StructType([new StructField('x', new DecimalType(10, 2))]));
    const later = new FileStorageBackend({ basePath: base });
    expect(later.listSchemas()).toEqual(['default', 'sales']);
    expect(later.schemaExists('SALES')).toBe(true);
    expect(later.tableExists('sales', 'ORDERS')).toBe(true);
    expect(later.listTables('sales')).toEqual([{ name: 'orders', database: 'sales', tableType: 'MANAGED', isTemporary: false }]);
    expect(batchRows(later.queryTable('sales', 'orders'))).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    const empty = later.queryTable('default', 'empty');
    expect(empty.numRows).toBe(0);
    expect(empty.schema.simpleString()).toBe('struct<x:decimal(10,2)>');
  });

  it('sees writes of another instance immediately (every call reads the disk)', () => {
    const other = new FileStorageBackend({ basePath: base });
    storage.insertData('default', 't', people(), 'errorifexists');
    expect(other.tableExists('default', 't')).toBe(true);
    other.insertData('default', 't', people([3], ['c']), 'append');
    expect(storage.queryTable('default', 't').numRows).toBe(3);
  });

  it('creates the default database directory on first use only', () => {
    expect(existsSync(join(base, 'default.db'))).toBe(false);
    expect(storage.schemaExists('default')).toBe(true);
    expect(storage.listSchemas()).toEqual(['default']);
    storage.createTable('default', 't', people().schema);
    expect(existsSync(join(base, 'default.db', 't', TABLE_METADATA_FILE))).toBe(true);
  });

  it('keeps unusual table names inside the database directory', () => {
    storage.insertData('default', 'a/../b c', people(), 'errorifexists');
    expect(readdirSync(join(base, 'default.db'))).toEqual(['a%2F%2E%2E%2Fb%20c']);
    expect(storage.listTables('default').map((t) => t.name)).toEqual(['a/../b c']);
    expect(storage.queryTable('default', 'A/../B C').numRows).toBe(2);
  });
});

describe('FileStorageBackend save modes', () => {
  it('append adds rows (a new part), overwrite replaces data and schema, ignore and error keep the table', () => {
    storage.insertData('default', 't', people(), 'errorifexists');
    storage.insertData('default', 't', people([3], ['c']), 'append');
    expect(batchRows(storage.queryTable('default', 't'))).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(readdirSync(join(base, 'default.db', 't')).filter((f) => f.endsWith('.parquet'))).toHaveLength(2);

    storage.insertData('default', 't', people([9], ['z']), 'ignore');
    expect(storage.queryTable('default', 't').numRows).toBe(3);

    const e = errorOf(() => storage.insertData('default', 't', people(), 'errorifexists'));
    expect(e.errorClass).toBe('TABLE_OR_VIEW_ALREADY_EXISTS');

    const other = new StructType([new StructField('v', INT)]);
    storage.insertData('default', 't', makeBatch(other, [[7]]), 'overwrite');
    expect(storage.getTableSchema('default', 't').simpleString()).toBe('struct<v:int>');
    expect(batchRows(storage.queryTable('default', 't'))).toEqual([[7]]);
    // Parts of the replaced data are deleted.
    expect(readdirSync(join(base, 'default.db', 't')).filter((f) => f.endsWith('.parquet'))).toHaveLength(1);
  });

  it('append checks the column count and types as the memory storage does', () => {
    storage.insertData('default', 't', people(), 'errorifexists');
    const wide = makeBatch(new StructType([...people().schema.fields, new StructField('x', INT)]), [[1], ['a'], [1]]);
    const e = errorOf(() => storage.insertData('default', 't', wide, 'append'));
    expect(e.errorClass).toBe('INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS');
    const wrongType = makeBatch(new StructType([new StructField('id', STRING), new StructField('name', STRING)]), [['1'], ['a']]);
    expect(errorOf(() => storage.insertData('default', 't', wrongType, 'append')).errorClass).toBe('INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST');
    expect(storage.queryTable('default', 't').numRows).toBe(2);
  });

  it('a write that fails midway leaves the previous data intact', () => {
    // A decimal column holding text cannot be encoded: the Parquet write fails.
    const decimals = new StructType([new StructField('d', new DecimalType(5, 0))]);
    storage.insertData('default', 't', makeBatch(decimals, [[1n, 2n]]), 'errorifexists');
    const before = readdirSync(join(base, 'default.db', 't')).sort();
    const bad = makeBatch(decimals, [['not a number']]);
    expect(() => storage.insertData('default', 't', bad, 'overwrite')).toThrow();
    expect(() => storage.insertData('default', 't', bad, 'append')).toThrow();
    expect(readdirSync(join(base, 'default.db', 't')).sort()).toEqual(before);
    expect(batchRows(new FileStorageBackend({ basePath: base }).queryTable('default', 't'))).toEqual([[1n], [2n]]);
  });

  it('reports a corrupt registry file clearly', () => {
    storage.insertData('default', 't', people(), 'errorifexists');
    writeFileSync(join(base, 'default.db', 't', TABLE_METADATA_FILE), '{not json');
    expect(() => storage.queryTable('default', 't')).toThrow(/table metadata file .* is corrupt/);
  });
});

describe('FileStorageBackend errors match the memory storage', () => {
  const both = (): [string, StorageBackend][] => [
    ['memory', new MemoryStorageBackend()],
    ['file', storage],
  ];

  it.each([
    ['createSchema twice', (s: StorageBackend) => (s.createSchema('x'), s.createSchema('x'))],
    ['dropSchema of a missing database', (s: StorageBackend) => s.dropSchema('nope')],
    ['dropSchema of default', (s: StorageBackend) => s.dropSchema('default')],
    ['dropSchema of a non-empty database', (s: StorageBackend) => (s.createSchema('x'), s.createTable('x', 't', people().schema), s.dropSchema('x'))],
    ['createTable in a missing database', (s: StorageBackend) => s.createTable('nope', 't', people().schema)],
    ['createTable twice', (s: StorageBackend) => (s.createTable('default', 't', people().schema), s.createTable('default', 'T', people().schema))],
    ['insertData into a missing database', (s: StorageBackend) => s.insertData('nope', 't', people(), 'append')],
    ['queryTable of a missing table', (s: StorageBackend) => s.queryTable('default', 'nope')],
    ['queryTable in a missing database', (s: StorageBackend) => s.queryTable('nope', 't')],
    ['getTableSchema of a missing table', (s: StorageBackend) => s.getTableSchema('default', 'nope')],
    ['listTables of a missing database', (s: StorageBackend) => s.listTables('nope')],
  ])('%s', (_name, op) => {
    const [mem, file] = both().map(([, s]) => errorOf(() => op(s)));
    expect(AnalysisException.isAnalysisException(file!)).toBe(true);
    expect(file!.message).toBe(mem!.message);
    expect(file!.errorClass).toBe(mem!.errorClass);
  });

  it('drops tables and databases', () => {
    storage.createSchema('x');
    storage.insertData('x', 't', people(), 'errorifexists');
    storage.dropTable('x', 'nope');
    storage.dropTable('x', 'T');
    expect(storage.tableExists('x', 't')).toBe(false);
    storage.insertData('x', 't', people(), 'errorifexists');
    storage.dropSchema('x', true);
    expect(storage.schemaExists('x')).toBe(false);
    expect(readdirSync(base)).toEqual([]);
    storage.createSchema('x', true);
    storage.createSchema('x', true);
    expect(storage.listTables('x')).toEqual([]);
  });
});
