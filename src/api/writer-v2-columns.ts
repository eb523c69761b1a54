/**
 * Spark's by-name resolution of a V2 write (`writeTo(...).append()`): every
 * table column must be found in the DataFrame by name (case-insensitively),
 * extra DataFrame columns are an error, values are cast to the table's types.
 */
import { AnalysisException } from '../errors/index.js';
import type { StructType } from '../types/data-types.js';
import { Column } from './column.js';
import type { DataFrame } from './dataframe.js';
import { E } from '../expr/nodes.js';

export function byNameForTable(df: DataFrame, target: StructType, tableName: string): DataFrame {
  const cols = df.columns;
  const lower = new Map(cols.map((c) => [c.toLowerCase(), c]));
  for (const f of target.fields) {
    if (!lower.has(f.name.toLowerCase())) {
      throw new AnalysisException(`Cannot write incompatible data for the table ${tableName}: Cannot find data for the output column \`${f.name}\`.`, {
        errorClass: 'INCOMPATIBLE_DATA_FOR_TABLE.CANNOT_FIND_DATA',
        messageParameters: { tableName, colName: `\`${f.name}\`` },
      });
    }
  }
  const wanted = new Set(target.fields.map((f) => f.name.toLowerCase()));
  const extra = cols.filter((c) => !wanted.has(c.toLowerCase()));
  if (extra.length > 0) {
    throw new AnalysisException(`Cannot write to ${tableName}, the reason is too many data columns:\nTable columns: ${target.names.map((n) => `\`${n}\``).join(', ')}.\nData columns: ${cols.map((n) => `\`${n}\``).join(', ')}.`, {
      errorClass: 'INSERT_COLUMN_ARITY_MISMATCH.TOO_MANY_DATA_COLUMNS',
      messageParameters: { tableName, tableColumns: target.names.join(', '), dataColumns: cols.join(', ') },
    });
  }
  return df.select(...target.fields.map((f) => new Column(E.alias(E.cast(E.col(lower.get(f.name.toLowerCase())!, undefined, true), f.dataType), f.name))));
}

/** A partitioned table stores its partition columns last, in partitioning order, as Spark's file source tables do. */
export function partitionColumnsLast(df: DataFrame, partitionColumns: readonly string[]): DataFrame {
  if (partitionColumns.length === 0) return df;
  const isPart = new Set(partitionColumns.map((c) => c.toLowerCase()));
  const order = [...df.columns.filter((c) => !isPart.has(c.toLowerCase())), ...partitionColumns];
  return df.select(...order.map((c) => new Column(E.col(c, undefined, true))));
}

/**
 * saveAsTable's append matches the table's columns by name (case-insensitively): the frame's columns in
 * the table's order. A frame that misses a table column is left as it is (positional, not Spark's check).
 */
export function byTableNames(df: DataFrame, table: StructType): DataFrame {
  const lower = df.columns.map((c) => c.toLowerCase());
  const picked = table.names.map((n) => lower.indexOf(n.toLowerCase()));
  if (picked.some((i) => i < 0) || picked.every((i, k) => i === k)) return df;
  return df.select(...picked.map((i) => new Column(E.col(df.columns[i]!, undefined, true))));
}

/**
 * What Spark 3.5.7 checks before a `saveAsTable` append matches columns by name: the frame has
 * as many columns as the table (`_LEGACY_ERROR_TEMP_1161`), each of the table's is among them (1162).
 */
export function checkAppendColumns(df: DataFrame, table: StructType, tableName: string): void {
  const incoming = df.schema;
  if (incoming.fields.length !== table.fields.length) {
    const existingTableSchema = table.simpleString();
    const querySchema = incoming.simpleString();
    throw new AnalysisException(`The column number of the existing table ${tableName} (${existingTableSchema}) doesn't match the data schema (${querySchema}).`, {
      errorClass: '_LEGACY_ERROR_TEMP_1161',
      messageParameters: { tableName, existingTableSchema, querySchema },
    });
  }
  const lower = new Set(incoming.names.map((n) => n.toLowerCase()));
  const missing = table.names.find((n) => !lower.has(n.toLowerCase()));
  if (missing !== undefined) {
    const inputColumns = incoming.names.join(', ');
    throw new AnalysisException(`Cannot resolve '${missing}' given input columns: [${inputColumns}].`, {
      errorClass: '_LEGACY_ERROR_TEMP_1162',
      messageParameters: { col: missing, inputColumns },
    });
  }
}
