/**
 * `df.writeTo(table)` (PySpark's DataFrameWriterV2): create, replace,
 * createOrReplace, append, overwrite(condition) and overwritePartitions on a
 * catalog table, with `using`, `partitionedBy`, `tableProperty` and options
 * recorded in the table's metadata (session/table-metadata.ts). Appends match
 * columns by name, as Spark's V2 writes do.
 */
import { AnalysisException, NotImplementedException } from '../errors/index.js';
import { guardBackendCall } from '../backend/guard.js';
import { remoteWriteV2, type RemoteWriteV2 } from '../backend/connect/write-v2.js';
import { E, type Expr } from '../expr/nodes.js';
import { parseTableName } from '../session/catalog.js';
import { dropTableMetadata, setTableMetadata, tableMetadata } from '../session/table-metadata.js';
import { Column, toColumnExpr, type ColumnOrName } from './column.js';
import type { DataFrame } from './dataframe.js';
import type { OptionValue } from './data-source.js';
import { byNameForTable, partitionColumnsLast } from './writer-v2-columns.js';

/** Spark 3.5.7's refusal of a V2 write into a V1 table: REPLACE is an unsupported operation, the others `_LEGACY_ERROR_TEMP_1012`. */
function v1TableRefusal(mode: RemoteWriteV2['mode'], name: string): AnalysisException {
  if (mode === 'replace' || mode === 'createOrReplace') {
    return new AnalysisException(
      `The feature is not supported: Table ${name} does not support REPLACE TABLE AS SELECT. Please check the current catalog and namespace to make sure the qualified table name is expected, and also check the catalog implementation which is configured by "spark.sql.catalog".`,
      { errorClass: 'UNSUPPORTED_FEATURE.TABLE_OPERATION', messageParameters: { tableName: name, operation: 'REPLACE TABLE AS SELECT' } },
    );
  }
  return new AnalysisException(`Cannot write into v1 table: ${name}.`, { errorClass: '_LEGACY_ERROR_TEMP_1012', messageParameters: { identifier: name } });
}

export class DataFrameWriterV2 {
  #provider: string | undefined;
  #partitioning: Expr[] = [];
  readonly #options: Record<string, string> = {};
  readonly #properties: Record<string, string> = {};

  /** @internal Made by `df.writeTo(table)`. */
  constructor(
    private readonly df: DataFrame,
    private readonly table: string,
  ) {}

  /** The table's provider (`parquet`, `csv`, `json`, ...), recorded in its metadata. */
  using(provider: string): this {
    this.#provider = provider;
    return this;
  }

  option(key: string, value: OptionValue): this {
    this.#options[key] = String(value);
    return this;
  }

  options(opts: Readonly<Record<string, OptionValue>>): this {
    for (const [k, v] of Object.entries(opts)) this.option(k, v);
    return this;
  }

  tableProperty(property: string, value: string): this {
    this.#properties[property] = String(value);
    return this;
  }

  /** Partition columns of a created table (column names; transforms such as `years(ts)` only on connect). */
  partitionedBy(col: ColumnOrName, ...cols: ColumnOrName[]): this {
    this.#partitioning = [col, ...cols].map((c) => toColumnExpr(c));
    return this;
  }

  /** Creates the table from the DataFrame; fails if it exists. */
  create(): void {
    this.#write('create');
  }

  /** Replaces an existing table's schema, metadata and data; fails if it does not exist. */
  replace(): void {
    this.#write('replace');
  }

  createOrReplace(): void {
    this.#write('createOrReplace');
  }

  /** Appends the rows, matching columns by name. */
  append(): void {
    this.#write('append');
  }

  /** Deletes the rows matching `condition`, then appends the DataFrame's rows. */
  overwrite(condition: Column): void {
    this.#write('overwrite', condition.expr);
  }

  /** Replaces the partitions the DataFrame has rows for (the whole table when it is unpartitioned). */
  overwritePartitions(): void {
    this.#write('overwritePartitions');
  }

  #write(mode: RemoteWriteV2['mode'], condition?: Expr): void {
    const session = this.df.sparkSession;
    if (session.remote) {
      return remoteWriteV2(session.remote, this.df.plan, {
        table: this.table,
        mode,
        ...(this.#provider !== undefined ? { provider: this.#provider } : {}),
        partitioning: this.#partitioning,
        options: this.#options,
        properties: this.#properties,
        ...(condition ? { condition } : {}),
      });
    }
    const { database, table } = parseTableName(this.table);
    const db = database ?? session.catalog.currentDatabase();
    const storage = session.storage;
    if (!storage.schemaExists(db)) {
      throw new AnalysisException(`The schema \`${db}\` cannot be found.`, { errorClass: 'SCHEMA_NOT_FOUND', messageParameters: { schemaName: `\`${db}\`` } });
    }
    const name = `\`spark_catalog\`.\`${db}\`.\`${table}\``;
    const exists = storage.tableExists(db, table);
    if (mode === 'create' && exists) {
      throw new AnalysisException(`Cannot create table or view ${name} because it already exists.`, {
        errorClass: 'TABLE_OR_VIEW_ALREADY_EXISTS',
        messageParameters: { relationName: name },
      });
    }
    if (mode === 'replace' && !exists) {
      throw new AnalysisException(`Table ${name} cannot be replaced as it did not exist. Use CREATE OR REPLACE TABLE to replace the table.`, {
        errorClass: 'CANNOT_REPLACE_MISSING_TABLE',
        messageParameters: { tableName: name },
      });
    }
    // A table with a data source provider (CREATE TABLE ... USING, saveAsTable, writeTo().using())
    // is a V1 table of Spark's session catalog, which takes no V2 writes but create().
    if (exists && mode !== 'create' && tableMetadata(storage, db, table)?.provider !== undefined) throw v1TableRefusal(mode, name);
    if (mode === 'create' || mode === 'replace' || mode === 'createOrReplace') {
      const partitionColumns = this.#partitionNames();
      const batch = partitionColumnsLast(this.df, partitionColumns).executeBatch();
      guardBackendCall(`Writing table \`${db}\`.\`${table}\` failed`, () => {
        if (exists) storage.dropTable(db, table);
        dropTableMetadata(storage, db, table);
        storage.createTable(db, table, batch.schema);
        storage.insertData(db, table, batch, 'append');
      });
      setTableMetadata(storage, db, table, {
        ...(this.#provider !== undefined ? { provider: this.#provider } : {}),
        partitionColumns,
        properties: { ...this.#properties },
      });
      return;
    }
    if (!exists) {
      throw new AnalysisException(`The table or view ${name} cannot be found.`, {
        errorClass: 'TABLE_OR_VIEW_NOT_FOUND',
        messageParameters: { relationName: name },
      });
    }
    const target = storage.getTableSchema(db, table);
    const incoming = byNameForTable(this.df, target, name);
    let kept: DataFrame | undefined;
    if (mode === 'overwrite') kept = session.table(`${db}.${table}`).filter(new Column(condition!).eqNullSafe(true).not());
    if (mode === 'overwritePartitions') {
      const parts = tableMetadata(storage, db, table)?.partitionColumns ?? [];
      kept = parts.length === 0 ? undefined : session
              .table(`${db}.${table}`)
              .join(incoming.select(...parts).distinct(), parts, 'left_anti')
              .select(...target.names.map((n) => new Column(E.col(n, undefined, true))));
    }
    const batch = incoming.executeBatch();
    if (mode === 'append') {
      guardBackendCall(`Appending to table \`${db}\`.\`${table}\` failed`, () => storage.insertData(db, table, { ...batch, schema: target }, 'append'));
      return;
    }
    const keptBatch = kept?.executeBatch();
    guardBackendCall(`Overwriting table \`${db}\`.\`${table}\` failed`, () => {
      storage.insertData(db, table, keptBatch ? { ...keptBatch, schema: target } : { ...batch, schema: target }, 'overwrite');
      if (keptBatch) storage.insertData(db, table, { ...batch, schema: target }, 'append');
    });
  }

  /** The partition columns as names: only plain column references run locally. */
  #partitionNames(): string[] {
    const cols = this.df.columns;
    return this.#partitioning.map((e) => {
      if (e.kind !== 'ColumnRef') {
        throw new NotImplementedException('partition transforms in writeTo().partitionedBy on the local backends', 'partition by plain columns');
      }
      const found = cols.find((c) => c.toLowerCase() === e.name.toLowerCase());
      if (!found) {
        throw new AnalysisException(`Couldn't find column ${e.name} in:\n${this.df.schema.simpleString()}`, { errorClass: '_LEGACY_ERROR_TEMP_3060' });
      }
      return found;
    });
  }
}
