/**
 * Spark's `Cast.canUpCast`: casts that cannot lose information (numeric
 * widening, date → timestamp, atomic → string, null → anything), applied
 * through arrays, maps and structs. `df.to(schema)` allows only these.
 */
import {
  ArrayType,
  AtomicType,
  BinaryType,
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
} from './data-types.js';
import { decimalForType } from './coercion.js';

const NUMERIC_ORDER = [ByteType, ShortType, IntegerType, LongType, FloatType, DoubleType];
/** A numeric type's place in Spark's numeric precedence (byte < ... < double), -1 for others. */
export const rank = (t: DataType): number => NUMERIC_ORDER.findIndex((c) => t instanceof c);

/** True when a decimal (or integral) type fits in `to` without losing digits. */
export function fitsDecimal(from: DecimalType, to: DecimalType): boolean {
  return to.precision - to.scale >= from.precision - from.scale && to.scale >= from.scale;
}

export function canUpCast(from: DataType, to: DataType): boolean {
  if (from.equals(to)) return true;
  if (from instanceof NullType) return true;
  if (from instanceof DecimalType && to instanceof DecimalType) return fitsDecimal(from, to);
  if (to instanceof DecimalType) return rank(from) >= 0 && rank(from) <= 3 && fitsDecimal(decimalForType(from), to);
  if (from instanceof DecimalType) return to instanceof DoubleType || to instanceof FloatType ? from.precision <= (to instanceof DoubleType ? 15 : 7) : false;
  const a = rank(from);
  const b = rank(to);
  if (a >= 0 && b >= 0) return a <= b && !(from instanceof LongType && to instanceof FloatType);
  if (from instanceof DateType && (to instanceof TimestampType || to instanceof TimestampNTZType)) return true;
  if ((from instanceof TimestampNTZType && to instanceof TimestampType) || (from instanceof TimestampType && to instanceof TimestampNTZType)) return true;
  if (to instanceof StringType) return from instanceof AtomicType && !(from instanceof BinaryType);
  if (from instanceof ArrayType && to instanceof ArrayType) return (!from.containsNull || to.containsNull) && canUpCast(from.elementType, to.elementType);
  if (from instanceof MapType && to instanceof MapType) {
    return (!from.valueContainsNull || to.valueContainsNull) && canUpCast(from.keyType, to.keyType) && canUpCast(from.valueType, to.valueType);
  }
  if (from instanceof StructType && to instanceof StructType) {
    return (
      from.fields.length === to.fields.length &&
      from.fields.every((f, i) => (!f.nullable || to.fields[i]!.nullable) && canUpCast(f.dataType, to.fields[i]!.dataType))
    );
  }
  return false;
}
