/**
 * DataFrame equality: the framework-agnostic core of the matchers (schemas alone: schema-equality.ts;
 * pairing columns: column-alignment.ts).
 *
 * Checks run in this order and the first failing one names the mismatch:
 * 1. columns (names, count, order) and their types → `schema` / `columnOrder`;
 * 2. rows, as a multiset (default) or position by position (`checkRowOrder`) →
 *    `rowCount` / `rows` / `rowOrder`.
 * Values are compared in canonical form (see canonical.ts) with a float tolerance.
 * Ignoring row order first matches identical rows by hash (works for arrays,
 * maps and structs), then rows equal within the tolerance, so large frames stay fast.
 */
import { DataFrame } from '../api/dataframe.js';
import { compareCanonRows, type Canon, type EqualityOptions } from './canonical.js';
import { painterFor, type Painter } from './colors.js';
import { formatPercent, plural, renderRowTable, DEFAULT_LABELS, type SideLabels } from './diff-render.js';
import { DataFrameMismatchError, usageError, type DiffRow, type MismatchKind } from './errors.js';
import { liveInput, resolveFrames, type Frame, type FrameInput } from './frames.js';
import { DIFF_VALUE_ROWS, renderCellSummary } from './mismatch-summary.js';
import { buildSide, cellDifferences, matchRows, pairUnmatched, rowsEqual, tableLines, toDiffRows, type Entry, type Side } from './row-matching.js';
import { align, schemaDiffValues, schemaProblemText } from './column-alignment.js';
import { ALL_KEYS, resolveOptions, type DataFrameEqualOptions, type ResolvedOptions } from './options.js';

/** The outcome of a comparison; `message` is empty when equal. */
export interface DataFrameComparison {
  readonly equal: boolean;
  readonly kind: MismatchKind | undefined;
  readonly message: string;
  readonly actualRowCount: number;
  readonly expectedRowCount: number;
  readonly mismatchedRows: number;
  readonly columns: readonly string[];
  /** Every mismatched pair when `includeDiffRows` is set, else undefined. */
  readonly diffRows: readonly DiffRow[] | undefined;
  /**
   * What differs, as values for the runner's own diff (`actual`/`expected` on the assertion
   * error): schema lines, or the first mismatched rows as objects. Undefined when equal.
   */
  readonly diffValues?: { readonly actual: unknown; readonly expected: unknown };
}

export interface CompareContext {
  /** Colours for the message (default: from the `color` option or the environment). */
  readonly painter?: Painter;
  /** Names of the two sides in the message (default `actual` / `expected`). */
  readonly labels?: SideLabels;
}

// ---- the comparison --------------------------------------------------------------------------------

const NOUN = 'DataFrames';

/** Compares without throwing; see `assertDataFrameEqual` for the rules and options. */
export function compareDataFrames(
  actual: FrameInput,
  expected: FrameInput,
  options: DataFrameEqualOptions = {},
  ctx: CompareContext = {},
): DataFrameComparison {
  const o = resolveOptions(options);
  actual = liveInput(actual);
  expected = liveInput(expected);
  if (o.schema !== undefined && DataFrame.isDataFrame(expected)) {
    throw usageError('TESTING_INVALID_OPTION', `Option 'schema' describes expected rows; expected is already a DataFrame.`);
  }
  const p = ctx.painter ?? painterFor(o.color);
  const frames = resolveFrames(actual, expected, o.schema, o.transforms);
  return compareFrames(frames.actual, frames.expected, o, p, ctx.labels);
}

/** @internal Compares resolved frames (also used by the differential helper). */
export function compareFrames(actual: Frame, expected: Frame, o: ResolvedOptions, p: Painter, labels: SideLabels = DEFAULT_LABELS): DataFrameComparison {
  const nA = actual.rows.length;
  const nE = expected.rows.length;
  const al = align(actual, expected, o, NOUN, ALL_KEYS);
  const columns = al.pairs.filter((x) => x.a !== undefined).map((x) => al.aNames[x.a!]!);
  const result = (
    kind: MismatchKind | undefined,
    message: string,
    mismatchedRows: number,
    diffRows?: readonly DiffRow[],
    diffValues?: DataFrameComparison['diffValues'],
  ): DataFrameComparison => ({
    equal: kind === undefined,
    kind,
    message,
    actualRowCount: nA,
    expectedRowCount: nE,
    mismatchedRows,
    columns,
    diffRows,
    ...(diffValues ? { diffValues } : {}),
  });
  if (al.problem) return result(al.problem.kind, schemaProblemText(al, p, labels), 0, undefined, schemaDiffValues(al, actual, expected, o));

  const eq: EqualityOptions = o;
  const aCols = al.pairs.map((x) => x.a!);
  const eCols = al.pairs.map((x) => x.e!);
  const aTypes = aCols.map((c, k) => actual.schema?.fields[c]?.dataType ?? expected.schema?.fields[eCols[k]!]?.dataType);
  const eTypes = eCols.map((c, k) => expected.schema?.fields[c]?.dataType ?? aTypes[k]);
  const a = buildSide(actual, aCols, aTypes, eq);
  const e = buildSide(expected, eCols, eTypes, eq);
  const aNames = aCols.map((c) => al.aNames[c]!);
  const eNames = eCols.map((c) => al.eNames[c]!);
  const header = aNames;
  const whole = Math.max(nA, nE);

  let kind: MismatchKind | undefined;
  let headline: string;
  let mismatched: number;
  let entries: Entry[];
  let allEntries: () => Entry[];
  const { aMatch, eMatch } = matchRows(a, e, eq);
  const ua = [...aMatch.keys()].filter((i) => aMatch[i] === -1);
  const ue = [...eMatch.keys()].filter((j) => eMatch[j] === -1);
  const countLine = nA !== nE ? `${NOUN} differ (row count): ${labels.actual} has ${plural(nA, 'row')}, ${labels.expected} has ${nE}.\n` : '';

  if (!o.checkRowOrder) {
    mismatched = Math.max(ua.length, ue.length);
    if (mismatched === 0) return result(undefined, '', 0);
    kind = nA !== nE ? 'rowCount' : 'rows';
    headline =
      countLine +
      (nA !== nE ? '' : `${NOUN} differ (rows): `) +
      `${mismatched} of ${plural(whole, 'row')} (${formatPercent(mismatched, whole)}) ${mismatched === 1 ? 'does' : 'do'} not match (row order ignored).`;
    allEntries = () => pairUnmatched(ua, ue, a, e, eq, Infinity);
    entries = pairUnmatched(ua, ue, a, e, eq, o.maxErrors);
    if (!o.showOnlyDiff) {
      const equalRows: Entry[] = [];
      for (let i = 0; i < nA && equalRows.length < o.maxErrors; i++) if (aMatch[i] !== -1) equalRows.push({ a: i, e: aMatch[i]!, equal: true });
      const keyOf = (en: Entry): readonly Canon[] => (en.a !== undefined ? a.canon[en.a]! : e.canon[en.e!]!);
      entries = [...entries, ...equalRows].sort((x, y) => compareCanonRows(keyOf(x), keyOf(y)));
    }
  } else {
    const positions: Entry[] = [];
    const equalPositions: Entry[] = [];
    for (let i = 0; i < whole; i++) {
      const ai = i < nA ? i : undefined;
      const ej = i < nE ? i : undefined;
      if (ai !== undefined && ej !== undefined && rowsEqual(a.canon[ai]!, e.canon[ej]!, eq)) equalPositions.push({ a: ai, e: ej, equal: true });
      else positions.push({ a: ai, e: ej, equal: false });
    }
    mismatched = positions.length;
    if (mismatched === 0) return result(undefined, '', 0);
    const sameRows = ua.length === 0 && ue.length === 0;
    kind = nA !== nE ? 'rowCount' : sameRows ? 'rowOrder' : 'rows';
    const share = `${mismatched} of ${plural(whole, 'row')} (${formatPercent(mismatched, whole)})`;
    headline =
      kind === 'rowOrder'
        ? `${NOUN} differ (row order): the same ${plural(whole, 'row')} in a different order; ${mismatched} of ${whole} positions (${formatPercent(mismatched, whole)}) differ.`
        : countLine + (nA !== nE ? '' : `${NOUN} differ (rows): `) + `${share} ${mismatched === 1 ? 'does' : 'do'} not match position by position (checkRowOrder: true).`;
    allEntries = () => positions;
    entries = o.showOnlyDiff
      ? positions.slice(0, o.maxErrors)
      : [...positions.slice(0, o.maxErrors), ...equalPositions.slice(0, o.maxErrors)].sort((x, y) => (x.a ?? x.e!) - (y.a ?? y.e!));
  }

  const shown = entries.filter((x) => !x.equal).length;
  const parts = [headline, '', renderRowTable(header, tableLines(entries, a, e, eq, labels), p)];
  if (shown < mismatched) parts.push(`... ${mismatched - shown} more mismatched ${mismatched - shown === 1 ? 'row' : 'rows'} not shown (maxErrors: ${o.maxErrors}).`);
  const all = allEntries();
  const paired = all.filter((en) => en.a !== undefined && en.e !== undefined);
  // The summary adds to the table when it shows more than one pair of rows or rows the table left out
  // (not for rows that are only in another order: every cell of a shifted row differs).
  if (kind !== 'rowOrder' && (paired.length > 1 || (paired.length > 0 && shown < mismatched))) parts.push('', renderCellSummary(cellDifferences(paired, a, e, header, eq), paired.length, p, labels));
  const diffRows = o.includeDiffRows ? toDiffRows(all, a, e, aNames, eNames, eq) : undefined;
  const sample = all.slice(0, DIFF_VALUE_ROWS);
  const objects = (side: Side, names: readonly string[], pick: (en: Entry) => number | undefined): Record<string, unknown>[] =>
    sample.flatMap((en) => {
      const i = pick(en);
      return i === undefined ? [] : [Object.fromEntries(names.map((n, k) => [n, side.frame.rows[i]![side.cols[k]!]]))];
    });
  const diffValues = { actual: objects(a, aNames, (en) => en.a), expected: objects(e, eNames, (en) => en.e) };
  return result(kind, parts.join('\n'), mismatched, diffRows, diffValues);
}

/**
 * Asserts two DataFrames (or a DataFrame and rows) are equal, throwing a
 * `DataFrameMismatchError` whose message names the kind of mismatch and shows it:
 * a schema diff, or both sides' rows as one aligned table with differing cells marked.
 *
 * @example
 * ```ts
 * assertDataFrameEqual(df, [{ id: 1, name: 'Alice' }]);
 * assertDataFrameEqual(df, [[1, 'Alice']], { schema: 'id BIGINT, name STRING', checkRowOrder: true });
 * ```
 */
export function assertDataFrameEqual(actual: FrameInput, expected: FrameInput, options: DataFrameEqualOptions = {}): void {
  const c = compareDataFrames(actual, expected, options);
  if (!c.equal) throw mismatchError(c);
}

/** The error for a failed comparison. */
export function mismatchError(c: DataFrameComparison): DataFrameMismatchError {
  return new DataFrameMismatchError(c.message, {
    kind: c.kind!,
    mismatchedRows: c.mismatchedRows,
    actualRowCount: c.actualRowCount,
    expectedRowCount: c.expectedRowCount,
    ...(c.diffRows ? { diffRows: c.diffRows } : {}),
    ...(c.diffValues ? { diffValues: c.diffValues } : {}),
  });
}
