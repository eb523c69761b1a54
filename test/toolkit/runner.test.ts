/**
 * Failures as Vitest itself reports them: runner-fixtures/failures.fixture.ts runs in a
 * child Vitest, whose JSON report must show a diff for each failing assertion (the runner
 * renders it from its own copies of the values) and no failure leaking into later tests.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { stripAnsi } from '../../src/testing/colors.js';

import type { ReportedTest } from './runner-fixtures/report.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function runFixtures(): Map<string, ReportedTest> {
  const dir = mkdtempSync(join(tmpdir(), 'sparkless-runner-'));
  const out = join(dir, 'report.json');
  try {
    try {
      execFileSync(
        process.execPath,
        [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/toolkit/runner-fixtures/vitest.config.ts', '--reporter=./test/toolkit/runner-fixtures/report.ts'],
        { cwd: root, stdio: 'pipe', env: { ...process.env, SPARKLESS_RUNNER_REPORT: out, NO_COLOR: '1', FORCE_COLOR: '0' } },
      );
    } catch {
      // The fixtures fail on purpose; the report says how.
    }
    const tests = JSON.parse(readFileSync(out, 'utf8')) as ReportedTest[];
    return new Map(tests.map((t) => [t.name, t]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('failures reported by Vitest', () => {
  let results: Map<string, ReportedTest>;
  beforeAll(() => {
    results = runFixtures();
  }, 120_000);
  const failure = (name: string): string => stripAnsi(results.get(name)!.errors.map((e) => `${e.message}\n${e.diff ?? ''}`).join('\n'));

  it('a failing asymmetric dataFrameEqualTo shows the table diff, not a crash', () => {
    expect(results.get('asymmetric dataFrameEqualTo fails')!.state).toBe('failed');
    const text = failure('asymmetric dataFrameEqualTo fails');
    expect(text).not.toMatch(/private member|TypeError/);
    expect(text).toContain('dataFrameEqualTo<2 rows> failed:');
    expect(text).toContain('DataFrames differ (rows): 1 of 2 rows (50%) does not match (row order ignored).');
    expect(text).toMatch(/actual\[1\] +\| +2\| \(only in actual\)/);
  });

  it('a failure leaks into no later test: each still gets its own session', () => {
    expect(results.get('the next test still gets its session')!.state).toBe('passed');
    expect(results.get('and the last test also gets its session')!.state).toBe('passed');
    expect([...results.keys()].map(failure).join('\n')).not.toContain('TESTING_CONCURRENT_TESTS');
  });

  it("toEqualDataFrame's message is followed by Vitest's own diff of the mismatched rows", () => {
    const [error] = results.get('toEqualDataFrame fails')!.errors;
    expect(stripAnsi(error!.message)).toContain('DataFrames differ (rows): 1 of 2 rows (50%) does not match (row order ignored).');
    expect(stripAnsi(error!.diff!)).toBe('- Expected\n+ Received\n\n  [\n    {\n-     "a": 3,\n+     "a": 2,\n    },\n  ]');
  });

  it('toEqual compares DataFrames as DataFrames and prints them as tables', () => {
    const dfs = failure('toEqual between DataFrames fails');
    expect(dfs).toContain('expected DataFrame[a: bigint]\n+---+\n|  a|\n+---+\n|  1|\n|  2|\n+---+ to deeply equal DataFrame[a: bigint]\n+---+\n|  a|\n+---+\n|  1|\n|  3|\n+---+');
    const rows = failure('toEqual between a DataFrame and rows fails');
    expect(rows).toContain('expected DataFrame[a: bigint]\n+---+\n|  a|\n+---+\n|  1|\n|  2|\n+---+ to deeply equal [ { a: 1 }, { a: 3 } ]');
  });
});
