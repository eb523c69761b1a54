/**
 * Two processes appending to one table on one base path: every acknowledged
 * row is there afterwards (writes take the database's lock file in turn).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStorageBackend } from '../../../src/backend/file/index.js';
import { withLock } from '../../../src/backend/file/lock.js';

const APPENDER = join(import.meta.dirname, 'support', 'appender.ts');
const base = mkdtempSync(join(tmpdir(), 'sparkless-concurrent-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function append(tag: string, batches: number, rows: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', APPENDER, base, String(batches), String(rows), tag], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`appender ${tag} failed: ${err}`))));
  });
}

describe('file backend with concurrent writers', () => {
  it('loses no acknowledged append from two processes', { timeout: 120_000 }, async () => {
    const BATCHES = 15;
    const ROWS = 200;
    await Promise.all([append('a', BATCHES, ROWS), append('b', BATCHES, ROWS)]);
    const storage = new FileStorageBackend({ basePath: base });
    const t = storage.queryTable('default', 't');
    expect(t.numRows).toBe(2 * BATCHES * ROWS);
    const perWriter = new Map<unknown, number>();
    for (const w of t.columns[0]!) perWriter.set(w, (perWriter.get(w) ?? 0) + 1);
    expect(Object.fromEntries(perWriter)).toEqual({ a: BATCHES * ROWS, b: BATCHES * ROWS });
    // No lock is left behind.
    expect(readdirSync(base).filter((f) => f.includes('lock'))).toEqual([]);
  });

  it("breaks a dead writer's lock instead of waiting for it", () => {
    const lock = join(base, 'stale.lock');
    // A pid that cannot be running: above the kernel's pid limit.
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 30, host: hostname(), at: Date.now() }));
    const started = Date.now();
    expect(withLock(lock, () => 42, { timeoutMs: 5_000 })).toBe(42);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('times out with a typed error while a live writer holds the lock', () => {
    const lock = join(base, 'live.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: hostname(), at: Date.now() }));
    expect(() => withLock(lock, () => 1, { timeoutMs: 200 })).toThrow(expect.objectContaining({ errorClass: 'SPARKLESS_WRITE_LOCK_TIMEOUT' }));
    rmSync(lock);
  });
});
