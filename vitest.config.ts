import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string): string => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests and documented examples import the package by name; resolve it to the sources.
    alias: [
      { find: /^sparkless$/, replacement: src('index.ts') },
      { find: /^sparkless\/(testing|vitest|jest)$/, replacement: src('$1/index.ts') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    // CI runs the suite on three Node versions on a 2-core machine beside a JVM; a slow
    // machine must not turn a correct test red (a hang still fails, after 20 s).
    // With a Spark server (SPARK_REMOTE), a case waits on the JVM, which shares the two cores with
    // both test workers: its first queries (code generation, a new session) can take tens of seconds.
    testTimeout: process.env.SPARK_REMOTE ? 60_000 : 20_000,
    // Vitest's default (cores - 1) runs the files one at a time on a 2-core machine, leaving a core
    // idle: the main process mostly waits, and a worker on a Spark-backed file waits on the JVM.
    // One worker per core (at least 2) keeps both busy; files are independent (own temp folders,
    // own table names on the shared Spark server, which many runs already share at once).
    maxWorkers: Math.max(2, availableParallelism()),
    // test/jest holds the Jest suite (run by `jest`, see jest.config.cjs).
    exclude: ['test/jest/**', '**/node_modules/**'],
  },
});
