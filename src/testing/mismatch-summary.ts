/**
 * What follows the marked table of a row mismatch: a per-column count of every
 * differing cell, with the first few examples (the table shows only `maxErrors`
 * rows), and the values handed to the runner (`actual`/`expected` on the
 * assertion error), which Vitest turns into its own diff and IDEs into a
 * side-by-side view.
 *
 * ```
 * Differing cells by column (12 pairs of rows):
 *   score  11 cells, e.g. 7.25 vs 7.5 (actual[1], expected[1]); 1.0 vs 2.0 (actual[2], expected[2]); ...
 *   name    1 cell, e.g. Alice vs Alicia (actual[0], expected[1])
 * ```
 */
import type { Painter } from './colors.js';
import { plural, type SideLabels } from './diff-render.js';

/** Examples shown per column. */
export const CELL_EXAMPLES = 3;
/** Row pairs handed to the runner's own diff (it diffs them line by line; more would drown it). */
export const DIFF_VALUE_ROWS = 50;

export interface CellExample {
  readonly actualIndex: number;
  readonly expectedIndex: number;
  readonly actual: string;
  readonly expected: string;
}

/** The differing cells of one column over all paired rows. */
export interface ColumnDifferences {
  readonly name: string;
  count: number;
  readonly examples: CellExample[];
}

/** Counts a differing cell; `text` formats it, called only for the first examples. */
export function addCellDifference(
  col: ColumnDifferences,
  actualIndex: number,
  expectedIndex: number,
  text: () => { readonly actual: string; readonly expected: string },
): void {
  col.count++;
  if (col.examples.length < CELL_EXAMPLES) col.examples.push({ actualIndex, expectedIndex, ...text() });
}

export function renderCellSummary(columns: readonly ColumnDifferences[], pairs: number, p: Painter, labels: SideLabels): string {
  const differing = columns.filter((c) => c.count > 0).sort((x, y) => y.count - x.count);
  if (differing.length === 0) return '';
  const nameWidth = Math.max(...differing.map((c) => c.name.length));
  const countWidth = Math.max(...differing.map((c) => plural(c.count, 'cell').length));
  const lines = differing.map((c) => {
    const examples = c.examples
      .map((x) => `${p.actual(x.actual)} vs ${p.expected(x.expected)} (${labels.actual}[${x.actualIndex}], ${labels.expected}[${x.expectedIndex}])`)
      .join('; ');
    const more = c.count > c.examples.length ? '; ...' : '';
    return `  ${c.name.padEnd(nameWidth)}  ${`${plural(c.count, 'cell')},`.padEnd(countWidth + 1)} e.g. ${examples}${more}`;
  });
  return `Differing cells by column (${plural(pairs, 'pair')} of rows):\n${lines.join('\n')}`;
}
