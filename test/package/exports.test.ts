/**
 * The built package, loaded the way users load it: by its own name through the
 * `exports` map (self-reference), as ESM and as CommonJS, for every subpath.
 * dist/ is rebuilt first when it is older than the sources (see build.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './build.js';

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
  'sparkless/backend/connect': ['ConnectExecutor', 'SparkConnectClient', 'parseConnectAddress', 'SparkConnectGrpcException'],
  'sparkless/storage': ['MemoryStorageBackend', 'PolarsStorageBackend', 'FileStorageBackend'],
  'sparkless/testing': ['assertDataFrameEqual'],
  'sparkless/optimizer': ['QueryOptimizer', 'attachSkewMetrics', 'skewHintsFromSimulation', 'ADAPTIVE_CONF', 'DEFAULT_RULES'],
};

beforeAll(() => ensureBuilt(root), 600_000);

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

/**
 * What a user of one build observes about names, errors and DDL schemas; printed as
 * JSON by a child Node process. `load` binds `s` (sparkless), `t` (sparkless/testing) and
 * `extra` (the other subpaths' modules, whose exported classes must keep their names too).
 */
/** Subpaths whose exported classes are checked besides the root and `testing`. */
const SUBPATHS = ['backend', 'backend/memory', 'backend/polars', 'backend/file', 'backend/connect', 'storage', 'optimizer'];

const PROBE = `
  const caught = (f) => { try { f(); } catch (e) { return e; } throw new Error('expected an error'); };
  const classNames = (mod) => Object.entries(mod)
    .filter(([, v]) => typeof v === 'function' && /^class\\b/.test(Function.prototype.toString.call(v)))
    .filter(([k, v]) => v.name !== k).map(([k, v]) => k + ' is named ' + v.name);
  const spark = new s.SparkSession('probe', { backendType: 'memory' });
  const df = spark.createDataFrame([{ a: 1 }]);
  const analysis = caught(() => df.select('zz'));
  const parse = caught(() => s.parseDataType('int x'));
  const mismatch = caught(() => t.assertDataFrameEqual(df, [{ a: 2 }]));
  const ddl = (schema) => { try { const d = spark.createDataFrame([[1, 2]], schema); return d.dtypes.map((x) => x.join(' ')).join(', '); } catch (e) { return String(e).split('\\\\n')[0]; } };
  console.log(JSON.stringify({
    misnamed: [...classNames(s), ...classNames(t), ...extra.flatMap(classNames)],
    analysis: { name: analysis.name, string: String(analysis).slice(0, 40), stack: analysis.stack.split('\\\\n')[0].slice(0, 40),
      ctor: analysis.constructor.name, isAnalysis: s.AnalysisException.isAnalysisException(analysis),
      isSparkless: s.SparklessError.isSparklessError(analysis), isParse: s.ParseException.isParseException(analysis) },
    parse: { name: parse.name, isParse: s.ParseException.isParseException(parse), isAnalysis: s.AnalysisException.isAnalysisException(parse) },
    mismatch: { name: mismatch.name, is: t.isDataFrameMismatchError(mismatch) },
    dataFrame: { ctor: df.constructor.name, tag: Object.prototype.toString.call(df), string: String(df) },
    ddl: [ddl('struct<v1:int,v2:int>'), ddl('a: int, b: string')],
  }));
`;

const EXPECTED_PROBE = {
  misnamed: [],
  analysis: {
    name: 'AnalysisException',
    string: 'AnalysisException: [UNRESOLVED_COLUMN.WI',
    stack: 'AnalysisException: [UNRESOLVED_COLUMN.WI',
    ctor: 'AnalysisException',
    isAnalysis: true,
    isSparkless: true,
    isParse: false,
  },
  parse: { name: 'ParseException', isParse: true, isAnalysis: true },
  mismatch: { name: 'DataFrameMismatchError', is: true },
  dataFrame: { ctor: 'DataFrame', tag: '[object DataFrame]', string: 'DataFrame[a: bigint]' },
  ddl: ['v1 int, v2 int', 'a int, b string'],
};

describe('names, errors and DDL schemas are the same in both builds', () => {
  it('ESM (import)', () => {
    const load = `const s = await import('sparkless'); const t = await import('sparkless/testing');
      const extra = await Promise.all(${JSON.stringify(SUBPATHS)}.map((p) => import('sparkless/' + p)));`;
    expect(JSON.parse(node(['--input-type=module', '-e', load + PROBE]))).toEqual(EXPECTED_PROBE);
  });

  it('CommonJS (require)', () => {
    const load = `const s = require('sparkless'); const t = require('sparkless/testing');
      const extra = ${JSON.stringify(SUBPATHS)}.map((p) => require('sparkless/' + p));`;
    expect(JSON.parse(node(['-e', load + PROBE]))).toEqual(EXPECTED_PROBE);
  });

  it('errors and DataFrames of one build are recognised by the other (two copies of the library)', () => {
    const script = `
      import { createRequire } from 'node:module';
      const esm = await import('sparkless');
      const cjs = createRequire(process.cwd() + '/')('sparkless');
      const testingEsm = await import('sparkless/testing');
      const caught = (f) => { try { f(); } catch (e) { return e; } };
      const fromCjs = caught(() => cjs.parseDataType('int x'));
      const fromEsm = caught(() => esm.parseDataType('int x'));
      const df = new cjs.SparkSession('c', { backendType: 'memory' }).createDataFrame([{ a: 1 }]);
      console.log(JSON.stringify([
        esm.ParseException === cjs.ParseException,
        esm.ParseException.isParseException(fromCjs), esm.AnalysisException.isAnalysisException(fromCjs),
        cjs.ParseException.isParseException(fromEsm), cjs.SparklessError.isSparklessError(fromEsm),
        esm.DataFrame.isDataFrame(df), testingEsm.compareDataFrames(df, [{ a: 1 }]).equal,
      ]));`;
    expect(JSON.parse(node(['--input-type=module', '-e', script]))).toEqual([false, true, true, true, true, true, true]);
  });
});
