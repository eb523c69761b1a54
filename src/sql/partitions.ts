/**
 * The partitions of a v1 (session catalog, file source) table, as Spark's
 * catalog holds them: those of the stored rows plus the ones the catalog
 * records without rows (ADD PARTITION, a static INSERT of no rows, TRUNCATE),
 * kept in the table's metadata (`partitions`). Also the resolution of a
 * `PARTITION (k = v, ...)` clause against the table, with Spark's errors, and
 * the rewrite of a table's rows that the partition commands share.
 */
import { DataFrame } from '../api/dataframe.js';
import { createExecContext } from '../backend/memory/context.js';
import { ansiCastValue } from '../backend/memory/expressions/ansi-cast.js';
import { makeBatch, type Batch } from '../data/batch.js';
import { AnalysisException } from '../errors/index.js';
import { castToString } from '../format/value-string.js';
import { plan } from '../plan/nodes.js';
import type { SparkSession } from '../session/session.js';
import { setTableMetadata, tableMetadata, type PartitionEntry, type TableMetadata } from '../session/table-metadata.js';
import { STRING, StringType, type StructField } from '../types/data-types.js';
import type { PartitionSpecAst } from './ast.js';
import { invalidPartitionColumn, partitionSpecMismatch } from './ddl-errors.js';
import { lookup } from './show-commands.js';

/** A partition's values in partition-column order: Spark's string form, null for NULL. */
export type PartitionValues = readonly (string | null)[];

/** A resolved spec: one slot per partition column, undefined where the clause leaves the column out (or gives no value). */
export type ResolvedSpec = readonly (string | null | undefined)[];

export interface PartitionedTable {
  readonly db: string;
  readonly table: string;
  /** `` `spark_catalog`.`db`.`t` `` */
  readonly ident: string;
  readonly meta: TableMetadata;
  /** The partition columns' fields, in PARTITIONED BY order. */
  readonly fields: readonly StructField[];
}

/** What a partition command says when it meets a temp view or an unpartitioned table. */
export interface Refusals {
  readonly view: (written: string, at: string) => AnalysisException;
  readonly unpartitioned: (t: { db: string; table: string; ident: string }) => AnalysisException;
}

/** The table `parts` names, checked to be a partitioned table. */
export function partitionedTable(session: SparkSession, parts: readonly string[], at: string, refuse: Refusals): PartitionedTable {
  const rel = lookup(session, parts, at);
  if (rel.kind !== 'table') throw refuse.view(parts.join('.'), at);
  const ident = `\`spark_catalog\`.\`${rel.database}\`.\`${rel.table}\``;
  const meta = tableMetadata(session.storage, rel.database, rel.table) ?? { partitionColumns: [], properties: {} };
  if (meta.partitionColumns.length === 0) throw refuse.unpartitioned({ db: rel.database, table: rel.table, ident });
  const fields = meta.partitionColumns.map((p) => rel.schema.fields.find((f) => f.name.toLowerCase() === p.toLowerCase())!);
  return { db: rel.database, table: rel.table, ident, meta, fields };
}

/** Spark's string form of a partition value: the text cast to the column's type (a malformed value is CAST_INVALID_INPUT, ANSI or not). */
function normalize(session: SparkSession, text: string, field: StructField): string {
  if (field.dataType instanceof StringType) return text;
  const ctx = createExecContext({ timeZone: session.timeZone, ansiEnabled: true });
  return castToString(ansiCastValue(STRING, field.dataType, ctx)(text), field.dataType, session.timeZone);
}

/**
 * A PARTITION clause against the table: keys must be partition columns, values are normalized to
 * the column's type; `full` requires every partition column (Spark's "Partition spec is invalid").
 */
export function resolveSpec(session: SparkSession, t: PartitionedTable, spec: PartitionSpecAst, full: boolean): ResolvedSpec {
  const out: (string | null | undefined)[] = t.fields.map(() => undefined);
  for (const { key, value } of spec) {
    const at = t.fields.findIndex((f) => f.name.toLowerCase() === key.toLowerCase());
    if (at < 0) throw invalidPartitionColumn(key, t.ident);
    out[at] = value === undefined || value === null ? value : normalize(session, value, t.fields[at]!);
  }
  if (full && (spec.length !== t.fields.length || out.some((v) => v === undefined))) {
    throw partitionSpecMismatch(spec.map((e) => e.key), t.fields.map((f) => f.name), t.ident);
  }
  return out;
}

const HIVE_NULL = '__HIVE_DEFAULT_PARTITION__';

/** PARTITIONS_NOT_FOUND naming the specs as Spark prints them. */
export function partitionsNotFound(t: PartitionedTable, specs: readonly (readonly (string | null | undefined)[])[]): AnalysisException {
  const list = specs.map((s) => specText(t, s)).join(', ');
  return new AnalysisException(
    `The partition(s) ${list} cannot be found in table ${`\`${t.db}\`.\`${t.table}\``}.\nVerify the partition specification and table name.\nTo tolerate the error on drop use ALTER TABLE … DROP IF EXISTS PARTITION.`,
    { errorClass: 'PARTITIONS_NOT_FOUND', messageParameters: { partitionList: list, tableName: `\`${t.db}\`.\`${t.table}\`` } },
  );
}

/** `PARTITION (`a` = 1, `b` = x)` as Spark's partition errors print a spec (only the columns it gives). */
export function specText(t: PartitionedTable, spec: ResolvedSpec): string {
  const items = t.fields.flatMap((f, i) => (spec[i] === undefined ? [] : [`\`${f.name}\` = ${spec[i] === null ? HIVE_NULL : spec[i]}`]));
  return `PARTITION (${items.join(', ')})`;
}

export function matches(spec: ResolvedSpec, values: PartitionValues): boolean {
  return spec.every((v, i) => v === undefined || v === values[i]);
}

export const sameValues = (a: PartitionValues, b: PartitionValues): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** Characters Hive escapes (as `%XX`) in partition path values. */
const ESCAPED = /[\u0001-\u001f"#%'*/:=?\\\u007f{[\]^]/g;
const escapePath = (s: string): string => s.replace(ESCAPED, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));

/** `k=v/k2=v2`, Hive-escaped, as SHOW PARTITIONS lists a partition. */
export function partitionPath(fields: readonly StructField[], values: PartitionValues): string {
  return fields.map((f, i) => `${f.name}=${values[i] === null ? HIVE_NULL : escapePath(values[i]!)}`).join('/');
}

/** The table's rows and, per row, its partition values. */
function rowsOf(session: SparkSession, t: PartitionedTable): { data: Batch; values: PartitionValues[] } {
  const data = new DataFrame(session, plan('TableScan', { database: t.db, table: t.table })).executeBatch();
  const cols = t.fields.map((f) => data.columns[data.schema.fields.findIndex((x) => x.name === f.name)]!);
  const values: PartitionValues[] = [];
  for (let r = 0; r < data.numRows; r++) {
    values.push(t.fields.map((f, i) => (cols[i]![r] === null || cols[i]![r] === undefined ? null : castToString(cols[i]![r], f.dataType, session.timeZone))));
  }
  return { data, values };
}

/** Every partition of the table (rows' and recorded ones), each once, sorted by path as Spark lists them. */
export function listPartitions(session: SparkSession, t: PartitionedTable): PartitionEntry[] {
  const byPath = new Map<string, PartitionEntry>();
  for (const e of t.meta.partitions ?? []) byPath.set(partitionPath(t.fields, e.values), e);
  for (const values of rowsOf(session, t).values) {
    const path = partitionPath(t.fields, values);
    if (!byPath.has(path)) byPath.set(path, { values });
  }
  return [...byPath.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
}

/**
 * Rewrites the table in one storage commit (the file backend replaces its registry atomically, so a
 * failure leaves the old rows): `keep` chooses the stored rows to keep, `rename` may give a row new
 * partition values, `added` rows (already in the table's schema) are appended. Then records `partitions`.
 */
export function rewriteTable(
  session: SparkSession,
  t: PartitionedTable,
  change: { keep?: (values: PartitionValues) => boolean; rename?: (values: PartitionValues) => PartitionValues | undefined; added?: Batch },
  partitions: readonly PartitionEntry[],
): void {
  const { data, values } = rowsOf(session, t);
  const schema = data.schema;
  const partIdx = t.fields.map((f) => schema.fields.findIndex((x) => x.name === f.name));
  const columns: unknown[][] = schema.fields.map(() => []);
  for (let r = 0; r < data.numRows; r++) {
    if (change.keep && !change.keep(values[r]!)) continue;
    const renamed = change.rename?.(values[r]!);
    schema.fields.forEach((_, c) => columns[c]!.push(data.columns[c]![r]));
    if (renamed) {
      // The new values are Spark's string forms: cast back to each partition column's type.
      const ctx = createExecContext({ timeZone: session.timeZone, ansiEnabled: true });
      partIdx.forEach((c, i) => {
        const v = renamed[i];
        const col = columns[c]!;
        col[col.length - 1] = v === null || v === undefined ? null : t.fields[i]!.dataType instanceof StringType ? v : ansiCastValue(STRING, t.fields[i]!.dataType, ctx)(v);
      });
    }
  }
  if (change.added) change.added.columns.forEach((col, c) => columns[c]!.push(...col));
  session.storage.insertData(t.db, t.table, makeBatch(schema, columns), 'overwrite');
  recordPartitions(session, t, partitions);
}

/** Records the catalog's partitions without rows (`partitions`), keeping the rest of the table's metadata. */
export function recordPartitions(session: SparkSession, t: PartitionedTable, partitions: readonly PartitionEntry[]): void {
  const meta = tableMetadata(session.storage, t.db, t.table) ?? t.meta;
  const unique = partitions.filter((e, i) => partitions.findIndex((x) => sameValues(x.values, e.values)) === i);
  setTableMetadata(session.storage, t.db, t.table, { ...meta, partitions: unique });
}

/** A partitioned table's partitions (undefined for an unpartitioned one). */
export function partitionsOf(session: SparkSession, db: string, table: string): { table: PartitionedTable; partitions: ReturnType<typeof listPartitions> } | undefined {
  const meta = tableMetadata(session.storage, db, table);
  if (!meta || meta.partitionColumns.length === 0) return undefined;
  const schema = session.storage.getTableSchema(db, table);
  const fields = meta.partitionColumns.map((p) => schema.fields.find((f) => f.name.toLowerCase() === p.toLowerCase())!);
  const t: PartitionedTable = { db, table, ident: `\`spark_catalog\`.\`${db}\`.\`${table}\``, meta, fields };
  return { table: t, partitions: listPartitions(session, t) };
}
