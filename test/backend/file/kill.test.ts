/**
 * Kill test: a child process creating tables with saveAsTable is killed
 * with SIGKILL at random points; every table a later session sees must hold
 * all its rows (never an empty or half table), every acknowledged table must
 * exist, and the debris sweep leaves only committed files.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStorageBackend } from '../../../src/backend/file/index.js';

const KILLS = Number(process.env['SPARKLESS_KILL_TEST_KILLS'] ?? 4);
const ROWS = 3000;
const WRITER = join(import.meta.dirname, 'support', 'ctas-writer.ts');
const base = mkdtempSync(join(tmpdir(), 'sparkless-kill-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Starts the writer, kills it `delayMs` after it is ready; resolves with the tables it acknowledged. */
function runAndKill(basePath: string, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, basePath, String(ROWS)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!timer && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own: ${err}`));
      else resolve(out.split('\n').filter((l) => /^t\d+$/.test(l)));
    });
  });
}

describe('file backend under SIGKILL', () => {
  it(`never leaves an empty or partial table (${KILLS} kills)`, { timeout: 60_000 + KILLS * 15_000 }, async () => {
    let acknowledged = 0;
    let tables = 0;
    for (let k = 0; k < KILLS; k++) {
      const basePath = join(base, `run${k}`);
      const acked = await runAndKill(basePath, 50 + Math.floor(Math.random() * 1500));
      acknowledged += acked.length;
      const storage = new FileStorageBackend({ basePath, sweepGraceMs: 0 });
      for (const t of storage.listTables('default')) {
        expect(storage.queryTable('default', t.name).numRows, t.name).toBe(ROWS);
        tables++;
      }
      for (const t of acked) expect(storage.tableExists('default', t), t).toBe(true);
      // Debris is swept: only registries and listed parts remain.
      // (A kill before the first write leaves no database directory at all.)
      const dbDir = join(basePath, 'default.db');
      for (const dir of existsSync(dbDir) ? readdirSync(dbDir) : []) {
        expect(dir.startsWith('.'), dir).toBe(false);
        for (const f of readdirSync(join(basePath, 'default.db', dir))) expect(f.startsWith('.'), f).toBe(false);
      }
    }
    expect(tables).toBeGreaterThanOrEqual(acknowledged);
  });
});
