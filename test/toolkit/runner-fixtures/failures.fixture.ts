/**
 * Deliberately failing tests, run in a child Vitest by test/toolkit/runner.test.ts
 * (not part of the suite: vitest.config.ts includes only *.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { useSparkSession } from '../../../src/vitest/index.js';

describe('failures', () => {
  const spark = useSparkSession({ backend: 'memory' });
  const df = () => spark().createDataFrame([{ a: 1 }, { a: 2 }]);

  it('asymmetric dataFrameEqualTo fails', () => {
    expect({ out: df() }).toEqual({ out: expect.dataFrameEqualTo([{ a: 1 }, { a: 3 }]) });
  });

  it('the next test still gets its session', () => {
    expect(df().count()).toBe(2);
  });

  it('toEqual between DataFrames fails', () => {
    expect(df()).toEqual(spark().createDataFrame([{ a: 1 }, { a: 3 }]));
  });

  it('toEqual between a DataFrame and rows fails', () => {
    expect(df()).toEqual([{ a: 1 }, { a: 3 }]);
  });

  it('toEqualDataFrame fails', () => {
    expect(df()).toEqualDataFrame([{ a: 1 }, { a: 3 }]);
  });

  it('and the last test also gets its session', () => {
    expect(df()).toEqual([{ a: 2 }, { a: 1 }]);
    expect({ out: df() }).toEqual({ out: expect.dataFrameEqualTo([{ a: 2 }, { a: 1 }]) });
  });
});
