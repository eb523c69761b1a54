/**
 * DataFrame and schema equality: the framework-agnostic core of the matchers.
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
import { ArrayType, DataType, MapType, StructField, StructType } from '../types/data-types.js';
import { compareCanonRows, type Canon, type EqualityOptions } from './canonical.js';
import { painterFor, type Painter } from './colors.js';
import {
  fieldText,
  formatPercent,
  plural,
  renderRowTable,
  renderSchemaDiff,
  DEFAULT_LABELS,
  type SchemaDiffLine,
  type SideLabels,
} from './diff-render.js';
import { DataFrameMismatchError, usageError, type DiffRow, type MismatchKind } from './errors.js';
import { liveInput, resolveFrames, toSchema, type Frame, type FrameInput } from './frames.js';
import { DIFF_VALUE_ROWS, renderCellSummary } from './mismatch-summary.js';
import { buildSide, cellDifferences, matchRows, pairUnmatched, rowsEqual, tableLines, toDiffRows, type Entry, type Side } from './row-matching.js';
import { ALL_KEYS, resolveOptions, resolveSchemaOptions, SCHEMA_KEYS, type DataFrameEqualOptions, type ResolvedOptions, type SchemaEqualOptions } from './options.js';

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

// ---- column alignment -------------------------------------------------------------------------------

interface ColumnPair {
  readonly a: number | undefined;
  readonly e: number | undefined;
}

interface Alignment {
  readonly pairs: readonly ColumnPair[];
  readonly aNames: readonly string[];
  readonly eNames: readonly string[];
  readonly problem?: { readonly kind: 'schema' | 'columnOrder'; readonly message: string; readonly diff: readonly SchemaDiffLine[] };
}

function widthOf(f: Frame): number | undefined {
  if (f.names) return f.names.length;
  return f.rows.length > 0 ? f.rows[0]!.length : undefined;
}

const positional = (n: number): string[] => Array.from({ length: n }, (_, i) => `_${i + 1}`);

/** Types equal up to the ignored parts (nullability, metadata), recursively. */
export function typesEqual(a: DataType, b: DataType, o: Pick<ResolvedOptions, 'ignoreNullable' | 'ignoreMetadata'>): boolean {
  if (a instanceof StructType && b instanceof StructType) {
    return a.fields.length === b.fields.length && a.fields.every((f, i) => fieldsEqual(f, b.fields[i]!, o, true));
  }
  if (a instanceof ArrayType && b instanceof ArrayType) {
    return typesEqual(a.elementType, b.elementType, o) && (o.ignoreNullable || a.containsNull === b.containsNull);
  }
  if (a instanceof MapType && b instanceof MapType) {
    return (
      typesEqual(a.keyType, b.keyType, o) &&
      typesEqual(a.valueType, b.valueType, o) &&
      (o.ignoreNullable || a.valueContainsNull === b.valueContainsNull)
    );
  }
  if (a instanceof ArrayType || a instanceof MapType || a instanceof StructType) return false;
  return a.typeName() === b.typeName();
}

function fieldsEqual(a: StructField, b: StructField, o: Pick<ResolvedOptions, 'ignoreNullable' | 'ignoreMetadata'>, checkName: boolean): boolean {
  return (
    (!checkName || a.name === b.name) &&
    typesEqual(a.dataType, b.dataType, o) &&
    (o.ignoreNullable || a.nullable === b.nullable) &&
    (o.ignoreMetadata || JSON.stringify(a.metadata) === JSON.stringify(b.metadata))
  );
}

function findName(names: readonly string[], name: string, taken: ReadonlySet<number>, allowed: readonly number[]): number | undefined {
  const exact = allowed.find((i) => !taken.has(i) && names[i] === name);
  if (exact !== undefined) return exact;
  const lower = name.toLowerCase();
  return allowed.find((i) => !taken.has(i) && names[i]!.toLowerCase() === lower);
}

/** `accepted`: the options of the caller's comparison; a hint names only those, so that following it works. */
function align(actual: Frame, expected: Frame, o: ResolvedOptions, nounPlural: string, accepted: readonly string[]): Alignment {
  const aWidth = widthOf(actual);
  const eWidth = widthOf(expected);
  const aNames = actual.names ?? expected.names ?? positional(aWidth ?? eWidth ?? 0);
  // Positional rows without names take the actual's names (when the width agrees).
  const eNames = expected.names ?? (eWidth === undefined || eWidth === aNames.length ? aNames : positional(eWidth));
  const eCount = eWidth === undefined && !expected.names ? aNames.length : eNames.length;

  const ignored = new Set(o.ignoreColumns.map((n) => n.toLowerCase()));
  for (const n of o.ignoreColumns) {
    const lower = n.toLowerCase();
    if (!aNames.some((x) => x.toLowerCase() === lower) && !eNames.some((x) => x.toLowerCase() === lower)) {
      throw usageError('TESTING_UNKNOWN_COLUMN', `ignoreColumns names '${n}', which is not a column of either side (columns: ${aNames.join(', ')}).`);
    }
  }
  const aIdx = aNames.map((_, i) => i).filter((i) => !ignored.has(aNames[i]!.toLowerCase()));
  const eIdx = Array.from({ length: eCount }, (_, i) => i).filter((i) => !ignored.has((eNames[i] ?? '').toLowerCase()));

  const byPosition = (): ColumnPair[] =>
    Array.from({ length: Math.max(aIdx.length, eIdx.length) }, (_, k) => ({ a: aIdx[k], e: eIdx[k] }));
  const byName = (): ColumnPair[] => {
    const taken = new Set<number>();
    const pairs: ColumnPair[] = aIdx.map((a) => {
      const e = findName(eNames, aNames[a]!, taken, eIdx);
      if (e !== undefined) taken.add(e);
      return { a, e };
    });
    for (const e of eIdx) if (!taken.has(e)) pairs.push({ a: undefined, e });
    return pairs;
  };

  // Describe each pair for the schema diff, and count what differs.
  const textOpts = { showNullable: !o.ignoreNullable, showMetadata: !o.ignoreMetadata };
  const fieldOf = (f: Frame, names: readonly string[], i: number | undefined): string | undefined => {
    if (i === undefined) return undefined;
    const field = f.schema?.fields[i];
    return field ? fieldText(field, textOpts) : names[i]!;
  };
  const describe = (pairs: readonly ColumnPair[]): { lines: SchemaDiffLine[]; missing: number; typeDiffs: number; nullDiffs: number } => {
    let missing = 0;
    let typeDiffs = 0;
    let nullDiffs = 0;
    const lines: SchemaDiffLine[] = pairs.map((p) => {
      const actualText = fieldOf(actual, aNames, p.a);
      const expectedText = fieldOf(expected, eNames, p.e);
      if (p.a === undefined) {
        missing++;
        return { marker: '+', actual: undefined, expected: expectedText };
      }
      if (p.e === undefined) {
        missing++;
        return { marker: '-', actual: actualText, expected: undefined };
      }
      let same = o.ignoreColumnName || aNames[p.a] === eNames[p.e];
      const af = actual.schema?.fields[p.a];
      const ef = expected.schema?.fields[p.e];
      if (af && ef) {
        if (!o.ignoreColumnType && !typesEqual(af.dataType, ef.dataType, o)) {
          same = false;
          if (typesEqual(af.dataType, ef.dataType, { ignoreNullable: true, ignoreMetadata: o.ignoreMetadata })) nullDiffs++;
          else typeDiffs++;
        } else if (!o.ignoreNullable && af.nullable !== ef.nullable) {
          same = false;
          nullDiffs++;
        } else if (!o.ignoreMetadata && JSON.stringify(af.metadata) !== JSON.stringify(ef.metadata)) {
          same = false;
          typeDiffs++;
        }
      }
      return { marker: same ? ' ' : '!', actual: actualText, expected: expectedText };
    });
    return { lines, missing, typeDiffs, nullDiffs };
  };

  let pairs: ColumnPair[];
  if (o.ignoreColumnName || !expected.names) {
    pairs = byPosition();
  } else if (o.ignoreColumnOrder || expected.byName || actual.byName) {
    pairs = byName();
  } else {
    const an = aIdx.map((i) => aNames[i]!);
    const en = eIdx.map((i) => eNames[i]!);
    if (an.length === en.length && an.every((n, k) => n === en[k])) {
      pairs = byPosition();
    } else {
      pairs = byName();
      const sameSet = an.length === en.length && [...an].sort().join('\u0000') === [...en].sort().join('\u0000');
      // Same columns, other order: a column-order mismatch unless the types differ too.
      if (sameSet && describe(pairs).lines.every((l) => l.marker === ' ')) {
        return {
          pairs,
          aNames,
          eNames,
          problem: {
            kind: 'columnOrder',
            message: `${nounPlural} differ (column order): the same columns in a different order; pass ignoreColumnOrder: true to match columns by name.`,
            diff: describe(byPosition()).lines,
          },
        };
      }
    }
  }
  const { lines, missing, typeDiffs, nullDiffs } = describe(pairs);
  const differing = lines.filter((l) => l.marker !== ' ').length;
  const base = { pairs, aNames, eNames };
  if (differing === 0) return base;
  const hints: string[] = [];
  const hint = (option: string, text: string): void => {
    if (accepted.includes(option)) hints.push(`pass ${option}: true to ${text}`);
  };
  if (missing > 0 && !o.ignoreColumnName && aIdx.length === eIdx.length) hint('ignoreColumnName', 'match columns by position');
  if (typeDiffs > 0 && nullDiffs === 0 && missing === 0) hint('ignoreColumnType', 'compare values only');
  if (nullDiffs > 0 && typeDiffs === 0 && missing === 0) hint('ignoreNullable', 'ignore nullability');
  const counts = `${differing} of ${plural(lines.length, 'column')} ${differing === 1 ? 'differs' : 'differ'}`;
  return {
    ...base,
    problem: {
      kind: 'schema',
      message: `${nounPlural} differ (schema): ${counts}${hints.length ? `; ${hints.join('; ')}` : ''}.`,
      diff: lines,
    },
  };
}

/** Both sides' columns, one `name: type` line each, for the runner's own diff. */
function schemaDiffValues(al: Alignment, actual: Frame, expected: Frame, o: ResolvedOptions): { actual: string; expected: string } {
  const textOpts = { showNullable: !o.ignoreNullable, showMetadata: !o.ignoreMetadata };
  const lines = (f: Frame, names: readonly string[]): string => names.map((n, i) => (f.schema?.fields[i] ? fieldText(f.schema.fields[i], textOpts) : n)).join('\n');
  return { actual: lines(actual, al.aNames), expected: lines(expected, al.eNames) };
}

function schemaProblemText(al: Alignment, p: Painter, labels: SideLabels): string {
  const problem = al.problem;
  if (!problem) return '';
  return `${problem.message}\n\n${renderSchemaDiff(problem.diff, p, labels)}`;
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

// ---- schemas ---------------------------------------------------------------------------------------

/** A schema given as a StructType, a DDL string, or a DataFrame (its schema). */
export type SchemaInput = StructType | string | DataFrame;

function schemaOf(x: SchemaInput, side: string): StructType {
  if (DataFrame.isDataFrame(x)) return liveInput(x).schema;
  if (x instanceof StructType || typeof x === 'string') return toSchema(x)!;
  if ((x as unknown) instanceof DataType) return new StructType([new StructField('value', x as unknown as DataType)]);
  const got = typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function' ? 'a Promise (did you forget `await`?)' : typeof x;
  throw usageError('TESTING_INVALID_INPUT', `The ${side} schema must be a StructType, a DDL string or a DataFrame, got ${got}.`);
}

export interface SchemaComparison {
  readonly equal: boolean;
  readonly kind: 'schema' | 'columnOrder' | undefined;
  readonly message: string;
  /** Both sides' columns as `name: type` lines, for the runner's own diff. Undefined when equal. */
  readonly diffValues?: { readonly actual: string; readonly expected: string };
}

/** Compares schemas without throwing. */
export function compareSchemas(actual: SchemaInput, expected: SchemaInput, options: SchemaEqualOptions = {}, ctx: CompareContext = {}): SchemaComparison {
  const o = resolveSchemaOptions(options);
  const p = ctx.painter ?? painterFor(o.color);
  const frame = (s: StructType): Frame => ({ names: s.names, schema: s, rows: [], byName: false, timeZone: 'UTC', isDataFrame: false });
  const a = frame(schemaOf(actual, 'actual'));
  const e = frame(schemaOf(expected, 'expected'));
  const al = align(a, e, o, 'Schemas', SCHEMA_KEYS);
  if (!al.problem) return { equal: true, kind: undefined, message: '' };
  return { equal: false, kind: al.problem.kind, message: schemaProblemText(al, p, DEFAULT_LABELS), diffValues: schemaDiffValues(al, a, e, o) };
}

/**
 * Asserts two schemas are equal (nullability and metadata ignored by default),
 * throwing a `DataFrameMismatchError` with a side-by-side schema diff.
 */
export function assertSchemaEqual(actual: SchemaInput, expected: SchemaInput, options: SchemaEqualOptions = {}): void {
  const c = compareSchemas(actual, expected, options);
  if (!c.equal) throw new DataFrameMismatchError(c.message, { kind: c.kind!, ...(c.diffValues ? { diffValues: c.diffValues } : {}) });
}
