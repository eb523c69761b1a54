// Cold start: a fresh process imports one engine and runs the per-test pipeline once.
//   node bench/cold.mjs <engine>     → prints "@@RESULT <json>"
// `sinceStartMs` counts from the process's time origin (so it includes Node's own
// start-up); `totalMs` counts from before the engine import to the first result.
const t0 = performance.now();
const engine = process.argv[2];
const out = { engine };
try {
  const adapter = await import(`./engines/${engine}.mjs`);
  const lib = await adapter.load();
  const t1 = performance.now();
  const prepared = await adapter.workloads.pertest(lib, {}, {});
  let result = prepared.run();
  if (result && typeof result.then === 'function') result = await result;
  const t2 = performance.now();
  Object.assign(out, { importMs: t1 - t0, firstQueryMs: t2 - t1, totalMs: t2 - t0, sinceStartMs: t2, rows: result.length });
  await prepared.close?.();
} catch (err) {
  out.error = String(err?.message ?? err).split('\n')[0].slice(0, 300);
}
out.peakRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`@@RESULT ${JSON.stringify(out)}\n`);
process.exit(0);
