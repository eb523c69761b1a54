/** fast-check arbitraries for Spark types, schemas, values, rows and DataFrames. */
export {
  arbitraryDataType,
  arbitrarySchema,
  decimalTypeArbitrary,
  ATOMIC_TYPE_NAMES,
  NESTED_TYPE_NAMES,
  type TypeName,
  type Nullability,
  type DataTypeArbitraryOptions,
  type SchemaArbitraryOptions,
} from './types.js';
export {
  arbitraryValue,
  arbitraryRow,
  arbitraryRows,
  withNulls,
  decimalText,
  microsToIso,
  type ValueArbitraryOptions,
  type RowsArbitraryOptions,
} from './values.js';
export {
  arbitraryDataFrame,
  arbitraryDataFrameOfAnySchema,
  arbitrarySchemaAndRows,
  describeGeneratedFrame,
  withFramePrinter,
  type SessionSource,
  type GeneratedData,
} from './dataframe.js';
