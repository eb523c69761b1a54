import { defineConfig } from 'tsup';

// One entry per public subpath; keep in sync with package.json "exports".
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    backend: 'src/backend/index.ts',
    'backend/polars': 'src/backend/polars/index.ts',
    'backend/memory': 'src/backend/memory/index.ts',
    'backend/file': 'src/backend/file/index.ts',
    storage: 'src/storage.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: true,
  external: ['nodejs-polars', 'apache-arrow'],
});
