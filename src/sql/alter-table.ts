/**
 * `ALTER TABLE` / `ALTER VIEW` on the session catalog, as Spark 3.5's v1
 * (session catalog, file source) tables take them: RENAME TO within a
 * database, ADD COLUMNS (before the partition columns, nullable), a column's
 * comment (its type only to itself), table properties and location. RENAME /
 * DROP COLUMN, column positions and NOT NULL are refused with Spark's errors.
 * Changes rewrite the stored table (schema and rows) and its recorded metadata.
 */
import { CHAR_VARCHAR_KEY, columnMetadata, declaredSimpleString, declaredSql } from '../types/char-varchar.js';
import { DataFrame } from '../api/dataframe.js';
import { AnalysisException, NotImplementedException } from '../errors/index.js';
import { makeBatch } from '../data/batch.js';
import { formatSchemaTree } from '../format/print-schema.js';
import type { LogicalPlan } from '../plan/nodes.js';
import type { SparkSession } from '../session/session.js';
import { dropTableMetadata, setTableMetadata, tableMetadata, type TableMetadata } from '../session/table-metadata.js';
import { StructField, StructType } from '../types/data-types.js';
import type { AlterAction } from './ast.js';
import type { SqlCommand } from './parse.js';
import {
  addColumnNotNull,
  alterColumnNotNull,
  alterTableWithAlterView,
  alterViewWithAlterTable,
  expectTableNotView,
  expectViewNotTable,
  expectViewNotTempView,
  missingField,
  notADataColumn,
  partitionSerdeOfDataSourceTable,
  renameAcrossDatabases,
  serdeOfDataSourceTable,
} from './ddl-errors.js';
import { lookup } from './show-commands.js';
import { alterPermanentViewAs } from './permanent-views.js';

type AlterCommand = Extract<SqlCommand, { kind: 'alterTable' }>;
type ViewAsCommand = Extract<SqlCommand, { kind: 'alterViewAs' }>;

/** The resolved target: a temp view (local or global), a catalog table or a permanent view. */
type Target =
  | { kind: 'view'; global: boolean; table: string; plan: LogicalPlan }
  | { kind: 'table'; db: string; table: string }
  | { kind: 'permanentView'; db: string; table: string };

function resolveTarget(session: SparkSession, parts: readonly string[], at: string): Target {
  const table = parts[parts.length - 1]!;
  const database = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  const rel = lookup(session, parts, at);
  if (rel.kind === 'view' && rel.permanent) return { kind: 'permanentView', db: rel.permanent.database, table: rel.permanent.table };
  if (rel.kind === 'view') return { kind: 'view', global: database !== undefined, table, plan: rel.plan };
  return { kind: 'table', db: rel.database, table: rel.table };
}

/** `'ALTER TABLE ... <op>'` as Spark names each action when it meets a view, and whether it points to ALTER VIEW. */
function operationName(a: AlterAction): [string, boolean] {
  switch (a.kind) {
    case 'addColumns':
      return ['ADD COLUMNS', false];
    case 'unsupportedColumnChange':
      return [a.operation === 'DROP COLUMN' ? 'DROP COLUMNS' : a.operation, false];
    case 'alterColumn':
      return [`${a.verb} COLUMN`, false];
    case 'setProperties':
      return ['SET TBLPROPERTIES', true];
    case 'unsetProperties':
      return ['UNSET TBLPROPERTIES', true];
    case 'setLocation':
      return ['SET LOCATION ...', true];
    case 'setSerde':
      return ['SET [SERDE|SERDEPROPERTIES]', true];
    case 'renameTo':
      return ['RENAME TO', false];
  }
}

const ident = (db: string, table: string): string => `\`spark_catalog\`.\`${db}\`.\`${table}\``;

export function alterTable(session: SparkSession, c: AlterCommand): void {
  const target = resolveTarget(session, c.name, c.at);
  const written = c.name.join('.');
  const a = c.action;
  if (target.kind === 'view') {
    if (a.kind === 'renameTo') return renameView(session, target, a.newName);
    if (c.view) throw expectViewNotTempView(written, `ALTER VIEW ... ${operationName(a)[0]}`, c.at);
    const [op, useView] = operationName(a);
    throw expectTableNotView(written, `ALTER TABLE ... ${op}`, useView, c.at);
  }
  if (target.kind === 'permanentView' && !c.view) {
    if (a.kind === 'renameTo') throw alterViewWithAlterTable();
    const [op, useView] = operationName(a);
    throw expectTableNotView(`spark_catalog.${target.db}.${target.table}`, `ALTER TABLE ... ${op}`, useView, c.at, true);
  }
  if (target.kind === 'permanentView' && a.kind !== 'renameTo' && a.kind !== 'setProperties' && a.kind !== 'unsetProperties') {
    throw new AnalysisException(`internal: ALTER VIEW ... ${operationName(a)[0]} does not parse`, { errorClass: 'INTERNAL_ERROR' });
  }
  if (c.view && target.kind === 'table') {
    if (a.kind === 'renameTo') throw alterTableWithAlterView();
    throw expectViewNotTable(`${target.db}.${target.table}`, `ALTER VIEW ... ${operationName(a)[0]}`, true, c.at);
  }
  const { db, table } = target;
  const meta: TableMetadata = tableMetadata(session.storage, db, table) ?? { partitionColumns: [], properties: {} };
  switch (a.kind) {
    case 'renameTo':
      return renameTable(session, db, table, a.newName, meta);
    case 'unsupportedColumnChange':
      throw new AnalysisException(
        `The feature is not supported: Table ${ident(db, table)} does not support ${a.operation}. Please check the current catalog and namespace to make sure the qualified table name is expected, and also check the catalog implementation which is configured by "spark.sql.catalog".`,
        { errorClass: 'UNSUPPORTED_FEATURE.TABLE_OPERATION', messageParameters: { tableName: ident(db, table), operation: a.operation } },
      );
    case 'setSerde':
      throw a.partition ? partitionSerdeOfDataSourceTable() : serdeOfDataSourceTable();
    case 'addColumns':
      return addColumns(session, db, table, a.columns, meta);
    case 'alterColumn':
      return alterColumn(session, db, table, a, meta);
    case 'setProperties':
      setTableMetadata(session.storage, db, table, { ...meta, properties: { ...meta.properties, ...Object.fromEntries(a.properties) } });
      return;
    case 'unsetProperties': {
      const missing = a.keys.filter((k) => !(k in meta.properties));
      if (missing.length > 0 && !a.ifExists) {
        const list = `[${missing.map((k) => '`' + k + '`').join(', ')}]`;
        throw new AnalysisException(`Attempted to unset non-existent properties ${list} in table ${ident(db, table)}.`, {
          errorClass: 'UNSET_NONEXISTENT_PROPERTIES',
          messageParameters: { properties: list, table: ident(db, table) },
        });
      }
      const properties = Object.fromEntries(Object.entries(meta.properties).filter(([k]) => !a.keys.includes(k)));
      setTableMetadata(session.storage, db, table, { ...meta, properties });
      return;
    }
    case 'setLocation':
      // Spark keeps a managed table MANAGED (DESCRIBE shows the new Location; SHOW CREATE TABLE none).
      setTableMetadata(session.storage, db, table, meta.location !== undefined ? { ...meta, location: a.location } : { ...meta, movedTo: a.location });
      return;
  }
}

/** `ALTER VIEW v AS query`: the temp view's new query (Spark keeps the view's kind). */
export function alterViewAs(session: SparkSession, c: ViewAsCommand): void {
  const target = resolveTarget(session, c.name, c.at);
  if (target.kind === 'table') throw expectViewNotTable(`${target.db}.${target.table}`, 'ALTER VIEW ... AS', false, c.at);
  if (target.kind === 'permanentView') return alterPermanentViewAs(session, target.db, target.table, c.text);
  void new DataFrame(session, c.query).schema; // the new query must analyze
  session.catalog.registerTempView(target.table, c.query, true, target.global);
}

function renameView(session: SparkSession, target: Extract<Target, { kind: 'view' }>, newName: readonly string[]): void {
  const name = newName[newName.length - 1]!;
  if (target.global) session.catalog.dropGlobalTempView(target.table);
  else session.catalog.dropTempView(target.table);
  session.catalog.registerTempView(name, target.plan, false, target.global);
}

function renameTable(session: SparkSession, db: string, table: string, newName: readonly string[], meta: TableMetadata): void {
  const to = newName[newName.length - 1]!;
  const toDb = newName.length >= 2 ? newName[newName.length - 2]! : db;
  if (toDb.toLowerCase() !== db.toLowerCase()) throw renameAcrossDatabases(db, toDb);
  if (session.storage.tableExists(db, to)) {
    throw new AnalysisException(
      `Cannot create table or view \`${db}\`.\`${to}\` because it already exists.\nChoose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects.`,
      { errorClass: 'TABLE_OR_VIEW_ALREADY_EXISTS', messageParameters: { relationName: `\`${db}\`.\`${to}\`` } },
    );
  }
  const data = session.storage.queryTable(db, table);
  const schema = session.storage.getTableSchema(db, table);
  session.storage.dropTable(db, table);
  dropTableMetadata(session.storage, db, table);
  session.storage.createTable(db, to, schema);
  if (data.numRows > 0) session.storage.insertData(db, to, makeBatch(schema, data.columns), 'append');
  setTableMetadata(session.storage, db, to, meta);
}

/** Replaces a table's schema (and rows, column `i` of the new schema taken from `source[i]` or NULL), keeping its metadata. */
function rewrite(session: SparkSession, db: string, table: string, schema: StructType, source: readonly (number | undefined)[], meta: TableMetadata): void {
  const data = session.storage.queryTable(db, table);
  const columns = source.map((i) => (i === undefined ? new Array<unknown>(data.numRows).fill(null) : data.columns[i]!));
  session.storage.dropTable(db, table);
  session.storage.createTable(db, table, schema);
  if (data.numRows > 0) session.storage.insertData(db, table, makeBatch(schema, columns), 'append');
  setTableMetadata(session.storage, db, table, meta);
}

const caseSensitive = (session: SparkSession): boolean => session.conf.getOption('spark.sql.caseSensitive') === 'true';

function addColumns(session: SparkSession, db: string, table: string, added: AlterCommandColumns, meta: TableMetadata): void {
  if (added.some((col) => !col.nullable)) throw addColumnNotNull();
  const fields = session.storage.getTableSchema(db, table).fields;
  const norm = (n: string): string => (caseSensitive(session) ? n : n.toLowerCase());
  const seen = new Set(fields.map((f) => norm(f.name)));
  for (const col of added) {
    if (seen.has(norm(col.name))) {
      const name = '`' + norm(col.name) + '`';
      throw new AnalysisException(`The column ${name} already exists. Consider to choose another name or rename the existing column.`, {
        errorClass: 'COLUMN_ALREADY_EXISTS',
        messageParameters: { columnName: name },
      });
    }
    seen.add(norm(col.name));
  }
  // Spark keeps partition columns last: new columns go after the data columns.
  const isPart = (f: StructField): boolean => meta.partitionColumns.some((p) => p.toLowerCase() === f.name.toLowerCase());
  const dataIdx = fields.map((f, i) => (isPart(f) ? -1 : i)).filter((i) => i >= 0);
  const partIdx = fields.map((f, i) => (isPart(f) ? i : -1)).filter((i) => i >= 0);
  const newFields = added.map((col) => new StructField(col.name, col.dataType, true, columnMetadata(col)));
  const schema = new StructType([...dataIdx.map((i) => fields[i]!), ...newFields, ...partIdx.map((i) => fields[i]!)]);
  rewrite(session, db, table, schema, [...dataIdx, ...newFields.map(() => undefined), ...partIdx], meta);
}

type AlterCommandColumns = Extract<AlterAction, { kind: 'addColumns' }>['columns'];

function alterColumn(session: SparkSession, db: string, table: string, a: Extract<AlterAction, { kind: 'alterColumn' }>, meta: TableMetadata): void {
  const schema = session.storage.getTableSchema(db, table);
  const last = a.column[a.column.length - 1]!;
  if (a.renameRefusal !== undefined && (caseSensitive(session) || a.newName!.toLowerCase() !== last.toLowerCase())) throw a.renameRefusal;
  if (a.nullable !== undefined) throw alterColumnNotNull();
  if (a.defaultChange) throw new NotImplementedException('ALTER TABLE ... ALTER COLUMN ... SET/DROP DEFAULT', 'sparkless does not model column DEFAULT values');
  const matches = (f: StructField, n: string): boolean => (caseSensitive(session) ? f.name === n : f.name.toLowerCase() === n.toLowerCase());
  const at = schema.fields.findIndex((f) => matches(f, a.column[0]!));
  const field = schema.fields[at];
  if (!field) {
    const tree = formatSchemaTree(new StructType(schema.fields.map((f) => new StructField(f.name, f.dataType, true, f.metadata))));
    throw missingField(a.column.join('.'), `spark_catalog.${db}.${table}`, tree, '; line 1 pos 0');
  }
  if (a.column.length > 1) {
    if (!(field.dataType instanceof StructType)) {
      const name = a.column.map((p) => '`' + p + '`').join('.');
      throw new AnalysisException(`Field name ${name} is invalid: \`${a.column[0]}\` is not a struct.; line 1 pos 0`, {
        errorClass: 'INVALID_FIELD_NAME',
        messageParameters: { fieldName: name, path: '`' + a.column[0] + '`' },
      });
    }
    throw new NotImplementedException('ALTER TABLE ... ALTER COLUMN of a nested field');
  }
  if (a.position) {
    throw new AnalysisException(
      `The feature is not supported: Table ${ident(db, table)} does not support ALTER COLUMN ... FIRST | ALTER. Please check the current catalog and namespace to make sure the qualified table name is expected, and also check the catalog implementation which is configured by "spark.sql.catalog".`,
      { errorClass: 'UNSUPPORTED_FEATURE.TABLE_OPERATION', messageParameters: { tableName: ident(db, table), operation: 'ALTER COLUMN ... FIRST | ALTER' } },
    );
  }
  if (meta.partitionColumns.some((p) => p.toLowerCase() === field.name.toLowerCase())) {
    const dataColumns = schema.fields.filter((f) => !meta.partitionColumns.some((p) => p.toLowerCase() === f.name.toLowerCase()));
    throw notADataColumn(last, dataColumns.map((f) => f.name));
  }
  // A char/varchar column is compared (and named) by its declared type: char(5) to char(6) is a change.
  const declared = a.dataType && new StructField(field.name, a.dataType, true, a.charVarchar !== undefined ? { [CHAR_VARCHAR_KEY]: a.charVarchar } : {});
  if (declared && declaredSimpleString(declared) !== declaredSimpleString(field)) {
    const params = { table: ident(db, table), originName: `\`${field.name}\``, originType: `"${declaredSql(field)}"`, newName: `\`${a.newName ?? last}\``, newType: `"${declaredSql(declared)}"` };
    throw new AnalysisException(
      `ALTER TABLE ALTER/CHANGE COLUMN is not supported for changing ${params.table}'s column ${params.originName} with type ${params.originType} to ${params.newName} with type ${params.newType}.`,
      { errorClass: 'NOT_SUPPORTED_CHANGE_COLUMN', messageParameters: params },
    );
  }
  if (a.comment === undefined) return;
  const fields = schema.fields.map((f, i) => (i === at ? new StructField(f.name, f.dataType, f.nullable, { ...f.metadata, comment: a.comment! }) : f));
  rewrite(session, db, table, new StructType(fields), fields.map((_, i) => i), meta);
}
