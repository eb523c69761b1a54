/** Column alignment: pairs the two sides' columns (by name or position) and describes schema differences. */
import { ArrayType, DataType, MapType, StructField, StructType } from '../types/data-types.js';
import type { Painter } from './colors.js';
import { fieldText, plural, renderSchemaDiff, type SchemaDiffLine, type SideLabels } from './diff-render.js';
import { usageError } from './errors.js';
import type { Frame } from './frames.js';
import type { ResolvedOptions } from './options.js';

interface ColumnPair {
  readonly a: number | undefined;
  readonly e: number | undefined;
}

export interface Alignment {
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
export function align(actual: Frame, expected: Frame, o: ResolvedOptions, nounPlural: string, accepted: readonly string[]): Alignment {
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
export function schemaDiffValues(al: Alignment, actual: Frame, expected: Frame, o: ResolvedOptions): { actual: string; expected: string } {
  const textOpts = { showNullable: !o.ignoreNullable, showMetadata: !o.ignoreMetadata };
  const lines = (f: Frame, names: readonly string[]): string => names.map((n, i) => (f.schema?.fields[i] ? fieldText(f.schema.fields[i], textOpts) : n)).join('\n');
  return { actual: lines(actual, al.aNames), expected: lines(expected, al.eNames) };
}

export function schemaProblemText(al: Alignment, p: Painter, labels: SideLabels): string {
  const problem = al.problem;
  if (!problem) return '';
  return `${problem.message}\n\n${renderSchemaDiff(problem.diff, p, labels)}`;
}
