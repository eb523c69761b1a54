/**
 * Cleans what killed writers leave behind under a base path: hidden temp
 * entries (`.<name>.<uuid>.tmp`, see export/fs-atomic.ts) and Parquet parts
 * that no committed table registry lists (written, never committed).
 *
 * Another process may be writing right now, and its in-flight files look the
 * same; only entries untouched for `graceMs` are removed, so a live writer is
 * never disturbed and a killed one's debris goes on the first open after.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Default age after which uncommitted files count as abandoned. */
export const DEFAULT_SWEEP_GRACE_MS = 10 * 60 * 1000;

const TEMP = /^\..+\.[0-9a-f-]{36}\.tmp$/;
const PART = /^part-.*\.parquet$/;

/** Removes abandoned temp entries and unlisted parts in `<basePath>/*.db/<table>/`; returns how many. */
export function sweepAbandoned(basePath: string, metadataFile: string, graceMs: number, now = Date.now()): number {
  let removed = 0;
  const old = (path: string): boolean => {
    try {
      return now - statSync(path).mtimeMs >= graceMs;
    } catch {
      return false;
    }
  };
  const remove = (path: string): void => {
    rmSync(path, { recursive: true, force: true });
    removed++;
  };
  for (const db of entries(basePath)) {
    const dbDir = join(basePath, db);
    if (TEMP.test(db) && old(dbDir)) remove(dbDir);
    if (!db.endsWith('.db')) continue;
    for (const table of entries(dbDir)) {
      const dir = join(dbDir, table);
      if (TEMP.test(table)) {
        if (old(dir)) remove(dir);
        continue;
      }
      const listed = listedFiles(join(dir, metadataFile));
      for (const f of entries(dir)) {
        const path = join(dir, f);
        // Parts of a table without a readable registry are left alone: they may be all that is left of it.
        if ((TEMP.test(f) || (PART.test(f) && listed !== undefined && !listed.has(f))) && old(path)) remove(path);
      }
    }
  }
  return removed;
}

function entries(dir: string): string[] {
  try {
    return statSync(dir).isDirectory() ? readdirSync(dir) : [];
  } catch {
    return [];
  }
}

/** The data files a registry lists, or undefined when there is none or it cannot be read. */
function listedFiles(file: string): Set<string> | undefined {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { files?: unknown };
    return Array.isArray(raw.files) ? new Set(raw.files.map(String)) : undefined;
  } catch {
    return undefined;
  }
}
