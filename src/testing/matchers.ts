/**
 * The matchers, written once for both frameworks: `expect.extend(dataFrameMatchers)`
 * works in Vitest and Jest alike, so behaviour and messages are identical.
 * They are synchronous: a DataFrame action runs inside the matcher, so a test
 * that forgets an `await` still fails. Invalid input (a Promise, a non-DataFrame,
 * a bad option) throws instead of failing, so `.not` can never turn it into a pass.
 */
import { DataFrame } from '../api/dataframe.js';
import { Row } from '../data/row.js';
import { canonEqual, canonicalize, canonKey, type Canon } from './canonical.js';
import { painterFor, painterFromFormatters, type Painter } from './colors.js';
import { cellText, formatCell, plural, renderRowTable, type TableLine } from './diff-render.js';
import { compareDataFrames } from './equality.js';
import { compareSchemas, type SchemaInput } from './schema-equality.js';
import { DataFrameMismatchError, usageError, type DiffRow } from './errors.js';
import { describeInput, frameOfDataFrame, liveInput, type Frame, type FrameInput } from './frames.js';
import { checkOptionKeys, resolveOptions, type DataFrameEqualOptions, type SchemaEqualOptions } from './options.js';

type Formatter = (s: string) => string;

/** The parts of Vitest's / Jest's matcher `this` that the matchers use. */
export interface MatcherContextLike {
  readonly isNot?: boolean;
  readonly utils?: {
    readonly RECEIVED_COLOR?: Formatter;
    readonly EXPECTED_COLOR?: Formatter;
    readonly DIM_COLOR?: Formatter;
    readonly BOLD_WEIGHT?: Formatter;
  };
}

export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
  /** With `includeDiffRows`: Jest exposes it as `error.matcherResult.diffRows`. */
  readonly diffRows?: readonly DiffRow[];
  /** With `includeDiffRows`: Vitest exposes it on the assertion error's context. */
  readonly meta?: { readonly diffRows: readonly DiffRow[] };
  /** What differs, as values: Vitest prints its own diff of them after the message; Jest keeps them in `error.matcherResult`. */
  readonly actual?: unknown;
  readonly expected?: unknown;
}

/** `actual`/`expected` of a failed comparison, for the runner (not for `.not`, whose failure is an equality). */
function diffValuesOf(c: { readonly diffValues?: { readonly actual: unknown; readonly expected: unknown } }): { actual?: unknown; expected?: unknown } {
  return c.diffValues ? { actual: c.diffValues.actual, expected: c.diffValues.expected } : {};
}

export interface HaveColumnsOptions {
  /** Any order (default false: the columns must be exactly these, in this order). */
  readonly ignoreOrder?: boolean;
  /** Only require these columns to be present; others may exist (implies any order). */
  readonly subset?: boolean;
}

export interface ContainRowsOptions {
  readonly rtol?: number;
  readonly atol?: number;
  readonly nanEquality?: boolean;
  readonly ignoreCase?: boolean;
  readonly maxErrors?: number;
  readonly color?: boolean;
}

function painterOf(ctx: MatcherContextLike | undefined, color: boolean | undefined): Painter {
  if (color !== undefined || !ctx?.utils?.RECEIVED_COLOR) return painterFor(color);
  const u = ctx.utils;
  return painterFromFormatters({
    received: u.RECEIVED_COLOR!,
    expected: u.EXPECTED_COLOR ?? ((s) => s),
    dim: u.DIM_COLOR ?? ((s) => s),
    ...(u.BOLD_WEIGHT ? { bold: u.BOLD_WEIGHT } : {}),
  });
}

function hint(name: string, isNot: boolean, p: Painter, args = 'expected'): string {
  return p.dim(`expect(received).${isNot ? 'not.' : ''}${name}(${args})`);
}

function requireDataFrame(name: string, received: unknown, allowRows = false): void {
  if (DataFrame.isDataFrame(received) || (allowRows && Array.isArray(received))) return;
  const what = describeInput(received) ?? typeof received;
  throw usageError('TESTING_INVALID_INPUT', `${name}: the received value must be a DataFrame${allowRows ? ' (or an array of rows)' : ''}, got ${what}.`);
}

function optionsObject<T extends object>(options: T | undefined): T {
  return options ?? ({} as T);
}

/** `expect(df).toEqualDataFrame(expected, options?)`. */
export function toEqualDataFrame(this: MatcherContextLike | undefined, received: unknown, expected: unknown, options?: DataFrameEqualOptions): MatcherResult {
  requireDataFrame('toEqualDataFrame', received, true);
  const opts = optionsObject(options);
  const p = painterOf(this, opts.color);
  const isNot = Boolean(this?.isNot);
  const c = compareDataFrames(received as FrameInput, expected as FrameInput, opts, { painter: p });
  const head = hint('toEqualDataFrame', isNot, p);
  return {
    ...(c.diffRows ? { diffRows: c.diffRows, meta: { diffRows: c.diffRows } } : {}),
    ...diffValuesOf(c),
    pass: c.equal,
    message: () =>
      c.equal
        ? `${head}\n\nExpected the DataFrames to differ, but they are equal (${plural(c.actualRowCount, 'row')}, ${plural(c.columns.length, 'column')}).`
        : `${head}\n\n${c.message}`,
  };
}

/** `expect(df).toEqualSchema(expected, options?)`: a DDL string, StructType or DataFrame. */
export function toEqualSchema(this: MatcherContextLike | undefined, received: unknown, expected: unknown, options?: SchemaEqualOptions): MatcherResult {
  const opts = optionsObject(options);
  const p = painterOf(this, opts.color);
  const isNot = Boolean(this?.isNot);
  const c = compareSchemas(received as SchemaInput, expected as SchemaInput, opts, { painter: p });
  const head = hint('toEqualSchema', isNot, p);
  return {
    ...diffValuesOf(c),
    pass: c.equal,
    message: () => (c.equal ? `${head}\n\nExpected the schemas to differ, but they are equal.` : `${head}\n\n${c.message}`),
  };
}

/** `expect(df).toHaveColumns(['id', 'name'], { ignoreOrder?, subset? })`. */
export function toHaveColumns(this: MatcherContextLike | undefined, received: unknown, names: unknown, options?: HaveColumnsOptions): MatcherResult {
  received = liveInput(received);
  requireDataFrame('toHaveColumns', received);
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
    throw usageError('TESTING_INVALID_INPUT', 'toHaveColumns expects an array of column names.');
  }
  const opts = optionsObject(options);
  checkOptionKeys(opts, ['ignoreOrder', 'subset'], 'toHaveColumns');
  const p = painterOf(this, undefined);
  const isNot = Boolean(this?.isNot);
  const actual = (received as DataFrame).columns;
  const missing = names.filter((n) => !actual.includes(n));
  const extra = actual.filter((n) => !names.includes(n));
  const pass = opts.subset
    ? missing.length === 0
    : opts.ignoreOrder
      ? missing.length === 0 && extra.length === 0 && actual.length === names.length
      : actual.length === names.length && actual.every((n, i) => n === names[i]);
  const list = (xs: readonly string[]): string => `[${xs.map((x) => `'${x}'`).join(', ')}]`;
  const want = opts.subset ? 'to include the columns' : opts.ignoreOrder ? 'to have the columns (any order)' : 'to have the columns';
  const details: string[] = [];
  if (missing.length) details.push(`missing: ${p.expected(list(missing))}`);
  if (extra.length && !opts.subset) details.push(`extra: ${p.actual(list(extra))}`);
  if (!missing.length && !extra.length && !pass) details.push('same columns in a different order; pass { ignoreOrder: true } to accept any order');
  return {
    pass,
    message: () =>
      `${hint('toHaveColumns', isNot, p, 'names')}\n\nExpected the DataFrame ${isNot ? 'not ' : ''}${want} ${p.expected(list(names))}\n` +
      `Actual columns: ${p.actual(list(actual))}${details.length ? `\n(${details.join('; ')})` : ''}`,
  };
}

/** `expect(df).toHaveRowCount(3)`. */
export function toHaveRowCount(this: MatcherContextLike | undefined, received: unknown, count: unknown): MatcherResult {
  received = liveInput(received);
  requireDataFrame('toHaveRowCount', received, true);
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    throw usageError('TESTING_INVALID_INPUT', `toHaveRowCount expects an integer >= 0, got ${String(count)}.`);
  }
  const p = painterOf(this, undefined);
  const isNot = Boolean(this?.isNot);
  const actual = DataFrame.isDataFrame(received) ? received.count() : (received as unknown[]).length;
  return {
    pass: actual === count,
    message: () =>
      `${hint('toHaveRowCount', isNot, p, 'count')}\n\nExpected the DataFrame ${isNot ? 'not ' : ''}to have ${p.expected(plural(count, 'row'))}, ` +
      `but it has ${p.actual(String(actual))}.`,
  };
}

/**
 * `expect(df).toContainRows(rows)`: every given row occurs in the DataFrame (as a
 * multiset). Object rows may name only some columns: `{ id: 1 }` matches any row with id 1.
 */
export function toContainRows(this: MatcherContextLike | undefined, received: unknown, rows: unknown, options?: ContainRowsOptions): MatcherResult {
  received = liveInput(received);
  requireDataFrame('toContainRows', received);
  if (!Array.isArray(rows)) throw usageError('TESTING_INVALID_INPUT', 'toContainRows expects an array of rows (objects, arrays or Rows).');
  const opts = optionsObject(options);
  checkOptionKeys(opts, ['rtol', 'atol', 'nanEquality', 'ignoreCase', 'maxErrors', 'color'], 'toContainRows');
  const resolved = resolveOptions(opts);
  const p = painterOf(this, opts.color);
  const isNot = Boolean(this?.isNot);
  const frame = frameOfDataFrame(received as DataFrame);
  const missing = findMissingRows(frame, rows, resolved);
  const pass = missing.length === 0;
  return {
    pass,
    message: () => {
      const head = hint('toContainRows', isNot, p, 'rows');
      if (pass) return `${head}\n\nExpected the DataFrame not to contain the ${plural(rows.length, 'row')}, but all were found.`;
      const shown = missing.slice(0, resolved.maxErrors);
      const names = frame.names!;
      const lines: TableLine[] = shown.map((m) => ({
        label: `expected[${m.index}]`,
        side: 'expected',
        cells: names.map((n, c) => (m.values.has(n) ? cellText(formatCell(m.values.get(n), frame.schema!.fields[c]!.dataType, frame.timeZone)) : '*')),
        differs: names.map((n) => m.values.has(n)),
      }));
      const actualLines: TableLine[] = frame.rows.slice(0, resolved.maxErrors).map((r, i) => ({
        label: `actual[${i}]`,
        side: 'both',
        cells: r.map((v, c) => cellText(formatCell(v, frame.schema!.fields[c]!.dataType, frame.timeZone))),
        differs: r.map(() => false),
      }));
      const more = missing.length > shown.length ? `\n... ${missing.length - shown.length} more missing rows not shown (maxErrors: ${resolved.maxErrors}).` : '';
      const moreActual = frame.rows.length > actualLines.length ? `\n... ${frame.rows.length - actualLines.length} more rows.` : '';
      return (
        `${head}\n\nDataFrame does not contain ${missing.length} of the ${plural(rows.length, 'expected row')} (* = any value):\n\n` +
        `${renderRowTable(names, lines, p)}${more}\n\nActual rows (${frame.rows.length}):\n\n${renderRowTable(names, actualLines, p)}${moreActual}`
      );
    },
  };
}

interface MissingRow {
  readonly index: number;
  readonly values: Map<string, unknown>;
}

function findMissingRows(frame: Frame, rows: readonly unknown[], o: ReturnType<typeof resolveOptions>): MissingRow[] {
  const names = frame.names!;
  const schema = frame.schema!;
  const canonOpts = { timeZone: frame.timeZone };
  const used = new Uint8Array(frame.rows.length);
  const canonCache = new Map<number, Canon[]>();
  const actualCanon = (i: number): Canon[] => {
    let c = canonCache.get(i);
    if (!c) {
      c = frame.rows[i]!.map((v, k) => canonicalize(v, schema.fields[k]!.dataType, canonOpts));
      canonCache.set(i, c);
    }
    return c;
  };
  const missing: MissingRow[] = [];
  const index = new Map<string, Map<string, number[]>>();
  rows.forEach((row, r) => {
    const values = new Map<string, unknown>();
    if (Row.isRow(row)) row.fields.forEach((f, i) => values.set(f, row.get(i)));
    else if (Array.isArray(row)) {
      if (row.length !== names.length) {
        throw usageError('TESTING_INVALID_ROWS', `toContainRows: row ${r} has ${row.length} values but the DataFrame has ${names.length} columns.`);
      }
      names.forEach((n, i) => values.set(n, row[i]));
    } else if (typeof row === 'object' && row !== null) Object.entries(row).forEach(([k, v]) => values.set(k, v));
    else throw usageError('TESTING_INVALID_ROWS', `toContainRows: row ${r} must be an object, an array or a Row.`);
    const cols = [...values.keys()].map((k) => {
      const i = names.indexOf(k);
      if (i < 0) throw usageError('TESTING_UNKNOWN_COLUMN', `toContainRows: row ${r} names column '${k}', which the DataFrame does not have (columns: ${names.join(', ')}).`);
      return i;
    });
    const want = cols.map((c) => canonicalize(values.get(names[c]!), schema.fields[c]!.dataType, canonOpts));
    const colsKey = cols.join(',');
    let byKey = index.get(colsKey);
    if (!byKey) {
      byKey = new Map();
      frame.rows.forEach((_, i) => {
        const k = cols.map((c) => canonKey(actualCanon(i)[c]!, o)).join('\u0001');
        const list = byKey!.get(k);
        if (list) list.push(i);
        else byKey!.set(k, [i]);
      });
      index.set(colsKey, byKey);
    }
    const exact = byKey.get(want.map((c) => canonKey(c, o)).join('\u0001'))?.find((i) => !used[i]);
    const found = exact ?? frame.rows.findIndex((_, i) => !used[i] && cols.every((c, k) => canonEqual(actualCanon(i)[c]!, want[k]!, o)));
    if (found !== undefined && found >= 0) used[found] = 1;
    else missing.push({ index: r, values });
  });
  return missing;
}

/**
 * The mismatched row pairs (`includeDiffRows: true`) carried by an error from
 * `assertDataFrameEqual`, or by the assertion error of a failed
 * `toEqualDataFrame` in Jest (`matcherResult`) or Vitest (error context).
 */
export function diffRowsOf(err: unknown): readonly DiffRow[] | undefined {
  if (DataFrameMismatchError.isDataFrameMismatchError(err)) return err.diffRows;
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { matcherResult?: { diffRows?: readonly DiffRow[] }; __vitest_error_context__?: { meta?: { diffRows?: readonly DiffRow[] } } };
  return e.matcherResult?.diffRows ?? e.__vitest_error_context__?.meta?.diffRows;
}

/**
 * An equality tester for `toEqual`: a DataFrame equals another DataFrame or an
 * array of rows when `compareDataFrames` with default options says so.
 */
export function dataFrameEqualityTester(a: unknown, b: unknown): boolean | undefined {
  a = liveInput(a);
  b = liveInput(b);
  const aDf = DataFrame.isDataFrame(a);
  const bDf = DataFrame.isDataFrame(b);
  if (!aDf && !bDf) return undefined;
  if (!(aDf || Array.isArray(a)) || !(bDf || Array.isArray(b))) return false;
  try {
    return compareDataFrames(a as FrameInput, b as FrameInput, { color: false }).equal;
  } catch {
    return false;
  }
}

/** Every matcher, for `expect.extend`. `dataFrameEqualTo` is `toEqualDataFrame` under a name that reads well asymmetrically. */
export const dataFrameMatchers = {
  toEqualDataFrame,
  dataFrameEqualTo: toEqualDataFrame,
  toEqualSchema,
  toHaveColumns,
  toHaveRowCount,
  toContainRows,
};
