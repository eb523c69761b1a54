/**
 * rand(seed)/randn(seed) draw Spark's XORShiftRandom sequence (seed + partition index
 * 0), so a seeded query over data in one partition gives Spark's numbers exactly.
 * Expected values were printed by Spark 3.5.7 for `range(0, 3, 1, 1)`.
 */
import { expect, it } from 'vitest';
import { F } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend('seeded rand and randn', (session) => {
  it("rand(seed) and randn(seed) are Spark's XORShiftRandom draws", () => {
    const rows = session()
      .range(0, 3, 1, 1)
      .select(F.rand(42).alias('r'), F.randn(42).alias('n'), F.rand(0).alias('r0'), F.randn(7).alias('n7'))
      .collect()
      .map((r) => [...r]);
    expect(rows).toEqual([
      [0.619189370225301, 2.384479054241165, 0.7604953758285915, -1.773755556110447],
      [0.5096018842446481, 0.1920934041293524, 0.5234194256885571, -0.32537852999017897],
      [0.8325259388871524, 0.7337336533286575, 0.0953472826424725, 1.1637571325924414],
    ]);
  });

  it('a BIGINT seed and the SQL spelling draw the same sequence', () => {
    const spark = session();
    const viaSql = spark.sql('SELECT rand(42L) AS r FROM range(0, 2, 1, 1)').collect().map((r) => r.get(0));
    expect(viaSql).toEqual([0.619189370225301, 0.5096018842446481]);
  });
});

forEachBackend('range numPartitions', (session) => {
  it('a partition count that is not positive is IllegalArgumentException, as in Spark', () => {
    expect(() => session().range(0, 3, 1, 0).collect()).toThrow(/Positive number of partitions required/);
    expect(() => session().sql('SELECT * FROM range(0, 3, 1, -1)').collect()).toThrow(/Positive number of partitions required/);
    expect(session().range(0, 3, 1, 2).count()).toBe(3);
  });
});
