/**
 * Spark's `text` data source: reading gives one string column `value`, one
 * row per line (`\n`, `\r\n` or `\r` by default, or the `lineSep` option; a
 * final line separator ends the last line), or one row per file with
 * `wholetext`. Writing takes exactly one string column, one line per row
 * (a null row is an empty line).
 */
import { makeBatch, type Batch } from '../../data/batch.js';
import { AnalysisException } from '../../errors/index.js';
import { STRING, StringType, StructField, StructType } from '../../types/data-types.js';
import { unsupportedDataType } from './csv.js';
import type { SourceOptions } from './options.js';

export const TEXT_SCHEMA = new StructType([new StructField('value', STRING, true)]);

function splitLines(text: string, lineSep: string | undefined): string[] {
  if (text === '') return [];
  const parts = lineSep === undefined ? text.split(/\r\n|\r|\n/) : text.split(lineSep);
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** The rows of the text files (one array per file, for partition columns). */
export function readTextFiles(texts: readonly string[], schema: StructType | undefined, opts: SourceOptions): { batch: Batch; rowsPerText: number[] } {
  const target = schema ?? TEXT_SCHEMA;
  checkTextSchema(target);
  const whole = opts.bool('wholetext', false);
  const sep = opts.get('lineSep');
  const values: string[] = [];
  const rowsPerText: number[] = [];
  for (const t of texts) {
    const lines = whole ? [t] : splitLines(t, sep);
    values.push(...lines);
    rowsPerText.push(lines.length);
  }
  return { batch: makeBatch(target, [values]), rowsPerText };
}

/** Spark's checks of a text write: one column, of string type. */
export function checkTextSchema(schema: StructType): void {
  if (schema.fields.length !== 1) {
    throw new AnalysisException(`Text data source supports only a single column, and you have ${schema.fields.length} columns.`);
  }
  const f = schema.fields[0]!;
  if (!(f.dataType instanceof StringType)) throw unsupportedDataType('Text', f);
}

export function writeTextText(batch: Batch, opts: SourceOptions): string {
  checkTextSchema(batch.schema);
  const sep = opts.get('lineSep') ?? '\n';
  const col = batch.columns[0]!;
  let out = '';
  for (let i = 0; i < batch.numRows; i++) out += (col[i] === null || col[i] === undefined ? '' : String(col[i])) + sep;
  return out;
}
