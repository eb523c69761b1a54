/**
 * Metadata listings of the session catalog in Spark 3.5's result shapes:
 * `SHOW COLUMNS`, `SHOW VIEWS`, `SHOW TBLPROPERTIES`, `SHOW PARTITIONS` and
 * `DESCRIBE QUERY`. SHOW VIEWS lists a database's permanent views, then the
 * session's temp views (and the global temp views for `global_temp`).
 */
import { DataFrame } from '../api/dataframe.js';
import { AnalysisException } from '../errors/index.js';
import type { SparkSession } from '../session/session.js';
import { tableNotFound } from '../session/catalog.js';
import { tableMetadata } from '../session/table-metadata.js';
import { BOOLEAN, STRING, StructField, StructType } from '../types/data-types.js';
import { listPartitions, matches, partitionedTable, partitionPath, resolveSpec } from './partitions.js';
import { redacted } from './describe-table.js';
import { expectTableNotView, showColumnsConflictingDatabases } from './ddl-errors.js';
import type { SqlCommand } from './parse.js';
import { matchesPattern } from '../session/name-pattern.js';

type Command<K extends SqlCommand['kind']> = Extract<SqlCommand, { kind: K }>;

/** The relation named by `parts`; a TABLE_OR_VIEW_NOT_FOUND names it as written and ends with its position, as Spark's. */
export function lookup(session: SparkSession, parts: readonly string[], at: string): ReturnType<SparkSession['catalog']['lookupRelation']> {
  const table = parts[parts.length - 1]!;
  const database = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  try {
    return session.catalog.lookupRelation(database, table);
  } catch (e) {
    if (e instanceof AnalysisException && e.errorClass === 'TABLE_OR_VIEW_NOT_FOUND') {
      const err = tableNotFound(parts);
      err.message += at;
      throw err;
    }
    throw e;
  }
}

export function showColumns(session: SparkSession, c: Command<'showColumns'>): DataFrame {
  let parts = c.name;
  if (c.database !== undefined) {
    const inName = parts.length >= 2 ? parts[parts.length - 2]! : undefined;
    if (inName !== undefined && inName.toLowerCase() !== c.database.toLowerCase()) {
      throw showColumnsConflictingDatabases(c.database, inName);
    }
    parts = [c.database, parts[parts.length - 1]!];
  }
  const rel = lookup(session, parts, c.at);
  const fields = rel.kind === 'table' ? rel.schema.fields : new DataFrame(session, rel.plan).schema.fields;
  return session.createDataFrame(
    fields.map((f) => [f.name]),
    new StructType([new StructField('col_name', STRING, false)]),
  );
}

export function showViews(session: SparkSession, c: Command<'showViews'>): DataFrame {
  const db = c.database ?? session.catalog.currentDatabase();
  // listTables checks the database exists (SCHEMA_NOT_FOUND) and lists global temp views for global_temp.
  const listed = session.catalog.listTables(db);
  const permanent = listed.filter((t) => t.tableType === 'VIEW').map((t) => [db.toLowerCase(), t.name, false]);
  const global = db.toLowerCase() === 'global_temp' ? listed.filter((t) => t.isTemporary) : [];
  const local = session.catalog.listTables(session.catalog.currentDatabase()).filter((t) => t.isTemporary && !(t.namespace ?? []).length);
  const rows = [...permanent, ...global.map((t) => ['global_temp', t.name, true]), ...local.map((t) => ['', t.name, true])].filter(
    (r) => c.pattern === undefined || matchesPattern(String(r[1]), c.pattern),
  );
  return session.createDataFrame(
    rows,
    new StructType([new StructField('namespace', STRING, false), new StructField('viewName', STRING, false), new StructField('isTemporary', BOOLEAN, false)]),
  );
}

export function showTblProperties(session: SparkSession, c: Command<'showTblProperties'>): DataFrame {
  const schema = new StructType([new StructField('key', STRING, false), new StructField('value', STRING, false)]);
  const rel = lookup(session, c.name, c.at);
  // A temp view has no properties.
  if (rel.kind !== 'table' && !rel.permanent) return session.createDataFrame([], schema);
  const { database, table } = rel.kind === 'table' ? rel : rel.permanent!;
  // Spark lists the table's OPTIONS as `option.<key>` properties, sorted by key, secrets redacted.
  const meta = tableMetadata(session.storage, database, table);
  const entries = redacted(session, [...Object.entries(meta?.properties ?? {}), ...Object.entries(meta?.options ?? {}).map(([k, v]) => [`option.${k}`, v] as const)]);
  if (c.key !== undefined) {
    const found = entries.find(([k]) => k === c.key);
    return session.createDataFrame([[c.key, found ? found[1] : `Table spark_catalog.${database}.${table} does not have property: ${c.key}`]], schema);
  }
  return session.createDataFrame(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), schema);
}

export function showPartitions(session: SparkSession, c: Command<'showPartitions'>): DataFrame {
  const t = partitionedTable(session, c.name, c.at, {
    view: (w, at) => expectTableNotView(w, 'SHOW PARTITIONS', false, at),
    unpartitioned: ({ ident }) =>
      new AnalysisException(`The partition command is invalid. Table ${ident} is not partitioned.`, {
        errorClass: 'INVALID_PARTITION_OPERATION.PARTITION_SCHEMA_IS_EMPTY',
        messageParameters: { name: ident },
      }),
  });
  const spec = resolveSpec(session, t, (c.spec ?? []).map(([key, value]) => ({ key, value })), false);
  const rows = listPartitions(session, t)
    .filter((e) => matches(spec, e.values))
    .map((e) => [partitionPath(t.fields, e.values)]);
  return session.createDataFrame(rows, new StructType([new StructField('partition', STRING, false)]));
}

/** `DESCRIBE [QUERY] query`: one row per output column (its comment when the column carries one). */
export function describeQuery(session: SparkSession, c: Command<'describeQuery'>): DataFrame {
  const fields = new DataFrame(session, c.query).schema.fields;
  const rows = fields.map((f) => [f.name, f.dataType.simpleString(), typeof f.metadata['comment'] === 'string' ? f.metadata['comment'] : null]);
  return session.createDataFrame(
    rows,
    new StructType([new StructField('col_name', STRING, false), new StructField('data_type', STRING, false), new StructField('comment', STRING, true)]),
  );
}
