/** Export: Arrow tables and Spark-style file output/input (Parquet, CSV, JSON Lines). */
export { ArrowExportBackend, PARQUET_SCHEMA_FILE, DEFAULT_PARTITION_NAME, asNullable } from './arrow-export.js';
export { batchToArrowTable, arrowTableToBatch, arrowSchemaToSpark, sparkToArrowType, sparkToArrowField, arrowToSparkType } from './arrow-table.js';
export { writeParquetFile, readParquetFile, readParquetArrow } from './parquet.js';
export { pathNotFound, pathAlreadyExists } from './output-dir.js';
