/**
 * What `df.write.partitionBy/bucketBy/sortBy` declare for a table written by
 * `saveAsTable`, checked as Spark checks it; and the checks that file writes
 * (`save`) reject buckets.
 */
import { AnalysisException } from '../errors/index.js';
import type { TableMetadata } from '../session/table-metadata.js';

export interface WriterLayout {
  readonly partitionBy: readonly string[];
  readonly buckets: { readonly numBuckets: number; readonly bucketColumns: readonly string[] } | undefined;
  readonly sortBy: readonly string[];
}

/** `save()` and its shortcuts cannot bucket (Spark's message). */
export function assertNotBucketed(operation: string, layout: WriterLayout): void {
  if (!layout.buckets && layout.sortBy.length === 0) return;
  const what = layout.sortBy.length > 0 ? 'bucketBy and sortBy' : 'bucketBy';
  throw new AnalysisException(`'${operation}' does not support ${what} right now.`);
}

/** The metadata `saveAsTable` records, after Spark's checks against the written columns. */
export function tableLayout(layout: WriterLayout, provider: string, columns: readonly string[], tableName: string): TableMetadata {
  if (layout.sortBy.length > 0 && !layout.buckets) {
    throw new AnalysisException('sortBy must be used together with bucketBy.', { errorClass: 'SORT_BY_WITHOUT_BUCKETING' });
  }
  const find = (kind: string, c: string): string => {
    const found = columns.find((x) => x.toLowerCase() === c.toLowerCase());
    if (found === undefined) {
      throw new AnalysisException(
        `${kind} column \`${c}\` is not defined in table ${tableName}, defined table columns are: ${columns.map((x) => `\`${x}\``).join(', ')}.`,
        { errorClass: 'COLUMN_NOT_DEFINED_IN_TABLE', messageParameters: { colType: kind, colName: `\`${c}\``, tableName, tableCols: columns.map((x) => `\`${x}\``).join(', ') } },
      );
    }
    return found;
  };
  const partitionColumns = layout.partitionBy.map((c) => find('partition', c));
  let bucketSpec: TableMetadata['bucketSpec'];
  if (layout.buckets) {
    const n = layout.buckets.numBuckets;
    if (n <= 0 || n > 100_000) {
      throw new AnalysisException(`Number of buckets should be greater than 0 but less than or equal to bucketing.maxBuckets (\`100000\`). Got \`${n}\`.`);
    }
    bucketSpec = { numBuckets: n, bucketColumns: layout.buckets.bucketColumns.map((c) => find('bucket', c)), sortColumns: layout.sortBy.map((c) => find('sort', c)) };
  }
  return { provider, partitionColumns, ...(bucketSpec ? { bucketSpec } : {}), properties: {} };
}
