/**
 * A Jest + TypeScript consumer project set up as docs/testing.md says (a
 * `jest.setup.ts` importing `sparkless/jest`) must see the matcher types in test
 * files that do not import `sparkless/jest`, with the global `expect` of
 * @types/jest and with `expect` imported from '@jest/globals'. The project's
 * packages are links into this repository (sparkless itself resolves to dist/).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from './build.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let project: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(project, path)), { recursive: true });
  writeFileSync(join(project, path), text);
}

function link(name: string, target: string): void {
  mkdirSync(dirname(join(project, 'node_modules', name)), { recursive: true });
  symlinkSync(target, join(project, 'node_modules', name), 'dir');
}

/** `tsc --noEmit` in the consumer project: its errors, or '' when it typechecks. */
function typecheck(): string {
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? err);
  }
}

beforeAll(() => {
  ensureBuilt(root);
  project = mkdtempSync(join(tmpdir(), 'sparkless-consumer-'));
  link('sparkless', root);
  for (const dep of ['@jest/globals', '@types/jest', '@types/node']) link(dep, join(root, 'node_modules', dep));
  write('package.json', JSON.stringify({ name: 'consumer', private: true, type: 'commonjs' }));
  write(
    'tsconfig.json',
    JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: ['jest', 'node'] },
      include: ['**/*.ts'],
    }),
  );
  write('jest.setup.ts', "import 'sparkless/jest';\n");
  write(
    'test/global-expect.test.ts',
    `import { SparkSession } from 'sparkless';
const spark = new SparkSession('t', { backendType: 'memory' });
test('global expect', () => {
  expect(spark.createDataFrame([{ a: 1 }])).toEqualDataFrame([{ a: 1 }]);
  expect(spark.createDataFrame([{ a: 1 }])).not.toHaveRowCount(2);
  expect({ out: spark.createDataFrame([{ a: 1 }]) }).toEqual({ out: expect.dataFrameEqualTo([{ a: 1 }]) });
});
`,
  );
  write(
    'test/imported-expect.test.ts',
    `import { expect, test } from '@jest/globals';
import { SparkSession } from 'sparkless';
const spark = new SparkSession('t', { backendType: 'memory' });
test('imported expect', () => {
  expect(spark.createDataFrame([{ a: 1 }])).toEqualDataFrame([{ a: 1 }], { checkRowOrder: true });
  expect(spark.createDataFrame([{ a: 1 }])).toEqualSchema('a BIGINT');
  expect({ out: spark.createDataFrame([{ a: 1 }]) }).toEqual({ out: expect.dataFrameEqualTo([{ a: 1 }]) });
});
`,
  );
}, 600_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('a Jest consumer configured as docs/testing.md says', () => {
  it('sees the matcher types in every test file, without a triple-slash reference', () => {
    expect(typecheck()).toBe('');
  }, 120_000);
});
