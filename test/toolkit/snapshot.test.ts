/** The DataFrame snapshot serializer: schema + show() table, stable under row order. */
import { describe, expect, it } from 'vitest';
import { functions as F } from '../../src/index.js';
import { formatDataFrameSnapshot, useSparkSession } from '../../src/vitest/index.js';

describe('DataFrame snapshots', () => {
  const spark = useSparkSession({ backend: 'memory' });
  const rows = [
    { id: 2, name: 'Bob', tags: ['x'] },
    { id: 1, name: 'Alice', tags: [] },
    { id: 3, name: null, tags: ['y', 'z'] },
  ];
  const schema = 'id INT, name STRING, tags ARRAY<STRING>';

  it('stores the schema and the table', () => {
    expect(spark().createDataFrame(rows, schema)).toMatchSnapshot();
  });

  it('does not depend on the row order of an unordered frame', () => {
    const a = spark().createDataFrame(rows, schema);
    const b = spark().createDataFrame([...rows].reverse(), schema);
    expect(formatDataFrameSnapshot(a)).toBe(formatDataFrameSnapshot(b));
    expect(formatDataFrameSnapshot(a)).toContain('unordered (rows sorted for the snapshot)');
  });

  it('keeps the order of a sorted frame', () => {
    const sorted = spark().createDataFrame(rows, schema).orderBy(F.col('id').desc()).select('id', 'name');
    expect(sorted).toMatchInlineSnapshot(`
      DataFrame: 3 rows, ordered
      root
       |-- id: integer (nullable = true)
       |-- name: string (nullable = true)
      +---+-----+
      |id |name |
      +---+-----+
      |3  |NULL |
      |2  |Bob  |
      |1  |Alice|
      +---+-----+
    `);
  });

  it('serializes DataFrames nested in other values', () => {
    expect({ result: spark().range(2), note: 'ids' }).toMatchSnapshot();
  });
});
