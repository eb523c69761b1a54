/**
 * The consumer projects of the packaging test (consumers.test.ts), as files by
 * path. Each is a project a user sets up as README's Install section and
 * docs/testing.md say: a Vitest file and a Jest file, each with passing tests
 * and two that fail on purpose (a DataFrame mismatch, an uncaught
 * AnalysisException) whose messages the test checks.
 */

export interface Consumer {
  readonly name: string;
  /** Typecheck with tsc (TypeScript projects). */
  readonly typescript: boolean;
  readonly files: Record<string, string>;
}

const tsconfig = (module: string, moduleResolution: string, types: string[]): string =>
  JSON.stringify(
    {
      compilerOptions: { module, moduleResolution, target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types },
      include: ['**/*.ts'],
      exclude: ['node_modules'],
    },
    null,
    2,
  );

const VITEST_CONFIG = `import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { include: ['test/**/*.vitest.test.*'], setupFiles: ['./vitest.setup.__EXT__'] } });
`;

const JEST_TS_CONFIG = `module.exports = {
  testEnvironment: 'node',
  testMatch: ['**/test/**/*.jest.test.ts'],
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
  transform: { '^.+\\\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', isolatedModules: true } }] },
};
`;

/** The body shared by every runner and module system: `imports` brings the names in. */
function body(runner: 'vitest' | 'jest', backend: string, prop: string): string {
  return `
describe('${runner} consumer on ${backend}', () => {
  const spark = useSparkSession({ backend: '${backend}' });
  const people = () => spark().createDataFrame([{ name: 'Ann', age: 30 }, { name: 'Bo', age: 9 }], 'name STRING, age INT');

  test('passes', () => {
    expect(people().filter(F.col('age').gte(18))).toEqualDataFrame([{ name: 'Ann', age: 30 }]);
    expect({ out: people() }).toEqual({ out: expect.dataFrameEqualTo([{ name: 'Bo', age: 9 }, { name: 'Ann', age: 30 }]) });
    assertDataFrameEqual(people().select('name'), [{ name: 'Ann' }, { name: 'Bo' }]);
  });

  test('error classes keep their names', () => {
    let caught;
    try {
      people().select('nope').collect();
    } catch (e) {
      caught = e;
    }
    expect(AnalysisException.isAnalysisException(caught)).toBe(true);
    expect(caught.name).toBe('AnalysisException');
    expect(String(caught)).toMatch(/^AnalysisException: \\[UNRESOLVED_COLUMN/);
  });
${prop}
  test('fails on purpose: a DataFrame mismatch', () => {
    expect(people()).toEqualDataFrame([{ name: 'Ann', age: 31 }, { name: 'Bo', age: 9 }]);
  });

  test('fails on purpose: an uncaught AnalysisException', () => {
    people().select('nope').collect();
  });
});
`;
}

/** In TypeScript `caught` needs a type; in JavaScript the declaration is plain. */
const typed = (text: string): string => text.replace('let caught;', 'let caught: any;');

const VITEST_PROP = `
  test.prop([arbitraryDataFrame(spark, 'k TINYINT, v INT', { maxLength: 8 })], { numRuns: 5 })('a property over generated DataFrames', (df) => {
    expect(df).toHaveRowCount(df.collect().length);
  });
`;

const JEST_PROP = `
  test('a property over generated DataFrames', () => {
    fc.assert(
      fc.property(arbitraryDataFrame(spark, 'k TINYINT, v INT', { maxLength: 8 }), (df) => {
        expect(df).toHaveRowCount(df.collect().length);
      }),
      { numRuns: 5 },
    );
  });
`;

const VITEST_TS_IMPORTS = `import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { AnalysisException, functions as F } from 'sparkless';
import { arbitraryDataFrame, assertDataFrameEqual, useSparkSession } from 'sparkless/vitest';
`;

const JEST_TS_IMPORTS = `import { describe, expect, test } from '@jest/globals';
import * as fc from 'fast-check';
import { AnalysisException, functions as F } from 'sparkless';
import { arbitraryDataFrame, assertDataFrameEqual, useSparkSession } from 'sparkless/jest';
`;

/** A TypeScript project: `module`/`moduleResolution` as a user sets them, `type` of package.json. */
function tsProject(name: string, type: 'module' | 'commonjs', module: string, moduleResolution: string, backend: string): Consumer {
  return {
    name,
    typescript: true,
    files: {
      'package.json': JSON.stringify({ name, private: true, type }),
      'tsconfig.json': tsconfig(module, moduleResolution, ['node']),
      'vitest.config.ts': VITEST_CONFIG.replace('__EXT__', 'ts'),
      'vitest.setup.ts': "import 'sparkless/vitest';\n",
      'jest.config.cjs': JEST_TS_CONFIG,
      'jest.setup.ts': "import 'sparkless/jest';\n",
      'test/people.vitest.test.ts': VITEST_TS_IMPORTS + typed(body('vitest', backend, VITEST_PROP)),
      'test/people.jest.test.ts': JEST_TS_IMPORTS + typed(body('jest', backend, JEST_PROP)),
    },
  };
}

/** Plain JavaScript, CommonJS: Jest loads test files with `require`, Vitest an `.mjs` file. */
const plainJs: Consumer = {
  name: 'plain-js',
  typescript: false,
  files: {
    'package.json': JSON.stringify({ name: 'plain-js', private: true }),
    'vitest.config.mjs': VITEST_CONFIG.replace('__EXT__', 'mjs'),
    'vitest.setup.mjs': "import 'sparkless/vitest';\n",
    'jest.config.js': `module.exports = { testEnvironment: 'node', testMatch: ['**/test/**/*.jest.test.js'], setupFilesAfterEnv: ['sparkless/jest'] };\n`,
    'test/people.vitest.test.mjs': `import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { AnalysisException, functions as F } from 'sparkless';
import { arbitraryDataFrame, assertDataFrameEqual, useSparkSession } from 'sparkless/vitest';
${body('vitest', 'memory', VITEST_PROP)}`,
    'test/people.jest.test.js': `const { describe, expect, test } = require('@jest/globals');
const fc = require('fast-check');
const { AnalysisException, functions: F } = require('sparkless');
const { arbitraryDataFrame, assertDataFrameEqual, useSparkSession } = require('sparkless/jest');
${body('jest', 'memory', JEST_PROP)}`,
  },
};

export const CONSUMERS: readonly Consumer[] = [
  // nodejs-polars comes with the tarball: one project runs on the default native backend.
  tsProject('esm-nodenext', 'module', 'nodenext', 'nodenext', 'polars'),
  tsProject('esm-bundler', 'module', 'esnext', 'bundler', 'memory'),
  // A default CommonJS project with `nodenext` (the fast-check declarations of
  // `@fast-check/vitest`, an ESM-only package, meet those of `sparkless/vitest` here).
  tsProject('cjs-nodenext', 'commonjs', 'nodenext', 'nodenext', 'auto'),
  plainJs,
];

/** The packages a consumer installs next to sparkless (linked from this repository's node_modules). */
export const DEV_DEPENDENCIES = [
  'vitest',
  '@fast-check/vitest',
  'fast-check',
  'jest',
  '@jest/globals',
  'ts-jest',
  'typescript',
];
