/**
 * Spark SQL data types, mirroring `pyspark.sql.types`: the classes (data-type.ts, scalar-types.ts,
 * interval-types.ts, complex-types.ts), shared singletons for the parameterless types, and type-class
 * predicates. Every module imports the types from here.
 */
import { BinaryType, BooleanType, ByteType, DateType, DecimalType, DoubleType, FloatType, IntegerType, LongType, NullType, ShortType, StringType, TimestampNTZType, TimestampType } from './scalar-types.js';
import { IntegralType, NumericType, type DataType } from './data-type.js';

export * from './data-type.js';
export * from './scalar-types.js';
export * from './interval-types.js';
export * from './complex-types.js';

// Shared singletons for the parameterless types: cheap identity for hot paths.
export const NULL = new NullType();
export const STRING = new StringType();
export const BINARY = new BinaryType();
export const BOOLEAN = new BooleanType();
export const DATE = new DateType();
export const TIMESTAMP = new TimestampType();
export const TIMESTAMP_NTZ = new TimestampNTZType();
export const BYTE = new ByteType();
export const SHORT = new ShortType();
export const INT = new IntegerType();
export const LONG = new LongType();
export const FLOAT = new FloatType();
export const DOUBLE = new DoubleType();

export const isNumeric = (t: DataType): t is NumericType => t instanceof NumericType;
export const isIntegral = (t: DataType): t is IntegralType => t instanceof IntegralType;
export const isFractional = (t: DataType): boolean => t instanceof FloatType || t instanceof DoubleType;
export const isDecimal = (t: DataType): t is DecimalType => t instanceof DecimalType;
export const isString = (t: DataType): t is StringType => t instanceof StringType;
export const isNull = (t: DataType): t is NullType => t instanceof NullType;
export const isBoolean = (t: DataType): t is BooleanType => t instanceof BooleanType;
export const isDatetime = (t: DataType): boolean =>
  t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType;
