/** `sparkless`'s `types` namespace (PySpark's `pyspark.sql.types`). */
export {
  DataType,
  AtomicType,
  NumericType,
  IntegralType,
  FractionalType,
  NullType,
  StringType,
  BinaryType,
  BooleanType,
  DateType,
  TimestampType,
  TimestampNTZType,
  ByteType,
  ShortType,
  IntegerType,
  LongType,
  FloatType,
  DoubleType,
  DecimalType,
  ArrayType,
  MapType,
  StructField,
  StructType,
  YearMonthIntervalType,
  DayTimeIntervalType,
  CalendarIntervalType,
} from './data-types.js';
export { CalendarInterval } from './intervals.js';
export { parseDataType, parseSchema, toDDL, fromJson } from './ddl.js';
export { Row, row } from '../data/row.js';
