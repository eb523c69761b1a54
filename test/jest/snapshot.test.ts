/** The snapshot serializer under Jest. */
import { describe, expect, it } from '@jest/globals';
import { useSparkSession } from '../../src/jest/index.js';

describe('DataFrame snapshots (Jest)', () => {
  const spark = useSparkSession({ backend: 'memory' });

  it('stores the schema and a sorted table', () => {
    const df = spark().createDataFrame([{ id: 2, name: 'Bob' }, { id: 1, name: 'Alice' }], 'id INT, name STRING');
    expect(df).toMatchSnapshot();
  });
});
