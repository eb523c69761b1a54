// One engine × one workload × one size, in its own process so peak RSS belongs
// to that engine alone. Prints a single line "@@RESULT <json>" on stdout.
//
//   node --expose-gc bench/worker.mjs <engine> <workload> <size> '<options json>'
//
// Options: { runs, warmup, budgetMs, minRuns } and, per-test, { iterations, minTotal }.
// Table and collect workloads: `warmup` untimed runs, then `runs` timed runs; fewer
// when the next one would overrun `budgetMs` (never under `minRuns`).
// Per-test workload: up to `warmup` untimed iterations (at most ~1 s of them), then
// `runs` timed runs of up to `iterations` iterations each, figures in µs per iteration;
// an engine too slow for that within `budgetMs` gets fewer iterations per run, but
// never fewer than `minTotal` timed iterations in all.
import { Worker } from 'node:worker_threads';
import { WORKLOADS, plainRows } from './workloads.mjs';
import { factColumns, dimColumns } from './data.mjs';

const [engine, workload, sizeArg, optsArg] = process.argv.slice(2);
const size = Number(sizeArg) || 0;
const opts = JSON.parse(optsArg || '{}');
const warmup = Math.max(1, opts.warmup ?? 1); // the first call is always untimed
const budgetMs = opts.budgetMs ?? 60_000;
let runs = Math.max(1, opts.runs ?? 5);
let iterations = Math.max(1, opts.iterations ?? 1000);

const gc = typeof globalThis.gc === 'function' ? globalThis.gc : () => {};
const now = () => process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
const rssMB = () => process.memoryUsage.rss() / 2 ** 20;

/** Waits (at most 3 s) until RSS stops falling: 100 ms apart, within 1 MB. */
async function settleRss() {
  let last = rssMB();
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const cur = rssMB();
    if (last - cur < 1) return;
    last = cur;
  }
}
let phase = 'load'; // a failure while loading the engine is engine-wide; later ones are this workload's

function emit(obj) {
  const peakRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`@@RESULT ${JSON.stringify({ engine, workload, size, peakRssMB, ...obj })}\n`);
}

/**
 * Peak RSS during the timed runs only: a thread samples the process's RSS every 2 ms
 * (it keeps sampling while the main thread is busy in native code). `maxRSS` covers the
 * whole process, data generation and loading included.
 */
function rssSampler() {
  const shared = new Float64Array(new SharedArrayBuffer(16)); // [0] peak bytes, [1] 1 = sampling
  const thread = new Worker(
    `const { workerData: shared } = require('node:worker_threads');
     setInterval(() => { if (shared[1] === 1) shared[0] = Math.max(shared[0], process.memoryUsage.rss()); }, 2);`,
    { eval: true, workerData: shared },
  );
  thread.unref();
  return {
    start() {
      shared[0] = process.memoryUsage.rss();
      shared[1] = 1;
    },
    stop() {
      shared[1] = 0;
      shared[0] = Math.max(shared[0], process.memoryUsage.rss());
      thread.terminate();
      return shared[0] / 2 ** 20;
    },
  };
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], samples };
}

async function main() {
  const spec = WORKLOADS[workload];
  if (!spec) throw new Error(`unknown workload ${workload}`);
  const adapter = await import(`./engines/${engine}.mjs`);
  const impl = adapter.workloads?.[workload];
  if (!impl) return emit({ skipped: 'not applicable' });

  const tLoad = now();
  const lib = await adapter.load();
  const loadMs = ms(tLoad, now());
  phase = 'run';

  let data = {};
  if (spec.kind === 'table' || spec.kind === 'collect') {
    data.fact = factColumns(size);
    data.dim = dimColumns();
  }
  const tPrep = now();
  const prepared = await impl(lib, data, { size });
  const prepareMs = ms(tPrep, now());
  data = null; // engines that copied the columns no longer need the generated ones
  const { run } = prepared;
  const normalize = prepared.normalize ?? ((x) => x);
  gc();
  // V8 hands the pages of freed setup garbage (generated data, row arrays) back to the OS
  // some hundreds of ms after a GC; sampling before that would charge the setup to the query.
  await settleRss();
  const rssAfterLoadMB = rssMB();
  const sampler = rssSampler();
  sampler.start();

  let samples;
  // Whether `run` is async is decided once, so sync engines never pay for an await.
  const tFirst = now();
  const first = run();
  const isAsync = first && typeof first.then === 'function';
  let last = isAsync ? await first : first;
  const firstMs = ms(tFirst, now());
  const once = isAsync ? async () => (last = await run()) : () => (last = run());

  if (spec.kind === 'pertest') {
    const tWarm = now();
    let done = 1;
    for (; done < warmup && ms(tWarm, now()) < 1000; done++) isAsync ? await once() : once();
    const perIterMs = done > 1 ? ms(tWarm, now()) / (done - 1) : firstMs;
    const minPerRun = Math.ceil((opts.minTotal ?? 1000) / runs);
    iterations = Math.min(iterations, Math.max(minPerRun, Math.floor(budgetMs / runs / perIterMs)));
    samples = [];
    for (let r = 0; r < runs; r++) {
      gc();
      const t0 = now();
      if (isAsync) for (let i = 0; i < iterations; i++) last = await run();
      else for (let i = 0; i < iterations; i++) last = run();
      samples.push((ms(t0, now()) * 1000) / iterations);
    }
  } else {
    // The first call often pays one-off costs (caches, lazy loading), so it only decides
    // whether the further warm-ups fit; the timed runs stop early once they have used
    // the budget and number at least `minRuns`.
    const extraWarmups = firstMs * (warmup - 1) <= budgetMs / 4 ? warmup - 1 : 0;
    for (let i = 0; i < extraWarmups; i++) isAsync ? await once() : once();
    const minRuns = Math.min(runs, opts.minRuns ?? runs);
    samples = [];
    let spent = 0;
    for (let r = 0; r < runs; r++) {
      gc();
      const t0 = now();
      last = isAsync ? await run() : run();
      samples.push(ms(t0, now()));
      spent += samples[r];
      if (samples.length >= minRuns && spent + samples[r] > budgetMs) break;
    }
    runs = samples.length;
  }
  const runRssMB = sampler.stop();
  const rows = plainRows(await normalize(last));
  emit({
    ...stats(samples),
    unit: spec.unit,
    iterations: spec.kind === 'pertest' ? iterations : undefined,
    runs,
    firstMs,
    loadMs,
    prepareMs,
    rssAfterLoadMB,
    runRssMB,
    result: rows,
    note: prepared.note,
  });
  await prepared.close?.();
}

main().then(
  () => process.exit(0),
  (err) => {
    emit({ phase, error: String(err?.message ?? err).split('\n')[0].slice(0, 300), stack: String(err?.stack ?? '').slice(0, 2000) });
    process.exit(0);
  },
);
