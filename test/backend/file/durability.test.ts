/**
 * File backend durability (issue 11): names that cannot be a directory are
 * typed errors before any I/O, every committed file is fsynced, and debris of
 * killed writers is swept when a later instance opens the base path.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Count fsyncs without changing them.
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return { ...fs, fsyncSync: vi.fn(fs.fsyncSync) };
});
const fs = await import('node:fs');

const { FileStorageBackend, TABLE_METADATA_FILE } = await import('../../../src/backend/file/index.js');
const { makeBatch } = await import('../../../src/data/batch.js');
const { LONG, StructField, StructType } = await import('../../../src/types/data-types.js');

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'sparkless-durable-'));
});
afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

const rows = (ids: number[]) => makeBatch(new StructType([new StructField('id', LONG, false)]), [ids]);
const errorClassOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (err) {
    return (err as { errorClass?: string }).errorClass;
  }
  throw new Error('expected an error');
};

describe('file backend table and database names', () => {
  it('rejects empty and over-long names with INVALID_SCHEMA_OR_RELATION_NAME and writes nothing', () => {
    const storage = new FileStorageBackend({ basePath: base });
    storage.createSchema('default', true);
    expect(errorClassOf(() => storage.createTable('default', '', rows([]).schema))).toBe('INVALID_SCHEMA_OR_RELATION_NAME');
    expect(errorClassOf(() => storage.insertData('default', 'x'.repeat(300), rows([1]), 'overwrite'))).toBe('INVALID_SCHEMA_OR_RELATION_NAME');
    expect(errorClassOf(() => storage.insertData('default', 'é'.repeat(40), rows([1]), 'overwrite'))).toBe('INVALID_SCHEMA_OR_RELATION_NAME');
    expect(errorClassOf(() => storage.createSchema(''))).toBe('INVALID_SCHEMA_OR_RELATION_NAME');
    expect(readdirSync(base)).toEqual(['default.db']);
    expect(readdirSync(join(base, 'default.db'))).toEqual([]);
  });

  it('keeps "." and ".." inside the database directory as ordinary encoded names', () => {
    const storage = new FileStorageBackend({ basePath: base });
    storage.insertData('default', '..', rows([1]), 'overwrite');
    storage.insertData('default', '.', rows([2]), 'overwrite');
    expect(readdirSync(join(base, 'default.db')).sort()).toEqual(['%2E', '%2E%2E']);
    expect(storage.queryTable('default', '..').numRows).toBe(1);
    expect(storage.listTables('default').map((t) => t.name)).toEqual(['.', '..']);
  });
});

describe('file backend commits', () => {
  it('fsyncs the data part, the registry and their directory on every write', () => {
    const storage = new FileStorageBackend({ basePath: base });
    const fsync = vi.mocked(fs.fsyncSync);
    fsync.mockClear();
    storage.insertData('default', 't', rows([1, 2]), 'overwrite');
    // part file + its directory, registry file + its directory
    expect(fsync.mock.calls.length).toBeGreaterThanOrEqual(4);
  });
});

describe('file backend sweep of killed writers', () => {
  const tableDir = () => join(base, 'default.db', 't');
  const age = (path: string, ms: number) => {
    const t = (Date.now() - ms) / 1000;
    utimesSync(path, t, t);
  };

  it('removes old temp entries and unlisted parts on open, keeping the committed table and young files', () => {
    new FileStorageBackend({ basePath: base }).insertData('default', 't', rows([1, 2, 3]), 'overwrite');
    const committed = readdirSync(tableDir()).sort();
    const debris = [
      join(tableDir(), `.part-00000-x.parquet.${randomUUID()}.tmp`),
      join(tableDir(), `part-00000-${randomUUID()}-c000.snappy.parquet`),
      join(tableDir(), `.${TABLE_METADATA_FILE}.${randomUUID()}.tmp`),
    ];
    for (const f of debris) writeFileSync(f, 'partial');
    const tempTable = join(base, 'default.db', `.gone.${randomUUID()}.tmp`);
    mkdirSync(tempTable);
    for (const p of [...debris, tempTable]) age(p, 60 * 60 * 1000);
    const young = join(tableDir(), `.${TABLE_METADATA_FILE}.${randomUUID()}.tmp`);
    writeFileSync(young, 'in flight');

    const reopened = new FileStorageBackend({ basePath: base });
    expect(readdirSync(tableDir()).sort()).toEqual([...committed, young.slice(tableDir().length + 1)].sort());
    expect(readdirSync(join(base, 'default.db'))).toEqual(['t']);
    expect(reopened.queryTable('default', 't').numRows).toBe(3);
  });

  it('leaves the parts of a table whose registry is unreadable alone', () => {
    new FileStorageBackend({ basePath: base }).insertData('default', 't', rows([1]), 'overwrite');
    writeFileSync(join(tableDir(), TABLE_METADATA_FILE), '{ torn');
    for (const f of readdirSync(tableDir())) age(join(tableDir(), f), 60 * 60 * 1000);
    const before = readdirSync(tableDir()).sort();
    new FileStorageBackend({ basePath: base, sweepGraceMs: 0 });
    expect(readdirSync(tableDir()).sort()).toEqual(before);
  });
});
