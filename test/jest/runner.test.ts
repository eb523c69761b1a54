/**
 * Failures as Jest itself renders them: Jest builds the diff inside `toEqual`, from
 * its own copies of the values (without the DataFrame's private fields), so the
 * rendered message is the thrown assertion's message.
 */
import { describe, expect, it } from '@jest/globals';
import { stripAnsi, useSparkSession } from '../../src/jest/index.js';

function messageOf(fn: () => void): string {
  try {
    fn();
  } catch (err) {
    return stripAnsi((err as Error).message);
  }
  throw new Error('expected the assertion to fail');
}

describe('failures rendered by Jest', () => {
  const spark = useSparkSession({ backend: 'memory' });
  const df = () => spark().createDataFrame([{ a: 1 }, { a: 2 }]);

  it('a failing asymmetric dataFrameEqualTo shows the table diff, not a crash', () => {
    const text = messageOf(() => expect({ out: df() }).toEqual({ out: expect.dataFrameEqualTo([{ a: 1 }, { a: 3 }]) }));
    expect(text).not.toMatch(/private member|TypeError/);
    expect(text).toContain('dataFrameEqualTo<2 rows> failed:');
    expect(text).toContain('DataFrames differ (rows): 1 of 2 rows (50%) does not match (row order ignored).');
    expect(text).toMatch(/actual\[1\] +\| +2\| \(only in actual\)/);
  });

  it('the next test still gets its session, and passing asymmetric forms pass', () => {
    expect({ out: df() }).toEqual({ out: expect.dataFrameEqualTo([{ a: 2 }, { a: 1 }]) });
    expect({ out: df() }).toEqual({ out: expect.not.dataFrameEqualTo([{ a: 1 }]) });
    expect({ out: df() }).toEqual({ out: expect.dataFrameEqualTo(df()) });
  });

  it('a failed toEqualDataFrame keeps the mismatched rows in error.matcherResult for IDE diffs', () => {
    let result: { actual?: unknown; expected?: unknown } | undefined;
    try {
      expect(df()).toEqualDataFrame([{ a: 1 }, { a: 3 }]);
    } catch (err) {
      result = (err as { matcherResult?: { actual?: unknown; expected?: unknown } }).matcherResult;
    }
    expect(result?.actual).toEqual([{ a: 2 }]);
    expect(result?.expected).toEqual([{ a: 3 }]);
  });

  it('toEqual compares DataFrames as DataFrames', () => {
    expect(df()).toEqual(spark().createDataFrame([{ a: 2 }, { a: 1 }]));
    expect(df()).toEqual([{ a: 2 }, { a: 1 }]);
    const text = messageOf(() => expect(df()).toEqual(spark().createDataFrame([{ a: 1 }, { a: 3 }])));
    expect(text).toContain('-   "{\\"a\\":3}",\n+   "{\\"a\\":2}",');
  });
});
