/**
 * Every hint a failure message gives must work when followed: each message's
 * `pass <option>: <value>` (and `pass { <option>: <value> }`, `use '<option>'`,
 * `did you mean '<option>'`) is extracted and applied to the same assertion,
 * which must then accept the option and no longer report what the hint was about.
 */
import { describe, expect, it } from 'vitest';
import type { DataFrame } from '../../src/api/dataframe.js';
import { SparklessError } from '../../src/errors/index.js';
import { stripAnsi, useSparkSession } from '../../src/vitest/index.js';
import { mismatchCases } from './fixtures/mismatch-cases.js';

type Options = Record<string, unknown>;

/** The option settings a message tells the user to pass. */
function hintsIn(message: string): Options[] {
  const out: Options[] = [];
  for (const m of message.matchAll(/pass \{? ?(\w+): (true|false)\b/g)) out.push({ [m[1]!]: m[2] === 'true' });
  return out;
}

/** The line saying what differs (after the matcher's `expect(received)...` line). */
const headline = (message: string | undefined): string | undefined => message?.split('\n\n')[1]?.split('\n')[0];

/** The message of `run(options)`, or undefined when it passes; a usage error (unknown/invalid option) is rethrown. */
function failure(run: (options: Options) => void, options: Options): string | undefined {
  try {
    run(options);
    return undefined;
  } catch (err) {
    if (SparklessError.isSparklessError(err)) throw err;
    return stripAnsi((err as Error).message);
  }
}

describe('hints in failure messages work when followed', () => {
  const spark = useSparkSession({ backend: 'memory' });
  const df = (ddl: string, rows: unknown[][] = [[1, 'a']]): DataFrame => spark().createDataFrame(rows, ddl);

  /** Assertions that fail with a hint, each given its options. */
  const cases = (): { name: string; run: (o: Options) => void }[] => [
    ...mismatchCases(spark()).map((c) => ({ name: c.name, run: (o: Options) => expect(c.actual).toEqualDataFrame(c.expected, { ...c.options, ...o }) })),
    { name: 'toEqualSchema: types', run: (o) => expect(df('a INT, b STRING')).toEqualSchema('a BIGINT, b STRING', { color: false, ...o }) },
    { name: 'toEqualSchema: column order', run: (o) => expect(df('a INT, b STRING')).toEqualSchema('b STRING, a INT', { color: false, ...o }) },
    { name: 'toEqualSchema: names', run: (o) => expect(df('a INT, b STRING')).toEqualSchema('x INT, y STRING', { color: false, ...o }) },
    {
      name: 'toEqualSchema: nullability',
      run: (o) => expect(df('a INT NOT NULL, b STRING')).toEqualSchema('a INT, b STRING', { color: false, ignoreNullable: false, ...o }),
    },
    { name: 'toEqualDataFrame: types', run: (o) => expect(df('a INT, b STRING')).toEqualDataFrame(df('a BIGINT, b STRING'), { color: false, ...o }) },
    { name: 'toEqualDataFrame: names', run: (o) => expect(df('a INT, b STRING')).toEqualDataFrame(df('x INT, y STRING'), { color: false, ...o }) },
    { name: 'toHaveColumns: order', run: (o) => expect(df('a INT, b STRING')).toHaveColumns(['b', 'a'], o) },
  ];

  it('the cases give hints', () => {
    const hinted = cases().filter((c) => hintsIn(failure(c.run, {}) ?? '').length > 0);
    expect(hinted.map((c) => c.name)).toEqual(
      expect.arrayContaining(['schema-type', 'column-order', 'toEqualSchema: column order', 'toEqualSchema: nullability', 'toHaveColumns: order']),
    );
  });

  it('each hint is an accepted option and resolves what it was about', () => {
    let followed = 0;
    for (const c of cases()) {
      const before = failure(c.run, {});
      expect(before, c.name).toBeDefined();
      for (const hint of hintsIn(before!)) {
        const after = failure(c.run, hint); // throws if the option is refused
        expect(hintsIn(after ?? ''), `${c.name}: after ${JSON.stringify(hint)}`).not.toContainEqual(hint);
        expect(headline(after), `${c.name}: after ${JSON.stringify(hint)}`).not.toBe(headline(before));
        followed++;
      }
    }
    expect(followed).toBeGreaterThanOrEqual(6);
  });
});

describe('hints in unknown-option errors work when followed', () => {
  const spark = useSparkSession({ backend: 'memory' });
  const people = () => spark().createDataFrame([[1, 'a']], 'id INT, name STRING');
  const assertions: Record<string, (o: Options) => void> = {
    toEqualDataFrame: (o) => expect(people()).toEqualDataFrame([[1, 'a']], { schema: 'id INT, name STRING', ...o }),
    toEqualSchema: (o) => expect(people()).toEqualSchema('id INT, name STRING', o),
    toContainRows: (o) => expect(people()).toContainRows([{ id: 1 }], o),
    toHaveColumns: (o) => expect(people()).toHaveColumns(['id', 'name'], o),
  };
  const WRONG = ['ignoreRowOrder', 'ignore_row_order', 'checkColumnOrder', 'ignore_column_order', 'ignore_nullable', 'allowNanEquality', 'ignoreColumnType', 'ignoreOrdr', 'checkRowOrdr', 'ignoreNulable'];

  for (const [name, run] of Object.entries(assertions)) {
    it(`${name}: each suggested option is accepted`, () => {
      for (const wrong of WRONG) {
        let message = '';
        try {
          run({ [wrong]: true });
        } catch (err) {
          message = (err as Error).message;
        }
        if (!message.includes('TESTING_UNKNOWN_OPTION')) continue; // accepted here
        const named = [...message.matchAll(/pass (\w+): (true|false)|use '(\w+)'|did you mean '(\w+)'/g)];
        for (const m of named) {
          const option = (m[1] ?? m[3] ?? m[4])!;
          const value = m[2] === undefined ? true : m[2] === 'true';
          expect(() => run({ [option]: value }), `${name} { ${wrong} } suggests ${option}`).not.toThrow(/TESTING_UNKNOWN_OPTION/);
        }
      }
    });
  }
});
