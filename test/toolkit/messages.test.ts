/**
 * Failure messages, colour off: each representative mismatch's exact text is
 * stored in __messages__/<case>.txt (the Jest suite checks the same files).
 */
import { describe, expect, it } from 'vitest';
import { assertDataFrameEqual, compareDataFrames, compareSchemas, DataFrameMismatchError, useSparkSession } from '../../src/vitest/index.js';
import { mismatchCases } from './fixtures/mismatch-cases.js';

const KINDS: Record<string, string> = {
  'schema-type': 'schema',
  'schema-columns': 'schema',
  'schema-nullable': 'schema',
  'column-order': 'columnOrder',
  'row-count': 'rowCount',
  cells: 'rows',
  'float-tolerance': 'rows',
  nested: 'rows',
  'row-order': 'rowOrder',
  'show-all-rows': 'rows',
  'cell-summary': 'rows',
  huge: 'rows',
};

function thrown(fn: () => void): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
}

describe('failure messages', () => {
  const spark = useSparkSession({ backend: 'memory' });

  it('covers every case kind', () => {
    expect(mismatchCases(spark()).map((c) => c.name)).toEqual(Object.keys(KINDS));
  });

  for (const name of Object.keys(KINDS)) {
    it(`${name}: stored text, same from the matcher and from assertDataFrameEqual`, async () => {
      const c = mismatchCases(spark()).find((x) => x.name === name)!;
      const result = compareDataFrames(c.actual, c.expected, c.options);
      expect(result.equal).toBe(false);
      expect(result.kind).toBe(KINDS[name]);
      await expect(result.message + '\n').toMatchFileSnapshot(`./__messages__/${name}.txt`);

      const matcherError = thrown(() => expect(c.actual).toEqualDataFrame(c.expected, c.options));
      expect(matcherError.message).toBe(`expect(received).toEqualDataFrame(expected)\n\n${result.message}`);

      const assertError = thrown(() => assertDataFrameEqual(c.actual, c.expected, c.options));
      expect(assertError).toBeInstanceOf(DataFrameMismatchError);
      expect(assertError.message).toBe(result.message);
      expect((assertError as DataFrameMismatchError).kind).toBe(KINDS[name]);
    });
  }

  it('keeps a huge mismatch short', () => {
    const c = mismatchCases(spark()).find((x) => x.name === 'huge')!;
    const result = compareDataFrames(c.actual, c.expected, c.options);
    expect(result.mismatchedRows).toBe(8);
    expect(result.message.split('\n').length).toBeLessThan(25);
    const all = compareDataFrames(spark().range(20_000), spark().range(20_000, 40_000), { color: false });
    expect(all.mismatchedRows).toBe(20_000);
    expect(all.message.split('\n').length).toBeLessThan(45);
    expect(all.message).toContain('20000 of 20000 rows (100%) do not match');
    expect(all.message).toContain('... 19990 more mismatched rows not shown (maxErrors: 10).');
  });

  it('schema messages from toEqualSchema', async () => {
    const df = spark().createDataFrame([[1, 'a', [1.5]]], 'id BIGINT NOT NULL, name STRING, xs ARRAY<DOUBLE>');
    const c = compareSchemas(df, 'id INT, label STRING, xs ARRAY<FLOAT>', { color: false, ignoreNullable: false });
    expect(c.kind).toBe('schema');
    await expect(c.message + '\n').toMatchFileSnapshot('./__messages__/schema-matcher.txt');
    const err = thrown(() => expect(df).toEqualSchema('id INT, label STRING, xs ARRAY<FLOAT>', { color: false, ignoreNullable: false }));
    expect(err.message).toBe(`expect(received).toEqualSchema(expected)\n\n${c.message}`);
  });

  it('colours differing cells instead of marking them when colour is on', () => {
    const c = mismatchCases(spark()).find((x) => x.name === 'cells')!;
    const coloured = compareDataFrames(c.actual, c.expected, { ...c.options, color: true }).message;
    expect(coloured).toContain('\u001b[31mAlice\u001b[39m');
    expect(coloured).toContain('\u001b[32mAlicia\u001b[39m');
    expect(coloured).not.toContain('^^^');
  });
});
