export { SparklessError, type ErrorDetails, type QueryContext } from './base.js';
export {
  AnalysisException,
  ParseException,
  IllegalArgumentException,
  PySparkTypeError,
  PySparkValueError,
  PySparkRuntimeError,
  ExecutionException,
  NotImplementedException,
  BackendException,
  InternalError,
} from './exceptions.js';
export { unresolvedColumn, ambiguousReference, wrongNumArgs } from './analysis-errors.js';
export {
  SparkRuntimeException,
  ArithmeticException,
  NumberFormatException,
  DateTimeException,
  SparkUpgradeException,
  ArrayIndexOutOfBoundsException,
  SparkNoSuchElementException,
} from './runtime-exceptions.js';
