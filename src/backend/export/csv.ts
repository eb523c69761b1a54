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
import { AnalysisException, ExecutionException } from '../../errors/index.js';
import { javaBigDecimalToString, javaDoubleToString, javaFloatToString } from '../../format/value-string.js';
import {
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
  NullType,
  ShortType,
  StringType,
  StructField,
  StructType,
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
  AtomicType,
} from '../../types/data-types.js';
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

// ---------------------------------------------------------------- schema checks

/** Spark's error for a column type a file format cannot hold. */
export function unsupportedDataType(format: string, field: StructField): AnalysisException {
  const columnName = '`' + field.name + '`';
  const columnType = `"${field.dataType.sql()}"`;
  return new AnalysisException(`The ${format} datasource doesn't support the column ${columnName} of the type ${columnType}.`, {
    errorClass: 'UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE',
    messageParameters: { columnName, columnType, format },
  });
}

/** CSV holds atomic types only (see the module comment about binary). */
export function checkCsvSchema(schema: StructType): void {
  for (const f of schema.fields) {
    if (!(f.dataType instanceof AtomicType) || f.dataType instanceof BinaryType) throw unsupportedDataType('CSV', f);
  }
}

// ---------------------------------------------------------------- writing

interface CsvWriteSettings {
  readonly sep: string;
  readonly quote: string;
  readonly escape: string;
  readonly quoteAll: boolean;
  readonly escapeQuotes: boolean;
  readonly trimLeading: boolean;
  readonly trimTrailing: boolean;
  readonly nullValue: string;
  readonly emptyValue: string;
  readonly lineSep: string;
}

function writeSettings(opts: SourceOptions): CsvWriteSettings {
  const quote = opts.char('quote', '"');
  return {
    sep: delimiterOption(opts),
    quote,
    escape: opts.char('escape', '\\'),
    quoteAll: opts.bool('quoteAll', false),
    escapeQuotes: opts.bool('escapeQuotes', true),
    trimLeading: opts.bool('ignoreLeadingWhiteSpace', true),
    trimTrailing: opts.bool('ignoreTrailingWhiteSpace', true),
    nullValue: opts.string('nullValue', ''),
    emptyValue: opts.get('emptyValue') ?? '""',
    lineSep: opts.string('lineSep', '\n'),
  };
}

const isWs = (c: number): boolean => c <= 0x20;

/** One field's text as Univocity's writer lays it out. */
function layoutField(text: string | null, s: CsvWriteSettings): string {
  if (text === null) return s.nullValue;
  let a = 0;
  let b = text.length;
  if (s.trimLeading) while (a < b && isWs(text.charCodeAt(a))) a++;
  if (s.trimTrailing) while (b > a && isWs(text.charCodeAt(b - 1))) b--;
  const v = a === 0 && b === text.length ? text : text.slice(a, b);
  if (v.length === 0) return s.quoteAll && s.quote !== '\u0000' ? s.quote + s.quote : s.emptyValue;
  const hasQuote = s.quote !== '\u0000' && v.includes(s.quote);
  const needsQuotes = s.quoteAll || v.includes(s.sep) || v.includes('\n') || v.includes('\r') || (hasQuote && s.escapeQuotes);
  if (!needsQuotes || s.quote === '\u0000') return v;
  const escaped = hasQuote ? v.split(s.quote).join(s.escape + s.quote) : v;
  return s.quote + escaped + s.quote;
}

/** The text of one non-null value. */
function valueText(v: unknown, t: DataType, temporal: TemporalText): string {
  if (t instanceof StringType) return v as string;
  if (t instanceof DoubleType) return javaDoubleToString(v as number);
  if (t instanceof FloatType) return javaFloatToString(v as number);
  if (t instanceof DecimalType) return javaBigDecimalToString(BigInt(v as bigint), t.scale);
  if (t instanceof DateType) return temporal.formatDate(v as number);
  if (t instanceof TimestampType) return temporal.formatTimestamp(v as number);
  if (t instanceof TimestampNTZType) return temporal.formatTimestampNTZ(v as number);
  return String(v);
}

/** The batch as CSV text (header first when asked); every line ends with the line separator. */
export function writeCsvText(batch: Batch, opts: SourceOptions): string {
  checkCsvSchema(batch.schema);
  const s = writeSettings(opts);
  const temporal = new TemporalText(opts);
  const fields = batch.schema.fields;
  const lines: string[] = [];
  if (opts.bool('header', false)) lines.push(fields.map((f) => layoutField(f.name, s)).join(s.sep));
  for (let r = 0; r < batch.numRows; r++) {
    const cells = fields.map((f, c) => {
      const v = batch.columns[c]![r];
      return layoutField(v === null || v === undefined ? null : valueText(v, f.dataType, temporal), s);
    });
    lines.push(cells.join(s.sep));
  }
  return lines.length === 0 ? '' : lines.join(s.lineSep) + s.lineSep;
}

// ---------------------------------------------------------------- tokenizing

/** One record: its tokens (null for an empty unquoted field) and raw text. */
interface CsvRecord {
  readonly tokens: (string | null)[];
  readonly raw: string;
  /** Index of the text (file) the record came from. */
  file: number;
}

interface TokenizeSettings {
  readonly sep: string;
  readonly quote: string;
  readonly escape: string;
  readonly comment: string;
  readonly multiLine: boolean;
  readonly trimLeading: boolean;
  readonly trimTrailing: boolean;
  readonly emptyValue: string;
}

/**
 * Splits CSV text into records. Without `multiLine` a line break always ends
 * the record, even inside quotes (Spark splits lines first). Empty lines and
 * comment lines are skipped.
 */
function tokenize(text: string, s: TokenizeSettings): CsvRecord[] {
  const out: CsvRecord[] = [];
  const n = text.length;
  const sepLen = s.sep.length;
  const quoting = s.quote !== '\u0000';
  let i = 0;
  const isNl = (c: string | undefined): boolean => c === '\n' || c === '\r';
  const skipNl = (): void => {
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else i++;
  };
  while (i < n) {
    const start = i;
    if (isNl(text[i])) {
      skipNl();
      continue; // empty line
    }
    if (s.comment !== '\u0000' && text[i] === s.comment) {
      while (i < n && !isNl(text[i])) i++;
      if (i < n) skipNl();
      continue;
    }
    const tokens: (string | null)[] = [];
    for (;;) {
      // one field
      let value = '';
      let quoted = false;
      let p = i;
      if (s.trimLeading) while (p < n && text[p] !== s.quote && !isNl(text[p]) && !text.startsWith(s.sep, p) && isWs(text.charCodeAt(p))) p++;
      if (quoting && text[p] === s.quote) {
        quoted = true;
        i = p + 1;
        for (;;) {
          if (i >= n) break;
          const c = text[i]!;
          if (c === s.escape && s.escape !== s.quote && text[i + 1] === s.quote) {
            value += s.quote;
            i += 2;
          } else if (c === s.quote) {
            if (text[i + 1] === s.quote) {
              value += s.quote;
              i += 2;
            } else {
              i++;
              break;
            }
          } else if (isNl(c) && !s.multiLine) {
            break;
          } else {
            value += c;
            i++;
          }
        }
        // Characters after the closing quote belong to the value (Univocity's STOP_AT_DELIMITER).
        while (i < n && !isNl(text[i]) && !text.startsWith(s.sep, i)) value += text[i++];
      } else {
        i = p;
        const from = i;
        while (i < n && !isNl(text[i]) && !text.startsWith(s.sep, i)) i++;
        value = text.slice(from, i);
      }
      if (s.trimTrailing && !quoted) value = value.replace(/[\x00-\x20]+$/, '');
      tokens.push(quoted ? (value.length === 0 ? s.emptyValue : value) : value.length === 0 ? null : value);
      if (i < n && text.startsWith(s.sep, i)) {
        i += sepLen;
        continue;
      }
      break;
    }
    const raw = text.slice(start, i);
    if (i < n) skipNl();
    out.push({ tokens, raw, file: 0 });
  }
  return out;
}

// ---------------------------------------------------------------- reading

interface ReadSettings extends TokenizeSettings {
  readonly header: boolean;
  readonly nullValue: string;
  readonly nanValue: string;
  readonly positiveInf: string;
  readonly negativeInf: string;
  readonly mode: 'PERMISSIVE' | 'DROPMALFORMED' | 'FAILFAST';
  readonly corruptColumn: string;
  readonly inferSchema: boolean;
  readonly preferDate: boolean;
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

/** Spark's FAILFAST error. */
export function malformedRecord(raw: string): ExecutionException {
  return new ExecutionException(
    `Malformed records are detected in record parsing: [${raw}]. Parse Mode: FAILFAST. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'.`,
    { errorClass: 'MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION', messageParameters: { badRecord: raw, failFastMode: 'FAILFAST' } },
  );
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

// ---------------------------------------------------------------- inference

function inferTypes(records: readonly CsvRecord[], width: number, s: ReadSettings, temporal: TemporalText): DataType[] {
  const types: DataType[] = new Array(width).fill(NULL);
  for (const rec of records) {
    const n = Math.min(width, rec.tokens.length);
    for (let i = 0; i < n; i++) types[i] = inferField(types[i]!, rec.tokens[i] ?? null, s, temporal);
  }
  return types.map((t) => (t instanceof NullType ? STRING : t));
}

function inferField(soFar: DataType, field: string | null, s: ReadSettings, temporal: TemporalText): DataType {
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

function tryInteger(f: string, s: ReadSettings, t: TemporalText): DataType {
  return parseJavaIntegral(f, INT_MIN, INT_MAX) !== undefined ? INT : tryLong(f, s, t);
}

function tryLong(f: string, s: ReadSettings, t: TemporalText): DataType {
  return parseJavaIntegral(f, LONG_MIN, LONG_MAX) !== undefined ? LONG : tryDecimal(f, s, t);
}

function tryDecimal(f: string, s: ReadSettings, t: TemporalText): DataType {
  const d = parseJavaBigDecimal(f);
  // Only integral text (scale <= 0) is a decimal candidate; negative scales are not allowed.
  if (d && d.scale === 0 && d.precision <= DecimalType.MAX_PRECISION) return new DecimalType(d.precision, 0);
  return tryDouble(f, s, t);
}

function tryDouble(f: string, s: ReadSettings, t: TemporalText): DataType {
  if (parseJavaDouble(f) !== undefined || f === s.nanValue || f === s.positiveInf || f === s.negativeInf) return DOUBLE;
  return s.preferDate ? tryDate(f, s, t) : tryTimestamp(f, t);
}

function tryDate(f: string, s: ReadSettings, t: TemporalText): DataType {
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
