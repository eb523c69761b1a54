import { describe, expect, it } from 'vitest';
import { batchFromRows, batchRows } from '../../../src/data/batch.js';
import { AnalysisException } from '../../../src/errors/index.js';
import { INT, LONG, STRING } from '../../../src/types/data-types.js';
import { MemoryStorageBackend } from '../../../src/backend/memory/storage.js';
import { MemoryMaterializer } from '../../../src/backend/memory/materializer.js';
import { call, col, filter, lit, relation, schema } from '../../helpers/resolved.js';

const s = schema(['id', INT], ['name', STRING]);
const batch = (rows: unknown[][]) => batchFromRows(s, rows);

describe('MemoryStorageBackend', () => {
  it('has a default database and creates/drops schemas', () => {
    const st = new MemoryStorageBackend();
    expect(st.backendType).toBe('memory');
    expect(st.listSchemas()).toEqual(['default']);
    st.createSchema('sales');
    st.createSchema('sales', true);
    expect(() => st.createSchema('sales')).toThrow(/SCHEMA_ALREADY_EXISTS/);
    expect(st.schemaExists('SALES')).toBe(true);
    st.insertData('sales', 't', batch([[1, 'a']]), 'error');
    expect(() => st.dropSchema('sales')).toThrow(/SCHEMA_NOT_EMPTY/);
    st.dropSchema('sales', true);
    expect(st.schemaExists('sales')).toBe(false);
    expect(() => st.listTables('nope')).toThrow(/SCHEMA_NOT_FOUND/);
  });

  it('save modes', () => {
    const st = new MemoryStorageBackend();
    st.insertData('default', 't', batch([[1, 'a']]), 'errorifexists');
    expect(() => st.insertData('default', 't', batch([[2, 'b']]), 'error')).toThrow(/\[TABLE_OR_VIEW_ALREADY_EXISTS\]/);
    st.insertData('default', 't', batch([[2, 'b']]), 'ignore');
    expect(batchRows(st.queryTable('default', 't'))).toEqual([[1, 'a']]);
    st.insertData('default', 't', batch([[2, 'b']]), 'append');
    expect(batchRows(st.queryTable('default', 't'))).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    st.insertData('default', 'T', batch([[3, 'c']]), 'overwrite');
    expect(batchRows(st.queryTable('default', 't'))).toEqual([[3, 'c']]);
    const other = batchFromRows(schema(['id', LONG]), [[1]]);
    expect(() => st.insertData('default', 't', other, 'append')).toThrow(AnalysisException);
  });

  it('reports missing tables as Spark does', () => {
    const st = new MemoryStorageBackend();
    expect(() => st.queryTable('default', 'missing')).toThrow('[TABLE_OR_VIEW_NOT_FOUND] The table or view `default`.`missing` cannot be found.');
    expect(() => st.getTableSchema('db', 't')).toThrow(/TABLE_OR_VIEW_NOT_FOUND/);
    expect(st.tableExists('default', 'missing')).toBe(false);
    st.createTable('default', 'e', s);
    expect(st.getTableSchema('default', 'e')).toBe(s);
    expect(st.listTables('default')).toEqual([{ name: 'e', database: 'default', tableType: 'MANAGED', isTemporary: false }]);
    expect(() => st.createTable('default', 'e', s)).toThrow(/TABLE_OR_VIEW_ALREADY_EXISTS/);
    st.dropTable('default', 'e');
    expect(st.tableExists('default', 'e')).toBe(false);
  });
});

describe('MemoryMaterializer', () => {
  it('materializes resolved plans', () => {
    const m = new MemoryMaterializer({ timeZone: 'UTC' });
    expect(m.backendType).toBe('memory');
    const r = relation(s, [
      [1, 'a'],
      [2, 'b'],
    ]);
    const out = m.materialize(filter(r, call('gt', [col(r, 0), lit(1)])));
    expect(batchRows(out)).toEqual([[2, 'b']]);
    expect(m.describe(filter(r, lit(true)))).toContain('MemoryFilter');
    m.close();
  });
});
