/**
 * A 4,000-branch `when` chain completes and answers on every backend (issue
 * 11: it took 43 s on Polars, whose when/then planning is quadratic; long
 * chains now run in the interpreter). Timing lives in bench/long-when.ts.
 */
import { expect, it } from 'vitest';
import { F, type Column } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend('a long when chain', (session) => {
  it('4,000 branches pick the first matching one, nulls and misses going to otherwise', { timeout: 60_000 }, () => {
    const n = 4000;
    let c: Column = F.when(F.col('v').eq(0), 'b0');
    for (let i = 1; i < n; i++) c = c.when(F.col('v').eq(i % 3000), `b${i}`); // later duplicates never win
    const df = session().createDataFrame([[1], [2999], [3500], [null], [-1]], 'v int');
    expect(df.select(c.otherwise('none').alias('x')).collect().map((r) => r.get('x'))).toEqual(['b1', 'b2999', 'none', 'none', 'none']);
    expect(df.select(c.alias('x')).collect().map((r) => r.get('x'))).toEqual(['b1', 'b2999', null, null, null]);
  });
}, { localOnly: 'a 4,000-branch plan is slow to send and analyze remotely; the semantics of CASE are covered on Spark elsewhere' });
