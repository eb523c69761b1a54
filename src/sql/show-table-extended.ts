/**
 * `SHOW TABLE EXTENDED [{IN | FROM} db] LIKE 'pattern' [PARTITION (...)]` in Spark 3.5's shape
 * (namespace, tableName, isTemporary, information): a table's `information` is DESCRIBE EXTENDED's
 * detailed rows as `Key: value` lines plus its partition columns and schema tree; a temp view's
 * its creation, type and (over a query) the query's text; with PARTITION, one table's partition.
 */
import { DataFrame } from '../api/dataframe.js';
import { AnalysisException } from '../errors/index.js';
import { formatSchemaTree } from '../format/print-schema.js';
import type { SparkSession } from '../session/session.js';
import { tableMetadata } from '../session/table-metadata.js';
import { matchesPattern } from '../session/name-pattern.js';
import { tableNotFound } from '../session/catalog.js';
import { BOOLEAN, STRING, StructField, StructType } from '../types/data-types.js';
import { detailRows, javaDateString, partitionInfoRows } from './describe-table.js';
import { partitionMetadataNotStored } from './ddl-errors.js';
import type { SqlCommand } from './parse.js';
import { listPartitions, partitionedTable, partitionsNotFound, resolveSpec, sameValues, type PartitionValues } from './partitions.js';
import { viewInfo } from './view-info.js';

type Command = Extract<SqlCommand, { kind: 'showTableExtended' }>;

const SCHEMA = new StructType([
  new StructField('namespace', STRING, false),
  new StructField('tableName', STRING, false),
  new StructField('isTemporary', BOOLEAN, false),
  new StructField('information', STRING, false),
]);

const text = (lines: readonly (readonly [string, string])[]): string => lines.map(([k, v]) => `${k}: ${v}\n`).join('');
const backquoted = (cols: readonly string[]): string => `[${cols.map((c) => '`' + c + '`').join(', ')}]`;

export function showTableExtended(session: SparkSession, c: Command): DataFrame {
  const db = c.database ?? session.catalog.currentDatabase();
  if (c.partition) return partitionRow(session, db, c);
  const rows = session.catalog
    .listTables(db)
    .filter((t) => matchesPattern(t.name, c.pattern))
    .map((t) => {
      const namespace = t.isTemporary ? (t.namespace ?? []).join('.') : db.toLowerCase();
      return [namespace, t.name, t.isTemporary, t.isTemporary ? viewInformation(session, namespace, t.name) : tableInformation(session, db, t.name)];
    });
  return session.createDataFrame(rows, SCHEMA);
}

function tableInformation(session: SparkSession, db: string, table: string): string {
  const meta = tableMetadata(session.storage, db, table) ?? { partitionColumns: [], properties: {} };
  const schema = session.storage.getTableSchema(db, table);
  const lines = detailRows(session, db, table, meta);
  if (meta.partitionColumns.length > 0) lines.push(['Partition Columns', backquoted(meta.partitionColumns)]);
  lines.push(['Schema', formatSchemaTree(schema)]);
  return text(lines);
}

function viewInformation(session: SparkSession, namespace: string, name: string): string {
  const rel = session.catalog.lookupRelation(namespace === '' ? undefined : namespace, name);
  if (rel.kind !== 'view') throw new AnalysisException(`internal: ${name} is not a view`);
  const info = viewInfo(rel.plan);
  const lines: [string, string][] = [
    ['Table', name],
    ['Created Time', javaDateString(info?.createdMs ?? Date.now())],
    ['Last Access', 'UNKNOWN'],
    // Spark leaves a temp view's creator version empty.
    ['Created By', 'Spark '],
    ['Type', 'VIEW'],
  ];
  const q = info?.query;
  if (q) lines.push(['View Text', q.text], ['View Catalog and Namespace', `spark_catalog.${q.database}`], ['View Query Output Columns', `[${q.columns.join(', ')}]`]);
  lines.push(['Schema', formatSchemaTree(new DataFrame(session, rel.plan).schema)]);
  return text(lines);
}

/** With PARTITION the pattern names one table (no wildcards), and the spec one of its partitions. */
function partitionRow(session: SparkSession, db: string, c: Command): DataFrame {
  const exists = session.storage.schemaExists(db) && session.storage.tableExists(db, c.pattern);
  if (!exists) throw tableNotFound([db, c.pattern]);
  const t = partitionedTable(session, [db, c.pattern], '', {
    // Temp views are not looked up here (the name is qualified with the database).
    view: (w) => new AnalysisException(`internal: ${w} is a temp view`),
    unpartitioned: ({ table }) => partitionMetadataNotStored('SHOW TABLE EXTENDED', table),
  });
  const spec = resolveSpec(session, t, c.partition!, true) as PartitionValues;
  const entry = listPartitions(session, t).find((e) => sameValues(e.values, spec));
  if (!entry) throw partitionsNotFound(t, [spec]);
  return session.createDataFrame([[t.db, t.table, false, text(partitionInfoRows(session, t, entry))]], SCHEMA);
}
