/**
 * CSV schema inference as Spark's CSVInferSchema does it: per column, the narrowest type that
 * reads every non-null field (the ladder is in csv.ts's module comment), merged across records.
 */
import {
  BooleanType,
  ByteType,
  DataType,
  DateType,
  DecimalType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  NullType,
  ShortType,
  StringType,
  TimestampNTZType,
  TimestampType,
  BOOLEAN,
  DATE,
  DOUBLE,
  INT,
  LONG,
  NULL,
  STRING,
  TIMESTAMP,
} from '../../types/data-types.js';
import type { CsvRecord } from './csv-tokenize.js';
import { INT_MAX, INT_MIN, LONG_MAX, LONG_MIN, parseJavaBigDecimal, parseJavaBoolean, parseJavaDouble, parseJavaIntegral, type TemporalText } from './text-values.js';

/** The read options inference consults. */
export interface InferSettings {
  readonly nullValue: string;
  readonly nanValue: string;
  readonly positiveInf: string;
  readonly negativeInf: string;
  readonly preferDate: boolean;
}

export function inferTypes(records: readonly CsvRecord[], width: number, s: InferSettings, temporal: TemporalText): DataType[] {
  const types: DataType[] = new Array(width).fill(NULL);
  for (const rec of records) {
    const n = Math.min(width, rec.tokens.length);
    for (let i = 0; i < n; i++) types[i] = inferField(types[i]!, rec.tokens[i] ?? null, s, temporal);
  }
  return types.map((t) => (t instanceof NullType ? STRING : t));
}

function inferField(soFar: DataType, field: string | null, s: InferSettings, temporal: TemporalText): DataType {
  if (field === null || field.length === 0 || field === s.nullValue) return soFar;
  let found: DataType;
  if (soFar instanceof NullType || soFar instanceof IntegerType) found = tryInteger(field, s, temporal);
  else if (soFar instanceof LongType) found = tryLong(field, s, temporal);
  else if (soFar instanceof DecimalType) found = tryDecimal(field, s, temporal);
  else if (soFar instanceof DoubleType) found = tryDouble(field, s, temporal);
  else if (soFar instanceof DateType) found = tryDate(field, s, temporal);
  else if (soFar instanceof TimestampType || soFar instanceof TimestampNTZType) found = tryTimestamp(field, temporal);
  else if (soFar instanceof BooleanType) found = tryBoolean(field);
  else return STRING;
  return compatibleType(soFar, found, temporal) ?? STRING;
}

function tryInteger(f: string, s: InferSettings, t: TemporalText): DataType {
  return parseJavaIntegral(f, INT_MIN, INT_MAX) !== undefined ? INT : tryLong(f, s, t);
}

function tryLong(f: string, s: InferSettings, t: TemporalText): DataType {
  return parseJavaIntegral(f, LONG_MIN, LONG_MAX) !== undefined ? LONG : tryDecimal(f, s, t);
}

function tryDecimal(f: string, s: InferSettings, t: TemporalText): DataType {
  const d = parseJavaBigDecimal(f);
  // Only integral text (scale <= 0) is a decimal candidate; negative scales are not allowed.
  if (d && d.scale === 0 && d.precision <= DecimalType.MAX_PRECISION) return new DecimalType(d.precision, 0);
  return tryDouble(f, s, t);
}

function tryDouble(f: string, s: InferSettings, t: TemporalText): DataType {
  if (parseJavaDouble(f) !== undefined || f === s.nanValue || f === s.positiveInf || f === s.negativeInf) return DOUBLE;
  return s.preferDate ? tryDate(f, s, t) : tryTimestamp(f, t);
}

function tryDate(f: string, s: InferSettings, t: TemporalText): DataType {
  return t.isDate(f) ? DATE : tryTimestamp(f, t);
}

function tryTimestamp(f: string, t: TemporalText): DataType {
  return t.parseTimestamp(f) !== undefined ? TIMESTAMP : tryBoolean(f);
}

function tryBoolean(f: string): DataType {
  return parseJavaBoolean(f) !== undefined ? BOOLEAN : STRING;
}

const NUMERIC_ORDER = ['byte', 'short', 'integer', 'long', 'float', 'double'];

/** Date patterns Spark's lenient timestamp parser also reads (CSVInferSchema). */
const LENIENT_TS_DATE_FORMATS = new Set(['yyyy-MM-dd', 'yyyy-M-d', 'yyyy-M-dd', 'yyyy-MM-d', 'yyyy-MM', 'yyyy-M', 'yyyy']);

/** CSVInferSchema.compatibleType: tightest common type, then the CSV-specific widenings; undefined → string. */
function compatibleType(a: DataType, b: DataType, temporal: TemporalText): DataType | undefined {
  if (a.equals(b)) return a;
  if (a instanceof NullType) return b;
  if (b instanceof NullType) return a;
  const isDate = (x: DataType): boolean => x instanceof DateType;
  const isTs = (x: DataType): boolean => x instanceof TimestampType || x instanceof TimestampNTZType;
  if ((isDate(a) && isTs(b)) || (isTs(a) && isDate(b))) {
    // Dates and timestamps mix into timestamps when the lenient timestamp parser reads the dates too.
    const lenient = temporal.timestampFormat === undefined && LENIENT_TS_DATE_FORMATS.has(temporal.dateFormat ?? 'yyyy-MM-dd');
    return lenient ? (isTs(a) ? a : b) : STRING;
  }
  const ia = NUMERIC_ORDER.indexOf(a.typeName());
  const ib = NUMERIC_ORDER.indexOf(b.typeName());
  if (ia >= 0 && ib >= 0) return ia > ib ? a : b;
  if (isTs(a) && isTs(b)) return TIMESTAMP;
  if (a instanceof StringType || b instanceof StringType) return STRING;
  if (a instanceof DecimalType && b instanceof DecimalType) {
    const scale = Math.max(a.scale, b.scale);
    const range = Math.max(a.precision - a.scale, b.precision - b.scale);
    return range + scale > DecimalType.MAX_PRECISION ? DOUBLE : new DecimalType(range + scale, scale);
  }
  if (a instanceof DecimalType && ib >= 0) return b instanceof DoubleType || b instanceof FloatType ? DOUBLE : compatibleType(a, decimalForIntegral(b), temporal);
  if (b instanceof DecimalType && ia >= 0) return a instanceof DoubleType || a instanceof FloatType ? DOUBLE : compatibleType(decimalForIntegral(a), b, temporal);
  return undefined;
}

/** Spark's DecimalType.forType for integral types. */
function decimalForIntegral(t: DataType): DecimalType {
  if (t instanceof ByteType) return new DecimalType(3, 0);
  if (t instanceof ShortType) return new DecimalType(5, 0);
  if (t instanceof IntegerType) return new DecimalType(10, 0);
  return new DecimalType(20, 0);
}
