/**
 * A write lock per database directory, so writers in several processes on
 * one base path take turns: each read-modify-commit of a table registry runs
 * under it, and no acknowledged append is lost to a concurrent commit.
 *
 * The lock is a file created exclusively (`wx`) holding the owner's pid,
 * host and start time. A lock whose owner is dead (same host, no such pid)
 * or that is older than `staleMs` is broken: a killed writer never blocks
 * the base path for long.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { ExecutionException } from '../../errors/index.js';

export interface LockOptions {
  /** How long to wait for another writer before failing (default 60 s). */
  readonly timeoutMs?: number;
  /** Age after which a lock is taken over whoever holds it (default 10 min). */
  readonly staleMs?: number;
}

/** A lock file still without its owner after this long was torn by a kill. */
const TORN_LOCK_MS = 2_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number): void => void Atomics.wait(sleeper, 0, 0, ms);

/** Runs `f` holding the lock file `path` (created with its directory). */
export function withLock<T>(path: string, f: () => T, opts: LockOptions = {}): T {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const staleMs = opts.staleMs ?? 10 * 60_000;
  mkdirSync(dirname(path), { recursive: true });
  const start = Date.now();
  let wait = 1;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(path, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() }));
      } finally {
        closeSync(fd);
      }
      try {
        return f();
      } finally {
        rmSync(path, { force: true });
      }
    }
    if (isStale(path, staleMs)) {
      rmSync(path, { force: true });
      continue;
    }
    if (Date.now() - start > timeoutMs) {
      throw new ExecutionException(`Timed out after ${timeoutMs} ms waiting for another writer's lock ${path}.`, {
        errorClass: 'SPARKLESS_WRITE_LOCK_TIMEOUT',
        messageParameters: { path },
      });
    }
    sleep(wait);
    wait = Math.min(wait * 2, 50);
  }
}

function isStale(path: string, staleMs: number): boolean {
  let owner: { pid?: number; host?: string; at?: number };
  try {
    owner = JSON.parse(readFileSync(path, 'utf8')) as typeof owner;
  } catch {
    // Being written right now (microseconds), or torn by a kill between create and write.
    try {
      return Date.now() - statSync(path).mtimeMs > TORN_LOCK_MS;
    } catch {
      return false;
    }
  }
  if (typeof owner.at === 'number' && Date.now() - owner.at > staleMs) return true;
  if (owner.host === hostname() && typeof owner.pid === 'number' && owner.pid !== process.pid) {
    try {
      process.kill(owner.pid, 0);
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ESRCH';
    }
  }
  return false;
}
