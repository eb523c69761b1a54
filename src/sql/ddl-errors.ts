/**
 * Spark 3.5.7's refusals of DDL and catalog commands, with its error classes and message
 * parameters (QueryCompilationErrors). Most are `_LEGACY_ERROR_TEMP_nnnn`, worded without
 * the `[CLASS]` prefix (errors/base.ts); Spark Connect 3.5 does not report those classes.
 * `at` is Spark's `; line L pos P` of the command's table name, where Spark gives one.
 */
import { AnalysisException, ParseException } from '../errors/index.js';

const legacy = (n: number, message: string, messageParameters: Record<string, string> = {}): AnalysisException =>
  new AnalysisException(message, { errorClass: `_LEGACY_ERROR_TEMP_${n}`, messageParameters });

/**
 * A view where the command expects a table; `alterViewHint` points to ALTER VIEW (1013). A
 * temp view is named as written, a permanent one `spark_catalog.db.v` (`permanent`).
 */
export function expectTableNotView(nameParts: string, cmd: string, alterViewHint: boolean, at: string, permanent = false): AnalysisException {
  const hintStr = alterViewHint ? ' Please use ALTER VIEW instead.' : '';
  const viewStr = permanent ? 'view' : 'temp view';
  return legacy(1013, `${nameParts} is a ${viewStr}. '${cmd}' expects a table.${hintStr}.${at}`, { nameParts, viewStr, cmd, hintStr });
}

/** A temp view where ALTER VIEW expects a permanent one (1014). */
export const expectViewNotTempView = (nameParts: string, cmd: string, at: string): AnalysisException =>
  legacy(1014, `${nameParts} is a temp view. '${cmd}' expects a permanent view.${at}`, { nameParts, cmd });

/** A table where the command expects a view; `alterTableHint` points to ALTER TABLE (1015). */
export function expectViewNotTable(identifier: string, cmd: string, alterTableHint: boolean, at: string): AnalysisException {
  const hintStr = alterTableHint ? ' Please use ALTER TABLE instead.' : '';
  return legacy(1015, `${identifier} is a table. '${cmd}' expects a view.${hintStr}.${at}`, { identifier, cmd, hintStr });
}

/** A temp view where the command expects a table or a permanent view (1016). */
export const expectTableOrPermanentView = (nameParts: string, cmd: string, at: string): AnalysisException =>
  legacy(1016, `${nameParts} is a temp view. '${cmd}' expects a table or permanent view.${at}`, { nameParts, cmd });

export const addColumnNotNull = (): AnalysisException => legacy(1052, 'ADD COLUMN with v1 tables cannot specify NOT NULL.');

export const alterColumnNotNull = (): AnalysisException => legacy(1053, 'ALTER COLUMN with v1 tables cannot specify NOT NULL.');

export const showColumnsConflictingDatabases = (dbA: string, dbB: string): AnalysisException =>
  legacy(1057, `SHOW COLUMNS with conflicting databases: '${dbA}' != '${dbB}'.`, { dbA, dbB });

export const renameAcrossDatabases = (db: string, newDb: string): AnalysisException =>
  legacy(1073, `RENAME TABLE source and destination databases do not match: '${db}' != '${newDb}'.`, { db, newDb });

/** A PARTITION key that is not a partition column of the table (1231). */
export const invalidPartitionColumn = (key: string, tblName: string): AnalysisException =>
  legacy(1231, `${key} is not a valid partition column in table ${tblName}.`, { key, tblName });

/** A PARTITION clause that does not name every partition column (1232). */
export function partitionSpecMismatch(specKeys: readonly string[], partitionColumnNames: readonly string[], tableName: string): AnalysisException {
  const [keys, columns] = [specKeys.join(', '), partitionColumnNames.join(', ')];
  return legacy(1232, `Partition spec is invalid. The spec (${keys}) must match the partition spec (${columns}) defined in table '${tableName}'.`, {
    specKeys: keys,
    partitionColumnNames: columns,
    tableName,
  });
}

/** INSERT ... PARTITION giving a value to a partition column after one it leaves dynamic (1147). */
export function partitionOrdering(partitionColumns: readonly string[]): AnalysisException {
  const partColumns = `[${partitionColumns.join(',')}]`;
  return legacy(
    1147,
    `The ordering of partition columns is ${partColumns}. All partition columns having constant values need to appear before other partition columns that do not have an assigned constant value.`,
    { partColumns },
  );
}

/** A partition column named where ALTER COLUMN expects a data column (1246). */
export const notADataColumn = (name: string, dataColumns: readonly string[]): AnalysisException => {
  const fieldNames = `[${dataColumns.map((c) => '`' + c + '`').join(', ')}]`;
  return legacy(1246, `Can't find column \`${name}\` given table data columns ${fieldNames}.`, { name, fieldNames });
};

/** A partition command on a table without partitions (1251). */
export const partitionMetadataNotStored = (action: string, tableName: string): AnalysisException =>
  legacy(
    1251,
    `${action} is not allowed on ${tableName} since its partition metadata is not stored in the Hive metastore. To import this information into the metastore, run \`msck repair table ${tableName}\`.`,
    { action, tableName },
  );

export const alterViewWithAlterTable = (): AnalysisException => legacy(1252, 'Cannot alter a view with ALTER TABLE. Please use ALTER VIEW instead.');

export const alterTableWithAlterView = (): AnalysisException => legacy(1253, 'Cannot alter a table with ALTER VIEW. Please use ALTER TABLE instead.');

/** `ALTER TABLE t PARTITION (...) SET SERDE | SERDEPROPERTIES` on a data source table (1247). */
export const partitionSerdeOfDataSourceTable = (): AnalysisException =>
  legacy(1247, 'Operation not allowed: ALTER TABLE SET [SERDE | SERDEPROPERTIES] for a specific partition is not supported for tables created with the datasource API.');

/** `ALTER TABLE t SET SERDE ...` on a data source table (1248). */
export const serdeOfDataSourceTable = (): AnalysisException =>
  legacy(1248, 'Operation not allowed: ALTER TABLE SET SERDE is not supported for tables created with the datasource API.');

export const truncatePartitionOfUnpartitioned = (tableIdentWithDB: string): AnalysisException =>
  legacy(1267, `Operation not allowed: TRUNCATE TABLE ... PARTITION is not supported for tables that are not partitioned: ${tableIdentWithDB}.`, { tableIdentWithDB });

export const showCreateAsSerdeOfDataSourceTable = (table: string): AnalysisException =>
  legacy(1274, `${table} is a Spark data source table. Use \`SHOW CREATE TABLE\` without \`AS SERDE\` instead.`, { table });

/** `CREATE TEMPORARY VIEW db.v USING ...`: Spark's parser re-raises this analysis error as a ParseException (1292). */
export const tempViewWithDatabase = (tableIdent: string): ParseException =>
  new ParseException(`Temporary view '${tableIdent}' should not have specified a database.`, { errorClass: '_LEGACY_ERROR_TEMP_1292', messageParameters: { tableIdent } });

/** ALTER COLUMN of a column the table does not have; `schema` is its tree string (1331). */
export const missingField = (fieldName: string, table: string, schema: string, at: string): AnalysisException =>
  legacy(1331, `Missing field ${fieldName} in table ${table} with schema:\n${schema}.${at}`, { fieldName, table, schema });
