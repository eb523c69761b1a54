/**
 * The backend protocols. Session, DataFrame and catalog code reach storage and
 * execution only through these interfaces (and BackendFactory), so a backend
 * can be swapped or injected (e.g. a spy-wrapped one in tests).
 */
import type { RepartitionRecord } from './repartitions.js';
import type { Table as ArrowTable } from 'apache-arrow';
import type { Batch } from '../data/batch.js';
import type { LogicalPlan } from '../plan/nodes.js';
import type { StructType } from '../types/data-types.js';

/**
 * `auto` executes small queries on the memory interpreter and large ones on Polars;
 * `connect` sends every query to a Spark Connect server (see backend/connect).
 */
export type BackendType = 'polars' | 'memory' | 'file' | 'auto' | 'connect';

/** How `insertData` treats an existing table (Spark's SaveMode). */
export type SaveMode = 'append' | 'overwrite' | 'error' | 'errorifexists' | 'ignore';

export interface TableInfo {
  readonly name: string;
  readonly database: string;
  readonly tableType: 'MANAGED' | 'EXTERNAL' | 'TEMPORARY';
  readonly isTemporary: boolean;
}

/** Persistent (or in-process) table storage: databases ("schemas" in the seed) and tables. */
export interface StorageBackend {
  readonly backendType: BackendType | string;
  createSchema(schema: string, ifNotExists?: boolean): void;
  dropSchema(schema: string, cascade?: boolean): void;
  schemaExists(schema: string): boolean;
  listSchemas(): string[];
  createTable(schema: string, table: string, structType: StructType): void;
  insertData(schema: string, table: string, data: Batch, mode: SaveMode): void;
  /**
   * Optional: creates a table holding `data` in one step (`saveAsTable` of a
   * new table), so a crash leaves no table or the whole one, never an empty
   * one. Throws TABLE_OR_VIEW_ALREADY_EXISTS if it exists. Without it,
   * `createTable` then `insertData` are called.
   */
  createTableAs?(schema: string, table: string, data: Batch): void;
  queryTable(schema: string, table: string): Batch;
  dropTable(schema: string, table: string): void;
  tableExists(schema: string, table: string): boolean;
  listTables(schema: string): TableInfo[];
  getTableSchema(schema: string, table: string): StructType;
  /**
   * Optional, for storages that persist tables: keeps the table's catalog
   * details (session/table-metadata.ts, as JSON) with the table, so any
   * later reader sees them. Without it they are kept in-process.
   */
  writeCatalogEntry?(schema: string, table: string, entry: Record<string, unknown>): void;
  readCatalogEntry?(schema: string, table: string): Record<string, unknown> | undefined;
  /** Optional: where the table's files live (`file:/...`), for DESCRIBE/SHOW CREATE TABLE. */
  tableLocation?(schema: string, table: string): string;
  close(): void;
}

/**
 * Inputs up to this many rows get exact row-order double sums on every backend
 * (what Spark computes on one partition). Larger inputs have no single Spark
 * answer (Spark's sums depend on partitioning), so backends may sum faster.
 */
export const DEFAULT_SEQUENTIAL_SUM_MAX_ROWS = 100_000;

/**
 * Executes plans. The seed's `materialize(data, schema, operations)` takes a
 * source and a list of operations; here the source data and schema are the
 * plan's `LocalRelation` leaves and the operations are its nodes, which keeps
 * two-input operations (joins, unions) first-class.
 */
export interface DataMaterializer {
  readonly backendType: BackendType | string;
  /**
   * The session time zone for timestamp functions. When present, the session
   * sets it before each query, so `spark.conf.set('spark.sql.session.timeZone', ...)`
   * applies to the next action.
   */
  timeZone?: string;
  /**
   * Double `sum`/`avg` add values one by one in row order (Spark's order on one
   * partition, bit-identical to the memory backend) when a query's inputs hold at
   * most this many rows; above it a backend may use its own, faster summation
   * order. When present, the session sets it before each query from
   * `spark.sparkless.sql.sequentialSumMaxRows`.
   */
  sequentialSumMaxRows?: number;
  /**
   * Takes a new DataFrame's data (from `createDataFrame` or a reader) and returns
   * the batch to keep in the plan: the same batch, or an equivalent one held in
   * the backend's own storage (Polars keeps large inputs only natively, so the
   * data is not held twice).
   */
  ingest?(batch: Batch): Batch;
  /** Executes a resolved plan (see plan/nodes.ts) and returns every row. */
  materialize(plan: LogicalPlan): Batch;
  /** Local backends: the adaptive repartition steps of the last `materialize` call (see backend/repartitions.ts). */
  readonly lastRepartitions?: readonly RepartitionRecord[];
  /** A human-readable description of how the backend would run the plan (for `explain`). */
  describe?(plan: LogicalPlan): string;
  close(): void;
}

/** Runs SQL text directly against registered tables (used by `spark.sql` where a backend offers it). */
export interface QueryExecutor {
  readonly backendType: BackendType | string;
  executeQuery(sql: string): Batch;
  createTable(name: string, data: Batch): void;
  close(): void;
}

export type FileFormat = 'parquet' | 'csv' | 'json' | 'text';

/** Spark's data source options (case-insensitive: `header`, `sep`, `nullValue`, `compression`, `timeZone`, ...). */
export interface WriteOptions {
  /** What to do when the path exists (Spark's save modes; default errorifexists). */
  readonly mode?: SaveMode;
  readonly partitionBy?: readonly string[];
  /** The session time zone, for timestamps written without an offset. */
  readonly timeZone?: string;
  readonly [option: string]: unknown;
}

/** Moves results out of the engine: Arrow tables and files. */
export interface ExportBackend {
  readonly backendType: BackendType | string;
  toArrow(batch: Batch): ArrowTable;
  writeFile(batch: Batch, path: string, format: FileFormat, options?: WriteOptions): void;
  /** Reads files into one batch; `rowsPerFile`, when given, receives each file's path and row count, in row order. */
  readFile(path: string, format: FileFormat, schema?: StructType, options?: Record<string, unknown>, rowsPerFile?: { file: string; rows: number }[]): Batch;
}
