import { DOUBLE, INT, STRING } from '../../../src/types/data-types.js';
import { aggregate, alias, asc, call, col, filter, join, lit, project, relation, schema, sort, window, windowExpr } from '../../helpers/resolved.js';
import { executePlan } from '../../../src/backend/memory/executor.js';
import { createExecContext } from '../../../src/backend/memory/context.js';
import type { LogicalPlan } from '../../../src/plan/nodes.js';
const run = (p: LogicalPlan) => { const b = executePlan(p, createExecContext({ timeZone: 'UTC' })); return new Array(b.numRows); };

const N = 1_000_000;
const ids: unknown[][] = [];
for (let i = 0; i < N; i++) ids.push([i, `k${i % 1000}`, (i * 7919) % 10007 / 3.0]);
const t = relation(schema(['id', INT], ['k', STRING], ['v', DOUBLE]), ids);
const time = (name: string, f: () => unknown) => {
  const s = performance.now();
  const r = f() as unknown[];
  console.log(name.padEnd(20), (performance.now() - s).toFixed(0), 'ms', Array.isArray(r) ? r.length : '');
};
for (let rep = 0; rep < 2; rep++) {
  time('filter', () => run(filter(t, call('gt', [col(t, 2), lit(1000.0)]))));
  time('project arith', () => run(project(t, [alias(call('add', [call('multiply', [col(t, 2), lit(2.0)]), lit(1.0)]), 'x')])));
  time('groupby sum', () => run(aggregate(t, [col(t, 1)], [alias(call('sum', [col(t, 2)]), 's'), alias(call('count', [lit(1)]), 'n')])));
  time('sort', () => run(sort(t, [asc(col(t, 2))])));
  const small = relation(schema(['k', STRING], ['w', INT]), Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]));
  time('join', () => run(join(t, small, 'inner', { left: [col(t, 1)], right: [col(small, 0)] })));
  time('window rank', () => run(window(t, [alias(windowExpr(call('row_number', []), { partitionBy: [col(t, 1)], orderBy: [asc(col(t, 2))] }), 'r')])));
  time('window sum running', () => run(window(t, [alias(windowExpr(call('sum', [col(t, 2)]), { partitionBy: [col(t, 1)], orderBy: [asc(col(t, 0))] }), 'r')])));
}
