#!/usr/bin/env node
// Per-test overhead of the test toolkit: a 200-test file under Vitest and under Jest,
// each test taking a fresh session (useSparkSession), building a small DataFrame,
// transforming it and comparing it with toEqualDataFrame; on the memory, polars and
// auto backends, plus a plain-JS floor (the runner's own cost per test).
//   node bench/toolkit-overhead.mjs [--tests 200] [--runs 1]
// Needs dist/ (npm run build). Prints a Markdown table: wall time of the runner
// process, and the mean of the runner's own per-test durations.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const TMP = join(ROOT, 'bench', '.tmp', 'toolkit-overhead');
const { values } = parseArgs({ options: { tests: { type: 'string', default: '200' }, runs: { type: 'string', default: '1' } } });
const TESTS = Number(values.tests);
const RUNS = Number(values.runs);
const BACKENDS = ['plain', 'memory', 'polars', 'auto'];

const ROWS = JSON.stringify([{ g: 'a', v: 12 }, { g: 'b', v: 3 }, { g: 'a', v: 30 }, { g: 'c', v: 11 }]);
const EXPECTED = JSON.stringify([{ g: 'a', s: 42, n: 2 }, { g: 'c', s: 11, n: 1 }]);

/** The file's body: `lib` is how sparkless is imported (ESM for Vitest, require for Jest). */
function testFile(runner, backend) {
  const imports =
    runner === 'vitest'
      ? `import { describe, expect, test } from 'vitest';\n${backend === 'plain' ? '' : `import { functions as F } from 'sparkless';\nimport { useSparkSession } from 'sparkless/vitest';\n`}`
      : `const { describe, expect, test } = require('@jest/globals');\n${backend === 'plain' ? '' : `const { functions: F } = require('sparkless');\nconst { useSparkSession } = require('sparkless/jest');\n`}`;
  const body =
    backend === 'plain'
      ? `const run = () => { const m = new Map(); for (const r of ${ROWS}) if (r.v > 10) { const a = m.get(r.g) ?? { g: r.g, s: 0, n: 0 }; a.s += r.v; a.n += 1; m.set(r.g, a); } return [...m.values()].sort((x, y) => (x.g < y.g ? -1 : 1)); };
  const check = () => expect(run()).toEqual(${EXPECTED});`
      : `const spark = useSparkSession({ backend: '${backend}' });
  const check = () => expect(
    spark().createDataFrame(${ROWS}, 'g STRING, v BIGINT').filter(F.col('v').gt(10)).groupBy('g').agg(F.sum('v').alias('s'), F.count('*').alias('n')),
  ).toEqualDataFrame(${EXPECTED});`;
  const tests = Array.from({ length: TESTS }, (_, i) => `  test('t${i}', check);`).join('\n');
  return `${imports}\ndescribe('overhead', () => {\n  ${body}\n${tests}\n});\n`;
}

function project(runner, backend) {
  const dir = join(TMP, `${runner}-${backend}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (runner === 'vitest') {
    writeFileSync(join(dir, 'overhead.test.mjs'), testFile(runner, backend));
    writeFileSync(
      join(dir, 'vitest.config.mjs'),
      `export default { resolve: { alias: [{ find: /^sparkless$/, replacement: '${ROOT}/dist/index.js' }, { find: /^sparkless\\/(.*)$/, replacement: '${ROOT}/dist/$1.js' }] }, test: { include: ['overhead.test.mjs'], server: { deps: { external: [/\\/dist\\//] } } } };\n`,
    );
  } else {
    writeFileSync(join(dir, 'overhead.test.cjs'), testFile(runner, backend));
    writeFileSync(
      join(dir, 'jest.config.cjs'),
      `module.exports = { testEnvironment: 'node', rootDir: __dirname, testMatch: ['**/overhead.test.cjs'], moduleNameMapper: { '^sparkless$': '${ROOT}/dist/index.cjs', '^sparkless/(.*)$': '${ROOT}/dist/$1.cjs' }, setupFilesAfterEnv: [${backend === 'plain' ? '' : `'${ROOT}/dist/jest.cjs'`}] };\n`,
    );
  }
  return dir;
}

/** One run: wall ms and the runner's per-test durations (from its JSON report). */
function runOnce(runner, dir) {
  const report = join(dir, 'report.json');
  const args =
    runner === 'vitest'
      ? [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--root', dir, '--reporter=json', `--outputFile=${report}`]
      : [join(ROOT, 'node_modules/jest/bin/jest.js'), '--config', join(dir, 'jest.config.cjs'), '--json', `--outputFile=${report}`];
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^(VITEST|JEST|SPARKLESS_|SPARK_)/.test(k)) delete env[k];
  const t0 = performance.now();
  execFileSync(process.execPath, args, { cwd: dir, env, stdio: 'pipe' });
  const wall = performance.now() - t0;
  const json = JSON.parse(readFileSync(report, 'utf8'));
  const durations = json.testResults.flatMap((f) => f.assertionResults.map((a) => a.duration ?? 0));
  if (json.numPassedTests !== TESTS) throw new Error(`${dir}: ${json.numPassedTests} of ${TESTS} tests passed`);
  return { wall, perTest: durations.reduce((a, b) => a + b, 0) / durations.length };
}

const rows = [];
for (const runner of ['vitest', 'jest']) {
  for (const backend of BACKENDS) {
    const dir = project(runner, backend);
    const runs = Array.from({ length: RUNS }, () => runOnce(runner, dir));
    const best = runs.reduce((a, b) => (a.wall <= b.wall ? a : b));
    rows.push(`| ${runner} | ${backend} | ${(best.wall / 1000).toFixed(1)} s | ${best.perTest.toFixed(2)} ms |`);
    console.error(rows[rows.length - 1]);
  }
}
rmSync(TMP, { recursive: true, force: true });
console.log(`${TESTS} tests per file, best of ${RUNS} run(s), Node ${process.version}\n`);
console.log('| runner | backend | wall (process) | mean per test (runner) |\n| --- | --- | --- | --- |');
console.log(rows.join('\n'));
