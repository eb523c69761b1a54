/**
 * getOrCreate and static settings: a builder asking for a backend or storage
 * setting the active session was not built with gets a new session, never the
 * running one with its settings silently dropped (issue 11).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SparkSession } from '../../src/index.js';

const opened: SparkSession[] = [];
const dirs: string[] = [];
const track = (s: SparkSession): SparkSession => (opened.push(s), s);
// SPARKLESS_BACKEND outranks the config key, and SPARK_REMOTE makes the builder connect; these tests are about the key.
let envBackend: string | undefined;
let envRemote: string | undefined;
beforeEach(() => {
  envBackend = process.env['SPARKLESS_BACKEND'];
  envRemote = process.env['SPARK_REMOTE'];
  delete process.env['SPARKLESS_BACKEND'];
  delete process.env['SPARK_REMOTE'];
});
afterEach(() => {
  if (envBackend !== undefined) process.env['SPARKLESS_BACKEND'] = envBackend;
  if (envRemote !== undefined) process.env['SPARK_REMOTE'] = envRemote;
  for (const s of opened.splice(0)) s.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sparkless-goc-'));
  dirs.push(d);
  return d;
}

describe('SparkSession.builder.getOrCreate with static settings', () => {
  it('creates a file session with its basePath instead of returning a running memory session', () => {
    const memory = track(SparkSession.builder.config('spark.sparkless.backend', 'memory').getOrCreate());
    expect(memory.backendType).toBe('memory');
    const dir = tempDir();
    const file = track(SparkSession.builder.config('spark.sparkless.backend', 'file').config('spark.sparkless.backend.basePath', dir).getOrCreate());
    expect(file).not.toBe(memory);
    expect(file.backendType).toBe('file');
    file.createDataFrame([{ x: 1 }]).write.saveAsTable('t');
    expect(readdirSync(dir).length).toBeGreaterThan(0);
    // The new session is now the active one; asking again with the same settings reuses it.
    expect(SparkSession.builder.config('spark.sparkless.backend', 'file').config('spark.sparkless.backend.basePath', dir).getOrCreate()).toBe(file);
  });

  it('creates a new session for a different basePath or memory limit', () => {
    const a = track(SparkSession.builder.config({ 'spark.sparkless.backend': 'memory', 'spark.sparkless.backend.maxMemory': '1g' }).getOrCreate());
    const b = track(SparkSession.builder.config('spark.sparkless.backend.maxMemory', '2g').getOrCreate());
    expect(b).not.toBe(a);
    expect(b.conf.get('spark.sparkless.backend.maxMemory')).toBe('2g');
    // A new session is built from the builder's settings alone (b has the default backend).
    expect(b.backendType).toBe('polars');
    const c = track(SparkSession.builder.backends({ backendType: 'memory' }).getOrCreate());
    expect(c).not.toBe(b);
    expect(c.backendType).toBe('memory');
  });

  it('reuses the active session for runtime settings and for static settings it already has', () => {
    const a = track(SparkSession.builder.config('spark.sparkless.backend', 'memory').getOrCreate());
    const again = SparkSession.builder.config('spark.sparkless.backend', 'memory').config('spark.sql.shuffle.partitions', 3).getOrCreate();
    expect(again).toBe(a);
    expect(a.conf.get('spark.sql.shuffle.partitions')).toBe('3');
  });
});
