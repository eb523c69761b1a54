/** Runs the deliberately failing fixture files of test/toolkit/runner.test.ts in a child Vitest. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const src = (p: string): string => `${root}src/${p}`;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^sparkless$/, replacement: src('index.ts') },
      { find: /^sparkless\/(testing|vitest|jest)$/, replacement: src('$1/index.ts') },
    ],
  },
  test: { root, include: ['test/toolkit/runner-fixtures/*.fixture.ts'] },
});
