/**
 * `df.write`: save to catalog tables (through the StorageBackend) or to
 * files (through the ExportBackend). Spark's save modes apply.
 */
import { enforceCharVarchar } from '../types/char-varchar.js';
import type { FileFormat, SaveMode } from '../backend/protocols.js';
import { requireStr } from './arg-checks.js';
import { AnalysisException, IllegalArgumentException, PySparkTypeError } from '../errors/index.js';
import { guardBackendCall } from '../backend/guard.js';
import { parseTableName } from '../session/catalog.js';
import { CONF } from '../session/conf.js';
import { remoteWrite, type RemoteWrite } from '../backend/connect/catalog.js';
import type { DataFrame } from './dataframe.js';
import { DataSourceBuilder, type OptionValue } from './data-source.js';
import { assertNotBucketed, tableLayout, type WriterLayout } from './table-layout.js';
import { byTableNames, checkAppendColumns, partitionColumnsLast } from './writer-v2-columns.js';
import { setTableMetadata } from '../session/table-metadata.js';

const MODES: Record<string, SaveMode> = {
  append: 'append',
  overwrite: 'overwrite',
  error: 'error',
  errorifexists: 'errorifexists',
  ignore: 'ignore',
  default: 'errorifexists',
};

export class DataFrameWriter extends DataSourceBuilder {
  #mode: SaveMode = 'errorifexists';
  #partitionBy: string[] = [];
  #buckets: { numBuckets: number; bucketColumns: string[] } | undefined;
  #sortBy: string[] = [];

  constructor(private readonly df: DataFrame) {
    super();
  }

  mode(saveMode: string): this {
    // PySpark: mode(None) keeps the default mode.
    if (saveMode === undefined || saveMode === null) return this;
    requireStr('saveMode', saveMode);
    const m = MODES[saveMode.toLowerCase()];
    if (!m) {
      throw new IllegalArgumentException(
        `Unknown save mode: ${saveMode}. Accepted save modes are 'overwrite', 'append', 'ignore', 'error', 'errorifexists', 'default'.`,
        { errorClass: 'INVALID_SAVE_MODE' },
      );
    }
    this.#mode = m;
    return this;
  }

  /** Recorded for API compatibility; files are written unpartitioned. */
  partitionBy(...cols: string[]): this {
    this.#partitionBy = cols;
    return this;
  }

  /** Buckets of a table written by `saveAsTable`, recorded in its metadata (catalog `isBucket`); sparkless does not hash rows into files. */
  bucketBy(numBuckets: number, col: string | readonly string[], ...cols: string[]): this {
    this.#buckets = bucketSpec(numBuckets, col, cols);
    return this;
  }

  /** Sort columns within buckets (with `bucketBy`), recorded in the table's metadata. */
  sortBy(col: string | readonly string[], ...cols: string[]): this {
    this.#sortBy = [...(Array.isArray(col) ? col : [col as string]), ...cols];
    return this;
  }

  /** Writes into a catalog table (`db.table` or `table` in the current database). */
  saveAsTable(name: string, format?: string, mode?: string): void {
    requireStr('name', name);
    if (format) this.format(format);
    if (mode) this.mode(mode);
    const session = this.df.sparkSession;
    if (session.remote) return this.#remote({ table: { name, method: 'saveAsTable' } });
    const { database, table } = parseTableName(name);
    const db = database ?? session.catalog.currentDatabase();
    const storage = session.storage;
    const exists = storage.schemaExists(db) && storage.tableExists(db, table);
    if (exists && (this.#mode === 'error' || this.#mode === 'errorifexists')) {
      throw new AnalysisException(`Cannot create table or view \`${db}\`.\`${table}\` because it already exists.`, {
        errorClass: 'TABLE_OR_VIEW_ALREADY_EXISTS',
        messageParameters: { relationName: `\`${db}\`.\`${table}\`` },
      });
    }
    if (exists && this.#mode === 'ignore') return;
    const caseSensitive = session.conf.getOption('spark.sql.caseSensitive') === 'true';
    const layout = tableLayout(this.#layout(), this.sourceFormat ?? 'parquet', this.df.columns, `\`spark_catalog\`.\`${db}\`.\`${table}\``, caseSensitive);
    // A new (or replaced) table stores its partition columns last; an append keeps the existing table's layout.
    const recreated = !exists || this.#mode === 'overwrite';
    if (!recreated) checkAppendColumns(this.df, storage.getTableSchema(db, table), `spark_catalog.${db.toLowerCase()}.${table.toLowerCase()}`);
    const rows = (recreated ? partitionColumnsLast(this.df, layout.partitionColumns) : byTableNames(this.df, storage.getTableSchema(db, table))).executeBatch();
    // An append writes into the table's columns: char/varchar ones are checked and padded.
    const batch = recreated ? rows : enforceCharVarchar(storage.getTableSchema(db, table), rows);
    if (!storage.schemaExists(db)) {
      throw new AnalysisException(`The schema \`${db}\` cannot be found.`, { errorClass: 'SCHEMA_NOT_FOUND' });
    }
    guardBackendCall(`Writing table \`${db}\`.\`${table}\` failed`, () => {
      const mode = this.#mode === 'overwrite' ? 'overwrite' : 'append';
      if (!exists && storage.createTableAs) {
        try {
          return storage.createTableAs(db, table, batch);
        } catch (err) {
          // Another writer (process) created it since `exists` was read: the mode decides, as if it had existed.
          const created = (err as { errorClass?: string }).errorClass === 'TABLE_OR_VIEW_ALREADY_EXISTS';
          if (!created || this.#mode === 'error' || this.#mode === 'errorifexists') throw err;
          if (this.#mode === 'ignore') return;
          return storage.insertData(db, table, batch, mode);
        }
      }
      if (!exists) storage.createTable(db, table, batch.schema);
      storage.insertData(db, table, batch, mode);
    });
    // A created or overwritten table takes this writer's layout; an append keeps the table's.
    if (recreated) setTableMetadata(storage, db, table, layout);
  }

  #layout(): WriterLayout {
    return { partitionBy: this.#partitionBy, buckets: this.#buckets, sortBy: this.#sortBy };
  }

  /** Appends to (or overwrites) an existing table, matching columns by position. */
  insertInto(tableName: string, overwrite = false): void {
    requireStr('tableName', tableName);
    const session = this.df.sparkSession;
    if (session.remote) {
      if (overwrite) this.#mode = 'overwrite';
      return this.#remote({ table: { name: tableName, method: 'insertInto' } });
    }
    const { database, table } = parseTableName(tableName);
    const db = database ?? session.catalog.currentDatabase();
    const target = session.catalog.lookupRelation(db, table);
    if (target.kind !== 'table') throw new AnalysisException(`${tableName} is a view; cannot insert into it.`, { errorClass: 'UNSUPPORTED_INSERT' });
    const batch = enforceCharVarchar(target.schema, this.df.toDF(...target.schema.names).executeBatch());
    guardBackendCall(`Inserting into table \`${db}\`.\`${table}\` failed`, () =>
      session.storage.insertData(db, table, { ...batch, schema: target.schema }, overwrite ? 'overwrite' : 'append'),
    );
  }

  save(path: string, format?: string, mode?: string): void {
    requireStr('path', path);
    assertNotBucketed('save', this.#layout());
    if (format) this.format(format);
    if (mode) this.mode(mode);
    // On connect the path is the server's, and Spark's own writer writes it.
    if (this.df.sparkSession.remote) return this.#remote({ path });
    this.#writeFile(path, this.sourceFormat ?? 'parquet');
  }

  parquet(path: string, mode?: string): void {
    this.save(path, 'parquet', mode);
  }

  csv(path: string, mode?: string, options: Readonly<Record<string, OptionValue>> = {}): void {
    this.options(options);
    this.save(path, 'csv', mode);
  }

  json(path: string, mode?: string): void {
    this.save(path, 'json', mode);
  }

  /** One line per row of the single string column (options: `lineSep`, `compression`). */
  text(path: string, options: Readonly<Record<string, OptionValue>> = {}): void {
    this.options(options);
    this.save(path, 'text');
  }

  #remote(target: Pick<RemoteWrite, 'path' | 'table'>): void {
    const options = Object.fromEntries(Object.entries(this.sourceOptions).map(([k, v]) => [k, String(v)]));
    remoteWrite(this.df.sparkSession.remote!, this.df.plan, {
      ...target,
      // Spark resolves the name (and serves sources sparkless does not).
      ...(this.sourceName !== undefined ? { format: this.sourceName } : {}),
      mode: this.#mode,
      options,
      partitionBy: this.#partitionBy,
      ...(this.#buckets ? { bucketBy: this.#buckets } : {}),
      sortBy: this.#sortBy,
    });
  }

  #writeFile(path: string, format: FileFormat): void {
    const session = this.df.sparkSession;
    // Every data source option goes through; the export backend reads them case-insensitively.
    const batch = this.df.executeBatch();
    guardBackendCall(`Writing ${format} to ${path} failed`, () => session.exportBackend.writeFile(batch, path, format, {
      timeZone: session.timeZone,
      [CONF.parquetEngine]: session.conf.get(CONF.parquetEngine, 'auto'),
      ...this.sourceOptions,
      mode: this.#mode,
      ...(this.#partitionBy.length > 0 ? { partitionBy: this.#partitionBy } : {}),
    }));
  }
}

/** PySpark's checks of bucketBy's arguments. */
function bucketSpec(numBuckets: number, col: string | readonly string[], cols: readonly string[]): { numBuckets: number; bucketColumns: string[] } {
  if (typeof numBuckets !== 'number' || !Number.isInteger(numBuckets)) {
    throw new PySparkTypeError(`Argument \`numBuckets\` should be an int, got ${typeof numBuckets}.`, {
      errorClass: 'NOT_INT',
      messageParameters: { arg_name: 'numBuckets', arg_type: typeof numBuckets },
    });
  }
  const bucketColumns = [...(Array.isArray(col) ? col : [col as string]), ...cols];
  if (bucketColumns.length === 0 || !bucketColumns.every((c) => typeof c === 'string')) {
    throw new PySparkTypeError('Argument `col` should be a str, list or tuple of str.', {
      errorClass: 'NOT_LIST_OF_STR',
      messageParameters: { arg_name: 'cols', arg_type: typeof col },
    });
  }
  return { numBuckets, bucketColumns };
}

