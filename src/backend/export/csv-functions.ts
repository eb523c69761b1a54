/**
 * The CSV SQL functions (from_csv, to_csv, schema_of_csv) on the CSV data
 * source's tokenizer, conversions, inference and writer (`csv.ts`), applied
 * to one record, as Spark's UnivocityParser/Generator serve both.
 */
import { makeBatch } from '../../data/batch.js';
import { AnalysisException } from '../../errors/index.js';
import { StructType } from '../../types/data-types.js';
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

/** to_csv's writer: one struct value as a CSV record (no line separator). */
export function toCsvWriter(t: StructType, options: Readonly<Record<string, string>>, sessionZone: string): (v: unknown[]) => string {
  const o = sourceOptions(options, { header: 'false' }, sessionZone);
  const lineSep = o.string('lineSep', '\n');
  return (v) => {
    const text = writeCsvText(makeBatch(t, v.map((x) => [x])), o);
    return text.endsWith(lineSep) ? text.slice(0, text.length - lineSep.length) : text;
  };
}
