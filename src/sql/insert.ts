/**
 * `INSERT INTO | OVERWRITE [TABLE] t [PARTITION (k = v, k2, ...)] [(cols)] query`
 * on v1 tables, as Spark 3.5 runs it: the query's columns are cast to the
 * table's types (by position, or by the column list, the rest taking their
 * DEFAULT); a static partition value fills its column, the query supplies the
 * data columns then the dynamic partition columns. OVERWRITE replaces the
 * partitions the static values select (`spark.sql.sources.partitionOverwriteMode`
 * = static, the default) or only those the new rows fall in (dynamic).
 */
import { DataFrame } from '../api/dataframe.js';
import { makeBatch } from '../data/batch.js';
import { AnalysisException, NotImplementedException } from '../errors/index.js';
import { E, type Expr } from '../expr/nodes.js';
import { plan } from '../plan/nodes.js';
import type { SparkSession } from '../session/session.js';
import { tableMetadata } from '../session/table-metadata.js';
import { enforceCharVarchar } from '../types/char-varchar.js';
import { STRING } from '../types/data-types.js';
import { defaultValue } from './column-defaults.js';
import { partitionOrdering } from './ddl-errors.js';
import type { SqlCommand } from './parse.js';
import { matches, partitionPath, recordPartitions, resolveSpec, rewriteTable, sameValues, type PartitionedTable, type PartitionValues, type ResolvedSpec } from './partitions.js';

type InsertCommand = Extract<SqlCommand, { kind: 'insert' }>;

const quoted = (parts: readonly string[]): string => parts.map((p) => '`' + p + '`').join('.');

export function insertInto(session: SparkSession, c: InsertCommand): void {
  const table = c.name[c.name.length - 1]!;
  const database = c.name.length >= 2 ? c.name[c.name.length - 2]! : undefined;
  const target = session.catalog.lookupRelation(database, table);
  if (target.kind === 'view' && target.permanent) {
    const identifier = `\`spark_catalog\`.\`${target.permanent.database}\`.\`${target.permanent.table}\``;
    throw new AnalysisException(`Inserting into a view is not allowed. View: ${identifier}.`, { errorClass: '_LEGACY_ERROR_TEMP_1010', messageParameters: { identifier } });
  }
  if (target.kind !== 'table') {
    throw new AnalysisException(`${quoted(c.name)} is a view; inserting into a view is not allowed.`, { errorClass: 'UNSUPPORTED_INSERT.NOT_ALLOWED' });
  }
  const fields = target.schema.fields;
  const meta = tableMetadata(session.storage, target.database, target.table) ?? { partitionColumns: [], properties: {} };
  const t: PartitionedTable = {
    db: target.database,
    table: target.table,
    ident: `\`spark_catalog\`.\`${target.database}\`.\`${target.table}\``,
    meta,
    fields: meta.partitionColumns.map((p) => fields.find((f) => f.name.toLowerCase() === p.toLowerCase())!),
  };
  // Without a PARTITION clause every partition column is dynamic.
  const spec: ResolvedSpec = c.partition ? resolveSpec(session, t, c.partition, false) : t.fields.map(() => undefined);
  const firstDynamic = spec.findIndex((v) => v === undefined);
  if (firstDynamic >= 0 && spec.slice(firstDynamic).some((v) => v !== undefined)) {
    throw partitionOrdering(t.fields.map((f) => f.name));
  }
  const staticAt = (name: string): number => {
    const i = t.fields.findIndex((f) => f.name === name);
    return i >= 0 && spec[i] !== undefined ? i : -1;
  };
  const written = fields.filter((f) => staticAt(f.name) < 0);
  const source = new DataFrame(session, c.query);
  const width = source.columns.length;
  const listed = c.columns ?? written.map((f) => f.name);
  if (width !== listed.length) {
    const too = width > listed.length;
    throw new AnalysisException(
      `Cannot write to ${t.ident}, the reason is ${too ? 'too many data columns' : 'not enough data columns'}:\nTable columns: ${listed.map((n) => `\`${n}\``).join(', ')}.\nData columns: ${source.columns.map((n) => `\`${n}\``).join(', ')}.`,
      { errorClass: too ? 'INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS' : 'INSERT_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS' },
    );
  }
  const exprs: Expr[] = fields.map((f) => {
    const s = staticAt(f.name);
    // A static partition value is already Spark's string form of the column's type.
    if (s >= 0) return E.alias(E.cast(E.lit(spec[s], STRING), f.dataType), f.name);
    const at = listed.findIndex((n) => n.toLowerCase() === f.name.toLowerCase());
    // A column the list leaves out takes its DEFAULT (NULL without one).
    if (c.columns && at < 0) return E.alias(defaultValue(meta.defaults, f.name, f.dataType), f.name);
    if (at < 0) throw new NotImplementedException('INSERT with unmatched columns');
    return E.alias(E.cast(E.bound(at, `#${at}`, STRING, true), f.dataType), f.name);
  });
  const df = new DataFrame(session, plan('Project', { input: c.query, exprs }));
  if (t.fields.length === 0) {
    df.write.insertInto(quoted([t.db, t.table]), c.overwrite);
    return;
  }
  const rows = df.executeBatch();
  const added = enforceCharVarchar(target.schema, makeBatch(target.schema, rows.columns));
  const recorded = meta.partitions ?? [];
  // A fully static spec creates its partition even when no row lands in it.
  const full = spec.every((v) => v !== undefined) ? [{ values: spec as PartitionValues, createdMs: Date.now() }] : [];
  if (!c.overwrite) {
    // An append adds a storage part (one commit) without rewriting the stored rows.
    session.storage.insertData(t.db, t.table, added, 'append');
    if (full.length > 0 && !recorded.some((e) => sameValues(e.values, full[0]!.values))) recordPartitions(session, t, [...recorded, ...full]);
    return;
  }
  const dynamic = (session.conf.getOption('spark.sql.sources.partitionOverwriteMode') ?? 'static').toLowerCase() === 'dynamic' && full.length === 0;
  if (!dynamic) {
    // Static overwrite: every partition the static values select goes, rows and recorded entries.
    rewriteTable(session, t, { keep: (v) => !matches(spec, v), added }, [...recorded.filter((e) => !matches(spec, e.values)), ...full]);
    return;
  }
  // Dynamic overwrite: only the partitions the new rows fall in are replaced.
  const partIdx = t.fields.map((f) => target.schema.fields.findIndex((x) => x.name === f.name));
  const hit = new Set<string>();
  const probe = new DataFrame(session, plan('Project', { input: df.plan, exprs: partIdx.map((c, i) => E.alias(E.cast(E.bound(c, `#${c}`, t.fields[i]!.dataType, true), STRING), `p${i}`)) })).executeBatch();
  for (let r = 0; r < probe.numRows; r++) hit.add(partitionPath(t.fields, probe.columns.map((col) => (col[r] ?? null) as string | null)));
  rewriteTable(session, t, { keep: (v) => !hit.has(partitionPath(t.fields, v)), added }, recorded);
}
