/**
 * Text rendering of mismatches: a side-by-side schema diff, and rows of both
 * sides as one aligned Spark-style table with differing cells marked.
 *
 * ```
 *                +---+----+-----+
 *                | id|name|score|
 *                +---+----+-----+
 *   actual[1]    |  2| Bob|  7.5|
 *   expected[1]  |  2| Bob|  8.0|
 *                |   |    |  ^^^|
 *                +---+----+-----+
 * ```
 * With colour, the differing cells are red (actual) and green (expected) and the
 * `^^^` marker lines are left out.
 */
import { escapeMetaCharacters, stringHalfWidth, truncateCell } from '../format/show.js';
import { prettyString } from '../format/value-string.js';
import type { DataType, StructField } from '../types/data-types.js';
import { jsRepr, toInternal } from '../types/values.js';
import { canonicalize, MapVal, RawVal, StructVal, type Canon } from './canonical.js';
import type { Painter } from './colors.js';

/** Longest cell text shown; longer values are cut with `...` as `show()` does. */
export const MAX_CELL_WIDTH = 60;

function containsRaw(c: Canon): boolean {
  if (c instanceof RawVal) return true;
  if (Array.isArray(c)) return c.some(containsRaw);
  if (c instanceof StructVal) return c.values.some(containsRaw);
  if (c instanceof MapVal) return c.entries.some(([k, v]) => containsRaw(k) || containsRaw(v));
  return false;
}

/**
 * The `show()` text of a collected value of `type`. A value that is not of the
 * column's type (a plain expected value such as `'1'` for an int column) is shown
 * as a JS literal (`'1'`) so it never looks the same as the real value.
 */
export function formatCell(value: unknown, type: DataType | undefined, timeZone: string): string {
  if (value === null || value === undefined) return 'NULL';
  if (type !== undefined && !containsRaw(canonicalize(value, type, { timeZone }))) {
    try {
      return prettyString(toInternal(value, type, undefined, { timeZone }), type, timeZone);
    } catch {
      // fall through to the JS literal
    }
  }
  if (type === undefined && typeof value === 'string') return value;
  return jsRepr(value);
}

/** Display form of a cell: escaped and truncated like `show()`. */
export function cellText(text: string): string {
  return truncateCell(escapeMetaCharacters(text), MAX_CELL_WIDTH);
}

/** What the two sides are called in messages (`actual`/`expected`, or backend names). */
export interface SideLabels {
  readonly actual: string;
  readonly expected: string;
}

export const DEFAULT_LABELS: SideLabels = Object.freeze({ actual: 'actual', expected: 'expected' });

// ---- schema diff ----------------------------------------------------------------------------------

export type SchemaMarker = ' ' | '!' | '-' | '+';

export interface SchemaDiffLine {
  /** `' '` same, `'!'` differs, `'-'` only in actual, `'+'` only in expected. */
  readonly marker: SchemaMarker;
  readonly actual: string | undefined;
  readonly expected: string | undefined;
}

export interface FieldTextOptions {
  readonly showNullable: boolean;
  readonly showMetadata: boolean;
}

/** `name: type` with ` NOT NULL` and metadata only when they take part in the comparison. */
export function fieldText(f: StructField, o: FieldTextOptions): string {
  let s = `${f.name}: ${f.dataType.simpleString()}`;
  if (o.showNullable && !f.nullable) s += ' NOT NULL';
  if (o.showMetadata && Object.keys(f.metadata).length > 0) s += ' ' + JSON.stringify(f.metadata);
  return s;
}

/**
 * Two columns, actual and expected, one line per column pair, with a marker:
 * ```
 *     actual             expected
 *     id: bigint         id: bigint
 *   ! score: double      score: string
 *   - extra: string
 *   + note: string
 * ```
 */
export function renderSchemaDiff(lines: readonly SchemaDiffLine[], p: Painter, labels: SideLabels = DEFAULT_LABELS): string {
  const left = Math.max(labels.actual.length, ...lines.map((l) => (l.actual ?? '').length));
  const out: string[] = [`    ${labels.actual.padEnd(left)}   ${labels.expected}`];
  for (const l of lines) {
    const a = (l.actual ?? '').padEnd(left);
    const e = l.expected ?? '';
    const paintA = l.marker === ' ' ? a : p.actual(a);
    const paintE = l.marker === ' ' ? e : p.expected(e);
    out.push(`  ${l.marker} ${paintA}   ${paintE}`.trimEnd());
  }
  return out.join('\n');
}

// ---- row tables ------------------------------------------------------------------------------------

export interface TableLine {
  /** Left of the table, e.g. `actual[3]`. */
  readonly label: string;
  readonly side: 'actual' | 'expected' | 'both';
  readonly cells: readonly string[];
  /** Per cell: does it differ from its counterpart? */
  readonly differs: readonly boolean[];
  /** Text after the row, e.g. `(only in actual)`. */
  readonly note?: string;
  /** Print a `^^^` marker line under this row (without colour). */
  readonly markAfter?: boolean;
  /** Cells to mark in that line (defaults to `differs`). */
  readonly marks?: readonly boolean[];
}

/** One aligned Spark-style table of labelled rows from both sides. */
export function renderRowTable(header: readonly string[], lines: readonly TableLine[], p: Painter): string {
  const head = header.map((h) => cellText(h));
  const widths = head.map((h) => Math.max(3, stringHalfWidth(h)));
  for (const l of lines) l.cells.forEach((c, i) => (widths[i] = Math.max(widths[i]!, stringHalfWidth(c))));
  const labelWidth = Math.max(0, ...lines.map((l) => l.label.length)) + 2;
  const indent = ' '.repeat(labelWidth + 2);
  const pad = (s: string, i: number): string => ' '.repeat(Math.max(0, widths[i]! - stringHalfWidth(s))) + s;
  const sep = indent + '+' + widths.map((w) => '-'.repeat(w)).join('+') + '+';
  const out: string[] = [sep, indent + '|' + head.map(pad).join('|') + '|', sep];
  for (const l of lines) {
    const paint = l.side === 'actual' ? p.actual : l.side === 'expected' ? p.expected : (s: string): string => s;
    const cells = l.cells.map((c, i) => {
      const padded = pad(c, i);
      if (!l.differs[i]) return padded;
      const text = padded.trimStart();
      return padded.slice(0, padded.length - text.length) + paint(text);
    });
    const label = `  ${l.label.padEnd(labelWidth)}`;
    out.push(`${label}|${cells.join('|')}|${l.note ? ' ' + p.dim(l.note) : ''}`);
    if (l.markAfter && !p.enabled) {
      const marks = l.marks ?? l.differs;
      out.push(indent + '|' + widths.map((w, i) => (marks[i] ? '^'.repeat(w) : ' '.repeat(w))).join('|') + '|');
    }
  }
  out.push(sep);
  return out.join('\n');
}

/** `33.3%`, `0.01%`, `<0.01%` for tiny non-zero shares, `100%`. */
export function formatPercent(part: number, whole: number): string {
  if (whole === 0 || part === 0) return '0%';
  const pct = (part / whole) * 100;
  if (part >= whole) return '100%';
  if (pct > 99.9) return '>99.9%';
  if (pct >= 0.1) return `${Math.round(pct * 10) / 10}%`;
  if (pct >= 0.01) return `${Math.round(pct * 100) / 100}%`;
  return '<0.01%';
}

/** `1 row` / `3 rows`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
