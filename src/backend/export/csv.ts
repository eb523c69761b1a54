/**
 * CSV as Spark 3.5 writes and reads it (Univocity settings from CSVOptions).
 *
 * Writing: no header unless `header`; `sep` (default `,`); a value is quoted
 * (`"`) when it contains the separator, the quote character or a line break
 * (or always with `quoteAll`); quotes inside are escaped with `escape`
 * (default `\`, so `a"b` is written `"a\"b"`); leading/trailing whitespace is
 * trimmed (`ignoreLeadingWhiteSpace`/`ignoreTrailingWhiteSpace` default true
 * for writing); null is `nullValue` (default empty, unquoted); the empty
 * string is `emptyValue` (default `""`). Dates `yyyy-MM-dd`, timestamps
 * `yyyy-MM-dd'T'HH:mm:ss.SSSXXX` in the session zone, timestamp_ntz
 * `yyyy-MM-dd'T'HH:mm:ss.SSS`, doubles as Java prints them. Only atomic
 * types can be written; binary is rejected too (Spark writes a JVM object
 * reference for it, which cannot be read back).
 *
 * Reading: `header`, `sep`/`delimiter`, `quote`, `escape`, `comment`,
 * `nullValue`, `nanValue`/`positiveInf`/`negativeInf`, `multiLine`, `mode`
 * (PERMISSIVE nulls malformed fields, DROPMALFORMED drops the row, FAILFAST
 * throws), `columnNameOfCorruptRecord`, `dateFormat`, `timestampFormat`,
 * `inferSchema`, `preferDate`, `ignoreLeadingWhiteSpace`,
 * `ignoreTrailingWhiteSpace`. Without `inferSchema` every column is a string.
 *
 * Inference follows CSVInferSchema: per column, the narrowest of int → long
 * → decimal (integers beyond long) → double → date (strict `yyyy-MM-dd`) →
 * timestamp → boolean → string that fits every non-null value; int+long →
 * long, integral+double → double, date+timestamp → timestamp (string when a
 * `timestampFormat` is given), anything else mixed → string; all-null
 * columns are strings.
 */
import { makeBatch, type Batch } from '../../data/batch.js';
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
  StructField,
  StructType,
  TimestampNTZType,
  TimestampType,
  STRING,
} from '../../types/data-types.js';
import { inferTypes, type InferSettings } from './csv-infer.js';
import { tokenize, type CsvRecord, type TokenizeSettings } from './csv-tokenize.js';
import { checkCsvSchema, malformedRecord } from './datasource-errors.js';
import { delimiterOption, type SourceOptions } from './options.js';
import {
  INT_MAX,
  INT_MIN,
  LONG_MAX,
  LONG_MIN,
  TemporalText,
  parseJavaBigDecimal,
  parseJavaBoolean,
  parseJavaDouble,
  parseJavaIntegral,
  toDecimalValue,
} from './text-values.js';

// This module reads; writing, tokenizing and inference are its neighbours. The names other
// formats import from here stay importable from here.
export { writeCsvText } from './csv-write.js';
export { checkCsvSchema, malformedRecord, unsupportedDataType } from './datasource-errors.js';

interface ReadSettings extends TokenizeSettings, InferSettings {
  readonly header: boolean;
  readonly mode: 'PERMISSIVE' | 'DROPMALFORMED' | 'FAILFAST';
  readonly corruptColumn: string;
  readonly inferSchema: boolean;
}

function readSettings(opts: SourceOptions): ReadSettings {
  return {
    sep: delimiterOption(opts),
    quote: opts.char('quote', '"'),
    escape: opts.char('escape', '\\'),
    comment: opts.char('comment', '\u0000'),
    multiLine: opts.bool('multiLine', false),
    trimLeading: opts.bool('ignoreLeadingWhiteSpace', false),
    trimTrailing: opts.bool('ignoreTrailingWhiteSpace', false),
    emptyValue: opts.string('emptyValue', ''),
    header: opts.bool('header', false),
    nullValue: opts.string('nullValue', ''),
    nanValue: opts.string('nanValue', 'NaN'),
    positiveInf: opts.string('positiveInf', 'Inf'),
    negativeInf: opts.string('negativeInf', '-Inf'),
    mode: opts.parseMode(),
    corruptColumn: opts.string('columnNameOfCorruptRecord', '_corrupt_record'),
    inferSchema: opts.bool('inferSchema', false),
    preferDate: opts.bool('preferDate', true),
  };
}

/** Spark's `makeSafeHeader`: empty names become `_c<i>`; duplicates (case-insensitive) get their index appended. */
function safeHeader(names: readonly (string | null)[]): string[] {
  const lower = names.map((n) => (n ?? '').toLowerCase());
  const counts = new Map<string, number>();
  for (const l of lower) counts.set(l, (counts.get(l) ?? 0) + 1);
  return names.map((n, i) => {
    if (n === null || n === '') return `_c${i}`;
    return (counts.get(lower[i]!) ?? 0) > 1 ? `${n}${i}` : n;
  });
}

/** A read's rows and how many of them came from each input text. */
export interface TextReadResult {
  readonly batch: Batch;
  readonly rowsPerText: number[];
}

/**
 * Reads CSV texts (one per file; with `header` each file's first record is
 * its header) into a batch of `schema`, or of the inferred schema.
 */
export function readCsvTexts(texts: readonly string[], schema: StructType | undefined, opts: SourceOptions): TextReadResult {
  const s = readSettings(opts);
  const temporal = new TemporalText(opts);
  let header: (string | null)[] | undefined;
  const records: CsvRecord[] = [];
  texts.forEach((text, file) => {
    const recs = tokenize(text, s);
    if (s.header && recs.length > 0) {
      const h = recs.shift()!;
      header ??= h.tokens;
    }
    for (const r of recs) {
      r.file = file;
      records.push(r);
    }
  });
  if (!schema) {
    const width = header?.length ?? records[0]?.tokens.length ?? 0;
    const names = header ? safeHeader(header) : Array.from({ length: width }, (_, i) => `_c${i}`);
    const types = s.inferSchema ? inferTypes(records, width, s, temporal) : names.map(() => STRING);
    schema = new StructType(names.map((n, i) => new StructField(n, types[i]!, true)));
  }
  checkCsvSchema(schema);
  return convertRecords(records, texts.length, schema, s, temporal);
}

function convertRecords(records: readonly CsvRecord[], numTexts: number, schema: StructType, s: ReadSettings, temporal: TemporalText): TextReadResult {
  const fields = schema.fields;
  const corruptIdx = fields.findIndex((f) => f.name === s.corruptColumn && f.dataType instanceof StringType);
  const dataIdx = fields.map((_, i) => i).filter((i) => i !== corruptIdx);
  const converters = fields.map((f) => tokenConverter(f.dataType, s, temporal));
  const cols: unknown[][] = fields.map(() => []);
  const rowsPerText: number[] = new Array(numTexts).fill(0);
  for (const rec of records) {
    let malformed = rec.tokens.length !== dataIdx.length;
    const row: unknown[] = new Array(fields.length).fill(null);
    dataIdx.forEach((fi, k) => {
      const tok = rec.tokens[k] ?? null;
      if (tok === null || tok === s.nullValue) return;
      const v = converters[fi]!(tok);
      if (v === undefined) malformed = true;
      else row[fi] = v;
    });
    if (malformed) {
      if (s.mode === 'DROPMALFORMED') continue;
      if (s.mode === 'FAILFAST') throw malformedRecord(rec.raw);
      if (corruptIdx >= 0) row[corruptIdx] = rec.raw;
    }
    row.forEach((v, c) => cols[c]!.push(v));
    rowsPerText[rec.file]!++;
  }
  return { batch: makeBatch(schema, cols), rowsPerText };
}

/** Token → internal value of `t`; undefined when malformed. */
function tokenConverter(t: DataType, s: ReadSettings, temporal: TemporalText): (tok: string) => unknown {
  if (t instanceof StringType) return (tok) => tok;
  if (t instanceof IntegerType) return (tok) => parseJavaIntegral(tok, INT_MIN, INT_MAX);
  if (t instanceof LongType) return (tok) => parseJavaIntegral(tok, LONG_MIN, LONG_MAX);
  if (t instanceof ShortType) return (tok) => parseJavaIntegral(tok, -32768n, 32767n);
  if (t instanceof ByteType) return (tok) => parseJavaIntegral(tok, -128n, 127n);
  if (t instanceof DoubleType || t instanceof FloatType) {
    const round = t instanceof FloatType ? Math.fround : (x: number) => x;
    return (tok) => {
      if (tok === s.nanValue) return NaN;
      if (tok === s.positiveInf) return Infinity;
      if (tok === s.negativeInf) return -Infinity;
      const d = parseJavaDouble(tok);
      return d === undefined ? undefined : round(d);
    };
  }
  if (t instanceof DecimalType) {
    return (tok) => {
      const d = parseJavaBigDecimal(tok.replace(/,/g, ''));
      return d === undefined ? undefined : toDecimalValue(d.unscaled, d.scale, t.precision, t.scale);
    };
  }
  if (t instanceof BooleanType) return (tok) => parseJavaBoolean(tok);
  if (t instanceof DateType) return (tok) => temporal.parseDate(tok);
  if (t instanceof TimestampType) return (tok) => temporal.parseTimestamp(tok);
  if (t instanceof TimestampNTZType) return (tok) => temporal.parseTimestampNTZ(tok);
  if (t instanceof NullType) return () => null;
  return () => undefined;
}
