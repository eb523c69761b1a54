/**
 * In-process table storage: databases → tables → Batch. Names are
 * case-insensitive (stored lower-cased, as Spark's session catalog does);
 * the `default` database always exists.
 */
import { makeBatch, type Batch } from '../../data/batch.js';
import { AnalysisException } from '../../errors/index.js';
import type { StructType } from '../../types/data-types.js';
import type { SaveMode, StorageBackend, TableInfo } from '../protocols.js';
import { definePublicName } from '../../util/public-name.js';

interface StoredTable {
  readonly name: string;
  schema: StructType;
  data: Batch;
}

const q = (s: string): string => '`' + s.replace(/`/g, '``') + '`';

function tableNotFound(db: string, table: string): AnalysisException {
  return new AnalysisException(
    `The table or view ${q(db)}.${q(table)} cannot be found. Verify the spelling and correctness of the schema and catalog.\n` +
      'If you did not qualify the name with a schema, verify the current_schema() output, or qualify the name with the correct schema and catalog.\n' +
      'To tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS.',
    { errorClass: 'TABLE_OR_VIEW_NOT_FOUND', messageParameters: { relationName: `${q(db)}.${q(table)}` } },
  );
}

function tableExistsError(db: string, table: string): AnalysisException {
  return new AnalysisException(
    `Cannot create table or view ${q(db)}.${q(table)} because it already exists.\n` +
      'Choose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects.',
    { errorClass: 'TABLE_OR_VIEW_ALREADY_EXISTS', messageParameters: { relationName: `${q(db)}.${q(table)}` } },
  );
}

function schemaNotFound(db: string): AnalysisException {
  return new AnalysisException(
    `The schema ${q(db)} cannot be found. Verify the spelling and correctness of the schema and catalog.\n` +
      'If you did not qualify the name with a catalog, verify the current_schema() output, or qualify the name with the correct catalog.\n' +
      'To tolerate the error on drop use DROP SCHEMA IF EXISTS.',
    { errorClass: 'SCHEMA_NOT_FOUND', messageParameters: { schemaName: q(db) } },
  );
}

export class MemoryStorageBackend implements StorageBackend {
  static {
    definePublicName(this, 'MemoryStorageBackend');
  }

  readonly backendType = 'memory';
  private readonly databases = new Map<string, Map<string, StoredTable>>([['default', new Map()]]);

  private db(schema: string): Map<string, StoredTable> | undefined {
    return this.databases.get(schema.toLowerCase());
  }

  private requireDb(schema: string): Map<string, StoredTable> {
    const db = this.db(schema);
    if (!db) throw schemaNotFound(schema);
    return db;
  }

  createSchema(schema: string, ifNotExists = false): void {
    const key = schema.toLowerCase();
    if (this.databases.has(key)) {
      if (ifNotExists) return;
      throw new AnalysisException(
        `Cannot create schema ${q(schema)} because it already exists.\n` +
          'Choose a different name, drop the existing schema, or add the IF NOT EXISTS clause to tolerate pre-existing schema.',
        { errorClass: 'SCHEMA_ALREADY_EXISTS', messageParameters: { schemaName: q(schema) } },
      );
    }
    this.databases.set(key, new Map());
  }

  dropSchema(schema: string, cascade = false): void {
    const key = schema.toLowerCase();
    const db = this.databases.get(key);
    if (!db) throw schemaNotFound(schema);
    if (key === 'default') {
      throw new AnalysisException(`The feature is not supported: Drop the default database ${q(key)}.`, {
        errorClass: 'UNSUPPORTED_FEATURE.DROP_DATABASE',
        messageParameters: { database: q(key) },
      });
    }
    if (db.size > 0 && !cascade) {
      throw new AnalysisException(
        `Cannot drop a schema ${q(schema)} because it contains objects.\nUse DROP SCHEMA ... CASCADE to drop the schema and all its objects.`,
        { errorClass: 'SCHEMA_NOT_EMPTY', messageParameters: { schemaName: q(schema) } },
      );
    }
    this.databases.delete(key);
  }

  schemaExists(schema: string): boolean {
    return this.databases.has(schema.toLowerCase());
  }

  listSchemas(): string[] {
    return [...this.databases.keys()].sort();
  }

  createTable(schema: string, table: string, structType: StructType): void {
    const db = this.requireDb(schema);
    const key = table.toLowerCase();
    if (db.has(key)) throw tableExistsError(schema, table);
    db.set(key, { name: key, schema: structType, data: makeBatch(structType, structType.fields.map(() => [])) });
  }

  insertData(schema: string, table: string, data: Batch, mode: SaveMode): void {
    const db = this.requireDb(schema);
    const key = table.toLowerCase();
    const existing = db.get(key);
    if (!existing) {
      db.set(key, { name: key, schema: data.schema, data });
      return;
    }
    switch (mode) {
      case 'error':
      case 'errorifexists':
        throw tableExistsError(schema, table);
      case 'ignore':
        return;
      case 'overwrite':
        existing.schema = data.schema;
        existing.data = data;
        return;
      case 'append': {
        checkAppendSchema(schema, table, existing.schema, data.schema);
        const columns = existing.data.columns.map((c, i) => (c as unknown[]).concat(data.columns[i] as unknown[]));
        existing.data = makeBatch(existing.schema, columns);
        return;
      }
    }
  }

  queryTable(schema: string, table: string): Batch {
    const t = this.db(schema)?.get(table.toLowerCase());
    if (!t) throw tableNotFound(schema, table);
    return t.data;
  }

  dropTable(schema: string, table: string): void {
    this.db(schema)?.delete(table.toLowerCase());
  }

  tableExists(schema: string, table: string): boolean {
    return this.db(schema)?.has(table.toLowerCase()) ?? false;
  }

  listTables(schema: string): TableInfo[] {
    const db = this.requireDb(schema);
    return [...db.values()]
      .map((t) => ({ name: t.name, database: schema.toLowerCase(), tableType: 'MANAGED' as const, isTemporary: false }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  getTableSchema(schema: string, table: string): StructType {
    const t = this.db(schema)?.get(table.toLowerCase());
    if (!t) throw tableNotFound(schema, table);
    return t.schema;
  }

  close(): void {
    this.databases.clear();
    this.databases.set('default', new Map());
  }
}

/** Appends need the same columns (by position) with the same types; nullability may differ. */
function checkAppendSchema(db: string, table: string, target: StructType, data: StructType): void {
  if (target.fields.length !== data.fields.length) {
    const reason = data.fields.length > target.fields.length ? 'too many data columns' : 'not enough data columns';
    const sub = data.fields.length > target.fields.length ? 'TOO_MANY_DATA_COLUMNS' : 'NOT_ENOUGH_DATA_COLUMNS';
    throw new AnalysisException(
      `Cannot write to ${q(db)}.${q(table)}, the reason is ${reason}:\n` +
        `Table columns: ${target.fields.map((f) => q(f.name)).join(', ')}.\n` +
        `Data columns: ${data.fields.map((f) => q(f.name)).join(', ')}.`,
      { errorClass: `INSERT_COLUMN_ARITY_MISMATCH.${sub}`, messageParameters: { tableName: `${q(db)}.${q(table)}`, reason } },
    );
  }
  target.fields.forEach((f, i) => {
    const d = data.fields[i]!;
    if (!f.dataType.equals(d.dataType)) {
      throw new AnalysisException(
        `Cannot write incompatible data for the table ${q(db)}.${q(table)}: Cannot safely cast ${q(d.name)} "${d.dataType.simpleString().toUpperCase()}" to "${f.dataType.simpleString().toUpperCase()}".`,
        { errorClass: 'INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_SAFELY_CAST', messageParameters: { tableName: `${q(db)}.${q(table)}`, colName: q(f.name) } },
      );
    }
  });
}
