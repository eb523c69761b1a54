/**
 * Spark 3.5's partition commands on v1 tables: `ALTER TABLE t ADD | DROP
 * PARTITION`, `... PARTITION (...) RENAME TO PARTITION (...)`, `... PARTITION
 * (...) SET LOCATION`, `RECOVER PARTITIONS` / `MSCK REPAIR TABLE` and
 * `TRUNCATE TABLE t PARTITION (...)`, with Spark's errors
 * (PARTITIONS_ALREADY_EXIST, PARTITIONS_NOT_FOUND, NOT_A_PARTITIONED_TABLE, ...).
 * Each checks every spec before changing anything, so a failing command changes nothing.
 */
import { AnalysisException } from '../errors/index.js';
import type { SparkSession } from '../session/session.js';
import type { PartitionAction } from './ast.js';
import { expectTableNotView, partitionMetadataNotStored, truncatePartitionOfUnpartitioned } from './ddl-errors.js';
import type { SqlCommand } from './parse.js';
import {
  listPartitions,
  matches,
  partitionedTable,
  recordPartitions,
  resolveSpec,
  rewriteTable,
  sameValues,
  partitionsNotFound as notFound,
  specText,
  type PartitionedTable,
  type PartitionValues,
  type Refusals,
} from './partitions.js';

type PartitionCommand = Extract<SqlCommand, { kind: 'partitionCommand' }>;

const tableName = (t: { db: string; table: string }): string => `\`${t.db}\`.\`${t.table}\``;

function alreadyExist(t: PartitionedTable, specs: readonly PartitionValues[]): AnalysisException {
  const list = specs.map((s) => specText(t, s)).join(', ');
  return new AnalysisException(
    `Cannot ADD or RENAME TO partition(s) ${list} in table ${tableName(t)} because they already exist.\nChoose a different name, drop the existing partition, or add the IF NOT EXISTS clause to tolerate a pre-existing partition.`,
    { errorClass: 'PARTITIONS_ALREADY_EXIST', messageParameters: { partitionList: list, tableName: tableName(t) } },
  );
}


/** Spark's refusals of each command on a temp view or an unpartitioned table. */
function refusals(a: PartitionAction): Refusals {
  const notInMetastore = (op: string) => (t: { table: string }) => partitionMetadataNotStored(op, t.table);
  const alterView = (op: string) => (w: string, at: string) => expectTableNotView(w, `ALTER TABLE ... ${op}`, true, at);
  switch (a.kind) {
    case 'add':
      return { view: alterView('ADD PARTITION ...'), unpartitioned: notInMetastore('ALTER TABLE ADD PARTITION') };
    case 'drop':
      return { view: alterView('DROP PARTITION ...'), unpartitioned: notInMetastore('ALTER TABLE DROP PARTITION') };
    case 'rename':
      return { view: alterView('RENAME TO PARTITION'), unpartitioned: notInMetastore('ALTER TABLE RENAME PARTITION') };
    case 'setLocation':
      return { view: alterView('SET LOCATION ...'), unpartitioned: notInMetastore('ALTER TABLE ... SET LOCATION') };
    case 'truncate':
      return {
        view: (w, at) => expectTableNotView(w, 'TRUNCATE TABLE', false, at),
        unpartitioned: (t) => truncatePartitionOfUnpartitioned(t.ident),
      };
    case 'recover':
      return {
        view: (w, at) => (a.command === 'MSCK REPAIR TABLE' ? expectTableNotView(w, 'MSCK REPAIR TABLE', false, at) : alterView('RECOVER PARTITIONS')(w, at)),
        unpartitioned: (t) =>
          new AnalysisException(`Operation ${a.command} is not allowed for ${t.ident} because it is not a partitioned table.`, {
            errorClass: 'NOT_A_PARTITIONED_TABLE',
            messageParameters: { operation: a.command, tableIdentWithDB: t.ident },
          }),
      };
  }
}

export function runPartitionCommand(session: SparkSession, c: PartitionCommand): void {
  const a = c.action;
  const t = partitionedTable(session, c.name, c.at, refusals(a));
  const existing = listPartitions(session, t);
  const exists = (v: PartitionValues): boolean => existing.some((e) => sameValues(e.values, v));
  const recorded = t.meta.partitions ?? [];
  const full = (s: readonly (string | null | undefined)[]): PartitionValues => s as PartitionValues;
  switch (a.kind) {
    case 'add': {
      const createdMs = Date.now();
      const added = a.partitions.map((p) => ({ values: full(resolveSpec(session, t, p.spec, true)), ...(p.location !== undefined ? { location: p.location } : {}), createdMs }));
      const clash = added.filter((p) => exists(p.values));
      if (clash.length > 0 && !a.ifNotExists) throw alreadyExist(t, clash.map((p) => p.values));
      recordPartitions(session, t, [...recorded, ...added.filter((p) => !exists(p.values))]);
      return;
    }
    case 'drop': {
      const specs = a.specs.map((s) => resolveSpec(session, t, s, false));
      // A spec names one partition: all its columns must match (Spark does not drop by a prefix).
      const missing = specs.filter((s) => !s.every((v) => v !== undefined) || !exists(full(s)));
      if (missing.length > 0 && !a.ifExists) throw notFound(t, missing);
      const dropped = (v: PartitionValues): boolean => specs.some((s) => s.every((x) => x !== undefined) && matches(s, v));
      rewriteTable(session, t, { keep: (v) => !dropped(v) }, recorded.filter((e) => !dropped(e.values)));
      return;
    }
    case 'rename': {
      const from = full(resolveSpec(session, t, a.from, true));
      const to = full(resolveSpec(session, t, a.to, true));
      if (!exists(from)) throw notFound(t, [from]);
      if (exists(to)) throw alreadyExist(t, [to]);
      const old = existing.find((e) => sameValues(e.values, from))!;
      const entries = [...recorded.filter((e) => !sameValues(e.values, from)), { ...old, values: to }];
      rewriteTable(session, t, { rename: (v) => (sameValues(v, from) ? to : undefined) }, entries);
      return;
    }
    case 'setLocation': {
      const spec = full(resolveSpec(session, t, a.spec, true));
      if (!exists(spec)) throw notFound(t, [spec]);
      // The location is recorded (DESCRIBE ... PARTITION shows it); the rows stay in sparkless's storage.
      const old = existing.find((e) => sameValues(e.values, spec))!;
      recordPartitions(session, t, [...recorded.filter((e) => !sameValues(e.values, spec)), { ...old, location: a.location }]);
      return;
    }
    case 'truncate': {
      const spec = resolveSpec(session, t, a.spec, false);
      const hit = existing.filter((e) => matches(spec, e.values));
      // A full spec must name an existing partition; a partial one truncates whatever it matches.
      if (spec.every((v) => v !== undefined) && hit.length === 0) throw notFound(t, [spec]);
      // Truncated partitions stay in the catalog, without rows.
      rewriteTable(session, t, { keep: (v) => !matches(spec, v) }, [...recorded, ...hit]);
      return;
    }
    case 'recover':
      // The catalog's partitions are always those of the stored rows (and the ones recorded
      // without rows): there are no partition directories written outside sparkless to discover.
      return;
  }
}
