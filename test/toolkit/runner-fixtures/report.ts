/** A Vitest reporter writing each test's state and errors (message and rendered diff) to $SPARKLESS_RUNNER_REPORT. */
import { writeFileSync } from 'node:fs';
import type { Reporter, TestCase } from 'vitest/node';

export interface ReportedTest {
  readonly name: string;
  readonly state: string;
  readonly errors: readonly { readonly message: string; readonly diff?: string }[];
}

export default class JsonErrorsReporter implements Reporter {
  readonly #tests: ReportedTest[] = [];

  onTestCaseResult(testCase: TestCase): void {
    const r = testCase.result();
    this.#tests.push({ name: testCase.name, state: r.state, errors: (r.errors ?? []).map((e) => ({ message: e.message, diff: e.diff })) });
  }

  onTestRunEnd(): void {
    writeFileSync(process.env['SPARKLESS_RUNNER_REPORT']!, JSON.stringify(this.#tests));
  }
}
