/**
 * Persistent table storage: Parquet data plus a JSON schema registry under a
 * base path (default `./spark-warehouse`, like Spark), readable by any later
 * FileStorageBackend on the same path.
 *
 * Layout (names lower-cased, as Spark's catalog stores them; characters
 * outside `[a-z0-9_-]` are %-encoded):
 *
 * ```
 * <basePath>/<db>.db/<table>/_sparkless_table.json     schema + list of data files
 * <basePath>/<db>.db/<table>/part-00000-<uuid>-c000.snappy.parquet
 * ```
 *
 * `_sparkless_table.json` is the commit point: `{ version, name, schema, files, catalog }`
 * where `schema` is Spark's JSON schema (`StructType.jsonValue()`, read back
 * with `StructType.fromJson`, so types, nullability and metadata are exact)
 * `files` lists the table's Parquet parts in row order, and `catalog` holds
 * what its creator declared (provider, partitioning, comment, properties:
 * session/table-metadata.ts), kept across inserts. A write puts new
 * parts under fresh names, then replaces the JSON atomically (temp file +
 * rename), then deletes parts no longer listed. A failure at any step before
 * the rename leaves the previous table intact. The leading `_` makes Spark
 * and other Parquet readers skip the JSON when reading the directory.
 *
 * The `default` database always exists; its directory is created on first use.
 *
 * Semantics and errors are the memory storage's: each operation is first
 * replayed on a metadata-only `MemoryStorageBackend` holding what the disk
 * holds for the database/table concerned, so save modes, the append schema
 * check and every error text come from one implementation.
 *
 * Every file is fsynced before its rename and the directory after it
 * (export/fs-atomic.ts). Temp files and uncommitted parts of killed writers
 * are removed when a later instance opens the base path (sweep.ts). Names
 * are validated and encoded by names.ts.
 *
 * Writes to a database take its lock file (`<basePath>/_sparkless_lock_<db>`,
 * lock.ts), so concurrent writers in several processes take turns and no
 * acknowledged append is lost; a dead writer's lock is broken.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { emptyBatch, makeBatch, type Batch } from '../../data/batch.js';
import { ExecutionException, InternalError } from '../../errors/index.js';
import { StructType } from '../../types/data-types.js';
import { concatBatches } from '../export/concat.js';
import { removePath, writeAtomically, writeFileAtomically } from '../export/fs-atomic.js';
import { readParquetFile, writeParquetFile } from '../export/parquet.js';
import type { StorageOptions } from '../factory.js';
import { MemoryStorageBackend } from '../memory/storage.js';
import type { SaveMode, StorageBackend, TableInfo } from '../protocols.js';
import { withLock } from './lock.js';
import { decodeName, encodeName } from './names.js';
import { DEFAULT_SWEEP_GRACE_MS, sweepAbandoned } from './sweep.js';
import { definePublicName } from '../../util/public-name.js';

/** Spark's default warehouse directory. */
export const DEFAULT_BASE_PATH = './spark-warehouse';

/** The per-table registry file. */
export const TABLE_METADATA_FILE = '_sparkless_table.json';

const FORMAT_VERSION = 1;

interface TableMetadata {
  readonly version: number;
  /** The table's name (lower-cased). */
  readonly name: string;
  readonly schema: StructType;
  /** Data files, relative to the table directory, in row order. */
  readonly files: readonly string[];
  /** Row count of a table without columns (which has no data files). */
  readonly numRows?: number;
  /** Catalog details (provider, partitioning, comment, ...: session/table-metadata.ts), kept across writes. */
  readonly catalog?: Record<string, unknown>;
}

export class FileStorageBackend implements StorageBackend {
  static {
    definePublicName(this, 'FileStorageBackend');
  }

  readonly backendType = 'file';
  /** Absolute base directory. */
  readonly basePath: string;

  constructor(opts: StorageOptions & { readonly sweepGraceMs?: number } = {}) {
    this.basePath = resolve(opts.basePath ?? DEFAULT_BASE_PATH);
    // Debris of writers killed mid-write (see sweep.ts); committed tables never depend on it.
    sweepAbandoned(this.basePath, TABLE_METADATA_FILE, opts.sweepGraceMs ?? DEFAULT_SWEEP_GRACE_MS);
  }

  // ---------------------------------------------------------------- databases

  createSchema(schema: string, ifNotExists = false): void {
    this.#locked(schema, () => {
      this.#mirror(schema).createSchema(schema, ifNotExists);
      mkdirSync(this.#dbDir(schema), { recursive: true });
    });
  }

  dropSchema(schema: string, cascade = false): void {
    this.#locked(schema, () => {
      this.#mirror(schema, this.#tableNames(schema)).dropSchema(schema, cascade);
      removePath(this.#dbDir(schema));
    });
  }

  schemaExists(schema: string): boolean {
    return schema.toLowerCase() === 'default' || isDir(this.#dbDir(schema));
  }

  listSchemas(): string[] {
    const names = new Set(['default']);
    if (isDir(this.basePath)) {
      for (const e of readdirSync(this.basePath, { withFileTypes: true })) {
        if (e.isDirectory() && e.name.endsWith('.db') && !e.name.startsWith('.')) names.add(decodeName(e.name.slice(0, -3)));
      }
    }
    return [...names].sort();
  }

  // ---------------------------------------------------------------- tables

  createTable(schema: string, table: string, structType: StructType): void {
    this.#locked(schema, () => {
      this.#mirror(schema, [], table).createTable(schema, table, structType);
      this.#commit(schema, table, { version: FORMAT_VERSION, name: table.toLowerCase(), schema: structType, files: [] }, []);
    });
  }

  /** Data and registry in one commit: a crash leaves no table or the whole one. */
  createTableAs(schema: string, table: string, data: Batch): void {
    this.insertData(schema, table, data, 'errorifexists');
  }

  insertData(schema: string, table: string, data: Batch, mode: SaveMode): void {
    this.#locked(schema, () => this.#insert(schema, table, data, mode));
  }

  #insert(schema: string, table: string, data: Batch, mode: SaveMode): void {
    const existing = this.#readMetadata(schema, table);
    // Mode and schema checks (and their errors) exactly as the memory storage does them.
    this.#mirror(schema, [], table, existing?.schema ?? null).insertData(schema, table, emptyBatch(data.schema), mode);
    if (existing && mode === 'ignore') return;
    const appending = existing !== undefined && mode === 'append';
    const schemaOut = appending ? existing.schema : data.schema;
    const rows = makeBatch(schemaOut, data.columns);
    const newFiles = this.#writeData(schema, table, rows);
    const files = appending ? [...existing.files, ...newFiles] : newFiles;
    const numRows = schemaOut.fields.length === 0 ? (appending ? existing.numRows ?? 0 : 0) + data.numRows : undefined;
    const meta: TableMetadata = {
      version: FORMAT_VERSION,
      name: table.toLowerCase(),
      schema: schemaOut,
      files,
      ...(numRows !== undefined ? { numRows } : {}),
      // INSERT OVERWRITE keeps the table's declared layout; a writer that recreates the table records its own after.
      ...(existing?.catalog ? { catalog: existing.catalog } : {}),
    };
    this.#commit(schema, table, meta, appending ? [] : existing?.files ?? []);
  }

  queryTable(schema: string, table: string): Batch {
    const meta = this.#readMetadata(schema, table);
    if (!meta) {
      this.#mirror(schema).queryTable(schema, table); // throws TABLE_OR_VIEW_NOT_FOUND
      throw new InternalError(`file storage: table ${schema}.${table} has no metadata but the catalog mirror found it`);
    }
    if (meta.schema.fields.length === 0) return { schema: meta.schema, columns: [], numRows: meta.numRows ?? 0 };
    const dir = this.#tableDir(schema, table);
    const parts = meta.files.map((f) => readParquetFile(join(dir, f), meta.schema));
    return parts.length === 0 ? emptyBatch(meta.schema) : concatBatches(meta.schema, parts);
  }

  dropTable(schema: string, table: string): void {
    if (!this.schemaExists(schema)) return;
    this.#locked(schema, () => removePath(this.#tableDir(schema, table)));
  }

  tableExists(schema: string, table: string): boolean {
    return existsSync(join(this.#tableDir(schema, table), TABLE_METADATA_FILE));
  }

  listTables(schema: string): TableInfo[] {
    this.#mirror(schema).listTables(schema); // throws SCHEMA_NOT_FOUND
    return this.#tableNames(schema)
      .sort()
      .map((name) => ({ name, database: schema.toLowerCase(), tableType: 'MANAGED' as const, isTemporary: false }));
  }

  getTableSchema(schema: string, table: string): StructType {
    const meta = this.#readMetadata(schema, table);
    if (!meta) return this.#mirror(schema).getTableSchema(schema, table); // throws TABLE_OR_VIEW_NOT_FOUND
    return meta.schema;
  }

  writeCatalogEntry(schema: string, table: string, entry: Record<string, unknown>): void {
    this.#locked(schema, () => {
      const meta = this.#readMetadata(schema, table);
      if (meta) this.#commit(schema, table, { ...meta, catalog: entry }, []);
    });
  }

  readCatalogEntry(schema: string, table: string): Record<string, unknown> | undefined {
    return this.#readMetadata(schema, table)?.catalog;
  }

  tableLocation(schema: string, table: string): string {
    return `file:${this.#tableDir(schema, table)}`;
  }

  /** Nothing is held open: every call reads and writes the disk. */
  close(): void {}

  // ---------------------------------------------------------------- internals

  /** Runs a read-modify-commit under the database's write lock (lock.ts), shared by every process on the base path. */
  #locked<T>(schema: string, f: () => T): T {
    return withLock(join(this.basePath, `_sparkless_lock_${encodeName(schema)}`), f);
  }

  #dbDir(schema: string): string {
    return join(this.basePath, `${encodeName(schema)}.db`);
  }

  #tableDir(schema: string, table: string): string {
    return join(this.#dbDir(schema), encodeName(table));
  }

  /** Names (lower-cased) of the committed tables of a database. */
  #tableNames(schema: string): string[] {
    const dir = this.#dbDir(schema);
    if (!isDir(dir)) return [];
    const names: string[] = [];
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory() || e.name.startsWith('.')) continue;
      if (existsSync(join(dir, e.name, TABLE_METADATA_FILE))) names.push(decodeName(e.name));
    }
    return names;
  }

  /**
   * A memory catalog holding what the disk holds for `schema`: the database
   * (if it exists), the named tables (no schema needed), and `table` with
   * its stored schema when it exists (`tableSchema`: already read; null when known absent).
   */
  #mirror(schema: string, tableNames: readonly string[] = [], table?: string, tableSchema?: StructType | null): MemoryStorageBackend {
    const m = new MemoryStorageBackend();
    if (!this.schemaExists(schema)) return m;
    m.createSchema(schema, true);
    for (const t of tableNames) m.createTable(schema, t, new StructType());
    if (table !== undefined) {
      const stored = tableSchema === undefined ? this.#readMetadata(schema, table)?.schema : tableSchema;
      if (stored) m.createTable(schema, table, stored);
    }
    return m;
  }

  #readMetadata(schema: string, table: string): TableMetadata | undefined {
    const file = join(this.#tableDir(schema, table), TABLE_METADATA_FILE);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw err;
    }
    try {
      const raw = JSON.parse(text) as { version?: number; name?: string; schema?: unknown; files?: unknown; numRows?: number; catalog?: unknown };
      if (!Array.isArray(raw.files) || raw.schema === undefined) throw new Error('missing "schema" or "files"');
      return {
        version: raw.version ?? FORMAT_VERSION,
        name: raw.name ?? table.toLowerCase(),
        schema: StructType.fromJson(raw.schema),
        files: raw.files.map(String),
        ...(typeof raw.numRows === 'number' ? { numRows: raw.numRows } : {}),
        ...(raw.catalog !== null && typeof raw.catalog === 'object' ? { catalog: raw.catalog as Record<string, unknown> } : {}),
      };
    } catch (err) {
      throw new ExecutionException(`The table metadata file ${file} is corrupt: ${(err as Error).message}`, {
        errorClass: 'SPARKLESS_CORRUPT_TABLE_METADATA',
        messageParameters: { path: file },
        cause: err,
      });
    }
  }

  /** Writes the rows as a new Parquet part (none for zero rows or zero columns); returns the new file names. */
  #writeData(schema: string, table: string, rows: Batch): string[] {
    if (rows.numRows === 0 || rows.schema.fields.length === 0) return [];
    const dir = this.#tableDir(schema, table);
    mkdirSync(dir, { recursive: true });
    const name = `part-00000-${randomUUID()}-c000.snappy.parquet`;
    const names = rows.schema.names;
    // Real column names when Parquet can hold them; positional otherwise (reads are positional anyway).
    const unique = new Set(names.map((n) => n.toLowerCase())).size === names.length && names.every((n) => n.length > 0);
    writeAtomically(join(dir, name), (tmp) => writeParquetFile(rows, tmp, 'snappy', unique ? names : names.map((_, i) => `c${i}`)));
    return [name];
  }

  /** Atomically replaces the table's registry entry, then deletes data files it no longer lists. */
  #commit(schema: string, table: string, meta: TableMetadata, obsolete: readonly string[]): void {
    const dir = this.#tableDir(schema, table);
    mkdirSync(dir, { recursive: true });
    const json = {
      version: meta.version,
      name: meta.name,
      schema: meta.schema.jsonValue(),
      files: meta.files,
      ...(meta.numRows !== undefined ? { numRows: meta.numRows } : {}),
      ...(meta.catalog ? { catalog: meta.catalog } : {}),
    };
    writeFileAtomically(join(dir, TABLE_METADATA_FILE), JSON.stringify(json, null, 2) + '\n');
    const keep = new Set(meta.files);
    for (const f of obsolete) if (!keep.has(f)) removePath(join(dir, f));
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
