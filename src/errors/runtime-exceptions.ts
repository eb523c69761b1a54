/**
 * The runtime exception classes PySpark 3.5 exposes (pyspark.errors), for
 * errors Spark raises while computing rows: arithmetic overflow and division
 * by zero, invalid number or datetime input, out-of-range array indices,
 * datetime patterns whose meaning changed in Spark 3, other Spark runtime
 * errors. Each extends ExecutionException (sparkless's "failed while running"
 * kind), except NumberFormatException, which is an IllegalArgumentException as
 * in PySpark and the JVM.
 */
import { defineErrorKind, isErrorKind } from './base.js';
import { ExecutionException, IllegalArgumentException } from './exceptions.js';

/** A Spark runtime error with an error class (JVM `SparkRuntimeException`), e.g. NULL_MAP_KEY. */
export class SparkRuntimeException extends ExecutionException {
  static isSparkRuntimeException(err: unknown): err is SparkRuntimeException {
    return isErrorKind(err, 'SparkRuntimeException');
  }
}
defineErrorKind(SparkRuntimeException, 'SparkRuntimeException');

/** Overflow and division by zero under ANSI mode (DIVIDE_BY_ZERO, ARITHMETIC_OVERFLOW, ...). */
export class ArithmeticException extends ExecutionException {
  static isArithmeticException(err: unknown): err is ArithmeticException {
    return isErrorKind(err, 'ArithmeticException');
  }
}
defineErrorKind(ArithmeticException, 'ArithmeticException');

/** A string that is not a number of the requested type (CAST_INVALID_INPUT under ANSI mode). */
export class NumberFormatException extends IllegalArgumentException {
  static isNumberFormatException(err: unknown): err is NumberFormatException {
    return isErrorKind(err, 'NumberFormatException');
  }
}
defineErrorKind(NumberFormatException, 'NumberFormatException');

/** Invalid date or timestamp input or arithmetic (CAST_INVALID_INPUT to a date, DATETIME_FIELD_OUT_OF_BOUNDS, ...). */
export class DateTimeException extends ExecutionException {
  static isDateTimeException(err: unknown): err is DateTimeException {
    return isErrorKind(err, 'DateTimeException');
  }
}
defineErrorKind(DateTimeException, 'DateTimeException');

/** Behaviour that changed between Spark versions (INCONSISTENT_BEHAVIOR_CROSS_VERSION.*). */
export class SparkUpgradeException extends ExecutionException {
  static isSparkUpgradeException(err: unknown): err is SparkUpgradeException {
    return isErrorKind(err, 'SparkUpgradeException');
  }
}
defineErrorKind(SparkUpgradeException, 'SparkUpgradeException');

/** An array index out of range under ANSI mode (INVALID_ARRAY_INDEX, INVALID_ARRAY_INDEX_IN_ELEMENT_AT). */
export class ArrayIndexOutOfBoundsException extends ExecutionException {
  static isArrayIndexOutOfBoundsException(err: unknown): err is ArrayIndexOutOfBoundsException {
    return isErrorKind(err, 'ArrayIndexOutOfBoundsException');
  }
}
defineErrorKind(ArrayIndexOutOfBoundsException, 'ArrayIndexOutOfBoundsException');

/** A map key not found under ANSI mode (`element_at`, `m[k]`: MAP_KEY_DOES_NOT_EXIST). */
export class SparkNoSuchElementException extends ExecutionException {
  static isSparkNoSuchElementException(err: unknown): err is SparkNoSuchElementException {
    return isErrorKind(err, 'SparkNoSuchElementException');
  }
}
defineErrorKind(SparkNoSuchElementException, 'SparkNoSuchElementException');
