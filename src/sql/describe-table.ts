/**
 * `DESCRIBE [TABLE] [EXTENDED | FORMATTED] t [col]` and `SHOW CREATE TABLE t`
 * of catalog tables, in Spark 3.5's layouts, from the schema and what the
 * creator declared (session/table-metadata.ts). Values Spark takes from its
 * machine (creation time in the JVM's zone, the warehouse location) are this
 * machine's, in Spark's format.
 */
import { declaredSimpleString, declaredSql } from '../types/char-varchar.js';
import { resolve } from 'node:path';
import { DataFrame } from '../api/dataframe.js';
import { AnalysisException } from '../errors/index.js';
import { plan } from '../plan/nodes.js';
import type { SparkSession } from '../session/session.js';
import { SPARK_VERSION } from '../session/spark-version.js';
import { tableMetadata, type PartitionEntry, type TableMetadata } from '../session/table-metadata.js';
import { expectTableOrPermanentView, invalidPartitionColumn, partitionMetadataNotStored, partitionSpecMismatch, showCreateAsSerdeOfDataSourceTable } from './ddl-errors.js';
import { listPartitions, partitionPath, partitionsNotFound, resolveSpec, sameValues, type PartitionedTable, type PartitionValues } from './partitions.js';
import { STRING, StructField, StructType } from '../types/data-types.js';
import { createViewText, viewDetailRows } from './describe-view.js';

type Cell = string | null;

const DESCRIBE_SCHEMA = new StructType([new StructField('col_name', STRING, false), new StructField('data_type', STRING, false), new StructField('comment', STRING, true)]);

const commentOf = (f: StructField): string | null => (typeof f.metadata['comment'] === 'string' ? f.metadata['comment'] : null);

/** The catalog entry of a table or permanent view, or undefined for a temp view (temp views describe their columns only, as in Spark). */
function catalogTable(session: SparkSession, database: string | undefined, table: string): { db: string; table: string; meta: TableMetadata } | undefined {
  const rel = session.catalog.lookupRelation(database, table);
  if (rel.kind === 'view' && rel.permanent) {
    const { database: db, table: view } = rel.permanent;
    return { db, table: view, meta: tableMetadata(session.storage, db, view) ?? { partitionColumns: [], properties: {} } };
  }
  if (rel.kind !== 'table') return undefined;
  return { db: rel.database, table: rel.table, meta: tableMetadata(session.storage, rel.database, rel.table) ?? { partitionColumns: [], properties: {} } };
}

export function describeTable(
  session: SparkSession,
  database: string | undefined,
  table: string,
  extended: boolean,
  column?: readonly string[],
  partition?: readonly (readonly [string, string])[],
): DataFrame {
  const scanned = new DataFrame(session, plan('TableScan', { database, table })).schema.fields;
  const t = catalogTable(session, database, table);
  // A permanent view describes the columns it stored (names, types and comments as created).
  const fields = t?.meta.view ? session.storage.getTableSchema(t.db, t.table).fields : scanned;
  const part = partition ? checkPartition(session, database, table, fields, partition) : undefined;
  if (column) return describeColumn(session, fields, column, extended);
  const rows: Cell[][] = fields.map((f) => [f.name, declaredSimpleString(f), commentOf(f)]);
  if (t && t.meta.partitionColumns.length > 0) {
    const lower = t.meta.partitionColumns.map((c) => c.toLowerCase());
    rows.push(['# Partition Information', '', ''], ['# col_name', 'data_type', 'comment'], ...rows.filter((r) => lower.includes(String(r[0]).toLowerCase())));
  }
  if (extended && t && part) rows.push(...partitionDetails(session, part.table, part.entry));
  else if (extended && t) rows.push(['', '', ''], ['# Detailed Table Information', '', ''], ...detailRows(session, t.db, t.table, t.meta).map(([k, v]) => [k, v, '']));
  const defaults = t?.meta.defaults ?? {};
  const withDefault = fields.filter((f) => f.name in defaults);
  if (withDefault.length > 0) rows.push(['', '', ''], ['# Column Default Values', '', ''], ...withDefault.map((f) => [f.name, declaredSimpleString(f), defaults[f.name]!]));
  return session.createDataFrame(rows, DESCRIBE_SCHEMA);
}

/** `DESC t PARTITION (...)`: Spark's checks that the spec names one existing partition of a partitioned table. */
function checkPartition(
  session: SparkSession,
  database: string | undefined,
  table: string,
  fields: readonly StructField[],
  spec: readonly (readonly [string, string])[],
): { table: PartitionedTable; entry: PartitionEntry } {
  const t = catalogTable(session, database, table);
  if (!t || t.meta.view) {
    const name = [...(database !== undefined ? [database] : []), table].map((p) => '`' + p + '`').join('.');
    const objectType = t ? 'VIEW' : 'TEMPORARY VIEW';
    throw new AnalysisException(`The operation DESC PARTITION is not allowed on the ${objectType}: ${name}.`, {
      errorClass: 'FORBIDDEN_OPERATION',
      messageParameters: { statement: 'DESC PARTITION', objectType, objectName: name },
    });
  }
  const parts = t.meta.partitionColumns;
  if (parts.length === 0) {
    throw partitionMetadataNotStored('DESC PARTITION', t.table);
  }
  const ident = `\`spark_catalog\`.\`${t.db}\`.\`${t.table}\``;
  for (const [k] of spec) if (!parts.some((p) => p.toLowerCase() === k.toLowerCase())) throw invalidPartitionColumn(k, ident);
  if (spec.length !== parts.length) throw partitionSpecMismatch(spec.map(([k]) => k), parts, ident);
  const pt: PartitionedTable = { db: t.db, table: t.table, ident, meta: t.meta, fields: parts.map((p) => fields.find((f) => f.name.toLowerCase() === p.toLowerCase())!) };
  const wanted = resolveSpec(session, pt, spec.map(([key, value]) => ({ key, value })), true) as PartitionValues;
  const entry = listPartitions(session, pt).find((e) => sameValues(e.values, wanted));
  if (!entry) throw partitionsNotFound(pt, [wanted]);
  return { table: pt, entry };
}

function describeColumn(session: SparkSession, fields: readonly StructField[], column: readonly string[], extended: boolean): DataFrame {
  const f = column.length === 1 ? fields.find((x) => x.name.toLowerCase() === column[0]!.toLowerCase()) : undefined;
  if (!f) {
    const name = column.map((p) => '`' + p + '`').join('.');
    throw new AnalysisException(
      `The column ${name} cannot be found. Verify the spelling and correctness of the column name according to the SQL config "spark.sql.caseSensitive".`,
      { errorClass: 'COLUMN_NOT_FOUND', messageParameters: { colName: name, caseSensitiveConfig: '"spark.sql.caseSensitive"' } },
    );
  }
  const rows: string[][] = [['col_name', f.name], ['data_type', declaredSimpleString(f)], ['comment', commentOf(f) ?? 'NULL']];
  // Column statistics: sparkless computes none (Spark shows NULL until ANALYZE TABLE ... FOR COLUMNS).
  if (extended) for (const stat of ['min', 'max', 'num_nulls', 'distinct_count', 'avg_col_len', 'max_col_len', 'histogram']) rows.push([stat, 'NULL']);
  return session.createDataFrame(rows, new StructType([new StructField('info_name', STRING, false), new StructField('info_value', STRING, false)]));
}

/** `# Detailed Table Information` rows, in Spark's order, each only when it applies. */
export function detailRows(session: SparkSession, db: string, table: string, meta: TableMetadata): [string, string][] {
  if (meta.view) return viewDetailRows(db, table, meta, meta.view, javaDateString(meta.createdMs ?? Date.now()), sortedProperties(session, meta));
  const out: [string, string][] = [
    ['Catalog', 'spark_catalog'],
    ['Database', db.toLowerCase()],
    ['Table', table.toLowerCase()],
    ['Created Time', javaDateString(meta.createdMs ?? Date.now())],
    ['Last Access', 'UNKNOWN'],
    ['Created By', `Spark ${SPARK_VERSION}`],
    ['Type', meta.location !== undefined ? 'EXTERNAL' : 'MANAGED'],
    ['Provider', meta.provider ?? defaultProvider(session)],
  ];
  const b = meta.bucketSpec;
  if (b) out.push(['Num Buckets', String(b.numBuckets)], ['Bucket Columns', backquoted(b.bucketColumns)], ['Sort Columns', backquoted(b.sortColumns)]);
  if (meta.comment !== undefined) out.push(['Comment', meta.comment]);
  const props = sortedProperties(session, meta);
  if (props.length > 0) out.push(['Table Properties', `[${props.map(([k, v]) => `${k}=${v}`).join(', ')}]`]);
  out.push(['Location', tableLocation(session, db, table, meta)]);
  const options = redacted(session, Object.entries(meta.options ?? {}));
  if (options.length > 0) out.push(['Storage Properties', `[${options.map(([k, v]) => `${k}=${v}`).join(', ')}]`]);
  if (meta.partitionColumns.length > 0) out.push(['Partition Provider', 'Catalog']);
  return out;
}

const sortedProperties = (session: SparkSession, meta: TableMetadata): [string, string][] =>
  redacted(session, Object.entries(meta.properties)).sort(([a], [c]) => (a < c ? -1 : a > c ? 1 : 0));

const REDACTED = '*********(redacted)';

/** Spark's redaction of option and property values (`spark.redaction.regex` over key or value). */
export function redacted(session: SparkSession, entries: readonly (readonly [string, string])[]): [string, string][] {
  const source = session.conf.getOption('spark.redaction.regex') ?? '(?i)secret|password|token|access[.]key';
  const re = new RegExp(source.replace(/^\(\?i\)/, ''), source.startsWith('(?i)') ? 'i' : '');
  return entries.map(([k, v]) => [k, re.test(k) || re.test(v) ? REDACTED : v]);
}

const backquoted = (cols: readonly string[]): string => `[${cols.map((c) => '`' + c + '`').join(', ')}]`;

/** `CREATE TABLE` without `USING` records the session's default source (Spark's `spark.sql.sources.default`). */
export const defaultProvider = (session: SparkSession): string => session.conf.getOption('spark.sql.sources.default') ?? 'parquet';

/** A declared location as Spark qualifies it (`file:` + absolute path); else where the storage keeps the table, or Spark's warehouse layout. */
export function tableLocation(session: SparkSession, db: string, table: string, meta: TableMetadata): string {
  const declared = meta.location ?? meta.movedTo;
  if (declared !== undefined) return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(declared) ? declared : `file:${resolve(declared)}`;
  if (session.storage.tableLocation) return session.storage.tableLocation(db, table);
  const warehouse = resolve(session.conf.getOption('spark.sql.warehouse.dir') ?? 'spark-warehouse');
  const name = table.toLowerCase();
  return `file:${db.toLowerCase() === 'default' ? `${warehouse}/${name}` : `${warehouse}/${db.toLowerCase()}.db/${name}`}`;
}

/** Java's `Date.toString()` in this process's zone: `Mon Dec 07 03:19:37 UTC 2026`. */
export function javaDateString(ms: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      weekday: 'short',
      month: 'short',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      year: 'numeric',
      hourCycle: 'h23',
      timeZoneName: 'short',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return `${parts['weekday']} ${parts['month']} ${parts['day']} ${parts['hour']}:${parts['minute']}:${parts['second']} ${parts['timeZoneName']} ${parts['year']}`;
}

/** A name part as Spark's SHOW CREATE TABLE writes it: bare when it is a plain identifier, else backquoted. */
const quoteIfNeeded = (part: string): string => (/^[a-zA-Z0-9_]+$/.test(part) && !/^[0-9]+$/.test(part) ? part : '`' + part.replace(/`/g, '``') + '`');

const sqlString = (s: string): string => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const propertyLines = (entries: readonly [string, string][]): string =>
  [...entries]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `  ${sqlString(k)} = ${sqlString(v)}`)
    .join(',\n');

/** `SHOW CREATE TABLE t`: Spark 3.5's statement for a data source table (views and AS SERDE as Spark refuses or shows them). */
export function showCreateTable(session: SparkSession, database: string | undefined, table: string, asSerde: boolean, at: string): DataFrame {
  const t = catalogTable(session, database, table);
  // Spark refuses a temp view.
  if (!t) throw expectTableOrPermanentView(table, 'SHOW CREATE TABLE', at);
  const { meta } = t;
  if (meta.view) {
    const schema = session.storage.getTableSchema(t.db, t.table);
    const props = redacted(session, Object.entries(meta.properties));
    const text = createViewText(t.db, t.table, meta, meta.view.text, schema, { quote: quoteIfNeeded, sqlString, propertyLines, props });
    return session.createDataFrame([[text]], new StructType([new StructField('createtab_stmt', STRING, false)]));
  }
  const ident = `\`spark_catalog\`.\`${t.db.toLowerCase()}\`.\`${t.table.toLowerCase()}\``;
  if (asSerde) throw showCreateAsSerdeOfDataSourceTable(ident);
  const fields = session.catalog.lookupRelation(database, table);
  const schema = fields.kind === 'table' ? fields.schema : new StructType([]);
  const defaults = meta.defaults ?? {};
  const columns = schema.fields.map((f) => `  ${quoteIfNeeded(f.name)} ${declaredSql(f)}${f.name in defaults ? ` DEFAULT ${defaults[f.name]}` : ''}${commentOf(f) !== null ? ` COMMENT ${sqlString(commentOf(f)!)}` : ''}`);
  let text = `CREATE TABLE spark_catalog.${quoteIfNeeded(t.db.toLowerCase())}.${quoteIfNeeded(t.table.toLowerCase())} (\n${columns.join(',\n')})\n`;
  text += `USING ${meta.provider ?? defaultProvider(session)}\n`;
  const options = redacted(session, Object.entries(meta.options ?? {}));
  if (options.length > 0) text += `OPTIONS (\n${propertyLines(options)})\n`;
  if (meta.partitionColumns.length > 0) text += `PARTITIONED BY (${meta.partitionColumns.map(quoteIfNeeded).join(', ')})\n`;
  const b = meta.bucketSpec;
  if (b) {
    text += `CLUSTERED BY (${b.bucketColumns.map(quoteIfNeeded).join(', ')})\n`;
    if (b.sortColumns.length > 0) text += `SORTED BY (${b.sortColumns.map(quoteIfNeeded).join(', ')})\n`;
    text += `INTO ${b.numBuckets} BUCKETS\n`;
  }
  if (meta.comment !== undefined) text += `COMMENT ${sqlString(meta.comment)}\n`;
  if (meta.location !== undefined) text += `LOCATION ${sqlString(tableLocation(session, t.db, t.table, meta))}\n`;
  // Secrets are shown redacted, as in DESCRIBE; a property that is also an OPTIONS key is left out (Spark 3.5.7 does so).
  const props = redacted(session, Object.entries(meta.properties).filter(([k]) => !(k in (meta.options ?? {}))));
  if (props.length > 0) text += `TBLPROPERTIES (\n${propertyLines(props)})\n`;
  return session.createDataFrame([[text]], new StructType([new StructField('createtab_stmt', STRING, false)]));
}

/** Column types in SHOW CREATE TABLE: Spark's SQL type names (`ARRAY<STRUCT<x: INT>>`). */

/** DESCRIBE EXTENDED's `# Detailed Partition Information` and `# Storage Information` blocks. */
function partitionDetails(session: SparkSession, t: PartitionedTable, e: PartitionEntry): Cell[][] {
  const rows: [string, string][] = [['Database', t.db.toLowerCase()], ['Table', t.table.toLowerCase()], ...partitionInfoRows(session, t, e)];
  const storage: [string, string][] = [['Location', tableLocation(session, t.db, t.table, t.meta)]];
  const options = redacted(session, Object.entries(t.meta.options ?? {}));
  if (options.length > 0) storage.push(['Storage Properties', `[${options.map(([k, v]) => `${k}=${v}`).join(', ')}]`]);
  return [['', '', ''], ['# Detailed Partition Information', '', ''], ...rows.map(([k, v]) => [k, v, '']), ['', '', ''], ['# Storage Information', '', ''], ...storage.map(([k, v]) => [k, v, ''])];
}

/** A partition's `Partition Values`, `Location`, `Storage Properties`, `Created Time`, `Last Access` (Spark's order). */
export function partitionInfoRows(session: SparkSession, t: PartitionedTable, e: PartitionEntry): [string, string][] {
  const values = t.fields.map((f, i) => `${f.name}=${e.values[i] ?? '__HIVE_DEFAULT_PARTITION__'}`).join(', ');
  const location = e.location !== undefined ? (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(e.location) ? e.location : `file:${e.location}`) : `${tableLocation(session, t.db, t.table, t.meta)}/${partitionPath(t.fields, e.values)}`;
  const rows: [string, string][] = [['Partition Values', `[${values}]`], ['Location', location]];
  const options = redacted(session, Object.entries(t.meta.options ?? {}));
  if (options.length > 0) rows.push(['Storage Properties', `[${options.map(([k, v]) => `${k}=${v}`).join(', ')}]`]);
  // A partition only its rows define has no recorded time: the table's.
  rows.push(['Created Time', javaDateString(e.createdMs ?? t.meta.createdMs ?? Date.now())], ['Last Access', 'UNKNOWN']);
  return rows;
}
