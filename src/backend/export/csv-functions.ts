/**
 * The CSV SQL functions (from_csv, to_csv, schema_of_csv) on the CSV data
 * source's tokenizer, conversions, inference and writer (`csv.ts`), applied
 * to one record, as Spark's UnivocityParser/Generator serve both.
 */
import { makeBatch } from '../../data/batch.js';
import { AnalysisException, NotImplementedException } from '../../errors/index.js';
import { AtomicType, BinaryType, DataType, STRING, StructField, StructType } from '../../types/data-types.js';
import { intervalToString, isIntervalType } from '../../types/intervals.js';
import { internalText } from './internal-text.js';
import { readCsvTexts, writeCsvText } from './csv.js';
import { SourceOptions } from './options.js';

function sourceOptions(options: Readonly<Record<string, string>>, extra: Record<string, string>, sessionZone?: string): SourceOptions {
  const o = new SourceOptions(options);
  const zone = o.has('timeZone') || sessionZone === undefined ? {} : { timeZone: sessionZone };
  return new SourceOptions({ ...options, ...zone, ...extra });
}

/** from_csv's converter: one record of text → a row of `schema` (PERMISSIVE nulls, FAILFAST error). */
export function fromCsvConverter(schema: StructType, options: Readonly<Record<string, string>>, sessionZone: string): (text: string) => unknown[] {
  const o = sourceOptions(options, { header: 'false', inferSchema: 'false' }, sessionZone);
  if (o.parseMode() === 'DROPMALFORMED') {
    throw new AnalysisException(`from_csv() doesn't support the DROPMALFORMED mode. Acceptable modes are PERMISSIVE and FAILFAST.`, {
      errorClass: '_LEGACY_ERROR_TEMP_1099',
      messageParameters: { funcName: 'from_csv', mode: 'DROPMALFORMED' },
    });
  }
  return (text) => {
    const b = readCsvTexts([text], schema, o).batch;
    return schema.fields.map((_, c) => (b.numRows > 0 ? b.columns[c]![0] ?? null : null));
  };
}

/** schema_of_csv: the inferred struct's SQL text (`STRUCT<_c0: INT, _c1: STRING>`). */
export function inferCsvSchemaText(csv: string, options: Readonly<Record<string, string>>): string {
  const o = sourceOptions(options, { header: 'false', inferSchema: 'true' });
  return readCsvTexts([csv], undefined, o).batch.schema.sql();
}

/** A field the CSV writer cannot print as it is: nested values and intervals become text first. */
const needsText = (t: DataType): boolean => !(t instanceof AtomicType) || isIntervalType(t) || t instanceof BinaryType;

/** to_csv's writer: one struct value as a CSV record (no line separator). */
export function toCsvWriter(t: StructType, options: Readonly<Record<string, string>>, sessionZone: string): (v: unknown[]) => string {
  const o = sourceOptions(options, { header: 'false' }, sessionZone);
  const lineSep = o.string('lineSep', '\n');
  const asText = t.fields.map((f) => needsText(f.dataType));
  if (t.fields.some((f) => f.dataType instanceof BinaryType)) {
    throw new NotImplementedException('to_csv of a BINARY field', 'Spark 3.5.7 prints a JVM object reference (`[B@6524df1f`)');
  }
  const schema = new StructType(t.fields.map((f, i) => (asText[i] ? new StructField(f.name, STRING, f.nullable) : f)));
  // A top-level interval prints as CAST AS STRING does (`INTERVAL '1' DAY`); nested values as `internalText`.
  const cell = (x: unknown, f: StructField): unknown =>
    x === null || x === undefined ? null : isIntervalType(f.dataType) ? intervalToString(x, f.dataType) : internalText(x, f.dataType, 'to_csv of a BINARY value inside an array, map or struct field');
  return (v) => {
    const row = v.map((x, i) => (asText[i] ? cell(x, t.fields[i]!) : x));
    const text = writeCsvText(makeBatch(schema, row.map((x) => [x])), o);
    return text.endsWith(lineSep) ? text.slice(0, text.length - lineSep.length) : text;
  };
}
