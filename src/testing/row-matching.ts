/**
 * The row side of a DataFrame comparison: canonical rows per side, multiset
 * matching within the tolerances, pairing of unmatched rows for display, and
 * what a mismatch shows (table lines, diff rows, per-column cell differences).
 */
import { Row } from '../data/row.js';
import type { DataType } from '../types/data-types.js';
import { canonEqual, canonicalize, canonicalizer, canonKey, compareCanonRows, type Canon, type EqualityOptions } from './canonical.js';
import { cellText, formatCell, type SideLabels, type TableLine } from './diff-render.js';
import type { DiffRow } from './errors.js';
import type { Frame } from './frames.js';
import { addCellDifference, type ColumnDifferences } from './mismatch-summary.js';

export interface Side {
  readonly frame: Frame;
  readonly canon: readonly (readonly Canon[])[];
  readonly keys: readonly string[];
  readonly types: readonly (DataType | undefined)[];
  readonly cols: readonly number[];
}

export function rowsEqual(a: readonly Canon[], e: readonly Canon[], o: EqualityOptions): boolean {
  for (let i = 0; i < a.length; i++) if (!canonEqual(a[i]!, e[i]!, o)) return false;
  return true;
}

/** Multiset matching: exact keys first, then rows equal within the tolerance. Returns the partner of each row or -1. */
export function matchRows(a: Side, e: Side, o: EqualityOptions): { aMatch: Int32Array; eMatch: Int32Array } {
  const aMatch = new Int32Array(a.canon.length).fill(-1);
  const eMatch = new Int32Array(e.canon.length).fill(-1);
  const buckets = new Map<string, { list: number[]; pos: number }>();
  a.keys.forEach((k, i) => {
    const b = buckets.get(k);
    if (b) b.list.push(i);
    else buckets.set(k, { list: [i], pos: 0 });
  });
  e.keys.forEach((k, j) => {
    const b = buckets.get(k);
    if (b && b.pos < b.list.length) {
      const i = b.list[b.pos++]!;
      aMatch[i] = j;
      eMatch[j] = i;
    }
  });
  let la = [...aMatch.keys()].filter((i) => aMatch[i] === -1);
  let le = [...eMatch.keys()].filter((j) => eMatch[j] === -1);
  if (la.length === 0 || le.length === 0) return { aMatch, eMatch };
  if (la.length * le.length <= 250_000) {
    for (const j of le) {
      const k = la.findIndex((i) => aMatch[i] === -1 && rowsEqual(a.canon[i]!, e.canon[j]!, o));
      if (k >= 0) {
        aMatch[la[k]!] = j;
        eMatch[j] = la[k]!;
      }
    }
  } else {
    // Too many leftovers for all pairs: walk both sorted lists, as PySpark compares sorted rows.
    la = la.sort((x, y) => compareCanonRows(a.canon[x]!, a.canon[y]!));
    le = le.sort((x, y) => compareCanonRows(e.canon[x]!, e.canon[y]!));
    let p = 0;
    let q = 0;
    while (p < la.length && q < le.length) {
      const i = la[p]!;
      const j = le[q]!;
      if (rowsEqual(a.canon[i]!, e.canon[j]!, o)) {
        aMatch[i] = j;
        eMatch[j] = i;
        p++;
        q++;
      } else if (compareCanonRows(a.canon[i]!, e.canon[j]!) < 0) p++;
      else q++;
    }
  }
  return { aMatch, eMatch };
}

export interface Entry {
  readonly a: number | undefined;
  readonly e: number | undefined;
  /** Both rows given and equal (a matching row, shown only with showOnlyDiff: false). */
  readonly equal: boolean;
}

const PAIR_WINDOW = 50;

/** Pairs unmatched rows for display: each actual row with the most similar unpaired expected row nearby in sort order. */
export function pairUnmatched(ua: number[], ue: number[], a: Side, e: Side, o: EqualityOptions, limit: number): Entry[] {
  const sortedA = [...ua].sort((x, y) => compareCanonRows(a.canon[x]!, a.canon[y]!));
  const sortedE = [...ue].sort((x, y) => compareCanonRows(e.canon[x]!, e.canon[y]!));
  const used = new Uint8Array(sortedE.length);
  const out: Entry[] = [];
  let start = 0;
  for (const i of sortedA) {
    if (out.length >= limit) return out;
    while (start < sortedE.length && used[start]) start++;
    let best = -1;
    let bestScore = 0;
    for (let k = start, seen = 0; k < sortedE.length && seen < PAIR_WINDOW; k++) {
      if (used[k]) continue;
      seen++;
      const ra = a.canon[i]!;
      const re = e.canon[sortedE[k]!]!;
      let score = 0;
      for (let c = 0; c < ra.length; c++) if (canonEqual(ra[c]!, re[c]!, o)) score += c === 0 ? 1.5 : 1;
      if (score > bestScore) {
        bestScore = score;
        best = k;
      }
    }
    if (best >= 0) {
      used[best] = 1;
      out.push({ a: i, e: sortedE[best]!, equal: false });
    } else {
      out.push({ a: i, e: undefined, equal: false });
    }
  }
  for (let k = 0; k < sortedE.length && out.length < limit; k++) if (!used[k]) out.push({ a: undefined, e: sortedE[k]!, equal: false });
  return out;
}

export function buildSide(f: Frame, cols: readonly number[], types: readonly (DataType | undefined)[], o: EqualityOptions): Side {
  const opts = { timeZone: f.timeZone };
  const fns = types.map((t) => (t === undefined ? (v: unknown): Canon => canonicalize(v, undefined, opts) : canonicalizer(t, opts)));
  const canon = f.rows.map((r) => cols.map((c, k) => fns[k]!(r[c])));
  return { frame: f, canon, keys: canon.map((r) => r.map((c) => canonKey(c, o)).join('\u0001')), types, cols };
}

function rowOf(side: Side, i: number, names: readonly string[]): Row {
  const r = side.frame.rows[i]!;
  return new Row(
    side.cols.map((c) => r[c]),
    names,
  );
}

function differingColumns(a: Side, e: Side, en: Entry, names: readonly string[], o: EqualityOptions): string[] {
  if (en.a === undefined || en.e === undefined) return [...names];
  const ra = a.canon[en.a]!;
  const re = e.canon[en.e]!;
  return names.filter((_, c) => !canonEqual(ra[c]!, re[c]!, o));
}

export function toDiffRows(entries: readonly Entry[], a: Side, e: Side, aNames: readonly string[], eNames: readonly string[], o: EqualityOptions): DiffRow[] {
  return entries.map((en) => ({
    actual: en.a === undefined ? null : rowOf(a, en.a, aNames),
    expected: en.e === undefined ? null : rowOf(e, en.e, eNames),
    actualIndex: en.a ?? null,
    expectedIndex: en.e ?? null,
    columns: differingColumns(a, e, en, aNames, o),
  }));
}

export function tableLines(entries: readonly Entry[], a: Side, e: Side, o: EqualityOptions, labels: SideLabels): TableLine[] {
  const { actual: la, expected: le } = labels;
  const lines: TableLine[] = [];
  const cells = (s: Side, i: number): string[] => s.cols.map((c, k) => cellText(formatCell(s.frame.rows[i]![c], s.types[k], s.frame.timeZone)));
  for (const en of entries) {
    if (en.equal) {
      const c = cells(a, en.a!);
      lines.push({ label: `equal[${en.a}]`, side: 'both', cells: c, differs: c.map(() => false) });
    } else if (en.a !== undefined && en.e !== undefined) {
      const ra = a.canon[en.a]!;
      const re = e.canon[en.e]!;
      const differs = ra.map((x, c) => !canonEqual(x, re[c]!, o));
      lines.push({ label: `${la}[${en.a}]`, side: 'actual', cells: cells(a, en.a), differs });
      lines.push({ label: `${le}[${en.e}]`, side: 'expected', cells: cells(e, en.e), differs, markAfter: true });
    } else if (en.a !== undefined) {
      const c = cells(a, en.a);
      lines.push({ label: `${la}[${en.a}]`, side: 'actual', cells: c, differs: c.map(() => true), note: `(only in ${la})` });
    } else {
      const c = cells(e, en.e!);
      lines.push({ label: `${le}[${en.e}]`, side: 'expected', cells: c, differs: c.map(() => true), note: `(only in ${le})` });
    }
  }
  return lines;
}

/** Every differing cell of the paired rows, counted per column (see mismatch-summary.ts). */
export function cellDifferences(paired: readonly Entry[], a: Side, e: Side, names: readonly string[], o: EqualityOptions): ColumnDifferences[] {
  const columns: ColumnDifferences[] = names.map((name) => ({ name, count: 0, examples: [] }));
  const text = (s: Side, i: number, k: number): string => cellText(formatCell(s.frame.rows[i]![s.cols[k]!], s.types[k], s.frame.timeZone));
  for (const en of paired) {
    const ra = a.canon[en.a!]!;
    const re = e.canon[en.e!]!;
    for (let k = 0; k < ra.length; k++) {
      if (!canonEqual(ra[k]!, re[k]!, o)) addCellDifference(columns[k]!, en.a!, en.e!, () => ({ actual: text(a, en.a!, k), expected: text(e, en.e!, k) }));
    }
  }
  return columns;
}
