/**
 * `CREATE TABLE [IF NOT EXISTS] t LIKE source [USING p] [LOCATION l] [TBLPROPERTIES (...)]`, as Spark 3.5.7
 * runs it: the new table takes the source's columns (declared char/varchar types and comments kept),
 * partitioning, bucketing and provider (USING overrides it), but not its comment or properties; no rows.
 */
import { DataFrame } from '../api/dataframe.js';
import { AnalysisException } from '../errors/index.js';
import type { SparkSession } from '../session/session.js';
import { tableMetadata } from '../session/table-metadata.js';
import { CHAR_VARCHAR_KEY } from '../types/char-varchar.js';
import type { ColumnDef } from './ast.js';
import type { SqlCommand } from './parse.js';

type LikeCommand = Extract<SqlCommand, { kind: 'createTableLike' }>;
type CreateCommand = Extract<SqlCommand, { kind: 'createTable' }>;

/** The CREATE TABLE that `c` stands for, its columns and layout read from the source. */
export function likeAsCreate(session: SparkSession, c: LikeCommand): CreateCommand {
  const table = c.source[c.source.length - 1]!;
  const database = c.source.length >= 2 ? c.source[c.source.length - 2]! : undefined;
  const src = session.catalog.lookupRelation(database, table);
  const schema = src.kind === 'table' ? session.storage.getTableSchema(src.database, src.table) : new DataFrame(session, src.plan).schema;
  const meta = src.kind === 'table' ? tableMetadata(session.storage, src.database, src.table) : undefined;
  const columns: ColumnDef[] = schema.fields.map((f) => ({
    name: f.name,
    dataType: f.dataType,
    nullable: true,
    ...(typeof f.metadata['comment'] === 'string' ? { comment: f.metadata['comment'] } : {}),
    ...(typeof f.metadata[CHAR_VARCHAR_KEY] === 'string' ? { charVarchar: f.metadata[CHAR_VARCHAR_KEY] } : {}),
  }));
  const db = c.name.length >= 2 ? c.name[c.name.length - 2]! : session.catalog.currentDatabase();
  const name = c.name[c.name.length - 1]!;
  if (!c.ifNotExists && session.storage.schemaExists(db) && session.storage.tableExists(db, name)) {
    const relationName = `\`${db}\`.\`${name}\``;
    throw new AnalysisException(
      `Cannot create table or view ${relationName} because it already exists.\nChoose a different name, drop or replace the existing object, or add the IF NOT EXISTS clause to tolerate pre-existing objects.`,
      { errorClass: 'TABLE_OR_VIEW_ALREADY_EXISTS', messageParameters: { relationName } },
    );
  }
  const provider = c.provider ?? meta?.provider;
  return {
    kind: 'createTable',
    name: c.name,
    replace: false,
    ifNotExists: c.ifNotExists,
    columns,
    ...(provider !== undefined ? { provider } : {}),
    clauses: {
      options: [],
      partitionColumns: meta?.partitionColumns ?? [],
      ...(meta?.bucketSpec ? { bucketSpec: meta.bucketSpec } : {}),
      ...(c.location !== undefined ? { location: c.location } : {}),
      properties: c.properties,
    },
  };
}
