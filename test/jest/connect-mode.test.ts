/** The dual mode under Jest: useSparkSession({ backend: 'connect' }) runs each test on real Spark when SPARK_REMOTE answers. */
import { describe, expect, it } from '@jest/globals';
import { useSparkSession } from '../../src/jest/index.js';
import { sparkRemote } from '../helpers/spark-remote.js';

const remote = sparkRemote();
const run = 'url' in remote ? describe : describe.skip;

run(`useSparkSession({ backend: 'connect' }) (Jest)${'url' in remote ? '' : ` — skipped: ${remote.skipReason}`}`, () => {
  const spark = useSparkSession({ backend: 'connect' });

  it('runs on Spark with a server-side session per test', () => {
    expect(spark().backendType).toBe('connect');
    spark().range(3).createOrReplaceTempView('ids');
    expect(spark().sql('SELECT sum(id) AS s FROM ids').collect()[0]!.get('s')).toBe(3);
  });

  it('does not see the previous test\'s temp view', () => {
    expect(spark().catalog.tableExists('ids')).toBe(false);
  });
});
