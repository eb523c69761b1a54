import { expect, it } from 'vitest';
import { F, Window } from '../../src/index.js';
import { forEachBackend } from '../helpers/backends.js';

forEachBackend('window function names', (session) => {
  it('names ranking functions as Spark does (RANK, DENSE_RANK and PERCENT_RANK upper-case)', () => {
    // Asked of Spark 3.5.7: SELECT rank() OVER (ORDER BY id), ... FROM range(2)
    const w = Window.orderBy('id');
    const frame = 'OVER (ORDER BY id ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)';
    const df = session().range(2).select(F.rank().over(w), F.dense_rank().over(w), F.row_number().over(w), F.percent_rank().over(w), F.cume_dist().over(w));
    expect(df.columns).toEqual([
      `RANK() ${frame}`,
      `DENSE_RANK() ${frame}`,
      `row_number() ${frame}`,
      `PERCENT_RANK() ${frame}`,
      'cume_dist() OVER (ORDER BY id ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)',
    ]);
    expect(df.collect().map((r) => r.toArray())).toEqual([
      [1, 1, 1, 0, 0.5],
      [2, 2, 2, 1, 1],
    ]);
  });
});
