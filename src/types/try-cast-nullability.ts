/**
 * Nullability of TRY_CAST, checked against Spark 3.5.7 (printSchema of
 * non-null inputs): a TRY_CAST is nullable unless it is one of Cast's up-casts,
 * which cannot fail. Two exceptions: STRING → BINARY keeps the input's
 * nullability, and DECIMAL → integral is always nullable (an up-cast by
 * digits can still overflow there). Cast's up-casts are wider than the ones
 * `df.to(schema)` takes (types/upcast.ts): BIGINT → FLOAT, BINARY → STRING,
 * BIGINT ↔ TIMESTAMP and any interval → STRING count here; DECIMAL → FLOAT/DOUBLE does not.
 */
import {
  ArrayType,
  AtomicType,
  CalendarIntervalType,
  DataType,
  DecimalType,
  IntegralType,
  LongType,
  MapType,
  NullType,
  StringType,
  BinaryType,
  StructType,
  TimestampNTZType,
  TimestampType,
  DateType,
} from './data-types.js';
import { decimalForType } from './coercion.js';
import { fitsDecimal, rank } from './upcast.js';

const nullabilityKept = (from: boolean, to: boolean): boolean => !from || to;

/** Cast's up-casts: conversions that lose nothing and cannot fail. */
function castUpCast(from: DataType, to: DataType): boolean {
  if (from.equals(to) || from instanceof NullType) return true;
  if (to instanceof DecimalType) {
    if (from instanceof DecimalType) return fitsDecimal(from, to);
    return from instanceof IntegralType && fitsDecimal(decimalForType(from), to);
  }
  if (from instanceof DecimalType) return to instanceof IntegralType && fitsDecimal(from, decimalForType(to));
  const a = rank(from);
  const b = rank(to);
  if (a >= 0 && b >= 0) return a < b;
  if (to instanceof StringType) return from instanceof AtomicType || from instanceof CalendarIntervalType;
  if (from instanceof DateType) return to instanceof TimestampType || to instanceof TimestampNTZType;
  if (from instanceof TimestampType) return to instanceof TimestampNTZType || to instanceof LongType;
  if (from instanceof TimestampNTZType && to instanceof TimestampType) return true;
  if (from instanceof LongType && to instanceof TimestampType) return true;
  if (from instanceof ArrayType && to instanceof ArrayType) {
    return nullabilityKept(from.containsNull, to.containsNull) && castUpCast(from.elementType, to.elementType);
  }
  if (from instanceof MapType && to instanceof MapType) {
    return nullabilityKept(from.valueContainsNull, to.valueContainsNull) && castUpCast(from.keyType, to.keyType) && castUpCast(from.valueType, to.valueType);
  }
  if (from instanceof StructType && to instanceof StructType) {
    return (
      from.fields.length === to.fields.length &&
      from.fields.every((f, i) => nullabilityKept(f.nullable, to.fields[i]!.nullable) && castUpCast(f.dataType, to.fields[i]!.dataType))
    );
  }
  return false;
}

/** Whether `TRY_CAST(child AS to)` is nullable, given the child's type and nullability. */
export function tryCastNullable(from: DataType, to: DataType, childNullable: boolean): boolean {
  if (from instanceof StringType && to instanceof BinaryType) return childNullable;
  if (from instanceof DecimalType && to instanceof IntegralType) return true;
  return childNullable || !castUpCast(from, to);
}
