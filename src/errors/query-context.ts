/**
 * Spark's query context: for the runtime errors Spark raises with the
 * failing expression's origin (DIVIDE_BY_ZERO, ARITHMETIC_OVERFLOW from a
 * binary operator, CAST_INVALID_INPUT from a CAST, INVALID_ARRAY_INDEX, ...),
 * the message ends with a `== SQL(line L, position P) ==` block quoting the
 * expression's text with carets under it, and the error exposes the context
 * (the JVM's `SparkThrowable.getQueryContext()`). Expressions written in SQL
 * text (a query, `F.expr`, `selectExpr`) carry their origin; the DataFrame API's
 * carry none, so their errors have no context, as in Spark 3.5.
 *
 * Which errors take a context is Spark's choice, error by error and site by
 * site (CAST_OVERFLOW, unary minus overflow and sum overflow take none): the
 * raising site marks the error with `takesQueryContext`, and the evaluator of
 * the expression it came from attaches the origin with `attachQueryContext`.
 */
import { isErrorKind, setQueryContext, SparklessError, type QueryContext } from './base.js';

/** The SQL text an expression came from, shared by every origin in it. */
export interface SqlSource {
  /** The text positions are counted in (a view's query text for a view). */
  text: string;
  /** Offset of `text` in the parsed string (a view's query inside its CREATE VIEW). */
  readonly base: number;
  /** `VIEW` for a view's query text, '' otherwise. */
  readonly objectType: string;
  readonly objectName: string;
}

/** Where an expression was written: offsets in the parsed string (stop inclusive), as Spark's `Origin`. */
export interface SqlOrigin {
  readonly source: SqlSource;
  readonly startIndex: number;
  readonly stopIndex: number;
}

/** Spark shows at most this many characters of the line before and after the fragment. */
const MAX_EXTRA = 32;
const DOTS = '...';

/** The `== SQL(line L, position P) ==` block, as Spark 3.5 prints it (ends with a line break). */
export function contextSummary(o: SqlOrigin): string {
  const text = o.source.text;
  const start = o.startIndex - o.source.base;
  const stop = Math.min(o.stopIndex - o.source.base, text.length - 1);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) line++;
  const what = o.source.objectType ? ` of ${o.source.objectType} ${o.source.objectName}` : '';
  let out = `== SQL${what}(line ${line}, position ${start - lineStart + 1}) ==\n`;
  // Up to 32 characters either side on the fragment's first and last lines; Spark adds `...`
  // from 32 characters on, even when nothing is left out.
  const headDots = start - lineStart >= MAX_EXTRA;
  const from = headDots ? start - MAX_EXTRA : lineStart;
  const lineEnd = text.indexOf('\n', stop + 1) < 0 ? text.length : text.indexOf('\n', stop + 1);
  const tailDots = lineEnd - stop - 1 >= MAX_EXTRA;
  const to = tailDots ? stop + 1 + MAX_EXTRA : lineEnd;
  const lines = text.slice(from, to).split('\n');
  let offset = from;
  lines.forEach((l, k) => {
    const first = k === 0 && headDots;
    out += (first ? DOTS : '') + l + (k === lines.length - 1 && tailDots ? DOTS : '') + '\n';
    let carets = first ? ' '.repeat(DOTS.length) : '';
    for (let c = 0; c < l.length && offset + c <= stop; c++) carets += offset + c < start ? ' ' : '^';
    out += carets + '\n';
    offset += l.length + 1;
  });
  return out;
}

const TAKES = Symbol.for('sparkless.takesQueryContext');

/** Marks `err` as one Spark reports with the failing expression's query context. */
export function takesQueryContext<T extends Error>(err: T): T {
  Object.defineProperty(err, TAKES, { value: true, configurable: true });
  return err;
}

/**
 * Gives a marked error the context of `origin` (once: the innermost expression
 * with an origin wins): the summary is appended to the message and the context
 * is kept for `getQueryContext()`. Other errors are left alone.
 */
export function attachQueryContext(err: unknown, origin: SqlOrigin): void {
  if (!SparklessError.isSparklessError(err) || (err as unknown as Record<symbol, unknown>)[TAKES] !== true) return;
  Object.defineProperty(err, TAKES, { value: false, configurable: true });
  const summary = contextSummary(origin);
  const { base, text, objectType, objectName } = origin.source;
  const context: QueryContext = {
    objectType,
    objectName,
    startIndex: origin.startIndex - base,
    stopIndex: origin.stopIndex - base,
    fragment: text.slice(origin.startIndex - base, origin.stopIndex - base + 1),
    summary,
  };
  err.message = `${err.message}\n${summary}`;
  setQueryContext(err, [context]);
}

const POSITIONED = Symbol.for('sparkless.analysisPositioned');

/** Marks `err` as one Spark raises without `; line L pos P` (its legacy window checks build no origin). */
export function withoutPosition<T>(err: T): T {
  if (err && typeof err === 'object') Object.defineProperty(err, POSITIONED, { value: true, configurable: true });
  return err;
}

/**
 * An AnalysisException raised while resolving an expression written in SQL text ends
 * with `; line L pos P` (P 0-based), as Spark 3.5's do: once, at the innermost expression
 * with an origin. Positions count in the text the expression was parsed from (a view's
 * query text for a view).
 */
export function positionAnalysisError(err: unknown, origin: SqlOrigin): void {
  if (!isErrorKind(err, 'AnalysisException') || isErrorKind(err, 'ParseException')) return;
  const e = err as SparklessError & Record<symbol, unknown>;
  if (e[POSITIONED] === true) return;
  Object.defineProperty(e, POSITIONED, { value: true, configurable: true });
  const text = origin.source.text;
  const start = origin.startIndex - origin.source.base;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const line = text.slice(0, start).split('\n').length;
  e.message = `${e.message}; line ${line} pos ${start - lineStart}`;
}
