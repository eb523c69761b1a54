/**
 * Test runners render a failure from structural copies of the values (Jest's
 * deepCyclicCopyReplaceable, Vitest's deepClone): a new object on the same
 * prototype with the own properties, and none of the private fields. The
 * toolkit must work on such a copy exactly as on the DataFrame.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DataFrame } from '../../src/api/dataframe.js';
import { dataFrameEqualityTester, formatDataFrameSnapshot, useSparkSession } from '../../src/vitest/index.js';

/** What the runners build: same prototype, own properties (names and symbols) copied with their descriptors. */
function structuralCopy<T extends object>(x: T): T {
  const copy = Object.create(Object.getPrototypeOf(x)) as T;
  for (const key of Reflect.ownKeys(x)) Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(x, key)!);
  return copy;
}

describe("a runner's structural copy of a DataFrame", () => {
  const spark = useSparkSession({ backend: 'memory' });
  const df = () => spark().createDataFrame([{ a: 1 }, { a: 2 }]);

  it('lacks the private fields, as the runners see it', () => {
    expect(() => structuralCopy(df()).count()).toThrow(TypeError);
  });

  it('is still a DataFrame to the matchers, the equality tester and the printers', () => {
    const original = df();
    const copy = structuralCopy(original);
    expect(DataFrame.isDataFrame(copy)).toBe(true);
    expect(copy).toEqualDataFrame([{ a: 2 }, { a: 1 }]);
    expect(() => expect(copy).toEqualDataFrame([{ a: 3 }])).toThrow(/DataFrames differ/);
    expect(copy).toHaveRowCount(2);
    expect(copy).toHaveColumns(['a']);
    expect(copy).toContainRows([{ a: 2 }]);
    expect(copy).toEqualSchema('a BIGINT');
    expect(dataFrameEqualityTester(copy, [{ a: 1 }, { a: 2 }])).toBe(true);
    expect(dataFrameEqualityTester(copy, structuralCopy(original))).toBe(true);
    expect(dataFrameEqualityTester(copy, [{ a: 1 }])).toBe(false);
    expect(String(copy)).toBe('DataFrame[a: bigint]');
    expect(copy.toJSON()).toEqual(['{"a":1}', '{"a":2}']);
    expect(formatDataFrameSnapshot(copy)).toBe(formatDataFrameSnapshot(original));
  });

  it('the asymmetric matcher works on copies of both sides and keeps its failure for the diff', () => {
    const matcher = expect.dataFrameEqualTo([{ a: 1 }, { a: 3 }]) as unknown as { asymmetricMatch(x: unknown): boolean; toAsymmetricMatcher(): string };
    expect(matcher.asymmetricMatch(df())).toBe(false);
    const copied = structuralCopy(matcher);
    expect(copied.asymmetricMatch(structuralCopy(df()))).toBe(false);
    expect(copied.toAsymmetricMatcher()).toMatch(/^dataFrameEqualTo<2 rows> failed:\nDataFrames differ \(rows\): 1 of 2 rows/);
    expect({ out: structuralCopy(df()) }).toEqual({ out: expect.dataFrameEqualTo(structuralCopy(df())) });
    expect({ out: df() }).toEqual({ out: expect.not.dataFrameEqualTo([{ a: 1 }]) });
  });

  it('prints as its type and table in Node and in Vitest messages', () => {
    const text = 'DataFrame[a: bigint]\n+---+\n|  a|\n+---+\n|  1|\n|  2|\n+---+';
    expect(inspect(df())).toBe(text);
    expect(inspect(structuralCopy(df()))).toBe(text);
    expect(Object.prototype.toString.call(df())).toBe('[object DataFrame]');
  });
});
