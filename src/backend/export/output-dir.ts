/**
 * Spark's file layout for `df.write` and `spark.read`: a write produces a
 * directory holding `part-00000-<uuid>-c000.<ext>` plus an empty `_SUCCESS`;
 * a read takes one file or every visible file of a directory (names not
 * starting with `_` or `.`, in name order), as Hadoop's file listing does.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AnalysisException } from '../../errors/index.js';
import type { SaveMode } from '../protocols.js';
import { removePath, tempPathFor, writeAtomically, writeFileAtomically } from './fs-atomic.js';

export function pathNotFound(path: string): AnalysisException {
  const p = `file:${resolve(path)}`;
  return new AnalysisException(`Path does not exist: ${p}.`, { errorClass: 'PATH_NOT_FOUND', messageParameters: { path: p } });
}

export function pathAlreadyExists(path: string): AnalysisException {
  const p = `file:${resolve(path)}`;
  return new AnalysisException(`Path ${p} already exists. Set mode as "overwrite" to overwrite the existing path.`, {
    errorClass: 'PATH_ALREADY_EXISTS',
    messageParameters: { outputPath: p },
  });
}

/** A fresh part-file name: `part-00000-<uuid>-c000<suffix>` (suffix such as `.csv` or `.snappy.parquet`). */
export function partFileName(suffix: string): string {
  return `part-00000-${randomUUID()}-c000${suffix}`;
}

/** One file to put into the output directory: its name and a writer that fills a given path. */
export interface OutputFile {
  readonly name: string;
  readonly write: (path: string) => void;
}

/**
 * Writes `files` plus `_SUCCESS` as the output directory at `path`, honouring
 * the save mode. New content is built in a hidden sibling directory and moved
 * into place, so a failed write leaves whatever was at `path` untouched.
 * Returns false when `ignore` skipped the write.
 */
export function writeOutputDirectory(path: string, mode: SaveMode, files: readonly OutputFile[]): boolean {
  const target = resolve(path);
  const exists = existsSync(target);
  if (exists) {
    if (mode === 'error' || mode === 'errorifexists') throw pathAlreadyExists(path);
    if (mode === 'ignore') return false;
  }
  if (mode === 'append' && exists && statSync(target).isDirectory()) {
    for (const f of files) {
      mkdirSync(dirname(join(target, f.name)), { recursive: true });
      writeAtomically(join(target, f.name), f.write);
    }
    writeFileAtomically(join(target, '_SUCCESS'), '');
    return true;
  }
  const staging = tempPathFor(target);
  mkdirSync(staging, { recursive: true });
  try {
    for (const f of files) {
      mkdirSync(dirname(join(staging, f.name)), { recursive: true });
      f.write(join(staging, f.name));
    }
    writeFileSync(join(staging, '_SUCCESS'), '');
  } catch (err) {
    removePath(staging);
    throw err;
  }
  if (exists) {
    // overwrite (or append onto a plain file, which Spark also replaces): old content aside, new in, old removed.
    const aside = tempPathFor(target);
    renameSync(target, aside);
    try {
      renameSync(staging, target);
    } catch (err) {
      renameSync(aside, target);
      removePath(staging);
      throw err;
    }
    removePath(aside);
  } else {
    mkdirSync(resolve(target, '..'), { recursive: true });
    renameSync(staging, target);
  }
  return true;
}

/** Visible data files under `path` (the path itself when it is a file); PATH_NOT_FOUND when missing. */
export function listInputFiles(path: string): string[] {
  const target = resolve(path);
  let st;
  try {
    st = statSync(target);
  } catch {
    throw pathNotFound(path);
  }
  if (!st.isDirectory()) return [target];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.name.startsWith('_') || e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(target);
  return out;
}
