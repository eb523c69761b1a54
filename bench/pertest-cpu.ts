/**
 * The per-test pipeline (bench/engines/sparkless-common.mjs's `pertest`: a
 * session from createTestSession, a 10-row frame, filter, groupBy.agg,
 * orderBy, collect, dispose) measured so that a loaded machine cannot skew
 * it: bytes allocated per iteration (heap growth over a window with no GC:
 * run with a young generation large enough, see below) and process CPU time
 * per iteration (rounds of 40, fastest tenth and median), never wall time.
 *
 *   node --expose-gc --max-semi-space-size=64 --min-semi-space-size=64 \
 *     --import tsx bench/pertest-cpu.ts [backend=memory] [rounds=200]
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { F } from '../src/index.js';
import { createTestSession } from '../src/testing/index.js';

// The benchmark's own rows and schema (bench/data.mjs, plain JavaScript).
const dataModule: string = './data.mjs';
const { smallPipeline } = (await import(dataModule)) as { smallPipeline: (spark: unknown, f: typeof F) => unknown };

const backend = (process.argv[2] ?? 'memory') as 'memory';
const rounds = Number(process.argv[3] ?? 200);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

function iteration(): unknown {
  const h = createTestSession({ backend });
  try {
    return smallPipeline(h.spark, F);
  } finally {
    h.dispose();
  }
}

let gcs = 0;
new PerformanceObserver((l) => (gcs += l.getEntries().length)).observe({ entryTypes: ['gc'] });
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

for (let i = 0; i < 3000; i++) iteration();

// Allocation: heap growth over windows of 50 iterations with no collection inside.
const allocs: number[] = [];
for (let w = 0; w < 10; w++) {
  gc();
  await tick();
  const before = gcs;
  const h0 = process.memoryUsage().heapUsed;
  for (let i = 0; i < 50; i++) iteration();
  const h1 = process.memoryUsage().heapUsed;
  await tick();
  if (gcs === before) allocs.push((h1 - h0) / 50);
}
allocs.sort((a, b) => a - b);

// CPU: rounds of 40 iterations, process CPU time (user + system) per iteration.
const cpu: number[] = [];
for (let r = 0; r < rounds; r++) {
  const c0 = process.cpuUsage();
  for (let i = 0; i < 40; i++) iteration();
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 40);
}
cpu.sort((a, b) => a - b);
const q = (xs: number[], p: number): number => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
console.log(
  `${backend}: allocated ${allocs.length ? (q(allocs, 0.5) / 1024).toFixed(1) : '?'} KB/iteration (${allocs.length}/10 GC-free windows, min ${allocs.length ? (allocs[0]! / 1024).toFixed(1) : '?'}); ` +
    `CPU ${q(cpu, 0.1).toFixed(0)} µs/iteration (fastest tenth), median ${q(cpu, 0.5).toFixed(0)}, ${rounds} rounds of 40`,
);
