/** Spark's `defaultSize` per type: the bytes its planner assumes per value when sizing shuffles. */
import {
  ArrayType,
  BinaryType,
  BooleanType,
  ByteType,
  DataType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  MapType,
  NullType,
  ShortType,
  StringType,
  StructType,
  TimestampNTZType,
  TimestampType,
} from '../../types/data-types.js';

export function defaultSize(t: DataType): number {
  if (t instanceof BooleanType || t instanceof ByteType || t instanceof NullType) return 1;
  if (t instanceof ShortType) return 2;
  if (t instanceof IntegerType || t instanceof FloatType || t instanceof DateType) return 4;
  if (t instanceof LongType || t instanceof DoubleType || t instanceof TimestampType || t instanceof TimestampNTZType) return 8;
  if (t instanceof DecimalType) return t.precision <= 18 ? 8 : 16;
  if (t instanceof StringType || t instanceof BinaryType) return 20;
  if (t instanceof ArrayType) return defaultSize(t.elementType);
  if (t instanceof MapType) return defaultSize(t.keyType) + defaultSize(t.valueType);
  if (t instanceof StructType) return t.fields.reduce((s, f) => s + defaultSize(f.dataType), 0);
  return 8;
}

/** Estimated bytes of one row (UnsafeRow: 8-byte header word plus the fields). */
export function rowSize(schema: StructType): number {
  return 8 + schema.fields.reduce((s, f) => s + defaultSize(f.dataType), 0);
}
