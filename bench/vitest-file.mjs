// Workload (e): writes a 1,000-test Vitest file (plus a minimal config) into a
// scratch folder under bench/.tmp, to be run with `vitest run`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMALL_ROWS, SMALL_SCHEMA } from './data.mjs';

export const VITEST_TESTS = 1000;

/** Engines that workload (e) runs: a plain-JS floor (Vitest's own cost) and both sparkless backends. */
export const VITEST_ENGINES = {
  plainjs: null,
  'sparkless-polars': 'polars',
  'sparkless-memory': 'memory',
};

function testBody(i) {
  return `test('pipeline ${i}', () => {
  const rows = pipeline();
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

/** As docs/testing.md shows: `useSparkSession(options)` returns the running test's session accessor. */
function sparklessHeader(specs, backendType) {
  return `import { test, expect } from 'vitest';
import { functions as F } from ${JSON.stringify(specs.main)};
import { useSparkSession } from ${JSON.stringify(specs.vitest)};
const ROWS = ${JSON.stringify(SMALL_ROWS)};
const SCHEMA = ${JSON.stringify(SMALL_SCHEMA)};
const spark = useSparkSession({ backend: ${JSON.stringify(backendType)} });
function pipeline() {
  return spark()
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
 * Writes the project for one engine and returns the folder. `specs` gives the import
 * specifiers of sparkless ({ main, vitest }) for the sparkless engines.
 */
export function writeVitestProject(root, engine, specs) {
  const dir = join(root, `vitest-${engine}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const backendType = VITEST_ENGINES[engine];
  const header = backendType ? sparklessHeader(specs, backendType) : PLAIN_HEADER;
  const tests = Array.from({ length: VITEST_TESTS }, (_, i) => testBody(i + 1)).join('\n');
  writeFileSync(join(dir, 'pipeline.test.mjs'), `${header}\n${tests}`);
  // dist/ is loaded by Node as is, like an installed package under node_modules,
  // rather than transformed by Vite as project source.
  writeFileSync(
    join(dir, 'vitest.config.mjs'),
    `export default { test: { include: ['pipeline.test.mjs'], watch: false, reporters: ['dot'], server: { deps: { external: [/\\/dist\\//] } } } };\n`,
  );
  return dir;
}
