/**
 * Jest runs test/jest (the Jest half of the test-toolkit suite); Vitest runs
 * everything else (see vitest.config.ts). The TypeScript sources are
 * transpiled to CommonJS by ts-jest (transpile only: type checking is
 * `npm run typecheck`), with `.js` import suffixes mapped back to `.ts`.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/jest'],
  testMatch: ['**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'cjs', 'mjs', 'json', 'node'],
  moduleNameMapper: {
    '^sparkless$': '<rootDir>/src/index.ts',
    '^sparkless/(testing|vitest|jest)$': '<rootDir>/src/$1/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: {
          target: 'ES2022',
          module: 'commonjs',
          moduleResolution: 'node',
          esModuleInterop: true,
          verbatimModuleSyntax: false,
          isolatedModules: true,
          sourceMap: true,
          skipLibCheck: true,
        },
        astTransformers: { before: ['<rootDir>/test/jest/support/import-meta-transformer.cjs'] },
      },
    ],
  },
};
