/**
 * Crash-safe file operations: every file is written under a hidden temp name
 * in its target directory, flushed to disk (fsync), and renamed into place
 * (rename within a directory is atomic on POSIX file systems), then the
 * directory is flushed, so readers see the old file or the new one, never a
 * partial one, also after a power loss.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
    syncPath(tmp);
    renameSync(tmp, target);
    syncPath(dirname(target));
  } catch (err) {
    rmSync(tmp, { force: true, recursive: true });
    throw err;
  }
}

/**
 * Flushes a file, or a directory's entry list, to disk. Platforms that cannot
 * fsync a directory (EISDIR, EINVAL, EPERM) are skipped: the rename is still
 * atomic there. Files inside a temp directory are written (and flushed)
 * through `writeAtomically` themselves.
 */
export function syncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EBADF') throw err;
  } finally {
    if (fd !== undefined) closeSync(fd);
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
