/**
 * `spark.catalog`: temp views (session-scoped), global temp views (shared by
 * sessions made with `newSession()`), and databases/tables, which live in the
 * injected StorageBackend.
 */
import type { RelationLookup } from '../analyzer/scope.js';
import { tableMetadata, type ViewDefinition } from './table-metadata.js';
import { matchesPattern } from './name-pattern.js';
import { requireStr } from '../api/arg-checks.js';
import type { StorageBackend } from '../backend/protocols.js';
import { AnalysisException, InternalError } from '../errors/index.js';
import { asNullable } from '../types/as-nullable.js';
import type { LogicalPlan } from '../plan/nodes.js';
import type { StructType } from '../types/data-types.js';

export const GLOBAL_TEMP_DB = 'global_temp';

export interface Database {
  readonly name: string;
  readonly catalog: string;
  readonly description: string | null;
  readonly locationUri: string;
}

export interface Table {
  readonly name: string;
  readonly catalog: string | null;
  readonly namespace: readonly string[] | null;
  readonly description: string | null;
  readonly tableType: 'MANAGED' | 'EXTERNAL' | 'VIEW' | 'TEMPORARY';
  readonly isTemporary: boolean;
}

export interface CatalogColumn {
  readonly name: string;
  readonly description: string | null;
  readonly dataType: string;
  readonly nullable: boolean;
  readonly isPartition: boolean;
  readonly isBucket: boolean;
}

/** State shared by a session and the sessions it spawns with `newSession()`. */
export interface SharedCatalogState {
  readonly globalTempViews: Map<string, LogicalPlan>;
}

/**
 * Builds a permanent view's unresolved plan from its stored definition (its SQL text
 * translated in the view's database, columns renamed to the view's `schema`). The SQL
 * layer provides it, so the catalog need not know the parser.
 */
export type ViewReader = (database: string, view: string, definition: ViewDefinition, schema: StructType) => LogicalPlan;

const quote = (parts: readonly string[]): string => parts.map((p) => '`' + p + '`').join('.');

export function tableNotFound(parts: readonly string[]): AnalysisException {
  return new AnalysisException(
    `The table or view ${quote(parts)} cannot be found. Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a schema, verify the current_schema() output, or qualify the name with the correct schema and catalog.\nTo tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS.`,
    { errorClass: 'TABLE_OR_VIEW_NOT_FOUND', messageParameters: { relationName: quote(parts) } },
  );
}

function schemaNotFound(name: string): AnalysisException {
  return new AnalysisException(
    `The schema \`${name}\` cannot be found. Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a catalog, verify the current_schema() output, or qualify the name with the correct catalog.\nTo tolerate the error on drop use DROP SCHEMA IF EXISTS.`,
    { errorClass: 'SCHEMA_NOT_FOUND', messageParameters: { schemaName: `\`${name}\`` } },
  );
}

/** Splits `db.table` (a single dot) into its parts. */
export function parseTableName(name: string): { database: string | undefined; table: string } {
  const parts = name.split('.').map((p) => p.replace(/^`|`$/g, ''));
  if (parts.length === 1) return { database: undefined, table: parts[0]! };
  if (parts.length === 2) return { database: parts[0]!, table: parts[1]! };
  // spark_catalog.db.table
  return { database: parts[parts.length - 2]!, table: parts[parts.length - 1]! };
}

export class Catalog implements RelationLookup {
  readonly #storage: StorageBackend;
  readonly #tempViews = new Map<string, LogicalPlan>();
  readonly #shared: SharedCatalogState;
  readonly #cached = new Set<string>();
  #currentDatabase = 'default';
  #viewReader: ViewReader | undefined;

  constructor(storage: StorageBackend, shared: SharedCatalogState = { globalTempViews: new Map() }) {
    this.#storage = storage;
    this.#shared = shared;
    if (!storage.schemaExists('default')) storage.createSchema('default', true);
  }

  /** @internal How permanent views are read back (set by the session). */
  setViewReader(reader: ViewReader): void {
    this.#viewReader = reader;
  }

  /** The state a `newSession()` shares with this one. */
  get sharedState(): SharedCatalogState {
    return this.#shared;
  }

  currentDatabase(): string {
    return this.#currentDatabase;
  }

  setCurrentDatabase(dbName: string): void {
    requireStr('dbName', dbName);
    if (!this.#storage.schemaExists(dbName)) throw schemaNotFound(dbName);
    this.#currentDatabase = dbName;
  }

  currentCatalog(): string {
    return 'spark_catalog';
  }

  /** Databases, those whose name matches `pattern` (Spark's `*` and `|` pattern) when given. */
  listDatabases(pattern?: string): Database[] {
    if (pattern !== undefined && pattern !== null) requireStr('pattern', pattern);
    return this.#storage
      .listSchemas()
      .filter((name) => pattern == null || matchesPattern(name, pattern))
      .sort()
      .map((name) => ({ name, catalog: 'spark_catalog', description: name === 'default' ? 'default database' : null, locationUri: '' }));
  }

  databaseExists(dbName: string): boolean {
    requireStr('dbName', dbName);
    return this.#storage.schemaExists(dbName);
  }

  /** Not in PySpark's Catalog API (it is `CREATE DATABASE` there); offered for pipelines without SQL. */
  createDatabase(dbName: string, ifNotExists = true): void {
    requireStr('dbName', dbName);
    this.#storage.createSchema(dbName, ifNotExists);
  }

  dropDatabase(dbName: string, cascade = false): void {
    requireStr('dbName', dbName);
    this.#storage.dropSchema(dbName, cascade);
  }

  /**
   * Tables of a database (the current one by default) followed by the session's temp views;
   * with `pattern` (Spark's `*` and `|` pattern), only the names matching it.
   */
  listTables(dbName?: string, pattern?: string): Table[] {
    if (dbName !== undefined && dbName !== null) requireStr('dbName', dbName);
    if (pattern !== undefined && pattern !== null) requireStr('pattern', pattern);
    const all = this.#listAllTables(dbName);
    return pattern == null ? all : all.filter((t) => matchesPattern(t.name, pattern));
  }

  #listAllTables(dbName?: string): Table[] {
    const db = dbName ?? this.#currentDatabase;
    if (db === GLOBAL_TEMP_DB) {
      return [...this.#shared.globalTempViews.keys()].sort().map((name) => this.#tempTable(name, [GLOBAL_TEMP_DB]));
    }
    if (!this.#storage.schemaExists(db)) throw schemaNotFound(db);
    const stored: Table[] = this.#storage
      .listTables(db)
      .map((t) => {
        // What the creator declared: its comment, and EXTERNAL when it gave a location.
        const meta = tableMetadata(this.#storage, db, t.name);
        const tableType = meta?.view ? 'VIEW' : meta?.location !== undefined ? 'EXTERNAL' : t.tableType;
        return { name: t.name, catalog: 'spark_catalog', namespace: [db], description: meta?.comment ?? null, tableType, isTemporary: false };
      });
    const temps = [...this.#tempViews.keys()].sort().map((name) => this.#tempTable(name, []));
    return [...stored.sort((a, b) => a.name.localeCompare(b.name)), ...temps];
  }

  #tempTable(name: string, namespace: string[]): Table {
    return { name, catalog: null, namespace, description: null, tableType: 'TEMPORARY', isTemporary: true };
  }

  tableExists(tableName: string, dbName?: string): boolean {
    requireStr('tableName', tableName);
    const { database, table } = dbName ? { database: dbName, table: tableName } : parseTableName(tableName);
    if (database === undefined && this.#tempViews.has(table.toLowerCase())) return true;
    if (database === GLOBAL_TEMP_DB) return this.#shared.globalTempViews.has(table.toLowerCase());
    const db = database ?? this.#currentDatabase;
    return this.#storage.schemaExists(db) && this.#storage.tableExists(db, table);
  }

  listColumns(tableName: string, dbName?: string, schemaOf?: (plan: LogicalPlan) => StructType): CatalogColumn[] {
    requireStr('tableName', tableName);
    const { database, table } = dbName ? { database: dbName, table: tableName } : parseTableName(tableName);
    const rel = this.lookupRelation(database, table);
    const schema = rel.kind === 'table' ? rel.schema : schemaOf?.(rel.plan);
    if (!schema) return [];
    const meta = rel.kind === 'table' ? tableMetadata(this.#storage, rel.database, rel.table) : undefined;
    const isIn = (cols: readonly string[] | undefined, name: string): boolean => (cols ?? []).some((c) => c.toLowerCase() === name.toLowerCase());
    return schema.fields.map((f) => ({
      name: f.name,
      description: typeof f.metadata['comment'] === 'string' ? f.metadata['comment'] : null,
      dataType: f.dataType.simpleString(),
      nullable: f.nullable,
      isPartition: isIn(meta?.partitionColumns, f.name),
      isBucket: isIn(meta?.bucketSpec?.bucketColumns, f.name),
    }));
  }

  /** Registers a temp view; `replace=false` fails if it exists (createTempView). */
  registerTempView(name: string, plan: LogicalPlan, replace: boolean, global = false): void {
    requireStr('name', name);
    const views = global ? this.#shared.globalTempViews : this.#tempViews;
    const key = name.toLowerCase();
    if (!replace && views.has(key)) {
      throw new AnalysisException(
        `Cannot create the temporary view \`${name}\` because it already exists.\nChoose a different name, drop or replace the existing view,  or add the IF NOT EXISTS clause to tolerate pre-existing views.`,
        { errorClass: 'TEMP_TABLE_OR_VIEW_ALREADY_EXISTS', messageParameters: { relationName: `\`${name}\`` } },
      );
    }
    views.set(key, plan);
  }

  dropTempView(viewName: string): boolean {
    requireStr('viewName', viewName);
    return this.#tempViews.delete(viewName.toLowerCase());
  }

  dropGlobalTempView(viewName: string): boolean {
    requireStr('viewName', viewName);
    return this.#shared.globalTempViews.delete(viewName.toLowerCase());
  }

  isCached(tableName: string): boolean {
    requireStr('tableName', tableName);
    return this.#cached.has(tableName.toLowerCase());
  }

  cacheTable(tableName: string): void {
    requireStr('tableName', tableName);
    if (!this.tableExists(tableName)) throw tableNotFound([tableName]);
    this.#cached.add(tableName.toLowerCase());
  }

  uncacheTable(tableName: string): void {
    requireStr('tableName', tableName);
    this.#cached.delete(tableName.toLowerCase());
  }

  clearCache(): void {
    this.#cached.clear();
  }

  /** Tables are read at execution time, so there is nothing to refresh. */
  refreshTable(_tableName: string): void {}

  lookupRelation(database: string | undefined, table: string) {
    if (database === undefined) {
      const view = this.#tempViews.get(table.toLowerCase());
      if (view) return { kind: 'view' as const, plan: view };
    }
    if (database?.toLowerCase() === GLOBAL_TEMP_DB) {
      const view = this.#shared.globalTempViews.get(table.toLowerCase());
      if (view) return { kind: 'view' as const, plan: view };
      throw tableNotFound([GLOBAL_TEMP_DB, table]);
    }
    const db = database ?? this.#currentDatabase;
    if (!this.#storage.schemaExists(db) || !this.#storage.tableExists(db, table)) {
      throw tableNotFound(database === undefined ? [table] : ['spark_catalog', db, table]);
    }
    const view = tableMetadata(this.#storage, db, table)?.view;
    if (view) {
      if (!this.#viewReader) throw new InternalError('catalog: no view reader to read a permanent view');
      const name = table.toLowerCase();
      const plan = this.#viewReader(db, name, view, this.#storage.getTableSchema(db, table));
      return { kind: 'view' as const, plan, permanent: { database: db.toLowerCase(), table: name, namespace: view.namespace, sqlConfigs: view.sqlConfigs } };
    }
    // Spark's file-source tables read every column as nullable, whatever the written data declared.
    return { kind: 'table' as const, database: db, table, schema: asNullable(this.#storage.getTableSchema(db, table)) as StructType };
  }
}
