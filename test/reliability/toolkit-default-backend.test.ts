/**
 * Per-test sessions default to the `auto` backend (issue 11: 20,000 per-test
 * Polars sessions grew the process's native memory without bound; `auto` runs
 * test-sized data in the interpreter and stays flat). An explicit choice, the
 * SPARKLESS_BACKEND variable or the backend conf still win.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestSession } from '../../src/testing/index.js';

const saved = process.env['SPARKLESS_BACKEND'];
afterEach(() => {
  if (saved === undefined) delete process.env['SPARKLESS_BACKEND'];
  else process.env['SPARKLESS_BACKEND'] = saved;
});

function backendOf(options: Parameters<typeof createTestSession>[0]): string {
  const h = createTestSession(options);
  try {
    return h.spark.backendType;
  } finally {
    h.dispose();
  }
}

describe('the toolkit default backend', () => {
  it('is auto when nothing chooses one', () => {
    delete process.env['SPARKLESS_BACKEND'];
    expect(backendOf({})).toBe('auto');
  });
  it('yields to an explicit backend, SPARKLESS_BACKEND and the backend conf', () => {
    delete process.env['SPARKLESS_BACKEND'];
    expect(backendOf({ backend: 'polars' })).toBe('polars');
    expect(backendOf({ conf: { 'spark.sparkless.backend': 'memory' } })).toBe('memory');
    process.env['SPARKLESS_BACKEND'] = 'polars';
    expect(backendOf({})).toBe('polars');
  });
});
