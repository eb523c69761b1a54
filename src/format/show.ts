/**
 * `DataFrame.show()` text, following Spark 3.5's `Dataset.showString`: cells are
 * `ToPrettyString` values (`NULL` for nulls) with meta characters escaped,
 * truncated to `truncate` characters, padded by display width (East Asian
 * full-width characters count twice), right-aligned when truncating.
 */
import type { Batch } from '../data/batch.js';
import { prettyString } from './value-string.js';

export interface ShowOptions {
  /** Rows to print (default 20). The batch may hold more; they only trigger the footer. */
  readonly numRows?: number;
  /** `true` = 20 (default), `false` = 0 = no truncation (cells left-aligned), or a width. */
  readonly truncate?: boolean | number;
  /** One line per column value (default false). */
  readonly vertical?: boolean;
  /** More rows exist beyond the batch (the caller fetched only `numRows`). */
  readonly hasMoreRows?: boolean;
  /** Session time zone for TimestampType values (default `UTC`). */
  readonly timeZone?: string;
}

const MIN_COL_WIDTH = 3;

/** The exact text `df.show(...)` prints (ends with a newline; `print` in PySpark adds one more). */
export function formatShow(batch: Batch, options: ShowOptions = {}): string {
  const numRows = Math.max(0, Math.floor(options.numRows ?? 20));
  const truncate = options.truncate === undefined || options.truncate === true ? 20 : options.truncate === false ? 0 : Math.floor(options.truncate);
  const vertical = options.vertical ?? false;
  const timeZone = options.timeZone ?? 'UTC';
  const hasMoreData = batch.numRows > numRows || (options.hasMoreRows ?? false);
  const shown = Math.min(numRows, batch.numRows);
  const fields = batch.schema.fields;

  const header = fields.map((f) => escapeMetaCharacters(f.name));
  const dataRows: string[][] = [];
  for (let r = 0; r < shown; r++) {
    dataRows.push(
      fields.map((f, c) => truncateCell(escapeMetaCharacters(prettyString(batch.columns[c]![r], f.dataType, timeZone)), truncate)),
    );
  }

  let sb = '';
  if (!vertical) {
    const widths = header.map(() => MIN_COL_WIDTH);
    for (const row of [header, ...dataRows]) {
      row.forEach((cell, i) => {
        widths[i] = Math.max(widths[i]!, stringHalfWidth(cell));
      });
    }
    const pad = (cell: string, i: number): string => {
      const size = widths[i]! - stringHalfWidth(cell) + cell.length;
      return truncate > 0 ? cell.padStart(size) : cell.padEnd(size);
    };
    const sep = '+' + widths.map((w) => '-'.repeat(w)).join('+') + '+\n';
    sb += sep;
    sb += '|' + header.map(pad).join('|') + '|\n';
    sb += sep;
    for (const row of dataRows) sb += '|' + row.map(pad).join('|') + '|\n';
    sb += sep;
  } else {
    const nameWidth = header.reduce((m, n) => Math.max(m, stringHalfWidth(n)), MIN_COL_WIDTH);
    const dataWidth = dataRows.reduce((m, row) => Math.max(m, ...row.map(stringHalfWidth)), MIN_COL_WIDTH);
    dataRows.forEach((row, i) => {
      sb += `-RECORD ${i}`.padEnd(nameWidth + dataWidth + 5, '-') + '\n';
      sb += row
        .map((cell, j) => {
          const name = header[j]!;
          const n = name.padEnd(nameWidth - stringHalfWidth(name) + name.length);
          const d = cell.padEnd(dataWidth - stringHalfWidth(cell) + cell.length);
          return ` ${n} | ${d} `;
        })
        .map((line) => line + '\n')
        .join('');
    });
  }

  if (vertical && dataRows.length === 0) sb += '(0 rows)\n';
  else if (hasMoreData) sb += `only showing top ${numRows} ${numRows === 1 ? 'row' : 'rows'}\n`;
  return sb;
}

/** Cells longer than `truncate` keep `truncate - 3` characters plus `...` (no ellipsis below 4). */
export function truncateCell(str: string, truncate: number): string {
  if (truncate > 0 && str.length > truncate) {
    return truncate < 4 ? str.substring(0, truncate) : str.substring(0, truncate - 3) + '...';
  }
  return str;
}

/** Spark's `SchemaUtils.escapeMetaCharacters`: `\n` → `\\n` etc., so cells stay on one line. */
export function escapeMetaCharacters(str: string): string {
  return str
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\f/g, '\\f')
    .replace(/\x08/g, '\\b')
    .replace(/\v/g, '\\v')
    .replace(/\x07/g, '\\a');
}

const FULL_WIDTH = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6]/g;

/** Spark's `Utils.stringHalfWidth`: UTF-16 length plus one per full-width character. */
export function stringHalfWidth(str: string): number {
  const m = str.match(FULL_WIDTH);
  return str.length + (m ? m.length : 0);
}
