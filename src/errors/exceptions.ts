import { SparklessError } from './base.js';

/** Defines a subclass whose `isX(err)` check survives duplicated module copies (matches on `name`). */
function kindCheck(name: string) {
  return (err: unknown): boolean => SparklessError.isSparklessError(err) && err.name === name;
}

/** Query analysis failed: unresolved names, type mismatches, ambiguous references. */
export class AnalysisException extends SparklessError {
  static isAnalysisException = kindCheck('AnalysisException');
}

/** Text (DDL, SQL, type strings) could not be parsed. */
export class ParseException extends AnalysisException {
  static isParseException = kindCheck('ParseException');
}

/** An argument's value is invalid (JVM's IllegalArgumentException). */
export class IllegalArgumentException extends SparklessError {
  static isIllegalArgumentException = kindCheck('IllegalArgumentException');
}

/** A Python-side type error in PySpark (wrong argument type to an API call). */
export class PySparkTypeError extends SparklessError {
  static isPySparkTypeError = kindCheck('PySparkTypeError');
}

/** A Python-side value error in PySpark (bad argument value to an API call). */
export class PySparkValueError extends SparklessError {
  static isPySparkValueError = kindCheck('PySparkValueError');
}

/** Runtime failure while executing a query (Spark's SparkException family). */
export class ExecutionException extends SparklessError {
  static isExecutionException = kindCheck('ExecutionException');
}

/** A documented PySpark feature sparkless does not implement yet. Names the feature. */
export class NotImplementedException extends SparklessError {
  static isNotImplementedException = kindCheck('NotImplementedException');
  constructor(feature: string, hint?: string) {
    super(`${feature} is not implemented in sparkless${hint ? `: ${hint}` : ''}.`, {
      errorClass: 'NOT_IMPLEMENTED',
      messageParameters: { feature },
    });
  }
}

/** A backend (e.g. nodejs-polars' native binary) could not be loaded or failed internally. */
export class BackendException extends SparklessError {
  static isBackendException = kindCheck('BackendException');
}

/** A bug in sparkless itself: an invariant did not hold. */
export class InternalError extends SparklessError {
  static isInternalError = kindCheck('InternalError');
  constructor(message: string) {
    super(`${message} (this is a sparkless bug; please report it)`, { errorClass: 'INTERNAL_ERROR' });
  }
}
