import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStorageBackend } from '../../../src/backend/memory/storage.js';
import { PolarsStorageBackend, estimateBatchBytes } from '../../../src/backend/polars/storage.js';
import { BackendFactory } from '../../../src/backend/factory.js';
import type { StorageBackend } from '../../../src/backend/protocols.js';
import { batchRows, makeBatch, type Batch } from '../../../src/data/batch.js';
import { SparklessError } from '../../../src/errors/index.js';
import { INT, LONG, STRING, StructField, StructType } from '../../../src/types/data-types.js';
import { SparkSession } from '../../../src/session/session.js';
import { ALL_TYPES_SCHEMA, allTypesBatch } from '../export/fixtures.js';

const schema = new StructType([new StructField('id', LONG), new StructField('name', STRING)]);
const rows = (ids: number[], prefix = 'n'): Batch => makeBatch(schema, [ids, ids.map((i) => `${prefix}${i}`)]);

function errorOf(f: () => unknown): SparklessError {
  try {
    f();
  } catch (e) {
    return e as SparklessError;
  }
  throw new Error('expected an error');
}

describe('PolarsStorageBackend (in memory)', () => {
  it('is what the factory builds for polars', () => {
    const s = BackendFactory.createStorageBackend('polars', {});
    expect(s).toBeInstanceOf(PolarsStorageBackend);
    expect(s.backendType).toBe('polars');
    expect(s.listSchemas()).toEqual(['default']);
  });

  it('stores, appends, overwrites and lists tables', () => {
    const s = new PolarsStorageBackend();
    s.createSchema('db');
    s.insertData('db', 'T', rows([1, 2]), 'errorifexists');
    s.insertData('db', 't', rows([3]), 'append');
    expect(batchRows(s.queryTable('DB', 't'))).toEqual([
      [1, 'n1'],
      [2, 'n2'],
      [3, 'n3'],
    ]);
    s.insertData('db', 't', rows([9]), 'ignore');
    expect(s.queryTable('db', 't').numRows).toBe(3);
    s.insertData('db', 't', rows([7]), 'overwrite');
    expect(batchRows(s.queryTable('db', 't'))).toEqual([[7, 'n7']]);
    expect(s.listTables('db')).toEqual([{ name: 't', database: 'db', tableType: 'MANAGED', isTemporary: false }]);
    s.dropTable('db', 't');
    expect(s.tableExists('db', 't')).toBe(false);
  });

  it.each([
    ['createSchema twice', (s: StorageBackend) => (s.createSchema('x'), s.createSchema('x'))],
    ['dropSchema missing', (s: StorageBackend) => s.dropSchema('nope')],
    ['dropSchema non-empty', (s: StorageBackend) => (s.createSchema('x'), s.createTable('x', 't', schema), s.dropSchema('x'))],
    ['createTable twice', (s: StorageBackend) => (s.createTable('default', 't', schema), s.createTable('default', 't', schema))],
    ['createTable in a missing database', (s: StorageBackend) => s.createTable('nope', 't', schema)],
    ['queryTable missing', (s: StorageBackend) => s.queryTable('default', 'nope')],
    ['insert errorifexists', (s: StorageBackend) => (s.insertData('default', 't', rows([1]), 'append'), s.insertData('default', 't', rows([1]), 'error'))],
    [
      'append with the wrong column count',
      (s: StorageBackend) => (s.insertData('default', 't', rows([1]), 'append'), s.insertData('default', 't', makeBatch(new StructType([new StructField('id', LONG)]), [[1]]), 'append')),
    ],
  ])('%s fails as in the memory storage', (_name, op) => {
    const mem = errorOf(() => op(new MemoryStorageBackend()));
    const pol = errorOf(() => op(new PolarsStorageBackend()));
    expect(pol.message).toBe(mem.message);
    expect(pol.errorClass).toBe(mem.errorClass);
  });
});

describe('PolarsStorageBackend disk spill', () => {
  let base: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'sparkless-spill-test-'));
  });
  afterEach(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it('keeps tables in memory without allowDiskSpillover, whatever their size', () => {
    const s = new PolarsStorageBackend({ basePath: base, maxMemory: 1 });
    s.insertData('default', 't', rows([1, 2, 3]), 'append');
    expect(s.isSpilled('default', 't')).toBe(false);
    expect(readdirSync(base)).toEqual([]);
  });

  it('spills a table larger than maxMemory to Parquet under basePath and reads it back on query', () => {
    const s = new PolarsStorageBackend({ basePath: base, maxMemory: 1000, allowDiskSpillover: true });
    const small = rows([1, 2]);
    expect(estimateBatchBytes(small)).toBeLessThan(1000);
    s.insertData('default', 'small', small, 'append');
    expect(s.isSpilled('default', 'small')).toBe(false);

    const big = rows(Array.from({ length: 200 }, (_, i) => i));
    expect(estimateBatchBytes(big)).toBeGreaterThan(1000);
    s.insertData('default', 'big', big, 'append');
    expect(s.isSpilled('default', 'big')).toBe(true);
    const spillDir = s.spillDirectory!;
    expect(spillDir.startsWith(join(base, 'sparkless-spill-'))).toBe(true);
    expect(readdirSync(spillDir).filter((f) => f.endsWith('.parquet'))).toHaveLength(1);
    expect(batchRows(s.queryTable('default', 'big'))).toEqual(batchRows(big));

    // Appends go to a further part, in order; the catalog keeps the schema.
    s.insertData('default', 'big', rows([1000]), 'append');
    expect(readdirSync(spillDir).filter((f) => f.endsWith('.parquet'))).toHaveLength(2);
    const all = s.queryTable('default', 'big');
    expect(all.numRows).toBe(201);
    expect(batchRows(all)[200]).toEqual([1000, 'n1000']);
    expect(s.getTableSchema('default', 'big').equals(schema)).toBe(true);

    // Append checks still apply to spilled tables.
    expect(() => s.insertData('default', 'big', makeBatch(new StructType([new StructField('x', INT)]), [[1]]), 'append')).toThrow(/INSERT_COLUMN_ARITY_MISMATCH/);
    expect(() => s.insertData('default', 'big', rows([1]), 'errorifexists')).toThrow(/TABLE_OR_VIEW_ALREADY_EXISTS/);
    expect(s.queryTable('default', 'big').numRows).toBe(201);

    // Overwrite with small data brings the table back into memory and deletes its parts.
    s.insertData('default', 'big', rows([5]), 'overwrite');
    expect(s.isSpilled('default', 'big')).toBe(false);
    expect(readdirSync(spillDir).filter((f) => f.endsWith('.parquet'))).toHaveLength(0);
    expect(batchRows(s.queryTable('default', 'big'))).toEqual([[5, 'n5']]);

    s.close();
    expect(existsSync(spillDir)).toBe(false);
  });

  it('spills every type exactly, and drop removes the files', () => {
    const s = new PolarsStorageBackend({ maxMemory: 10, allowDiskSpillover: true });
    s.insertData('default', 'all', allTypesBatch(), 'append');
    expect(s.isSpilled('default', 'all')).toBe(true);
    const spillDir = s.spillDirectory!;
    expect(spillDir.startsWith(join(tmpdir(), 'sparkless-spill-'))).toBe(true);
    expect(s.queryTable('default', 'all').schema.equals(ALL_TYPES_SCHEMA)).toBe(true);
    expect(batchRows(s.queryTable('default', 'all'))).toEqual(batchRows(allTypesBatch()));
    s.dropTable('default', 'all');
    expect(readdirSync(spillDir)).toEqual([]);
    s.close();
    expect(existsSync(spillDir)).toBe(false);
  });

  it('dropSchema cascade removes the spilled tables of the database', () => {
    const s = new PolarsStorageBackend({ basePath: base, maxMemory: 10, allowDiskSpillover: true });
    s.createSchema('db');
    s.insertData('db', 't', rows([1, 2, 3]), 'append');
    const spillDir = s.spillDirectory!;
    expect(readdirSync(spillDir)).toHaveLength(1);
    s.dropSchema('db', true);
    expect(readdirSync(spillDir)).toEqual([]);
    s.close();
  });

  it('spills through the session configuration', () => {
    const spark = new SparkSession('spill', {
      backendType: 'polars',
      conf: {
        'spark.sparkless.backend.basePath': base,
        'spark.sparkless.backend.maxMemory': '100',
        'spark.sparkless.backend.allowDiskSpillover': 'true',
      },
    });
    try {
      spark.range(100).write.saveAsTable('numbers');
      expect((spark.storage as PolarsStorageBackend).isSpilled('default', 'numbers')).toBe(true);
      expect(spark.table('numbers').count()).toBe(100);
    } finally {
      spark.stop();
    }
  });
});
