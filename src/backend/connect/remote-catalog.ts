/**
 * `spark.catalog` on a connect session: the calls go to Spark's catalog (its
 * Catalog relations), where the session's tables and views live.
 */
import { Catalog, type CatalogColumn, type Database, type Table } from '../../session/catalog.js';
import type { StructType } from '../../types/data-types.js';
import type { LogicalPlan } from '../../plan/nodes.js';
import type { StorageBackend } from '../protocols.js';
import { catalogRows, catalogValue } from './catalog.js';
import type { ConnectExecutor } from './executor.js';

export class RemoteCatalog extends Catalog {
  readonly #remote: ConnectExecutor;

  constructor(storage: StorageBackend, remote: ConnectExecutor) {
    super(storage);
    this.#remote = remote;
  }

  #value(catType: string, body: Record<string, unknown> = {}): unknown {
    return catalogValue(this.#remote, catType, body);
  }

  override currentDatabase(): string {
    return String(this.#value('current_database'));
  }
  override setCurrentDatabase(dbName: string): void {
    this.#value('set_current_database', { db_name: dbName });
  }
  override currentCatalog(): string {
    return String(this.#value('current_catalog'));
  }
  override databaseExists(dbName: string): boolean {
    return this.#value('database_exists', { db_name: dbName }) === true;
  }
  override createDatabase(dbName: string, ifNotExists = true): void {
    this.#remote.sql(`CREATE DATABASE ${ifNotExists ? 'IF NOT EXISTS ' : ''}\`${dbName.replace(/`/g, '``')}\``);
  }
  override dropDatabase(dbName: string, cascade = false): void {
    this.#remote.sql(`DROP DATABASE \`${dbName.replace(/`/g, '``')}\`${cascade ? ' CASCADE' : ''}`);
  }
  override tableExists(tableName: string, dbName?: string): boolean {
    return this.#value('table_exists', { table_name: tableName, ...(dbName !== undefined ? { db_name: dbName } : {}) }) === true;
  }
  override dropTempView(viewName: string): boolean {
    return this.#value('drop_temp_view', { view_name: viewName }) === true;
  }
  override dropGlobalTempView(viewName: string): boolean {
    return this.#value('drop_global_temp_view', { view_name: viewName }) === true;
  }
  override isCached(tableName: string): boolean {
    return this.#value('is_cached', { table_name: tableName }) === true;
  }
  override cacheTable(tableName: string): void {
    this.#value('cache_table', { table_name: tableName });
  }
  override uncacheTable(tableName: string): void {
    this.#value('uncache_table', { table_name: tableName });
  }
  override clearCache(): void {
    this.#value('clear_cache');
  }
  override listDatabases(pattern?: string): Database[] {
    return catalogRows<Database>(this.#remote, 'list_databases', pattern != null ? { pattern } : {});
  }
  override listTables(dbName?: string, pattern?: string): Table[] {
    return catalogRows<Table>(this.#remote, 'list_tables', { ...(dbName != null ? { db_name: dbName } : {}), ...(pattern != null ? { pattern } : {}) });
  }
  override listColumns(tableName: string, dbName?: string, _schemaOf?: (plan: LogicalPlan) => StructType): CatalogColumn[] {
    return catalogRows<CatalogColumn>(this.#remote, 'list_columns', { table_name: tableName, ...(dbName !== undefined ? { db_name: dbName } : {}) });
  }
}
