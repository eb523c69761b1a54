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

forEachBackend('observe with the async actions', (session) => {
  it('collectAsync, countAsync and showStringAsync fill the observation as their synchronous twins do', async () => {
    const spark = session();
    const o1 = new Observation('async collect');
    const rows = await spark.range(4).observe(o1, F.sum('id').alias('total')).collectAsync();
    expect(rows.length).toBe(4);
    expect(o1.get).toEqual({ total: 6 });
    const o2 = new Observation('async count');
    expect(await spark.range(5).observe(o2, F.max('id').alias('hi')).filter('id > 1').countAsync()).toBe(3);
    expect(o2.get).toEqual({ hi: 4 });
    const o3 = new Observation('async show');
    await spark.range(3).observe(o3, F.min('id').alias('lo')).showStringAsync();
    expect(o3.get).toEqual({ lo: 0 });
  });
});
