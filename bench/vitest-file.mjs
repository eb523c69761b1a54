// Workload (e): writes a 1,000-test Vitest file (plus a minimal config) into a
// scratch folder under bench/.tmp, to be run with `vitest run`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SMALL_ROWS, SMALL_SCHEMA } from './data.mjs';

export const VITEST_TESTS = 1000;

/** Engines that workload (e) runs: a plain-JS floor (Vitest's own cost) and both sparkless backends. */
export const VITEST_ENGINES = {
  plainjs: null,
  'sparkless-polars': 'polars',
  'sparkless-memory': 'memory',
};

function testBody(i) {
  return `test('pipeline ${i}', (ctx) => {
  const rows = pipeline(ctx);
  expect(rows).toHaveLength(3);
});
`;
}

const PLAIN_HEADER = `import { test, expect } from 'vitest';
const ROWS = ${JSON.stringify(SMALL_ROWS)};
function pipeline() {
  const groups = new Map();
  for (const r of ROWS) {
    if (!(r.v > 10)) continue;
    let acc = groups.get(r.g);
    if (!acc) groups.set(r.g, (acc = { g: r.g, s: 0, n: 0 }));
    acc.s += r.v;
    acc.n += 1;
  }
  return [...groups.values()].sort((a, b) => (a.g < b.g ? -1 : 1)).map(({ g, s, n }) => ({ g, s, a: s / n, n }));
}
`;

/**
 * `useSparkSession` comes from the toolkit issue. Until its shape is settled the file
 * accepts the likely ones: a Vitest `test` extended with a `spark` fixture, a getter
 * function, an object with a `spark` property, or the session itself.
 */
function sparklessHeader(mainFile, vitestFile, backendType) {
  return `import { test as baseTest, expect } from 'vitest';
import { functions as F } from ${JSON.stringify(pathToFileURL(mainFile).href)};
import { useSparkSession } from ${JSON.stringify(pathToFileURL(vitestFile).href)};
const ROWS = ${JSON.stringify(SMALL_ROWS)};
const SCHEMA = ${JSON.stringify(SMALL_SCHEMA)};
const handle = useSparkSession({ backendType: ${JSON.stringify(backendType)} });
const isTestApi = typeof handle === 'function' && typeof handle.extend === 'function';
const test = isTestApi ? handle : baseTest;
function sessionOf(ctx) {
  if (isTestApi) return ctx.spark;
  if (typeof handle === 'function') return handle();
  if (handle && typeof handle === 'object' && 'spark' in handle) return handle.spark;
  return handle;
}
function pipeline(ctx) {
  return sessionOf(ctx)
    .createDataFrame(ROWS, SCHEMA)
    .filter(F.col('v').gt(10))
    .groupBy('g')
    .agg(F.sum('v').alias('s'), F.avg('v').alias('a'), F.count('*').alias('n'))
    .orderBy('g')
    .collect();
}
`;
}

/**
 * Writes the project for one engine and returns the folder. `files` gives the
 * built sparkless entry points ({ main, vitest }) for the sparkless engines.
 */
export function writeVitestProject(root, engine, files) {
  const dir = join(root, `vitest-${engine}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const backendType = VITEST_ENGINES[engine];
  const header = backendType ? sparklessHeader(files.main, files.vitest, backendType) : PLAIN_HEADER;
  const tests = Array.from({ length: VITEST_TESTS }, (_, i) => testBody(i + 1)).join('\n');
  writeFileSync(join(dir, 'pipeline.test.mjs'), `${header}\n${tests}`);
  writeFileSync(
    join(dir, 'vitest.config.mjs'),
    `export default { test: { include: ['pipeline.test.mjs'], watch: false, reporters: ['dot'] } };\n`,
  );
  return dir;
}
