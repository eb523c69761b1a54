/**
 * Permanent views (`CREATE VIEW v AS ...` without TEMPORARY), kept as Spark's catalog keeps
 * them: a catalog entry with the view's schema and no rows, whose metadata holds the query's
 * text, the database it was written in, its output column names and the SQL settings in force
 * (session/table-metadata.ts). Readers parse the text again (the catalog's ViewReader), so a
 * view sees its tables' current rows and lasts as long as the storage (the file backend's
 * survive the session).
 */
import { DataFrame } from '../api/dataframe.js';
import { AnalysisException } from '../errors/index.js';
import { E } from '../expr/nodes.js';
import { inputs, plan, type LogicalPlan } from '../plan/nodes.js';
import type { ViewReader } from '../session/catalog.js';
import { CONF, confDefault } from '../session/conf.js';
import type { SparkSession } from '../session/session.js';
import { dropTableMetadata, setTableMetadata, tableMetadata, type ViewDefinition } from '../session/table-metadata.js';
import { StructField, StructType } from '../types/data-types.js';
import type { QueryAst } from './ast.js';
import { sessionTranslateOptions } from './execute.js';
import { sqlParserOptions } from './parser-settings.js';
import { parseViewText, translateQuery, type SqlCommand } from './parse.js';

type CreateView = Extract<SqlCommand, { kind: 'createView' }>;

/** Settings Spark never captures in a view (View.scala's deny list, the prefixes sparkless has). */
const NOT_CAPTURED = ['spark.sql.optimizer.', 'spark.sql.codegen.', 'spark.sql.execution.', 'spark.sql.shuffle.', 'spark.sql.adaptive.', 'spark.sql.view.maxNestedViewDepth'];

/** `spark_catalog`.`db`.`v`, as Spark names a permanent view in its errors. */
export const viewIdent = (db: string, view: string): string => `\`spark_catalog\`.\`${db}\`.\`${view}\``;

/** The SQL settings a view keeps: those the session changed from Spark's defaults, and always the session time zone. */
function capturedConfigs(session: SparkSession): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(session.conf.getAll())) {
    if (!k.startsWith('spark.sql.') || NOT_CAPTURED.some((p) => k.startsWith(p))) continue;
    if (k === CONF.timeZone || confDefault(k) !== v) out[k] = v;
  }
  return out;
}

/** A view's setting: what it captured; any other `spark.sql.*` setting is Spark's default (View.effectiveSQLConf). */
function viewConf(session: SparkSession, captured: Readonly<Record<string, string>>): (key: string) => string | undefined {
  return (key) => (key in captured ? captured[key] : key.startsWith('spark.sql.') ? undefined : session.conf.getOption(key));
}

function parseView(session: SparkSession, db: string, view: string, text: string, conf: (key: string) => string | undefined): { ast: QueryAst; query: LogicalPlan } {
  const ast = parseViewText(text, `spark_catalog.${db}.${view}`, sqlParserOptions(conf));
  return { ast, query: translateQuery(ast, { ...sessionTranslateOptions(session), conf }) };
}

/** The catalog's ViewReader: the stored query, its columns renamed to the view's (by position, as Spark matches them). */
export function viewReader(session: SparkSession): ViewReader {
  return (db, view, definition, schema) => {
    const { query } = parseView(session, db, view, definition.text, viewConf(session, definition.sqlConfigs));
    const exprs = schema.fields.map((f, i) => {
      const comment = f.metadata['comment'];
      return E.alias(E.bound(i, `#${i}`, f.dataType, f.nullable), f.name, typeof comment === 'string' ? { comment } : undefined);
    });
    return plan('Project', { input: query, exprs });
  };
}

/** CREATE_VIEW_COLUMN_ARITY_MISMATCH when a view's column list and its query differ in width. */
export function checkViewArity(name: string, columns: readonly string[], dataColumns: readonly string[]): void {
  if (dataColumns.length === columns.length) return;
  const tooMany = dataColumns.length > columns.length;
  const list = (names: readonly string[]): string => names.map((n) => `\`${n.replace(/`/g, '``')}\``).join(', ');
  throw new AnalysisException(
    `Cannot create view ${name}, the reason is ${tooMany ? 'too many' : 'not enough'} data columns:\nView columns: ${list(columns)}.\nData columns: ${list(dataColumns)}.`,
    {
      errorClass: `CREATE_VIEW_COLUMN_ARITY_MISMATCH.${tooMany ? 'TOO_MANY_DATA_COLUMNS' : 'NOT_ENOUGH_DATA_COLUMNS'}`,
      messageParameters: { viewName: name, viewColumns: list(columns), dataColumns: list(dataColumns) },
    },
  );
}

/** `CREATE [OR REPLACE] VIEW [IF NOT EXISTS] [db.]v [(c [COMMENT '...'], ...)] [COMMENT '...'] [TBLPROPERTIES (...)] AS query`. */
export function createPermanentView(session: SparkSession, c: CreateView): void {
  const view = c.name[c.name.length - 1]!.toLowerCase();
  const db = (c.name.length >= 2 ? c.name[c.name.length - 2]! : session.catalog.currentDatabase()).toLowerCase();
  if (!session.storage.schemaExists(db)) {
    throw new AnalysisException(`The schema \`${db}\` cannot be found.`, { errorClass: 'SCHEMA_NOT_FOUND', messageParameters: { schemaName: `\`${db}\`` } });
  }
  const ident = viewIdent(db, view);
  const sqlConfigs = capturedConfigs(session);
  // The stored text is what readers parse: analyze it, not the statement's own parse.
  const { ast, query } = parseView(session, db, view, c.text, (key) => session.conf.getOption(key));
  const schema = new DataFrame(session, query).schema;
  if (c.columns) checkViewArity(ident, c.columns, schema.fieldNames());
  checkNoTempReferences(session, query, ident);
  if (!c.columns) checkWrittenAliases(ast, schema, ident);
  checkNotRecursive(session, query, db, view, ident);
  if (session.storage.tableExists(db, view)) {
    if (c.ifNotExists) return;
    if (!tableMetadata(session.storage, db, view)?.view) throw legacy1278(ident);
    if (!c.replace) {
      throw new AnalysisException(
        `Cannot create table or view ${ident} because it already exists.\nChoose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects.`,
        { errorClass: 'TABLE_OR_VIEW_ALREADY_EXISTS', messageParameters: { relationName: ident } },
      );
    }
    dropPermanentView(session, db, view);
  }
  const fields = schema.fields.map((f, i) => {
    const comment = c.columnComments?.[i];
    const metadata = comment === undefined ? f.metadata : comment === null ? withoutComment(f.metadata) : { ...f.metadata, comment };
    return new StructField(c.columns?.[i] ?? f.name, f.dataType, f.nullable, metadata);
  });
  storeView(session, db, view, new StructType(fields), {
    ...(c.comment !== undefined ? { comment: c.comment } : {}),
    properties: Object.fromEntries(c.properties),
    view: { text: c.text, namespace: session.catalog.currentDatabase(), queryColumns: schema.fields.map((f) => f.name), sqlConfigs },
  });
}

/** `ALTER VIEW v AS query` of a permanent view: a new query (and schema), its comment and properties kept. */
export function alterPermanentViewAs(session: SparkSession, db: string, view: string, text: string): void {
  const ident = viewIdent(db, view);
  const { ast, query } = parseView(session, db, view, text, (key) => session.conf.getOption(key));
  const schema = new DataFrame(session, query).schema;
  checkNoTempReferences(session, query, ident);
  checkWrittenAliases(ast, schema, ident);
  checkNotRecursive(session, query, db, view, ident);
  const old = tableMetadata(session.storage, db, view);
  dropPermanentView(session, db, view);
  storeView(session, db, view, schema, {
    ...(old?.comment !== undefined ? { comment: old.comment } : {}),
    properties: old?.properties ?? {},
    ...(old?.createdMs !== undefined ? { createdMs: old.createdMs } : {}),
    view: { text, namespace: session.catalog.currentDatabase(), queryColumns: schema.fields.map((f) => f.name), sqlConfigs: capturedConfigs(session) },
  });
}

function storeView(session: SparkSession, db: string, view: string, schema: StructType, meta: { comment?: string; properties: Record<string, string>; createdMs?: number; view: ViewDefinition }): void {
  session.storage.createTable(db, view, schema);
  setTableMetadata(session.storage, db, view, { partitionColumns: [], ...meta });
}

export function dropPermanentView(session: SparkSession, db: string, view: string): void {
  session.storage.dropTable(db, view);
  dropTableMetadata(session.storage, db, view);
}

/** Whether `db.name` is a permanent view. */
export function isPermanentView(session: SparkSession, db: string, name: string): boolean {
  return session.storage.schemaExists(db) && session.storage.tableExists(db, name) && tableMetadata(session.storage, db, name)?.view !== undefined;
}

const legacy1278 = (ident: string): AnalysisException =>
  new AnalysisException(`${ident} is not a view.`, { errorClass: '_LEGACY_ERROR_TEMP_1278', messageParameters: { name: ident } });

function withoutComment(metadata: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { comment: _comment, ...rest } = metadata;
  return rest;
}

/** Every TableScan of `p` (relations read by subqueries of SQL text are not plan nodes here). */
function* scans(p: LogicalPlan): Generator<Extract<LogicalPlan, { kind: 'TableScan' }>> {
  if (p.kind === 'TableScan') yield p;
  for (const child of inputs(p)) yield* scans(child);
}

/** INVALID_TEMP_OBJ_REFERENCE: a permanent view may not read a temp view (Spark refuses to store what a later session could not read). */
function checkNoTempReferences(session: SparkSession, query: LogicalPlan, ident: string): void {
  for (const s of scans(query)) {
    const global = s.database?.toLowerCase() === 'global_temp';
    if (s.database !== undefined && !global) continue;
    const rel = session.catalog.lookupRelation(s.database, s.table);
    if (rel.kind !== 'view' || rel.permanent) continue;
    const tempObjName = (global ? [s.database!, s.table] : [s.table]).map((p) => '`' + p + '`').join('.');
    throw new AnalysisException(
      `Cannot create the persistent object ${ident} of the type VIEW because it references to the temporary object ${tempObjName} of the type VIEW. Please make the temporary object ${tempObjName} persistent, or make the persistent object ${ident} temporary.`,
      { errorClass: 'INVALID_TEMP_OBJ_REFERENCE', messageParameters: { obj: 'VIEW', objName: ident, tempObj: 'VIEW', tempObjName } },
    );
  }
}

/** The outermost SELECT block of a query (its output columns). */
function outputSelect(q: QueryAst): Extract<QueryAst, { kind: 'select' }> | undefined {
  if (q.kind === 'select') return q;
  if (q.kind === 'query') return outputSelect(q.body);
  if (q.kind === 'setop') return outputSelect(q.left);
  return undefined;
}

/**
 * CREATE_PERMANENT_VIEW_WITHOUT_ALIAS: without a column list, each output column computed
 * by an expression (not a column or a literal) needs a written alias, since its generated
 * name is not stable across versions.
 */
function checkWrittenAliases(ast: QueryAst, schema: StructType, ident: string): void {
  const select = outputSelect(ast);
  if (!select || select.items.some((e) => e.kind === 'Star')) return;
  select.items.forEach((e, i) => {
    if (select.aliasWritten?.[i] === true || e.kind === 'ColumnRef' || e.kind === 'Literal') return;
    const attr = `"${schema.fields[i]?.name ?? ''}"`;
    throw new AnalysisException(`Not allowed to create the permanent view ${ident} without explicitly assigning an alias for the expression ${attr}.`, {
      errorClass: 'CREATE_PERMANENT_VIEW_WITHOUT_ALIAS',
      messageParameters: { name: ident, attr },
    });
  });
}

/** RECURSIVE_VIEW: a view whose query reads itself, directly or through other permanent views, could never be read. */
function checkNotRecursive(session: SparkSession, query: LogicalPlan, db: string, view: string, ident: string): void {
  const target = `${db}.${view}`;
  const visit = (p: LogicalPlan, namespace: string, path: readonly string[]): void => {
    for (const s of scans(p)) {
      const sdb = (s.database ?? namespace).toLowerCase();
      const name = s.table.toLowerCase();
      if (s.database === undefined && !isPermanentView(session, sdb, name)) continue;
      if (!isPermanentView(session, sdb, name)) continue;
      const here = [...path, viewIdent(sdb, name)];
      if (`${sdb}.${name}` === target) {
        const newPath = here.join(' -> ');
        throw new AnalysisException(`Recursive view ${ident} detected (cycle: ${newPath}).`, { errorClass: 'RECURSIVE_VIEW', messageParameters: { viewIdent: ident, newPath } });
      }
      const def = tableMetadata(session.storage, sdb, name)?.view;
      if (def) visit(parseView(session, sdb, name, def.text, viewConf(session, def.sqlConfigs)).query, def.namespace, here);
    }
  };
  visit(query, session.catalog.currentDatabase(), [ident]);
}
