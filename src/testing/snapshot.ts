/**
 * A snapshot serializer for DataFrames: `expect(df).toMatchSnapshot()` stores the
 * schema tree and the `show()` table. Rows of an unordered frame are sorted
 * first, so the snapshot does not change when an engine returns rows in another
 * order; a frame whose plan ends in a sort keeps its order.
 */
import { DataFrame } from '../api/dataframe.js';
import { makeBatch } from '../data/batch.js';
import { formatSchemaTree } from '../format/print-schema.js';
import { formatShow } from '../format/show.js';
import type { LogicalPlan } from '../plan/nodes.js';
import { batchToRows } from '../types/values.js';
import { canonicalize, compareCanonRows } from './canonical.js';
import { liveInput } from './frames.js';

export interface DataFrameSnapshotOptions {
  /** Rows written to the snapshot (default 1000); the footer says when there are more. */
  readonly maxRows?: number;
}

/** Does the plan fix the row order (a sort, possibly under order-preserving nodes)? */
export function isOrderedPlan(p: LogicalPlan): boolean {
  switch (p.kind) {
    case 'Sort':
    case 'Range':
      return true;
    case 'Project':
    case 'Filter':
    case 'Limit':
    case 'Offset':
    case 'SubqueryAlias':
    case 'Hint':
    case 'WithColumns':
    case 'WithColumnsRenamed':
    case 'Drop':
    case 'ToDF':
      return isOrderedPlan(p.input);
    default:
      return false;
  }
}

/** The snapshot text of a DataFrame. */
export function formatDataFrameSnapshot(df: DataFrame, options: DataFrameSnapshotOptions = {}): string {
  df = liveInput(df);
  const maxRows = options.maxRows ?? 1000;
  const batch = df.executeBatch();
  const ordered = isOrderedPlan(df.plan);
  let shown = batch;
  if (!ordered && batch.numRows > 1) {
    const timeZone = df.sparkSession.timeZone;
    const types = batch.schema.fields.map((f) => f.dataType);
    const canon = batchToRows(batch).map((r) => r.toArray().map((v, c) => canonicalize(v, types[c], { timeZone })));
    const order = canon.map((_, i) => i).sort((x, y) => compareCanonRows(canon[x]!, canon[y]!) || x - y);
    shown = makeBatch(
      batch.schema,
      batch.columns.map((col) => order.map((i) => col[i])),
    );
  }
  const head = `DataFrame: ${batch.numRows} ${batch.numRows === 1 ? 'row' : 'rows'}, ${ordered ? 'ordered' : 'unordered (rows sorted for the snapshot)'}`;
  const table = formatShow(shown, { numRows: maxRows, truncate: false, timeZone: df.sparkSession.timeZone });
  return `${head}\n${formatSchemaTree(batch.schema).trimEnd()}\n${table.trimEnd()}`;
}

/** pretty-format plugin (Vitest and Jest): `expect.addSnapshotSerializer(dataFrameSnapshotSerializer)`. */
export const dataFrameSnapshotSerializer = {
  test(value: unknown): boolean {
    return DataFrame.isDataFrame(value);
  },
  serialize(value: unknown, _config?: unknown, indentation = ''): string {
    return formatDataFrameSnapshot(value as DataFrame)
      .split('\n')
      .join('\n' + indentation);
  },
};
