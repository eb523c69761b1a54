import { defineErrorKind, isErrorKind, SparklessError } from './base.js';

// Each class is named and branded explicitly by defineErrorKind (bundlers rename classes); the
// static `isX(err)` checks the brand, so it holds for subclasses and across copies of the library.

/** Query analysis failed: unresolved names, type mismatches, ambiguous references. */
export class AnalysisException extends SparklessError {
  static isAnalysisException(err: unknown): err is AnalysisException {
    return isErrorKind(err, 'AnalysisException');
  }
}
defineErrorKind(AnalysisException, 'AnalysisException');

/** Text (DDL, SQL, type strings) could not be parsed. As in PySpark, a `ParseException` is an `AnalysisException`. */
export class ParseException extends AnalysisException {
  static isParseException(err: unknown): err is ParseException {
    return isErrorKind(err, 'ParseException');
  }
}
defineErrorKind(ParseException, 'ParseException');

/** An argument's value is invalid (JVM's IllegalArgumentException). */
export class IllegalArgumentException extends SparklessError {
  static isIllegalArgumentException(err: unknown): err is IllegalArgumentException {
    return isErrorKind(err, 'IllegalArgumentException');
  }
}
defineErrorKind(IllegalArgumentException, 'IllegalArgumentException');

/** A Python-side type error in PySpark (wrong argument type to an API call). */
export class PySparkTypeError extends SparklessError {
  static isPySparkTypeError(err: unknown): err is PySparkTypeError {
    return isErrorKind(err, 'PySparkTypeError');
  }
}
defineErrorKind(PySparkTypeError, 'PySparkTypeError');

/** A Python-side value error in PySpark (bad argument value to an API call). */
export class PySparkValueError extends SparklessError {
  static isPySparkValueError(err: unknown): err is PySparkValueError {
    return isErrorKind(err, 'PySparkValueError');
  }
}
defineErrorKind(PySparkValueError, 'PySparkValueError');

/** A Python-side runtime error in PySpark (PySparkRuntimeError, a RuntimeError): the API was used in a wrong state. */
export class PySparkRuntimeError extends SparklessError {
  static isPySparkRuntimeError(err: unknown): err is PySparkRuntimeError {
    return isErrorKind(err, 'PySparkRuntimeError');
  }
}
defineErrorKind(PySparkRuntimeError, 'PySparkRuntimeError');

/** Runtime failure while executing a query (Spark's SparkException family). */
export class ExecutionException extends SparklessError {
  static isExecutionException(err: unknown): err is ExecutionException {
    return isErrorKind(err, 'ExecutionException');
  }
}
defineErrorKind(ExecutionException, 'ExecutionException');

/** A documented PySpark feature sparkless does not implement yet. Names the feature. */
export class NotImplementedException extends SparklessError {
  static isNotImplementedException(err: unknown): err is NotImplementedException {
    return isErrorKind(err, 'NotImplementedException');
  }
  constructor(feature: string, hint?: string) {
    super(`${feature} is not implemented in sparkless${hint ? `: ${hint}` : ''}.`, {
      errorClass: 'NOT_IMPLEMENTED',
      messageParameters: { feature },
    });
  }
}
defineErrorKind(NotImplementedException, 'NotImplementedException');

/** A backend (e.g. nodejs-polars' native binary) could not be loaded or failed internally. */
export class BackendException extends SparklessError {
  static isBackendException(err: unknown): err is BackendException {
    return isErrorKind(err, 'BackendException');
  }
}
defineErrorKind(BackendException, 'BackendException');

/** A bug in sparkless itself: an invariant did not hold. */
export class InternalError extends SparklessError {
  static isInternalError(err: unknown): err is InternalError {
    return isErrorKind(err, 'InternalError');
  }
  constructor(message: string) {
    super(`${message} (this is a sparkless bug; please report it)`, { errorClass: 'INTERNAL_ERROR' });
  }
}
defineErrorKind(InternalError, 'InternalError');
