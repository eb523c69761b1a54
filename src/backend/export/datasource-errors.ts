/**
 * Spark's errors shared by the file sources: a column type a format cannot hold, the CSV schema
 * check that raises it, and FAILFAST's malformed-record error (CSV and JSON raise the same one).
 */
import { AnalysisException, ExecutionException } from '../../errors/index.js';
import { AtomicType, BinaryType, type StructField, type StructType } from '../../types/data-types.js';

/** Spark's error for a column type a file format cannot hold. */
export function unsupportedDataType(format: string, field: StructField): AnalysisException {
  const columnName = '`' + field.name + '`';
  const columnType = `"${field.dataType.sql()}"`;
  return new AnalysisException(`The ${format} datasource doesn't support the column ${columnName} of the type ${columnType}.`, {
    errorClass: 'UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE',
    messageParameters: { columnName, columnType, format },
  });
}

/** CSV holds atomic types only (see the module comment about binary). */
export function checkCsvSchema(schema: StructType): void {
  for (const f of schema.fields) {
    if (!(f.dataType instanceof AtomicType) || f.dataType instanceof BinaryType) throw unsupportedDataType('CSV', f);
  }
}

/** Spark's FAILFAST error. */
export function malformedRecord(raw: string): ExecutionException {
  return new ExecutionException(
    `Malformed records are detected in record parsing: [${raw}]. Parse Mode: FAILFAST. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'.`,
    { errorClass: 'MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION', messageParameters: { badRecord: raw, failFastMode: 'FAILFAST' } },
  );
}
