/**
 * `expect.dataFrameEqualTo(expected, options?)`: the asymmetric form of
 * `toEqualDataFrame`, e.g. `expect({ out }).toEqual({ out: expect.dataFrameEqualTo(rows) })`.
 *
 * The runners' generic asymmetric matcher drops the matcher's message and prints
 * only its arguments (Jest: `dataFrameEqualTo<[object Object],[object Object]>`), so
 * this one keeps the message of its last failed comparison and prints it in the
 * runner's diff. Its state is in public fields because the runners call it again
 * on a structural copy (without private fields) when they render a failure.
 */
import type { DataFrameEqualOptions } from './options.js';
import { toEqualDataFrame } from './matchers.js';

const ASYMMETRIC_MATCHER = Symbol.for('jest.asymmetricMatcher');

export class DataFrameEqualTo {
  /** What Vitest's and Jest's equality and printers recognise an asymmetric matcher by. */
  readonly $$typeof: symbol = ASYMMETRIC_MATCHER;
  /** The arguments, as the runners' own asymmetric matchers hold them. */
  readonly sample: readonly [expected: unknown, options?: DataFrameEqualOptions];
  /** The message of the last comparison that did not match, for the runner's diff. */
  failure: string | undefined = undefined;

  constructor(
    readonly name: string,
    expected: unknown,
    options: DataFrameEqualOptions | undefined,
    readonly inverse = false,
  ) {
    this.sample = options === undefined ? [expected] : [expected, options];
  }

  asymmetricMatch(actual: unknown): boolean {
    const [expected, options] = this.sample;
    // Colour off: the runner colours the diff lines that contain this message.
    const result = toEqualDataFrame.call({ isNot: this.inverse }, actual, expected, { ...options, color: false });
    const matched = this.inverse ? !result.pass : result.pass;
    // The message without its first paragraph, the `expect(received).toEqualDataFrame(...)` hint.
    this.failure = matched ? undefined : result.message().replace(/^[^\n]*\n\n/, '');
    return matched;
  }

  toString(): string {
    return `${this.inverse ? 'not.' : ''}${this.name}`;
  }

  getExpectedType(): string {
    return 'object';
  }

  /** How pretty-format prints this matcher (in Vitest's and Jest's diffs). */
  toAsymmetricMatcher(): string {
    const [expected] = this.sample;
    const what = Array.isArray(expected) ? `${expected.length} ${expected.length === 1 ? 'row' : 'rows'}` : 'DataFrame';
    const head = `${this.toString()}<${what}>`;
    return this.failure === undefined ? head : `${head} failed:\n${this.failure}`;
  }
}

/** `expect.<name>` and `expect.not.<name>` creating a `DataFrameEqualTo`. */
export function asymmetricFactories(name: string): {
  readonly positive: (expected: unknown, options?: DataFrameEqualOptions) => DataFrameEqualTo;
  readonly inverse: (expected: unknown, options?: DataFrameEqualOptions) => DataFrameEqualTo;
} {
  return {
    positive: (expected, options) => new DataFrameEqualTo(name, expected, options),
    inverse: (expected, options) => new DataFrameEqualTo(name, expected, options, true),
  };
}
