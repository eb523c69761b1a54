/**
 * The matchers under Jest: same behaviour and, with colour off, the exact
 * messages Vitest stores in test/toolkit/__messages__.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { functions as F } from '../../src/index.js';
import { compareDataFrames, compareSchemas, diffRowsOf, stripAnsi, useSparkSession } from '../../src/jest/index.js';
import { mismatchCases } from '../toolkit/fixtures/mismatch-cases.js';

const stored = (name: string): string => readFileSync(join(__dirname, '..', 'toolkit', '__messages__', `${name}.txt`), 'utf8').replace(/\n$/, '');

function messageOf(fn: () => void): string {
  try {
    fn();
  } catch (err) {
    return stripAnsi((err as Error).message);
  }
  throw new Error('expected the assertion to fail');
}

describe('DataFrame matchers (Jest)', () => {
  const spark = useSparkSession({ backend: 'memory' });
  const people = () => spark().createDataFrame([{ id: 1, name: 'Alice' }, { id: 2, name: 'Bob' }], 'id BIGINT, name STRING');

  it('prints exactly the messages stored by the Vitest suite', () => {
    const cases = mismatchCases(spark());
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const c of cases) {
      const text = stored(c.name);
      expect(compareDataFrames(c.actual, c.expected, c.options).message).toBe(text);
      expect(messageOf(() => expect(c.actual).toEqualDataFrame(c.expected, c.options))).toBe(`expect(received).toEqualDataFrame(expected)\n\n${text}`);
    }
    const df = spark().createDataFrame([[1, 'a', [1.5]]], 'id BIGINT NOT NULL, name STRING, xs ARRAY<DOUBLE>');
    const schemaText = stored('schema-matcher');
    expect(compareSchemas(df, 'id INT, label STRING, xs ARRAY<FLOAT>', { color: false, ignoreNullable: false }).message).toBe(schemaText);
    expect(messageOf(() => expect(df).toEqualSchema('id INT, label STRING, xs ARRAY<FLOAT>', { color: false, ignoreNullable: false }))).toBe(
      `expect(received).toEqualSchema(expected)\n\n${schemaText}`,
    );
  });

  it('toEqualDataFrame and .not', () => {
    expect(people()).toEqualDataFrame([{ name: 'Bob', id: 2 }, { id: 1, name: 'Alice' }]);
    expect(people()).toEqualDataFrame([[1, 'Alice'], [2, 'Bob']], { schema: 'id BIGINT, name STRING', checkRowOrder: true });
    expect(people()).not.toEqualDataFrame([{ id: 1, name: 'Alice' }]);
    expect(messageOf(() => expect(people()).not.toEqualDataFrame(people(), { color: false }))).toBe(
      'expect(received).not.toEqualDataFrame(expected)\n\nExpected the DataFrames to differ, but they are equal (2 rows, 2 columns).',
    );
  });

  it('includeDiffRows: the mismatched rows travel on the assertion error', () => {
    let error: unknown;
    try {
      expect(people()).toEqualDataFrame([{ id: 1, name: 'Alice' }, { id: 2, name: 'Bobby' }], { includeDiffRows: true });
    } catch (err) {
      error = err;
    }
    expect(diffRowsOf(error)).toEqual([
      { actual: { id: 2, name: 'Bob' }, expected: { id: 2, name: 'Bobby' }, actualIndex: 1, expectedIndex: 1, columns: ['name'] },
    ]);
  });

  it('is synchronous and fails loudly on a forgotten await', () => {
    const pending = Promise.resolve(people());
    expect(() => expect(pending).toEqualDataFrame([])).toThrow(/did you forget `await`/);
    expect(() => expect(pending).not.toEqualDataFrame([])).toThrow(/did you forget `await`/);
  });

  it('asymmetric matchers and the equality tester', () => {
    const out = { result: people(), count: 2 };
    expect(out).toEqual({ result: expect.dataFrameEqualTo([{ id: 1, name: 'Alice' }, { id: 2, name: 'Bob' }]), count: 2 });
    expect(out).not.toEqual({ result: expect.dataFrameEqualTo([{ id: 1, name: 'Alice' }]), count: 2 });
    expect(out).toEqual({ result: expect.toHaveRowCount(2), count: 2 });
    expect(people()).toEqual(people().orderBy(F.col('id').desc()));
    expect(people()).not.toEqual(people().limit(1));
  });

  it('toEqualSchema, toHaveColumns, toHaveRowCount, toContainRows', () => {
    expect(people()).toEqualSchema('id BIGINT, name STRING');
    expect(people()).not.toEqualSchema('id INT, name STRING');
    expect(people()).toHaveColumns(['id', 'name']);
    expect(people()).toHaveColumns(['name', 'id'], { ignoreOrder: true });
    expect(messageOf(() => expect(people()).toHaveColumns(['id', 'email']))).toBe(
      "expect(received).toHaveColumns(names)\n\nExpected the DataFrame to have the columns ['id', 'email']\n" +
        "Actual columns: ['id', 'name']\n(missing: ['email']; extra: ['name'])",
    );
    expect(people()).toHaveRowCount(2);
    expect(messageOf(() => expect(people()).toHaveRowCount(3))).toBe(
      'expect(received).toHaveRowCount(count)\n\nExpected the DataFrame to have 3 rows, but it has 2.',
    );
    expect(people()).toContainRows([{ id: 2 }, [1, 'Alice']]);
    expect(people()).not.toContainRows([{ id: 3 }]);
  });
});
