/**
 * sparkless: PySpark's DataFrame API in TypeScript, with no JVM.
 *
 * @example
 * ```ts
 * import { SparkSession, functions as F } from 'sparkless';
 * const spark = SparkSession.builder.appName('demo').getOrCreate();
 * spark.createDataFrame([{ name: 'Alice', age: 30 }]).select(F.upper('name')).show();
 * ```
 */
import * as functions from './functions/index.js';
import * as types from './types/public.js';

export { functions, functions as F, types, types as T };
export * from './types/public.js';
export { SparkSession, SparkSessionBuilder, SPARK_VERSION, type SparkSessionOptions } from './session/session.js';
export { RuntimeConfig } from './session/conf.js';
export { Catalog, type Database, type Table, type CatalogColumn } from './session/catalog.js';
export { DataFrame, type SortOptions, type StorageLevel } from './api/dataframe.js';
export { Column, type ColumnOrName, type ColumnOrLiteral } from './api/column.js';
export { GroupedData } from './api/grouped-data.js';
export { DataFrameNaFunctions } from './api/na-functions.js';
export { DataFrameReader } from './api/reader.js';
export { DataFrameWriter } from './api/writer.js';
export { UDFRegistration } from './api/udf-registration.js';
export { Observation } from './api/observation.js';
export { DataFrameStatFunctions } from './api/stat.js';
export { DataFrameWriterV2 } from './api/writer-v2.js';
export type { UserDefinedFunction, UdfOptions } from './api/udf.js';
export { Window, WindowSpec } from './api/window.js';
export {
  SparklessError,
  AnalysisException,
  ParseException,
  IllegalArgumentException,
  PySparkTypeError,
  PySparkValueError,
  PySparkRuntimeError,
  ExecutionException,
  NotImplementedException,
  BackendException,
  InternalError,
  SparkRuntimeException,
  ArithmeticException,
  NumberFormatException,
  DateTimeException,
  SparkUpgradeException,
  ArrayIndexOutOfBoundsException,
  SparkNoSuchElementException,
  type QueryContext,
} from './errors/index.js';
export { SparkConnectGrpcException } from './backend/connect/errors.js';
export type { BackendType } from './backend/protocols.js';
export type { AdaptiveReport, JoinSimulation, SkewedPartition } from './optimizer/adaptive/index.js';
