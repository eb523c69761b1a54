/**
 * The built package, loaded the way users load it: by its own name through the
 * `exports` map (self-reference), as ESM and as CommonJS, for every subpath.
 * Requires `npm run build` first (CI builds before testing).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { exports: Record<string, unknown> };
const allSubpaths = Object.keys(pkg.exports)
  .filter((k) => k !== './package.json')
  .map((k) => (k === '.' ? 'sparkless' : `sparkless/${k.slice(2)}`));
/** The framework adapters load only inside their test runner (they import vitest / @jest/globals). */
const RUNNER_ONLY = ['sparkless/vitest', 'sparkless/jest'];
const subpaths = allSubpaths.filter((s) => !RUNNER_ONLY.includes(s));

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Keys each entry point must expose (a missing export is a broken public API). */
const REQUIRED: Record<string, string[]> = {
  sparkless: ['SparkSession', 'DataFrame', 'Column', 'Row', 'Window', 'functions', 'F', 'types', 'T', 'StructType', 'AnalysisException'],
  'sparkless/backend': ['BackendFactory'],
  'sparkless/backend/memory': ['MemoryMaterializer', 'MemoryStorageBackend'],
  'sparkless/backend/polars': ['PolarsMaterializer'],
  'sparkless/backend/file': ['FileStorageBackend'],
  'sparkless/storage': ['MemoryStorageBackend', 'PolarsStorageBackend', 'FileStorageBackend'],
  'sparkless/testing': ['assertDataFrameEqual'],
};

describe('the built package', () => {
  it('has been built', () => {
    expect(existsSync(`${root}/dist/index.js`), 'dist/ is missing: run `npm run build` before the tests').toBe(true);
  });

  it.each(subpaths)('%s loads as ESM and as CommonJS with the same exports', (spec) => {
    const esm = node(['--input-type=module', '-e', `const m = await import(${JSON.stringify(spec)}); console.log(JSON.stringify(Object.keys(m).sort()))`]);
    const cjs = node(['-e', `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(spec)})).sort()))`]);
    const esmKeys = JSON.parse(esm) as string[];
    expect(esmKeys.length).toBeGreaterThan(0);
    expect(JSON.parse(cjs)).toEqual(esmKeys.filter((k) => k !== 'default'));
    for (const key of REQUIRED[spec] ?? []) expect(esmKeys).toContain(key);
  });

  it.each(RUNNER_ONLY)('%s is built as ESM and CommonJS with type declarations', (spec) => {
    const name = spec.slice('sparkless/'.length);
    for (const ext of ['js', 'cjs', 'd.ts', 'd.cts']) expect(existsSync(`${root}/dist/${name}.${ext}`), `dist/${name}.${ext}`).toBe(true);
  });

  it('runs a pipeline from the CommonJS build', () => {
    const out = node([
      '-e',
      `const { SparkSession, F } = require('sparkless');
       const spark = new SparkSession('cjs', { backendType: 'memory' });
       const df = spark.createDataFrame([{ a: 1 }, { a: 2 }]).select(F.sum('a'));
       console.log(df.showString());`,
    ]);
    expect(out).toBe(['+------+', '|sum(a)|', '+------+', '|     3|', '+------+', '', ''].join('\n'));
  });
});
