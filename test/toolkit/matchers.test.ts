import { describe, expect, it } from 'vitest';
import { Row } from '../../src/data/row.js';
import { functions as F } from '../../src/index.js';
import { StructField, StructType, LongType, StringType } from '../../src/types/data-types.js';
import { assertDataFrameEqual, assertSchemaEqual, diffRowsOf, installMatchers, isDataFrameMismatchError, stripAnsi, useSparkSession } from '../../src/vitest/index.js';

/** The failure message of an assertion, without colour codes. */
function messageOf(fn: () => void): string {
  try {
    fn();
  } catch (err) {
    return stripAnsi((err as Error).message);
  }
  throw new Error('expected the assertion to fail');
}

describe('DataFrame matchers (Vitest)', () => {
  const spark = useSparkSession({ backend: 'memory' });
  const people = () =>
    spark().createDataFrame(
      [
        { id: 1, name: 'Alice' },
        { id: 2, name: 'Bob' },
      ],
      'id BIGINT, name STRING',
    );

  it('toEqualDataFrame accepts a DataFrame, row objects, Rows and row arrays with a schema', () => {
    const df = people();
    expect(df).toEqualDataFrame(people());
    expect(df).toEqualDataFrame([
      { id: 2, name: 'Bob' },
      { name: 'Alice', id: 1 },
    ]);
    expect(df).toEqualDataFrame([new Row([1, 'Alice'], ['id', 'name']), new Row([2, 'Bob'], ['id', 'name'])]);
    expect(df).toEqualDataFrame(
      [
        [1, 'Alice'],
        [2, 'Bob'],
      ],
      { schema: 'id BIGINT, name STRING' },
    );
    const schema = new StructType([new StructField('id', new LongType()), new StructField('name', new StringType())]);
    expect(df).toEqualDataFrame([[2, 'Bob'], [1, 'Alice']], { schema });
    expect(df).not.toEqualDataFrame([{ id: 1, name: 'Alice' }]);
  });

  it('.not explains that the frames are equal', () => {
    expect(() => expect(people()).not.toEqualDataFrame(people(), { color: false })).toThrow(
      'expect(received).not.toEqualDataFrame(expected)\n\nExpected the DataFrames to differ, but they are equal (2 rows, 2 columns).',
    );
  });

  it('is synchronous: the result is not a promise, and a forgotten await fails loudly', () => {
    const result: unknown = expect(people()).toEqualDataFrame(people());
    expect(typeof (result as { then?: unknown })?.then).not.toBe('function');
    const pending = Promise.resolve(people());
    expect(() => expect(pending).toEqualDataFrame([])).toThrow(/got a Promise \(did you forget `await`\?\)/);
    expect(() => expect(pending).not.toEqualDataFrame([])).toThrow(/did you forget `await`/);
  });

  it('rejects unknown options with a suggestion', () => {
    expect(() => expect(people()).toEqualDataFrame(people(), { ignoreRowOrder: true } as never)).toThrow(
      "Unknown comparison option 'ignoreRowOrder'; row order is ignored by default; pass checkRowOrder: true to check it.",
    );
  });

  it('works asymmetrically inside toEqual, and toEqual compares DataFrames by content', () => {
    const out = { result: people(), count: 2 };
    expect(out).toEqual({ result: expect.dataFrameEqualTo([{ id: 1, name: 'Alice' }, { id: 2, name: 'Bob' }]), count: 2 });
    expect(out).not.toEqual({ result: expect.dataFrameEqualTo([{ id: 1, name: 'Alice' }]), count: 2 });
    expect(out).toEqual({ result: expect.toHaveRowCount(2), count: 2 });
    // The equality tester: a DataFrame equals another DataFrame or rows with the same content.
    expect(people()).toEqual(people().orderBy(F.col('id').desc()));
    expect({ df: people() }).toEqual({ df: [{ id: 2, name: 'Bob' }, { id: 1, name: 'Alice' }] });
    expect(people()).not.toEqual(people().limit(1));
  });

  it('installMatchers is idempotent', () => {
    installMatchers();
    installMatchers();
    expect(people()).toEqualDataFrame(people());
  });

  it('toEqualSchema takes DDL, a StructType or a DataFrame', () => {
    expect(people()).toEqualSchema('id BIGINT, name STRING');
    expect(people()).toEqualSchema(people().schema);
    expect(people()).toEqualSchema(people());
    expect(people()).toEqualSchema('id BIGINT NOT NULL, name STRING');
    expect(people()).not.toEqualSchema('id BIGINT NOT NULL, name STRING', { ignoreNullable: false });
    expect(people()).toEqualSchema('name STRING, id BIGINT', { ignoreColumnOrder: true });
    expect(people().schema).not.toEqualSchema('id INT, name STRING');
  });

  it('toHaveColumns: exact order by default, any order, or a subset', () => {
    expect(people()).toHaveColumns(['id', 'name']);
    expect(people()).not.toHaveColumns(['name', 'id']);
    expect(people()).toHaveColumns(['name', 'id'], { ignoreOrder: true });
    expect(people()).toHaveColumns(['name'], { subset: true });
    expect(messageOf(() => expect(people()).toHaveColumns(['id', 'email']))).toBe(
      "expect(received).toHaveColumns(names)\n\nExpected the DataFrame to have the columns ['id', 'email']\n" +
        "Actual columns: ['id', 'name']\n(missing: ['email']; extra: ['name'])",
    );
    expect(messageOf(() => expect(people()).toHaveColumns(['name', 'id']))).toContain('same columns in a different order');
  });

  it('toHaveRowCount', () => {
    expect(people()).toHaveRowCount(2);
    expect(people().filter(F.col('id').gt(1))).toHaveRowCount(1);
    expect(messageOf(() => expect(people()).toHaveRowCount(3))).toBe(
      'expect(received).toHaveRowCount(count)\n\nExpected the DataFrame to have 3 rows, but it has 2.',
    );
    expect(messageOf(() => expect(people()).not.toHaveRowCount(2))).toContain('Expected the DataFrame not to have 2 rows');
  });

  it('toContainRows: a multiset of full or partial rows', () => {
    const df = people();
    expect(df).toContainRows([{ id: 1 }]);
    expect(df).toContainRows([{ name: 'Bob', id: 2 }, [1, 'Alice']]);
    expect(df).not.toContainRows([{ id: 1 }, { id: 1 }]);
    const err = messageOf(() => expect(df).toContainRows([{ id: 3, name: 'Cy' }, { id: 1 }], { color: false }));
    expect(err).toMatchInlineSnapshot(`
      "expect(received).toContainRows(rows)

      DataFrame does not contain 1 of the 2 expected rows (* = any value):

                     +---+----+
                     | id|name|
                     +---+----+
        expected[0]  |  3|  Cy|
                     +---+----+

      Actual rows (2):

                   +---+-----+
                   | id| name|
                   +---+-----+
        actual[0]  |  1|Alice|
        actual[1]  |  2|  Bob|
                   +---+-----+"
    `);
    expect(() => expect(df).toContainRows([{ email: 'x' }])).toThrow("names column 'email', which the DataFrame does not have");
  });

  it('attaches the mismatched rows to the error with includeDiffRows', () => {
    let error: unknown;
    try {
      expect(people()).toEqualDataFrame([{ id: 1, name: 'Alice' }, { id: 2, name: 'Bobby' }], { includeDiffRows: true });
    } catch (err) {
      error = err;
    }
    expect(isDataFrameMismatchError(error)).toBe(false); // the framework's assertion error ...
    expect(diffRowsOf(error)).toEqual([
      { actual: { id: 2, name: 'Bob' }, expected: { id: 2, name: 'Bobby' }, actualIndex: 1, expectedIndex: 1, columns: ['name'] },
    ]); // ... carries the rows
  });
});

describe('actual and expected values for the runner diff', () => {
  const spark = useSparkSession({ backend: 'memory' });
  const thrownBy = (fn: () => void): { actual?: unknown; expected?: unknown; message: string } => {
    try {
      fn();
    } catch (err) {
      return err as { actual?: unknown; expected?: unknown; message: string };
    }
    throw new Error('expected a failure');
  };

  it('a row mismatch carries the mismatched rows, paired, as objects', () => {
    const df = spark().createDataFrame([{ id: 1, s: 'a' }, { id: 2, s: 'b' }, { id: 3, s: 'c' }]);
    const expected = [{ id: 1, s: 'a' }, { id: 2, s: 'B' }, { id: 4, s: 'd' }];
    for (const err of [thrownBy(() => expect(df).toEqualDataFrame(expected)), thrownBy(() => assertDataFrameEqual(df, expected))]) {
      expect(err.actual).toEqual([{ id: 2, s: 'b' }, { id: 3, s: 'c' }]);
      expect(err.expected).toEqual([{ id: 2, s: 'B' }, { id: 4, s: 'd' }]);
    }
  });

  it('a schema mismatch carries both sides as name: type lines', () => {
    const df = spark().createDataFrame([[1, 'a']], 'id INT, s STRING');
    const fromFrames = thrownBy(() => expect(df).toEqualDataFrame(spark().createDataFrame([[1, 'a']], 'id BIGINT, s STRING')));
    expect([fromFrames.actual, fromFrames.expected]).toEqual(['id: int\ns: string', 'id: bigint\ns: string']);
    const fromSchema = thrownBy(() => expect(df).toEqualSchema('id INT, t STRING'));
    expect([fromSchema.actual, fromSchema.expected]).toEqual(['id: int\ns: string', 'id: int\nt: string']);
    const fromAssert = thrownBy(() => assertSchemaEqual(df, 'id INT'));
    expect([fromAssert.actual, fromAssert.expected]).toEqual(['id: int\ns: string', 'id: int']);
  });
});
