/**
 * Reads the known parity gaps from `KNOWN_GAPS.md` at the repository root, the
 * single list the parity test obeys: a listed case runs as `it.fails` (mode
 * `fails`: it must still fail, so a fix is noticed and the entry removed) or is
 * skipped (mode `skip`: it cannot be compared at all, e.g. Spark's RNG), with
 * the reason in the test name. Nothing else is skipped.
 *
 * Table rows look like
 * `| \`joins/inner_join\` | polars | fails | reason |`
 * where the case is a fixture id (`category/name`), optionally with a `#part`
 * suffix for one part of a case (`dataframe_methods/sample#rows`), and the
 * backend is `memory`, `polars`, `connect` (real Spark through Spark Connect) or `all`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './load.js';

export const KNOWN_GAPS_FILE = join(REPO_ROOT, 'KNOWN_GAPS.md');

export type GapMode = 'fails' | 'skip';
export type GapBackend = 'memory' | 'polars' | 'connect' | 'all';

export interface KnownGap {
  /** Test key: `category/name` or `category/name#part`. */
  readonly key: string;
  readonly backend: GapBackend;
  readonly mode: GapMode;
  readonly reason: string;
  /** 1-based line in KNOWN_GAPS.md, for error messages. */
  readonly line: number;
}

const KEY = /^`([a-z_]+\/[A-Za-z0-9_]+(?:#[a-z_-]+)?)`$/;

/** Parses the gap tables in KNOWN_GAPS.md text; malformed gap rows throw, so the list cannot rot silently. */
export function parseKnownGaps(text: string): KnownGap[] {
  const gaps: KnownGap[] = [];
  text.split('\n').forEach((raw, idx) => {
    const line = raw.trim();
    if (!line.startsWith('|')) return;
    const cells = line
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.trim());
    const m = KEY.exec(cells[0] ?? '');
    if (!m) return; // header, separator or a table that is not about parity cases
    const [, key] = m;
    const backend = cells[1] as GapBackend;
    const mode = cells[2] as GapMode;
    const reason = cells.slice(3).join(' | ').trim();
    if (!['memory', 'polars', 'connect', 'all'].includes(backend)) {
      throw new Error(`KNOWN_GAPS.md:${idx + 1}: backend must be memory, polars, connect or all, got '${cells[1]}'`);
    }
    if (!['fails', 'skip'].includes(mode)) throw new Error(`KNOWN_GAPS.md:${idx + 1}: mode must be fails or skip, got '${cells[2]}'`);
    if (reason === '') throw new Error(`KNOWN_GAPS.md:${idx + 1}: a known gap needs a reason`);
    gaps.push({ key: key!, backend, mode, reason, line: idx + 1 });
  });
  const seen = new Set<string>();
  for (const g of gaps) {
    for (const b of g.backend === 'all' ? ['memory', 'polars', 'connect'] : [g.backend]) {
      const id = `${g.key}@${b}`;
      if (seen.has(id)) throw new Error(`KNOWN_GAPS.md:${g.line}: ${g.key} is listed twice for backend ${b}`);
      seen.add(id);
    }
  }
  return gaps;
}

export function loadKnownGaps(file = KNOWN_GAPS_FILE): KnownGap[] {
  return parseKnownGaps(readFileSync(file, 'utf8'));
}

/** The gap recorded for a test key on a backend, if any. */
export function findGap(gaps: readonly KnownGap[], key: string, backend: string): KnownGap | undefined {
  return gaps.find((g) => g.key === key && (g.backend === 'all' || g.backend === backend));
}
