/**
 * Crash-safe file operations: every file is written under a hidden temp name
 * in its target directory and renamed into place (rename within a directory
 * is atomic on POSIX file systems), so readers see the old file or the new
 * one, never a partial one.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A hidden temp path next to `target` (`.<name>.<uuid>.tmp`; Spark and Hadoop readers skip dot files). */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomUUID()}.tmp`);
}

/**
 * Runs `write(tempPath)` and renames the result to `target`. When `write`
 * throws, the temp file is removed and `target` is untouched.
 */
export function writeAtomically(target: string, write: (tempPath: string) => void): void {
  const tmp = tempPathFor(target);
  try {
    write(tmp);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true, recursive: true });
    throw err;
  }
}

/** Writes text (or bytes) to `target` atomically. */
export function writeFileAtomically(target: string, data: string | Uint8Array): void {
  writeAtomically(target, (tmp) => writeFileSync(tmp, data));
}

/**
 * Removes a file or directory tree: first renamed aside (one atomic step, so
 * the path disappears at once), then deleted.
 */
export function removePath(path: string): void {
  if (!existsSync(path)) return;
  const aside = tempPathFor(path);
  renameSync(path, aside);
  rmSync(aside, { recursive: true, force: true });
}
