/**
 * `spark.sql(text)`: parses one statement, translates it with the session's
 * schemas at hand (NATURAL JOIN, GROUP BY aliases, ...), and runs commands
 * through the public session, catalog and writer APIs. Queries are analyzed
 * eagerly, as Spark does, so a bad column name fails here.
 */
import { likeAsCreate } from './create-table-like.js';
import { columnMetadata } from '../types/char-varchar.js';
import { DataFrame } from '../api/dataframe.js';
import { AnalysisException } from '../errors/index.js';
import { E } from '../expr/nodes.js';
import { plan, type LogicalPlan } from '../plan/nodes.js';
import type { SparkSession } from '../session/session.js';
import { dropTableMetadata, setTableMetadata, tableMetadata, type TableMetadata } from '../session/table-metadata.js';
import { tableLayout } from '../api/table-layout.js';
import { defaultProvider, describeTable, showCreateTable } from './describe-table.js';
import { requireDataSource } from '../api/data-source-names.js';
import { onSearchPathOf } from '../errors/search-path.js';
import { describeFunctionRows } from './describe-function.js';
import { BOOLEAN, STRING, StructField, StructType } from '../types/data-types.js';
import { parseStatementAst, translateStatement, type SqlCommand, type SqlStatement } from './parse.js';
import type { SqlArgs } from './parameters.js';
import { sqlParserOptions } from './parser-settings.js';
import { sqlFunctionNames } from './show-functions.js';
import { alterTable, alterViewAs } from './alter-table.js';
import { checkDefaults, recordedDefaults, withDefaultKeywords } from './column-defaults.js';
import { matchesPattern } from '../session/name-pattern.js';
import { describeQuery, showColumns, showPartitions, showTblProperties, showViews } from './show-commands.js';
import type { TranslateOptions } from './translate.js';
import { insertInto } from './insert.js';
import { expectTableNotView } from './ddl-errors.js';
import { recordViewInfo } from './view-info.js';
import { checkViewArity, createPermanentView, isPermanentView } from './permanent-views.js';
import { showTableExtended } from './show-table-extended.js';
import { createTempViewUsing } from './temp-view-using.js';
import { runPartitionCommand } from './partition-ddl.js';
import { partitionsOf, recordPartitions } from './partitions.js';


/** Translation options backed by a session: analysis gives plan schemas; the session conf gives settings. */
export function sessionTranslateOptions(session: SparkSession): TranslateOptions {
  return {
    columnsOf: (p) => new DataFrame(session, p).columns,
    schemaOf: (p) => new DataFrame(session, p).schema,
    evaluate: (p) => new DataFrame(session, p).executeBatch(),
    conf: (key) => session.conf.getOption(key),
    readFile: (format, path) =>
      FILE_SOURCES.has(format.toLowerCase()) && !session.catalog.databaseExists(format) ? session.read.format(format.toLowerCase()).load(path).plan : undefined,
  };
}

/** The data sources ``format.`path` `` reads in SQL (Spark's file sources that sparkless reads). */
const FILE_SOURCES: ReadonlySet<string> = new Set(['parquet', 'csv', 'json']);

/**
 * Runs one SQL statement; commands return an empty DataFrame (SHOW/DESCRIBE/SET return their rows).
 * `args` binds the `:name` (object) or `?` (array) parameter markers as typed literals.
 */
export function executeSql(session: SparkSession, sqlText: string, args?: SqlArgs): DataFrame {
  const options = sqlParserOptions((key) => session.conf.getOption(key));
  let statement: SqlStatement;
  try {
    const ast = parseStatementAst(sqlText, { ...options, ...(args !== undefined ? { args } : {}) });
    statement = translateStatement(withDefaultKeywords(session, ast), sessionTranslateOptions(session));
  } catch (err) {
    // Unknown functions found while parsing (SQL-only names, CUBE in GROUPING SETS) search the current database.
    throw onSearchPathOf(err, session.catalog.currentDatabase());
  }
  if (statement.kind === 'query') {
    const df = new DataFrame(session, statement.plan);
    void df.schema; // analyze now: Spark reports analysis errors when `sql()` is called
    return df;
  }
  return runCommand(session, statement);
}

const empty = (session: SparkSession): DataFrame => session.createDataFrame([], new StructType([]));

function names(parts: readonly string[]): { database: string | undefined; table: string; text: string } {
  const table = parts[parts.length - 1]!;
  const database = parts.length >= 2 ? parts[parts.length - 2]! : undefined;
  return { database, table, text: parts.join('.') };
}

const quoted = (parts: readonly string[]): string => parts.map((p) => '`' + p + '`').join('.');

function tableExists(session: SparkSession, database: string | undefined, table: string): boolean {
  const db = database ?? session.catalog.currentDatabase();
  return session.storage.schemaExists(db) && session.storage.tableExists(db, table);
}

function runCommand(session: SparkSession, c: SqlCommand): DataFrame {
  switch (c.kind) {
    case 'createView': {
      const { database, table } = names(c.name);
      const global = c.global || database?.toLowerCase() === 'global_temp';
      if (!c.temporary && !global) {
        createPermanentView(session, c);
        return empty(session);
      }
      if (database !== undefined && !global) {
        throw new AnalysisException(`It is not allowed to add database prefix \`${database}\` for the TEMPORARY view name.`, {
          errorClass: 'TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS',
          messageParameters: { actualName: quoted(c.name) },
        });
      }
      let p: LogicalPlan = c.query;
      if (c.columns) {
        checkViewArity(quoted(c.name), c.columns, new DataFrame(session, p).columns);
        p = plan('Project', { input: p, exprs: c.columns.map((name, i) => E.alias(E.bound(i, `#${i}`, STRING, true), name)) });
      }
      const queryColumns = new DataFrame(session, c.query).columns; // the view's query must analyze
      void new DataFrame(session, p).schema;
      const exists = global ? session.catalog.tableExists(table, 'global_temp') : session.catalog.tableExists(table) && !tableExists(session, undefined, table);
      if (exists && c.ifNotExists) return empty(session);
      session.catalog.registerTempView(table, p, c.replace, global);
      recordViewInfo(p, { createdMs: Date.now(), query: { text: c.text, database: session.catalog.currentDatabase(), columns: queryColumns } });
      return empty(session);
    }
    case 'createTable': {
      // Spark resolves the provider before anything else (an existing table, IF NOT EXISTS, a missing schema).
      if (c.provider !== undefined) requireDataSource(c.provider);
      const { database, table, text } = names(c.name);
      const exists = tableExists(session, database, table);
      if (exists && c.ifNotExists) return empty(session);
      if (exists && !c.replace) {
        // Spark 3.5.7 names the table with its catalog here (ALTER TABLE ... RENAME says `db`.`t`).
        const relationName = quoted(['spark_catalog', database ?? session.catalog.currentDatabase(), table]);
        throw new AnalysisException(`Cannot create table or view ${relationName} because it already exists.\nChoose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects.`, {
          errorClass: 'TABLE_OR_VIEW_ALREADY_EXISTS',
          messageParameters: { relationName },
        });
      }
      if (c.query) {
        let df = new DataFrame(session, c.query);
        if (c.columns) df = df.toDF(...c.columns.map((col) => col.name));
        let writer = df.write.mode(exists ? 'overwrite' : 'errorifexists').format(c.provider ?? defaultProvider(session));
        if (c.clauses.partitionColumns.length > 0) writer = writer.partitionBy(...c.clauses.partitionColumns);
        const b = c.clauses.bucketSpec;
        if (b) writer = writer.bucketBy(b.numBuckets, [...b.bucketColumns]);
        if (b && b.sortColumns.length > 0) writer = writer.sortBy([...b.sortColumns]);
        writer.saveAsTable(text);
        const db = database ?? session.catalog.currentDatabase();
        recordDeclared(session, db, table, c, tableMetadata(session.storage, db, table) ?? { partitionColumns: [], properties: {} });
        return empty(session);
      }
      const db = database ?? session.catalog.currentDatabase();
      if (!session.storage.schemaExists(db)) {
        throw new AnalysisException(`The schema \`${db}\` cannot be found.`, { errorClass: 'SCHEMA_NOT_FOUND', messageParameters: { schemaName: `\`${db}\`` } });
      }
      checkDefaults(session, c.columns ?? []);
      const fields = (c.columns ?? []).map((col) => new StructField(col.name, col.dataType, col.nullable, columnMetadata(col)));
      const b = c.clauses.bucketSpec;
      const layout = tableLayout(
        { partitionBy: [...c.clauses.partitionColumns], buckets: b ? { numBuckets: b.numBuckets, bucketColumns: [...b.bucketColumns] } : undefined, sortBy: b ? [...b.sortColumns] : [] },
        c.provider ?? defaultProvider(session),
        fields.map((f) => f.name),
        `\`spark_catalog\`.\`${db}\`.\`${table}\``,
        session.conf.getOption('spark.sql.caseSensitive') === 'true',
      );
      // Spark stores partition columns last.
      const isPart = (f: StructField): boolean => layout.partitionColumns.some((p) => p.toLowerCase() === f.name.toLowerCase());
      const schema = new StructType([...fields.filter((f) => !isPart(f)), ...layout.partitionColumns.map((p) => fields.find((f) => f.name.toLowerCase() === p.toLowerCase())!)]);
      if (exists) session.storage.dropTable(db, table);
      dropTableMetadata(session.storage, db, table);
      session.storage.createTable(db, table, schema);
      recordDeclared(session, db, table, c, layout);
      return empty(session);
    }
    case 'createTableLike':
      return runCommand(session, likeAsCreate(session, c));
    case 'insert':
      insertInto(session, c);
      return empty(session);
    case 'createTempViewUsing':
      createTempViewUsing(session, c);
      return empty(session);
    case 'partitionCommand':
      runPartitionCommand(session, c);
      return empty(session);
    case 'dropTable': {
      const { database, table } = names(c.name);
      if (database?.toLowerCase() === 'global_temp') {
        if (!session.catalog.dropGlobalTempView(table) && !c.ifExists) throw dropNotFound(session, database, table);
        return empty(session);
      }
      if (database === undefined && session.catalog.dropTempView(table)) return empty(session);
      if (tableExists(session, database, table)) {
        const db = database ?? session.catalog.currentDatabase();
        const objectName = `spark_catalog.${db.toLowerCase()}.${table.toLowerCase()}`;
        const isView = isPermanentView(session, db, table);
        if (!c.view && isView) {
          throw new AnalysisException(`The operation DROP TABLE requires a EXTERNAL or MANAGED. But ${objectName} is a VIEW. Use DROP VIEW instead.`, {
            errorClass: 'WRONG_COMMAND_FOR_OBJECT_TYPE',
            messageParameters: { operation: 'DROP TABLE', requiredType: 'EXTERNAL or MANAGED', objectName, foundType: 'VIEW', alternative: 'DROP VIEW' },
          });
        }
        if (c.view && !isView) {
          const foundType = tableMetadata(session.storage, db, table)?.location !== undefined ? 'EXTERNAL' : 'MANAGED';
          throw new AnalysisException(`The operation DROP VIEW requires a VIEW. But ${objectName} is a ${foundType}. Use DROP TABLE instead.`, {
            errorClass: 'WRONG_COMMAND_FOR_OBJECT_TYPE',
            messageParameters: { operation: 'DROP VIEW', requiredType: 'VIEW', objectName, foundType, alternative: 'DROP TABLE' },
          });
        }
        session.storage.dropTable(database ?? session.catalog.currentDatabase(), table);
        dropTableMetadata(session.storage, database ?? session.catalog.currentDatabase(), table);
        return empty(session);
      }
      if (!c.ifExists) throw dropNotFound(session, database, table);
      return empty(session);
    }
    case 'createDatabase':
      if (session.catalog.databaseExists(c.name)) {
        if (c.ifNotExists) return empty(session);
        throw new AnalysisException(
          `Cannot create schema \`${c.name}\` because it already exists.\nChoose a different name, drop the existing schema, or add the IF NOT EXISTS clause to tolerate pre-existing schema.`,
          { errorClass: 'SCHEMA_ALREADY_EXISTS', messageParameters: { schemaName: `\`${c.name}\`` } },
        );
      }
      session.catalog.createDatabase(c.name, true);
      return empty(session);
    case 'dropDatabase':
      if (!session.catalog.databaseExists(c.name) && c.ifExists) return empty(session);
      session.catalog.dropDatabase(c.name, c.cascade);
      return empty(session);
    case 'use':
      session.catalog.setCurrentDatabase(c.name);
      return empty(session);
    case 'showTables': {
      const db = c.database;
      const rows = session.catalog
        .listTables(db)
        .filter((t) => c.pattern === undefined || matchesPattern(t.name, c.pattern))
        .map((t) => [t.isTemporary ? '' : t.namespace?.join('.') ?? '', t.name, t.isTemporary]);
      return session.createDataFrame(
        rows,
        new StructType([new StructField('namespace', STRING, false), new StructField('tableName', STRING, false), new StructField('isTemporary', BOOLEAN, false)]),
      );
    }
    case 'showTableExtended':
      return showTableExtended(session, c);
    case 'showDatabases': {
      const rows = session.catalog
        .listDatabases()
        .filter((d) => c.pattern === undefined || matchesPattern(d.name, c.pattern))
        .map((d) => [d.name]);
      return session.createDataFrame(rows, new StructType([new StructField('namespace', STRING, false)]));
    }
    case 'showFunctions': {
      // sparkless has no SQL-registered user functions: USER lists none
      const all = c.scope === 'user' ? [] : sqlFunctionNames();
      const rows = all.filter((n) => c.pattern === undefined || matchesPattern(n, c.pattern)).map((n) => [n]);
      return session.createDataFrame(rows, new StructType([new StructField('function', STRING, false)]));
    }
    case 'describeFunction': {
      const rows = describeFunctionRows(c.name, c.extended);
      if (!rows) {
        throw new AnalysisException(
          `Cannot resolve function \`${c.name}\` on search path [\`system\`.\`builtin\`, \`system\`.\`session\`, \`spark_catalog\`.\`${session.catalog.currentDatabase()}\`].`,
          { errorClass: 'UNRESOLVED_ROUTINE', messageParameters: { routineName: `\`${c.name}\``, searchPath: `[\`system\`.\`builtin\`, \`system\`.\`session\`, \`spark_catalog\`.\`${session.catalog.currentDatabase()}\`]` } },
        );
      }
      return session.createDataFrame(rows.map((r) => [r]), new StructType([new StructField('function_desc', STRING, false)]));
    }
    case 'describe': {
      const { database, table } = names(c.name);
      return describeTable(session, database, table, c.extended, c.column, c.partition);
    }
    case 'showCreateTable': {
      const { database, table } = names(c.name);
      return showCreateTable(session, database, table, c.asSerde, c.at);
    }
    case 'set': {
      const schema = new StructType([new StructField('key', STRING, false), new StructField('value', STRING, false)]);
      if (c.key === undefined) {
        const all = Object.entries(session.conf.getAll()).sort(([a], [b]) => a.localeCompare(b));
        return session.createDataFrame(all, schema);
      }
      if (c.value === undefined) return session.createDataFrame([[c.key, session.conf.getOption(c.key) ?? '<undefined>']], schema);
      session.conf.set(c.key, c.value);
      return session.createDataFrame([[c.key, c.value]], schema);
    }
    case 'reset':
      if (c.key !== undefined) session.conf.unset(c.key);
      return empty(session);
    case 'cacheTable': {
      const { text } = names(c.name);
      if (c.query) session.catalog.registerTempView(text, c.query, false);
      session.catalog.cacheTable(text);
      return empty(session);
    }
    case 'uncacheTable': {
      const { text } = names(c.name);
      if (!c.ifExists && !session.catalog.tableExists(text)) throw notFound(c.name);
      session.catalog.uncacheTable(text);
      return empty(session);
    }
    case 'clearCache':
      session.catalog.clearCache();
      return empty(session);
    case 'refreshTable':
      session.catalog.refreshTable(names(c.name).text);
      return empty(session);
    case 'truncateTable': {
      const { database, table, text } = names(c.name);
      const target = session.catalog.lookupRelation(database, table);
      if (target.kind === 'view' && target.permanent) {
        throw expectTableNotView(`spark_catalog.${target.permanent.database}.${target.permanent.table}`, 'TRUNCATE TABLE', false, '', true);
      }
      if (target.kind !== 'table') {
        throw new AnalysisException(`${quoted(c.name)} is a view; TRUNCATE TABLE expects a table.`, { errorClass: 'EXPECT_TABLE_NOT_VIEW.NO_ALTERNATIVE' });
      }
      // A partitioned table keeps its partitions in the catalog, without rows.
      const kept = target.kind === 'table' ? partitionsOf(session, target.database, target.table) : undefined;
      new DataFrame(session, plan('TableScan', { database, table })).limit(0).write.insertInto(text, true);
      if (kept) recordPartitions(session, kept.table, kept.partitions);
      return empty(session);
    }
    case 'alterTable':
      alterTable(session, c);
      return empty(session);
    case 'alterViewAs':
      alterViewAs(session, c);
      return empty(session);
    case 'showColumns':
      return showColumns(session, c);
    case 'showViews':
      return showViews(session, c);
    case 'showTblProperties':
      return showTblProperties(session, c);
    case 'showPartitions':
      return showPartitions(session, c);
    case 'describeQuery':
      return describeQuery(session, c);
    case 'explain': {
      const text = new DataFrame(session, c.query).explainString(c.mode);
      return session.createDataFrame([[text]], new StructType([new StructField('plan', STRING, true)]));
    }
  }
}

/** TABLE_OR_VIEW_NOT_FOUND of `parts` as written (UNCACHE TABLE). */
function notFound(parts: readonly string[]): AnalysisException {
  const name = quoted(parts);
  return new AnalysisException(
    `The table or view ${name} cannot be found. Verify the spelling and correctness of the schema and catalog.\nIf you did not qualify the name with a schema, verify the current_schema() output, or qualify the name with the correct schema and catalog.\nTo tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS.`,
    { errorClass: 'TABLE_OR_VIEW_NOT_FOUND', messageParameters: { relationName: name } },
  );
}

/** DROP TABLE / DROP VIEW of a missing relation: Spark 3.5.7 names it in full (`spark_catalog`.`db`.`t`), view or not. */
function dropNotFound(session: SparkSession, database: string | undefined, table: string): AnalysisException {
  return notFound(['spark_catalog', database ?? session.catalog.currentDatabase(), table]);
}

/** Records CREATE TABLE's declared clauses over the layout the table was created with (`OPTIONS (path ...)` is its location, as in Spark). */
function recordDeclared(session: SparkSession, db: string, table: string, c: Extract<SqlCommand, { kind: 'createTable' }>, layout: TableMetadata): void {
  const options = c.clauses.options.filter(([k]) => k.toLowerCase() !== 'path');
  const path = c.clauses.options.find(([k]) => k.toLowerCase() === 'path')?.[1];
  const location = c.clauses.location ?? path;
  const defaults = recordedDefaults(c.columns ?? []);
  setTableMetadata(session.storage, db, table, {
    ...layout,
    provider: c.provider ?? defaultProvider(session),
    properties: Object.fromEntries(c.clauses.properties),
    ...(options.length > 0 ? { options: Object.fromEntries(options) } : {}),
    ...(c.clauses.comment !== undefined ? { comment: c.clauses.comment } : {}),
    ...(location !== undefined ? { location } : {}),
    ...(defaults ? { defaults } : {}),
  });
}
