/**
 * Consumer projects set up as docs/testing.md says (a setup file of the project
 * importing `sparkless/jest` or `sparkless/vitest`) must see the matcher types in
 * test files that do not import the adapter: Jest with the global `expect` of
 * @types/jest and with `expect` from '@jest/globals', and Vitest. The projects'
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
const projects: string[] = [];

/** A consumer project: `files` by path, `deps` linked from this repository's node_modules. */
function project(type: 'commonjs' | 'module', types: readonly string[], deps: readonly string[], files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sparkless-consumer-'));
  projects.push(dir);
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const link = (name: string, target: string): void => {
    mkdirSync(dirname(join(dir, 'node_modules', name)), { recursive: true });
    symlinkSync(target, join(dir, 'node_modules', name), 'dir');
  };
  link('sparkless', root);
  for (const dep of deps) link(dep, join(root, 'node_modules', dep));
  write('package.json', JSON.stringify({ name: 'consumer', private: true, type }));
  write(
    'tsconfig.json',
    JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types },
      include: ['**/*.ts'],
    }),
  );
  for (const [path, text] of Object.entries(files)) write(path, text);
  return dir;
}

/** `tsc --noEmit` in a project: its errors, or '' when it typechecks. */
function typecheck(dir: string): string {
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (err) {
    return String((err as { stdout?: string }).stdout ?? err);
  }
}

const SESSION = `import { SparkSession } from 'sparkless';
const spark = new SparkSession('t', { backendType: 'memory' });
const df = () => spark.createDataFrame([{ a: 1 }]);
`;

beforeAll(() => ensureBuilt(root), 600_000);

afterAll(() => {
  for (const dir of projects) rmSync(dir, { recursive: true, force: true });
});

describe('consumers configured as docs/testing.md says see the matcher types, with no triple-slash reference', () => {
  it('Jest (CommonJS, global expect and @jest/globals)', () => {
    const dir = project('commonjs', ['jest', 'node'], ['@jest/globals', '@types/jest', '@types/node'], {
      'jest.setup.ts': "import 'sparkless/jest';\n",
      'test/global-expect.test.ts': `${SESSION}
test('global expect', () => {
  expect(df()).toEqualDataFrame([{ a: 1 }]);
  expect(df()).not.toHaveRowCount(2);
  expect({ out: df() }).toEqual({ out: expect.dataFrameEqualTo([{ a: 1 }]) });
});
`,
      'test/imported-expect.test.ts': `import { expect, test } from '@jest/globals';
${SESSION}
test('imported expect', () => {
  expect(df()).toEqualDataFrame([{ a: 1 }], { checkRowOrder: true });
  expect(df()).toEqualSchema('a BIGINT');
  expect({ out: df() }).toEqual({ out: expect.dataFrameEqualTo([{ a: 1 }]) });
});
`,
    });
    expect(typecheck(dir)).toBe('');
  }, 180_000);

  it('Vitest (ESM)', () => {
    const dir = project('module', ['node'], ['vitest', '@types/node'], {
      'vitest.setup.ts': "import 'sparkless/vitest';\n",
      'test/people.test.ts': `import { expect, test } from 'vitest';
${SESSION}
test('vitest expect', () => {
  expect(df()).toEqualDataFrame([{ a: 1 }]);
  expect(df()).toContainRows([{ a: 1 }]);
  expect({ out: df() }).toEqual({ out: expect.dataFrameEqualTo([{ a: 1 }]) });
  expect({ out: df() }).toEqual({ out: expect.not.dataFrameEqualTo([{ a: 2 }]) });
});
`,
    });
    expect(typecheck(dir)).toBe('');
  }, 180_000);
});
