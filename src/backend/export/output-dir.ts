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

/** True when a path has Hadoop glob characters (`*`, `?`, `[…]`, `{a,b}`). */
export function isGlob(path: string): boolean {
  return /[*?[{]/.test(path);
}

/** A regular expression for one glob path segment (Hadoop's GlobPattern subset). */
function segmentRegex(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += '[' + seg.slice(i + 1, end).replace(/^\^/, '^').replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else if (c === '{') {
      const end = seg.indexOf('}', i + 1);
      if (end < 0) re += '\\{';
      else {
        re += '(?:' + seg.slice(i + 1, end).split(',').map((a) => a.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('|') + ')';
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}

/** Paths matching a glob, segment by segment from its first literal directory. */
function expandGlob(pattern: string): string[] {
  const abs = resolve(pattern);
  const segs = abs.split('/').filter((s) => s !== '');
  let paths = ['/'];
  for (const seg of segs) {
    const next: string[] = [];
    for (const p of paths) {
      if (!isGlob(seg)) {
        const q = join(p, seg);
        if (existsSync(q)) next.push(q);
        continue;
      }
      let entries: string[];
      try {
        entries = readdirSync(p);
      } catch {
        continue;
      }
      const re = segmentRegex(seg);
      for (const e of entries.sort()) if (re.test(e) && !e.startsWith('.') && !e.startsWith('_')) next.push(join(p, e));
    }
    paths = next;
  }
  return paths;
}

/**
 * Visible data files under `path` (the path itself when it is a file; every
 * match of a glob such as `data/*.csv`); PATH_NOT_FOUND when nothing is there.
 */
export function listInputFiles(path: string): string[] {
  if (isGlob(path) && !existsSync(resolve(path))) {
    const matches = expandGlob(path);
    if (matches.length === 0) throw pathNotFound(path);
    return matches.flatMap((m) => listInputFiles(m));
  }
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
