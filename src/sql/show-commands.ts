/**
 * Metadata listings of the session catalog in Spark 3.5's result shapes:
 * `SHOW COLUMNS`, `SHOW VIEWS`, `SHOW TBLPROPERTIES`, `SHOW PARTITIONS` and
 * `DESCRIBE QUERY`. sparkless keeps every view as a temp view, so SHOW VIEWS
 * lists temp views (and a database's global temp views for `global_temp`).
 */
import { DataFrame } from '../api/dataframe.js';
import { AnalysisException } from '../errors/index.js';
import { plan } from '../plan/nodes.js';
import type { SparkSession } from '../session/session.js';
import { tableNotFound } from '../session/catalog.js';
import { tableMetadata } from '../session/table-metadata.js';
import { BOOLEAN, STRING, StructField, StructType } from '../types/data-types.js';
import { castToString } from '../format/value-string.js';
import { redacted } from './describe-table.js';
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
      throw new AnalysisException(`SHOW COLUMNS with conflicting databases: '${c.database}' != '${inName}'.`);
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
  const listed = session.catalog.listTables(db).filter((t) => t.isTemporary);
  const global = db.toLowerCase() === 'global_temp' ? listed : [];
  const local = session.catalog.listTables(session.catalog.currentDatabase()).filter((t) => t.isTemporary && !(t.namespace ?? []).length);
  const rows = [...global.map((t) => ['global_temp', t.name, true]), ...local.map((t) => ['', t.name, true])].filter((r) => c.pattern === undefined || matchesPattern(String(r[1]), c.pattern));
  return session.createDataFrame(
    rows,
    new StructType([new StructField('namespace', STRING, false), new StructField('viewName', STRING, false), new StructField('isTemporary', BOOLEAN, false)]),
  );
}

export function showTblProperties(session: SparkSession, c: Command<'showTblProperties'>): DataFrame {
  const schema = new StructType([new StructField('key', STRING, false), new StructField('value', STRING, false)]);
  const rel = lookup(session, c.name, c.at);
  // A temp view has no properties.
  if (rel.kind !== 'table') return session.createDataFrame([], schema);
  // Spark lists the table's OPTIONS as `option.<key>` properties, sorted by key, secrets redacted.
  const meta = tableMetadata(session.storage, rel.database, rel.table);
  const entries = redacted(session, [...Object.entries(meta?.properties ?? {}), ...Object.entries(meta?.options ?? {}).map(([k, v]) => [`option.${k}`, v] as const)]);
  if (c.key !== undefined) {
    const found = entries.find(([k]) => k === c.key);
    return session.createDataFrame([[c.key, found ? found[1] : `Table spark_catalog.${rel.database}.${rel.table} does not have property: ${c.key}`]], schema);
  }
  return session.createDataFrame(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), schema);
}

/** Characters Hive escapes (as `%XX`) in partition path values. */
const ESCAPED = /[\u0001-\u001f"#%'*/:=?\\\u007f{[\]^]/g;
const escapePath = (s: string): string => s.replace(ESCAPED, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));

/** The partition values (as strings, NULL for a null) of each of a table's rows: its partitions are the distinct ones. */
export function partitionValues(session: SparkSession, database: string, table: string, fields: readonly StructField[]): (string | null)[][] {
  const data = new DataFrame(session, plan('TableScan', { database, table })).executeBatch();
  const cols = fields.map((f) => data.columns[data.schema.fields.findIndex((x) => x.name === f.name)]!);
  const out: (string | null)[][] = [];
  for (let r = 0; r < data.numRows; r++) out.push(fields.map((f, i) => (cols[i]![r] === null || cols[i]![r] === undefined ? null : castToString(cols[i]![r], f.dataType))));
  return out;
}

export function showPartitions(session: SparkSession, c: Command<'showPartitions'>): DataFrame {
  const at = c.at;
  const rel = lookup(session, c.name, at);
  if (rel.kind !== 'table') throw new AnalysisException(`${c.name.join('.')} is a temp view. 'SHOW PARTITIONS' expects a table..${at}`);
  const ident = `\`spark_catalog\`.\`${rel.database}\`.\`${rel.table}\``;
  const partCols = tableMetadata(session.storage, rel.database, rel.table)?.partitionColumns ?? [];
  if (partCols.length === 0) {
    throw new AnalysisException(`The partition command is invalid. Table ${ident} is not partitioned.`, {
      errorClass: 'INVALID_PARTITION_OPERATION.PARTITION_SCHEMA_IS_EMPTY',
      messageParameters: { name: ident },
    });
  }
  const fields = partCols.map((p) => rel.schema.fields.find((f) => f.name.toLowerCase() === p.toLowerCase())!);
  const wanted = (c.spec ?? []).map(([k, v]) => {
    const at = fields.findIndex((f) => f.name.toLowerCase() === k.toLowerCase());
    if (at < 0) throw new AnalysisException(`${k} is not a valid partition column in table ${ident}.`);
    return [at, v] as const;
  });
  const seen = new Set<string>();
  for (const values of partitionValues(session, rel.database, rel.table, fields)) {
    if (wanted.some(([i, v]) => values[i] !== v)) continue;
    seen.add(fields.map((f, i) => `${f.name}=${values[i] === null ? '__HIVE_DEFAULT_PARTITION__' : escapePath(values[i]!)}`).join('/'));
  }
  const rows = [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((p) => [p]);
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
