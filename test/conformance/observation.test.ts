import { expect, it, vi } from 'vitest';
import { F, Observation } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

vi.setConfig({ testTimeout: 60_000 });

forEachBackend('observe with Observation', (session) => {
  it('metrics are available after the first action on the observed DataFrame or one built from it', () => {
    const spark = session();
    const df = spark.createDataFrame([[2, 'Alice'], [5, 'Bob']], 'age int, name string');
    const observation = new Observation('my metrics');
    const observed = df.observe(observation, F.count(F.lit(1)).alias('count'), F.max('age'));
    expect(() => observation.get).toThrow(/NO_ACTION_BEFORE_GET/);
    expect(observed.filter('age > 3').count()).toBe(1);
    expect(observation.get).toEqual({ count: 2, 'max(age)': 5 });
    expect(() => df.observe(observation, F.max('age'))).toThrow(/REUSE_OBSERVATION/);
    expect(() => new Observation().get).toThrow(/NO_OBSERVE_BEFORE_GET/);
  });

  it('show and collect trigger it too; an observed DataFrame passes its rows through', () => {
    const spark = session();
    const obs = new Observation();
    const df = spark.range(4).observe(obs, F.sum('id').alias('total'));
    expect(df.collect().map((r) => r.get('id'))).toEqual([0, 1, 2, 3]);
    expect(obs.get).toEqual({ total: 6 });
    const obs2 = new Observation('o2');
    spark.range(3).observe(obs2, F.min('id').alias('lo')).showString();
    expect(obs2.get).toEqual({ lo: 0 });
  });
});
