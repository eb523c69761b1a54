/**
 * Runs a suite once per execution backend: the conformance suite must hold
 * for the memory reference interpreter and for the Polars backend alike.
 */
import { afterEach, beforeEach, describe } from 'vitest';
import { SparkSession } from '../../src/index.js';

export const EXECUTION_BACKENDS = ['memory', 'polars'] as const;
export type ExecutionBackend = (typeof EXECUTION_BACKENDS)[number];

/** `describe` per backend with a fresh UTC session per test: `const spark = session();`. */
export function forEachBackend(name: string, body: (session: () => SparkSession, backend: ExecutionBackend) => void): void {
  describe.each(EXECUTION_BACKENDS)(`${name} [%s]`, (backend) => {
    let current: SparkSession | undefined;
    beforeEach(() => {
      current = new SparkSession('conformance', { backendType: backend, conf: { 'spark.sql.session.timeZone': 'UTC' } });
    });
    afterEach(() => {
      current?.stop();
      current = undefined;
    });
    body(() => {
      if (!current) throw new Error('session() is only available inside a test');
      return current;
    }, backend);
  });
}

/** Collected rows as plain objects (Row → asDict), for readable assertions. */
export function dicts(rows: readonly { asDict(recursive?: boolean): Record<string, unknown> }[]): Record<string, unknown>[] {
  return rows.map((r) => r.asDict(true));
}
