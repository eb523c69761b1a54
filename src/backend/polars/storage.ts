/**
 * Table storage for the Polars backend: databases → tables held in memory as
 * Batches, with optional spill to Parquet.
 *
 * Catalog semantics (case-insensitive names, the `default` database, save
 * modes, the append schema check, every error text) are the memory storage's:
 * this class delegates each operation to a `MemoryStorageBackend` and only
 * adds where the rows live.
 *
 * Spill policy: with `allowDiskSpillover`, after each write a table whose
 * estimated in-memory size exceeds `maxMemory` bytes (default 1 GiB) is
 * written to a Parquet file and dropped from memory; the memory catalog keeps
 * its schema with no rows. Later appends to a spilled table go to further
 * Parquet parts (never re-read); `queryTable` reads the parts back, in order,
 * on every call. Overwrite or drop deletes the parts. Files live in a
 * directory of this instance's own — `<basePath>/sparkless-spill-<uuid>` or,
 * without `basePath`, a fresh directory under the OS temp dir — removed by
 * `close()` (and at process exit as a fallback).
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyBatch, makeBatch, type Batch } from '../../data/batch.js';
import { ArrayType, MapType, StructType, type DataType } from '../../types/data-types.js';
import { concatBatches } from '../export/concat.js';
import { readParquetFile, writeParquetFile } from '../export/parquet.js';
import type { StorageOptions } from '../factory.js';
import { MemoryStorageBackend } from '../memory/storage.js';
import type { SaveMode, StorageBackend, TableInfo } from '../protocols.js';
import { definePublicName } from '../../util/public-name.js';

/** Default spill threshold when spilling is allowed but no `maxMemory` is given. */
export const DEFAULT_MAX_MEMORY = 1024 * 1024 * 1024;

interface SpilledTable {
  readonly schema: StructType;
  readonly files: string[];
}

export class PolarsStorageBackend implements StorageBackend {
  static {
    definePublicName(this, 'PolarsStorageBackend');
  }

  readonly backendType = 'polars';
  readonly maxMemory: number;
  readonly allowDiskSpillover: boolean;
  readonly #basePath: string | undefined;
  /** The catalog and the in-memory rows; spilled tables hold no rows here. */
  readonly #catalog = new MemoryStorageBackend();
  /** `db\0table` (lower-cased) → Parquet parts of a spilled table. */
  readonly #spilled = new Map<string, SpilledTable>();
  #spillDir: string | undefined;

  constructor(opts: StorageOptions = {}) {
    this.#basePath = opts.basePath;
    this.maxMemory = opts.maxMemory ?? DEFAULT_MAX_MEMORY;
    this.allowDiskSpillover = opts.allowDiskSpillover ?? false;
  }

  createSchema(schema: string, ifNotExists = false): void {
    this.#catalog.createSchema(schema, ifNotExists);
  }

  dropSchema(schema: string, cascade = false): void {
    const tables = this.#catalog.schemaExists(schema) ? this.#catalog.listTables(schema) : [];
    this.#catalog.dropSchema(schema, cascade);
    for (const t of tables) this.#unspill(schema, t.name);
  }

  schemaExists(schema: string): boolean {
    return this.#catalog.schemaExists(schema);
  }

  listSchemas(): string[] {
    return this.#catalog.listSchemas();
  }

  createTable(schema: string, table: string, structType: StructType): void {
    this.#catalog.createTable(schema, table, structType);
  }

  insertData(schema: string, table: string, data: Batch, mode: SaveMode): void {
    const spilled = this.#spilled.get(key(schema, table));
    if (spilled && mode === 'overwrite') {
      this.#catalog.insertData(schema, table, data, mode);
      this.#unspill(schema, table);
    } else {
      // Validates (mode, append schema) before anything changes; a spilled table holds no rows
      // here, so after an append the catalog holds exactly the new rows.
      this.#catalog.insertData(schema, table, data, mode);
    }
    this.#maybeSpill(schema, table);
  }

  queryTable(schema: string, table: string): Batch {
    const inMemory = this.#catalog.queryTable(schema, table);
    const spilled = this.#spilled.get(key(schema, table));
    if (!spilled) return inMemory;
    const parts = spilled.files.map((f) => readParquetFile(f, spilled.schema));
    return concatBatches(spilled.schema, parts);
  }

  dropTable(schema: string, table: string): void {
    this.#catalog.dropTable(schema, table);
    this.#unspill(schema, table);
  }

  tableExists(schema: string, table: string): boolean {
    return this.#catalog.tableExists(schema, table);
  }

  listTables(schema: string): TableInfo[] {
    return this.#catalog.listTables(schema);
  }

  getTableSchema(schema: string, table: string): StructType {
    return this.#catalog.getTableSchema(schema, table);
  }

  /** True when the table's rows currently live in Parquet spill files. */
  isSpilled(schema: string, table: string): boolean {
    return this.#spilled.has(key(schema, table));
  }

  /** The spill directory, once something has spilled. */
  get spillDirectory(): string | undefined {
    return this.#spillDir;
  }

  close(): void {
    this.#catalog.close();
    this.#spilled.clear();
    if (this.#spillDir) {
      removeDir(this.#spillDir);
      this.#spillDir = undefined;
    }
  }

  /** Moves the table's in-memory rows to a new Parquet part when the table is (or becomes) too large. */
  #maybeSpill(schema: string, table: string): void {
    if (!this.allowDiskSpillover || !this.#catalog.tableExists(schema, table)) return;
    const k = key(schema, table);
    const rows = this.#catalog.queryTable(schema, table);
    const spilled = this.#spilled.get(k);
    if (!spilled && estimateBatchBytes(rows) <= this.maxMemory) return;
    if (rows.numRows === 0 && spilled) return;
    const tableSchema = this.#catalog.getTableSchema(schema, table);
    const file = join(this.#ensureSpillDir(), `${k.replace(/[^a-z0-9_]+/g, '_')}-${randomUUID()}.parquet`);
    const tmp = `${file}.tmp`;
    // Positional names: the schema lives here, and Spark allows names Parquet writers reject.
    writeParquetFile(makeBatch(tableSchema, rows.columns), tmp, 'uncompressed', tableSchema.fields.map((_, i) => `c${i}`));
    renameSync(tmp, file);
    this.#spilled.set(k, { schema: tableSchema, files: [...(spilled?.files ?? []), file] });
    this.#catalog.insertData(schema, table, emptyBatch(tableSchema), 'overwrite');
  }

  #unspill(schema: string, table: string): void {
    const k = key(schema, table);
    const spilled = this.#spilled.get(k);
    if (!spilled) return;
    this.#spilled.delete(k);
    for (const f of spilled.files) rmSync(f, { force: true });
  }

  #ensureSpillDir(): string {
    if (this.#spillDir) return this.#spillDir;
    let dir: string;
    if (this.#basePath) {
      dir = join(this.#basePath, `sparkless-spill-${randomUUID()}`);
      mkdirSync(dir, { recursive: true });
    } else {
      dir = mkdtempSync(join(tmpdir(), 'sparkless-spill-'));
    }
    this.#spillDir = dir;
    registerForExitCleanup(dir);
    return dir;
  }
}

const key = (schema: string, table: string): string => `${schema.toLowerCase()}\0${table.toLowerCase()}`;

/**
 * A rough in-memory size of a batch in bytes: 8 per number, 16 per bigint,
 * 2 per string character (+ 16 overhead), byte length of binaries, nested
 * values summed, 1 per null. Used only to decide when to spill.
 */
export function estimateBatchBytes(batch: Batch): number {
  let total = 0;
  batch.schema.fields.forEach((f, i) => {
    for (const v of batch.columns[i]!) total += estimateValue(v, f.dataType);
  });
  return total;
}

function estimateValue(v: unknown, t: DataType): number {
  if (v === null || v === undefined) return 1;
  switch (typeof v) {
    case 'number':
      return 8;
    case 'bigint':
      return 16;
    case 'boolean':
      return 1;
    case 'string':
      return 16 + 2 * v.length;
    default:
      break;
  }
  if (v instanceof Uint8Array) return 16 + v.byteLength;
  if (v instanceof Map) {
    const mt = t instanceof MapType ? t : undefined;
    let n = 32;
    for (const [k, x] of v) n += estimateValue(k, mt?.keyType ?? t) + estimateValue(x, mt?.valueType ?? t);
    return n;
  }
  if (Array.isArray(v)) {
    let n = 16;
    v.forEach((x, i) => {
      const et = t instanceof ArrayType ? t.elementType : t instanceof StructType ? t.fields[i]?.dataType ?? t : t;
      n += estimateValue(x, et);
    });
    return n;
  }
  return 16;
}

const exitCleanup = new Set<string>();
let exitHookInstalled = false;

function registerForExitCleanup(dir: string): void {
  exitCleanup.add(dir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const d of exitCleanup) {
      try {
        rmSync(d, { recursive: true, force: true });
      } catch {
        // best effort at exit
      }
    }
  });
}

function removeDir(dir: string): void {
  exitCleanup.delete(dir);
  rmSync(dir, { recursive: true, force: true });
}
