import { defineConfig } from 'tsup';

// One entry per public subpath; keep in sync with package.json "exports".
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    backend: 'src/backend/index.ts',
    'backend/polars': 'src/backend/polars/index.ts',
    'backend/memory': 'src/backend/memory/index.ts',
    'backend/file': 'src/backend/file/index.ts',
    'backend/connect': 'src/backend/connect/index.ts',
    storage: 'src/storage.ts',
    optimizer: 'src/optimizer/index.ts',
    testing: 'src/testing/index.ts',
    vitest: 'src/vitest/index.ts',
    jest: 'src/jest/index.ts',
    cli: 'src/cli/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  // import.meta.url (used to load the native Polars binding) needs a shim in the CommonJS build.
  shims: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // No keepNames: it wraps every function and closure in a run-time `__name` call (about a sixth
  // of a small query's CPU time). The public classes that esbuild renames (`var _DataFrame = class
  // _DataFrame` for a class that refers to itself) set their names themselves (util/public-name.ts),
  // and test/package/exports.test.ts checks every exported class's name in both builds.
  keepNames: false,
  splitting: true,
  // The test toolkit's frameworks and fast-check come from the user's project.
  external: ['nodejs-polars', 'apache-arrow', '@grpc/grpc-js', '@bufbuild/protobuf', 'vitest', '@jest/globals', 'fast-check', '@fast-check/vitest'],
});
