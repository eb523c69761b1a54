/**
 * What `df.write.partitionBy/bucketBy/sortBy` declare for a table written by
 * `saveAsTable`, checked as Spark checks it; and the checks that file writes
 * (`save`) reject buckets.
 */
import { AnalysisException, ParseException } from '../errors/index.js';
import type { TableMetadata } from '../session/table-metadata.js';

export interface WriterLayout {
  readonly partitionBy: readonly string[];
  readonly buckets: { readonly numBuckets: number; readonly bucketColumns: readonly string[] } | undefined;
  readonly sortBy: readonly string[];
}

/** `save()` and its shortcuts cannot bucket (Spark's message). */
export function assertNotBucketed(operation: string, layout: WriterLayout): void {
  if (!layout.buckets && layout.sortBy.length === 0) return;
  const sorted = layout.sortBy.length > 0;
  throw new AnalysisException(`'${operation}' does not support ${sorted ? 'bucketBy and sortBy' : 'bucketBy'} right now.`, {
    errorClass: sorted ? '_LEGACY_ERROR_TEMP_1313' : '_LEGACY_ERROR_TEMP_1312',
    messageParameters: { operation },
  });
}

const MAX_BUCKETS = 100_000;

/**
 * Spark's bounds on a bucket count (bucketing.maxBuckets: 100000), _LEGACY_ERROR_TEMP_1083;
 * Spark's SQL parser re-raises it as a ParseException (`CLUSTERED BY ... INTO 0 BUCKETS`).
 */
export function checkBucketCount(n: number, inSqlText = false): void {
  if (n > 0 && n <= MAX_BUCKETS) return;
  const Kind = inSqlText ? ParseException : AnalysisException;
  throw new Kind(`Number of buckets should be greater than 0 but less than or equal to bucketing.maxBuckets (\`${MAX_BUCKETS}\`). Got \`${n}\`.`, {
    errorClass: '_LEGACY_ERROR_TEMP_1083',
    messageParameters: { bucketingMaxBuckets: String(MAX_BUCKETS), numBuckets: String(n) },
  });
}

/** The metadata `saveAsTable` records, after Spark's checks against the written columns. */
export function tableLayout(layout: WriterLayout, provider: string, columns: readonly string[], tableName: string, caseSensitive = false): TableMetadata {
  // Spark compares the names as spark.sql.caseSensitive says (by default naming the duplicate in lower case).
  const names = caseSensitive ? columns : columns.map((c) => c.toLowerCase());
  const duplicate = names.find((c, i) => names.indexOf(c) !== i);
  if (duplicate !== undefined) {
    throw new AnalysisException(`The column \`${duplicate}\` already exists. Consider to choose another name or rename the existing column.`, {
      errorClass: 'COLUMN_ALREADY_EXISTS',
      messageParameters: { columnName: `\`${duplicate}\`` },
    });
  }
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
  if (columns.length > 0 && partitionColumns.length === columns.length) {
    throw new AnalysisException('Cannot use all columns for partition columns.', { errorClass: 'ALL_PARTITION_COLUMNS_NOT_ALLOWED' });
  }
  let bucketSpec: TableMetadata['bucketSpec'];
  if (layout.buckets) {
    const n = layout.buckets.numBuckets;
    checkBucketCount(n);
    bucketSpec = { numBuckets: n, bucketColumns: layout.buckets.bucketColumns.map((c) => find('bucket', c)), sortColumns: layout.sortBy.map((c) => find('sort', c)) };
  }
  return { provider, partitionColumns, ...(bucketSpec ? { bucketSpec } : {}), properties: {} };
}
