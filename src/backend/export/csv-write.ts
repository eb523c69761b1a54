/**
 * CSV writing as Spark 3.5 lays it out (the option list is in csv.ts's module comment).
 */
import type { Batch } from '../../data/batch.js';
import { javaBigDecimalToString, javaDoubleToString, javaFloatToString } from '../../format/value-string.js';
import { DataType, DateType, DecimalType, DoubleType, FloatType, StringType, TimestampNTZType, TimestampType } from '../../types/data-types.js';
import { isWs } from './csv-tokenize.js';
import { checkCsvSchema } from './datasource-errors.js';
import { delimiterOption, type SourceOptions } from './options.js';
import { TemporalText } from './text-values.js';

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
