/**
 * Spark 3.5 (non-ANSI) implicit type coercion rules, as used by the analyzer
 * and by function definitions.
 */
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
  StructField,
  StructType,
  TimestampNTZType,
  TimestampType,
  DOUBLE,
  LONG,
  STRING,
  TIMESTAMP,
  isIntegral,
  isNumeric,
  CalendarIntervalType,
  DayTimeIntervalType,
  YearMonthIntervalType,
} from './data-types.js';
import { canCastToInterval, castsWithIntervals } from './interval-cast.js';

const NUMERIC_PRECEDENCE = [ByteType, ShortType, IntegerType, LongType, FloatType, DoubleType] as const;

function numericRank(t: DataType): number {
  return NUMERIC_PRECEDENCE.findIndex((c) => t instanceof c);
}

/** Decimal type able to hold every value of an integral type (Spark's DecimalType.forType). */
export function decimalForType(t: DataType): DecimalType {
  if (t instanceof DecimalType) return t;
  if (t instanceof ByteType) return new DecimalType(3, 0);
  if (t instanceof ShortType) return new DecimalType(5, 0);
  if (t instanceof IntegerType) return new DecimalType(10, 0);
  if (t instanceof LongType) return new DecimalType(20, 0);
  if (t instanceof FloatType) return new DecimalType(14, 7);
  return new DecimalType(30, 15);
}

/** Spark's DecimalPrecision.widerDecimalType, bounded to 38 digits. */
export function widerDecimalType(a: DecimalType, b: DecimalType): DecimalType {
  const scale = Math.max(a.scale, b.scale);
  const range = Math.max(a.precision - a.scale, b.precision - b.scale);
  return boundedDecimal(range + scale, scale);
}

export function boundedDecimal(precision: number, scale: number): DecimalType {
  return new DecimalType(Math.min(precision, DecimalType.MAX_PRECISION), Math.min(scale, DecimalType.MAX_SCALE));
}

/**
 * Tightest common type of two types without loss (Spark's findTightestCommonType + decimal widening).
 * Under ANSI an integral type and FLOAT meet at DOUBLE (AnsiTypeCoercion: a float cannot hold every int).
 */
export function findTightestCommonType(a: DataType, b: DataType, ansi = false): DataType | undefined {
  if (a.equals(b)) return a;
  if (a instanceof NullType) return b;
  if (b instanceof NullType) return a;
  if (a instanceof DecimalType || b instanceof DecimalType) {
    if (!isNumeric(a) || !isNumeric(b)) return undefined;
    if (a instanceof FloatType || a instanceof DoubleType || b instanceof FloatType || b instanceof DoubleType) return DOUBLE;
    return widerDecimalType(decimalForType(a), decimalForType(b));
  }
  if (ansi && ((isIntegral(a) && b instanceof FloatType) || (a instanceof FloatType && isIntegral(b)))) return DOUBLE;
  if (isNumeric(a) && isNumeric(b)) return numericRank(a) >= numericRank(b) ? a : b;
  if ((a instanceof DateType && b instanceof TimestampType) || (a instanceof TimestampType && b instanceof DateType)) return TIMESTAMP;
  if ((a instanceof TimestampNTZType && b instanceof TimestampType) || (a instanceof TimestampType && b instanceof TimestampNTZType)) return TIMESTAMP;
  if ((a instanceof DateType && b instanceof TimestampNTZType) || (a instanceof TimestampNTZType && b instanceof DateType)) return b instanceof DateType ? a : b;
  // Intervals of one kind widen to the union of their fields (`DAY` and `HOUR` → `DAY TO HOUR`).
  if (a instanceof YearMonthIntervalType && b instanceof YearMonthIntervalType) {
    return new YearMonthIntervalType(Math.min(a.startField, b.startField), Math.max(a.endField, b.endField));
  }
  if (a instanceof DayTimeIntervalType && b instanceof DayTimeIntervalType) {
    return new DayTimeIntervalType(Math.min(a.startField, b.startField), Math.max(a.endField, b.endField));
  }
  return findComplexCommonType(a, b, (x, y) => findTightestCommonType(x, y, ansi));
}

/**
 * Common type for `coalesce`, `CASE WHEN`, `IN`, `array(...)`, `union`
 * columns (Spark's findWiderTypeForTwo): like the tightest type, but a string
 * side wins over atomic types other than binary and boolean (values are cast
 * to string), so `1 IN ('1.0')` compares strings and `coalesce(true, 'x')`
 * has no common type.
 */
export function findWiderCommonType(a: DataType, b: DataType, ansi = false): DataType | undefined {
  const tight = findTightestCommonType(a, b, ansi);
  if (tight) return tight;
  if (ansi) {
    const promoted = a instanceof StringType ? ansiStringPromotion(b) : b instanceof StringType ? ansiStringPromotion(a) : undefined;
    if (promoted) return promoted;
  } else {
    if (a instanceof StringType && promotesToString(b)) return STRING;
    if (b instanceof StringType && promotesToString(a)) return STRING;
  }
  return findComplexCommonType(a, b, (x, y) => findWiderCommonType(x, y, ansi));
}

/**
 * Under spark.sql.ansi.enabled the other way round (AnsiTypeCoercion's string promotion):
 * the type a string next to `other` becomes — BIGINT next to an integral type, DOUBLE next
 * to a fractional or decimal one, the other type itself for a date, timestamp, binary or
 * boolean; undefined for the rest (arrays, intervals, strings). Checked on Spark 3.5.7:
 * `coalesce('1', 2)` is BIGINT, `'1' + 1.5BD` DOUBLE, `coalesce('x', true)` BOOLEAN.
 */
export function ansiStringPromotion(other: DataType): DataType | undefined {
  if (isIntegral(other)) return LONG;
  if (isNumeric(other)) return DOUBLE;
  const atomic =
    other instanceof DateType ||
    other instanceof TimestampType ||
    other instanceof TimestampNTZType ||
    other instanceof BinaryType ||
    other instanceof BooleanType;
  return atomic ? other : undefined;
}

/** Spark's stringPromotion: atomic types except binary and boolean. */
function promotesToString(t: DataType): boolean {
  return isNumeric(t) || t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType;
}

export function findWiderCommonTypeOf(types: readonly DataType[], ansi = false): DataType | undefined {
  let acc: DataType | undefined = types[0] ?? new NullType();
  for (const t of types.slice(1)) {
    if (!acc) return undefined;
    acc = findWiderCommonType(acc, t, ansi);
  }
  return acc;
}

/** Spark's findWiderTypeWithoutStringPromotion (greatest, least): no side is cast to string. */
export function findWiderCommonTypeWithoutStringPromotionOf(types: readonly DataType[], ansi = false): DataType | undefined {
  let acc: DataType | undefined = types[0] ?? new NullType();
  for (const t of types.slice(1)) {
    if (!acc) return undefined;
    acc = findTightestCommonType(acc, t, ansi);
  }
  return acc;
}

function isAtomicNonBinary(t: DataType): boolean {
  return isNumeric(t) || t instanceof BooleanType || t instanceof DateType || t instanceof TimestampType || t instanceof TimestampNTZType;
}

/**
 * Spark's findTypeForComplex: element, value and field types meet by `inner`; a slot whose
 * values the cast may turn into NULL (a string read as a number under ANSI) becomes nullable,
 * and map keys that could become NULL have no common type.
 */
function findComplexCommonType(
  a: DataType,
  b: DataType,
  inner: (x: DataType, y: DataType) => DataType | undefined,
): DataType | undefined {
  const forced = (x: DataType, y: DataType, t: DataType): boolean => castForcesNull(x, t) || castForcesNull(y, t);
  if (a instanceof ArrayType && b instanceof ArrayType) {
    const e = inner(a.elementType, b.elementType);
    return e ? new ArrayType(e, a.containsNull || b.containsNull || forced(a.elementType, b.elementType, e)) : undefined;
  }
  if (a instanceof MapType && b instanceof MapType) {
    const k = inner(a.keyType, b.keyType);
    if (!k || forced(a.keyType, b.keyType, k)) return undefined;
    const v = inner(a.valueType, b.valueType);
    return v ? new MapType(k, v, a.valueContainsNull || b.valueContainsNull || forced(a.valueType, b.valueType, v)) : undefined;
  }
  if (a instanceof StructType && b instanceof StructType && a.fields.length === b.fields.length) {
    const fields: StructField[] = [];
    for (let i = 0; i < a.fields.length; i++) {
      const fa = a.fields[i]!;
      const fb = b.fields[i]!;
      if (fa.name.toLowerCase() !== fb.name.toLowerCase()) return undefined;
      const t = inner(fa.dataType, fb.dataType);
      if (!t) return undefined;
      fields.push(new StructField(fa.name, t, fa.nullable || fb.nullable || forced(fa.dataType, fb.dataType, t)));
    }
    return new StructType(fields);
  }
  return undefined;
}

/**
 * Common type for binary comparisons (`=`, `<`, ...), strings as in non-ANSI mode
 * (Spark's findCommonTypeForBinaryComparison): a string compared with an
 * atomic type is cast to that type (`'1.5' = 1` compares 1 = 1).
 */
export function findCommonTypeForComparison(a: DataType, b: DataType, ansi = false): DataType | undefined {
  if (a instanceof StringType && b instanceof DateType) return b;
  if (a instanceof DateType && b instanceof StringType) return a;
  if (a instanceof StringType && (b instanceof TimestampType || b instanceof TimestampNTZType)) return b;
  if ((a instanceof TimestampType || a instanceof TimestampNTZType) && b instanceof StringType) return a;
  if (a instanceof StringType && b instanceof NullType) return STRING;
  if (a instanceof NullType && b instanceof StringType) return STRING;
  if (a instanceof StringType && b instanceof DecimalType) return DOUBLE;
  if (a instanceof DecimalType && b instanceof StringType) return DOUBLE;
  // Any other atomic type (boolean, binary, numbers) is what the string is cast to.
  if (a instanceof StringType && (isAtomicNonBinary(b) || b instanceof BinaryType)) return b;
  if (b instanceof StringType && (isAtomicNonBinary(a) || a instanceof BinaryType)) return a;
  // Under ANSI an integral number meets a FLOAT at DOUBLE (AnsiTypeCoercion's tightest type).
  return findTightestCommonType(a, b, ansi);
}

/**
 * Operand type for arithmetic (`+ - * %`): numeric widening; strings are cast
 * to double (non-ANSI `'1' + 1 = 2.0`).
 */
export function findCommonTypeForArithmetic(a: DataType, b: DataType, ansi = false): DataType | undefined {
  const na = a instanceof StringType ? DOUBLE : a;
  const nb = b instanceof StringType ? DOUBLE : b;
  if (na instanceof NullType && nb instanceof NullType) return DOUBLE;
  if (na instanceof NullType) return isNumeric(nb) ? nb : undefined;
  if (nb instanceof NullType) return isNumeric(na) ? na : undefined;
  if (!isNumeric(na) || !isNumeric(nb)) return undefined;
  return findTightestCommonType(na, nb, ansi);
}

/**
 * Spark's DecimalType.fromLiteral: the narrowest decimal holding an integral
 * literal (`2` → decimal(1,0), `-100000` → decimal(6,0)). Spark gives such
 * literals this type next to a decimal operand
 * (`spark.sql.legacy.literal.pickMinimumPrecision`, on by default), so
 * `d * 2` on a decimal(10,2) is decimal(12,2), not decimal(21,2).
 */
export function decimalForIntegralLiteral(value: number | bigint): DecimalType {
  const digits = (typeof value === 'bigint' ? (value < 0n ? -value : value) : Math.abs(value)).toString().length;
  return new DecimalType(Math.max(digits, 1), 0);
}

/** Spark's DecimalType.isWiderThan for a decimal or integral `other`. */
function decimalIsWiderThan(to: DecimalType, other: DataType): boolean {
  const d = other instanceof DecimalType ? other : isIntegral(other) ? decimalForType(other) : undefined;
  return d !== undefined && to.precision - to.scale >= d.precision - d.scale && to.scale >= d.scale;
}

/**
 * Spark's Cast.forceNullable (non-ANSI): whether a cast can turn a non-null
 * value into null (`'abc'` → int, an overflowing decimal, a double NaN → int).
 */
export function castForcesNull(from: DataType, to: DataType): boolean {
  if (from instanceof NullType || from.equals(to)) return false;
  if (from instanceof StringType) return !(to instanceof BinaryType || to instanceof StringType);
  if (to instanceof StringType) return false;
  if ((from instanceof FloatType || from instanceof DoubleType) && to instanceof TimestampType) return true;
  if (from instanceof TimestampType && to instanceof DateType) return false;
  if (to instanceof DateType) return true;
  if (from instanceof DateType && to instanceof TimestampType) return false;
  if (from instanceof DateType) return true;
  if (to instanceof DecimalType) {
    if (from instanceof BooleanType) return !decimalIsWiderThan(to, new DecimalType(1, 0));
    if (from instanceof DecimalType && to.precision - to.scale > from.precision - from.scale) return false;
    return !decimalIsWiderThan(to, from);
  }
  if ((from instanceof FloatType || from instanceof DoubleType || from instanceof DecimalType) && isIntegral(to)) return true;
  return false;
}

/** Whether a nested value that is (or may become, through the cast) NULL has a nullable place in the target. */
function nullableEnough(fromNullable: boolean, from: DataType, to: DataType, toNullable: boolean): boolean {
  return toNullable || !(fromNullable || castForcesNull(from, to));
}

/** Spark's Cast.canCast for non-ANSI mode (which casts are allowed at all). */
export function canCast(from: DataType, to: DataType): boolean {
  if (from.equals(to)) return true;
  if (from instanceof NullType) return true;
  if (to instanceof StringType) return true;
  if (to instanceof YearMonthIntervalType || to instanceof DayTimeIntervalType) return canCastToInterval(from, to);
  if (from instanceof StringType) return !(to instanceof ArrayType || to instanceof MapType || to instanceof StructType || to instanceof CalendarIntervalType);
  if (to instanceof BooleanType) return isNumeric(from) || from instanceof DateType || from instanceof TimestampType;
  // integral and decimal numbers count an ANSI interval's end field (`INTERVAL '1-2' YEAR TO MONTH` → 14)
  if (castsWithIntervals(to) && (from instanceof YearMonthIntervalType || from instanceof DayTimeIntervalType)) return true;
  if (isNumeric(to)) return isNumeric(from) || from instanceof BooleanType || from instanceof TimestampType || from instanceof DateType;
  if (to instanceof DateType) return from instanceof TimestampType || from instanceof TimestampNTZType;
  if (to instanceof TimestampType) return isNumeric(from) || from instanceof DateType || from instanceof TimestampNTZType || from instanceof BooleanType;
  if (to instanceof TimestampNTZType) return from instanceof DateType || from instanceof TimestampType;
  // integral values cast to their big-endian two's-complement bytes (not allowed under ANSI)
  if (to instanceof BinaryType) return isIntegral(from);
  // A nested cast that may give NULL needs a nullable slot, and a map key may never become NULL.
  if (from instanceof ArrayType && to instanceof ArrayType) {
    return canCast(from.elementType, to.elementType) && nullableEnough(from.containsNull, from.elementType, to.elementType, to.containsNull);
  }
  if (from instanceof MapType && to instanceof MapType) {
    return (
      canCast(from.keyType, to.keyType) &&
      !castForcesNull(from.keyType, to.keyType) &&
      canCast(from.valueType, to.valueType) &&
      nullableEnough(from.valueContainsNull, from.valueType, to.valueType, to.valueContainsNull)
    );
  }
  if (from instanceof StructType && to instanceof StructType) {
    return (
      from.fields.length === to.fields.length &&
      from.fields.every((f, i) => {
        const t = to.fields[i]!;
        return canCast(f.dataType, t.dataType) && nullableEnough(f.nullable, f.dataType, t.dataType, t.nullable);
      })
    );
  }
  return false;
}
