#!/usr/bin/env node
// The benchmark orchestrator: `npm run bench [-- --quick] [-- --only <engine|workload>[,...]]`.
//
// Every engine × workload × size runs in its own child process (bench/worker.mjs),
// so each peak-RSS figure belongs to one engine alone. Results go to
// bench/results/<timestamp>.json (+ latest.json) and docs/benchmarks.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORKLOADS, ENGINES } from './workloads.mjs';
import { VITEST_ENGINES, VITEST_TESTS } from './vitest-file.mjs';
import { evaluateTargets, sizeLabel } from './targets.mjs';
import { renderMarkdown } from './report.mjs';
import { runTpch } from './tpch/bench-step.mjs';
import { machine, staleBuild, uptimeText } from './meta.mjs';
import { runChild, runWorkerCell, runColdCell, runVitestCell, markAgreement } from './cells.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const RESULTS = join(BENCH, 'results');
const TMP = join(BENCH, '.tmp');

const USAGE = `usage: node bench/run.mjs [--quick] [--only <engine|workload|tpch>[,...]] [--sizes 100000,1000000] [--sf 0.1] [--no-docs]
  --quick     100k and 1M rows, fewer runs: finishes in under 2 minutes
  --only      restrict to engines and/or workloads (repeatable, comma lists); such a
              partial run does not rewrite docs/benchmarks.md or latest.json
  --sizes     row counts for the table workloads (overrides the mode's sizes)
  --sf        TPC-H scale factor (a full run: 0.1, Polars backend; 0 skips TPC-H; 1 takes minutes);
              \`--only tpch --sf 1\` runs TPC-H alone. --tpch-backends polars,memory adds the memory backend
  --no-docs   do not rewrite docs/benchmarks.md
  --render <results.json>   only re-render docs/benchmarks.md from a results file
engines:   ${ENGINES.join(', ')}
workloads: ${Object.keys(WORKLOADS).join(', ')}`;

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const opts = { quick: false, only: [], sizes: null, docs: true, render: null, sf: null, tpchBackends: ['polars'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.quick = true;
    else if (a === '--no-docs') opts.docs = false;
    else if (a === '--render') opts.render = argv[++i];
    else if (a === '--sf') opts.sf = Number(argv[++i]);
    else if (a === '--tpch-backends') opts.tpchBackends = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (a === '--only' || a === '--sizes') {
      const v = argv[++i];
      if (!v) throw new Error(`${a} needs a value`);
      if (a === '--only') opts.only.push(...v.split(',').filter(Boolean));
      else opts.sizes = v.split(',').map((s) => parseSize(s));
    } else if (a.startsWith('--only=')) opts.only.push(...a.slice(7).split(',').filter(Boolean));
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if (opts.sf !== null && !(opts.sf >= 0)) throw new Error(`--sf needs a scale factor such as 0.1 or 1\n${USAGE}`);
  for (const t of opts.only) {
    if (t !== 'tpch' && !ENGINES.includes(t) && !WORKLOADS[t]) throw new Error(`--only ${t}: not an engine or workload\n${USAGE}`);
  }
  return opts;
}

function parseSize(s) {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(s.trim());
  if (!m) throw new Error(`bad size ${s}`);
  return Math.round(Number(m[1]) * (m[2] ? (m[2].toLowerCase() === 'k' ? 1e3 : 1e6) : 1));
}

/**
 * Runs, warm-ups, time budgets and caps per mode, chosen so that --quick stays
 * under 2 minutes and a full run under ~20 minutes on 2 cores. A table or collect
 * cell whose first run shows that its runs would overrun `budgetMs` gets fewer
 * runs, never under `minRuns`: 5 in a full run, 3 in a quick one.
 */
const MODES = {
  quick: {
    sizes: [100_000, 1_000_000],
    table: { small: { warmup: 1, runs: 5, budgetMs: 2_500, minRuns: 3 }, large: { warmup: 1, runs: 5, budgetMs: 3_000, minRuns: 3 } },
    pertest: { warmup: 200, runs: 5, iterations: 200, minTotal: 250, budgetMs: 1_000 },
    collect: { size: 100_000, warmup: 1, runs: 5, budgetMs: 2_000, minRuns: 3 },
    cold: { warmup: 0, runs: 3 },
    vitest: { warmup: 0, runs: 1 },
    // Engines that take seconds per query at 1M rows only run the small size in a quick run
    // (the 1M-row targets compare against polars-raw and DuckDB); the memory backend's
    // targets are all outside the table workloads.
    maxRows: { 'sparkless-memory': 0, arquero: 100_000 },
    slowCutoffMs: 1_000,
    timeoutMs: 15_000,
    // Cells not started by then are skipped, so the whole run stays under 2 minutes.
    deadlineS: 100,
    largestFirst: true,
  },
  full: {
    sizes: [100_000, 1_000_000, 5_000_000],
    table: {
      small: { warmup: 3, runs: 9, budgetMs: 30_000, minRuns: 5 },
      large: { warmup: 2, runs: 7, budgetMs: 60_000, minRuns: 5 },
      huge: { warmup: 1, runs: 5, budgetMs: 120_000, minRuns: 5 },
    },
    pertest: { warmup: 500, runs: 7, iterations: 1000, minTotal: 1000, budgetMs: 10_000 },
    collect: { size: 100_000, warmup: 3, runs: 9, budgetMs: 30_000, minRuns: 5 },
    cold: { warmup: 1, runs: 7 },
    vitest: { warmup: 1, runs: 5 },
    // The pure-TypeScript interpreter is the readable reference, not a large-data engine;
    // arquero takes minutes at 5M rows and no target compares with it there.
    maxRows: { 'sparkless-memory': 1_000_000, arquero: 1_000_000 },
    // An engine slower than this at one size is not run at the next (it would take minutes).
    slowCutoffMs: 2_500,
    timeoutMs: 240_000,
    deadlineS: 1_800, // a safety net only: a full run normally takes 10–15 minutes
  },
};

/** small: up to 200k rows; large: up to 2M; huge: beyond. */
function tableSettings(mode, size) {
  const t = mode.table;
  return size <= 200_000 ? t.small : size <= 2_000_000 ? t.large : (t.huge ?? t.large);
}

// ---------------------------------------------------------------- plan

async function supportedWorkloads() {
  const map = {};
  for (const e of ENGINES) {
    const adapter = await import(`./engines/${e}.mjs`);
    map[e] = new Set(Object.keys(adapter.workloads ?? {}));
  }
  return map;
}

function buildPlan(opts, mode, supported) {
  const onlyEngines = opts.only.filter((t) => ENGINES.includes(t));
  const onlyWorkloads = opts.only.filter((t) => WORKLOADS[t]);
  if (opts.only.length > 0 && opts.only.every((t) => t === 'tpch')) return []; // TPC-H alone
  const engineOk = (e) => onlyEngines.length === 0 || onlyEngines.includes(e);
  const workloadOk = (w) => onlyWorkloads.length === 0 || onlyWorkloads.includes(w);
  const sizes = opts.sizes ?? mode.sizes;
  const cells = [];
  // The small, fixed-cost workloads first.
  const order = ['pertest', 'collect', 'cold', 'table', 'vitest'];
  const workloads = Object.entries(WORKLOADS).sort((a, b) => order.indexOf(a[1].kind) - order.indexOf(b[1].kind));
  const tableCells = [];
  for (const [w, spec] of workloads) {
    if (!workloadOk(w)) continue;
    if (spec.kind === 'vitest') {
      for (const e of Object.keys(VITEST_ENGINES)) if (engineOk(e)) cells.push({ engine: e, workload: w, size: VITEST_TESTS, ...mode.vitest });
      continue;
    }
    const engines = ENGINES.filter((e) => engineOk(e) && supported[e].has(spec.kind === 'cold' ? 'pertest' : w));
    if (spec.kind === 'pertest') for (const e of engines) cells.push({ engine: e, workload: w, size: 10, ...mode.pertest });
    else if (spec.kind === 'cold') for (const e of engines) cells.push({ engine: e, workload: w, size: 0, ...mode.cold });
    else if (spec.kind === 'collect') for (const e of engines) cells.push({ engine: e, workload: w, ...mode.collect });
    else {
      // Engines compared with each other run back to back, so drifting machine speed hurts ratios least.
      for (const size of sizes) {
        for (const e of engines) {
          const cap = mode.maxRows[e];
          const cell = { engine: e, workload: w, size, ...tableSettings(mode, size) };
          if (cap === 0) cell.skip = `not run in ${opts.quick ? 'quick' : 'these'} runs`;
          else if (cap && size > cap) cell.skip = `not run above ${sizeLabel(cap)} rows`;
          tableCells.push(cell);
        }
      }
    }
  }
  const vitestCells = cells.filter((c) => WORKLOADS[c.workload].kind === 'vitest');
  const fixed = cells.filter((c) => WORKLOADS[c.workload].kind !== 'vitest');
  if (!mode.largestFirst) {
    // A full run goes up in size, so an engine too slow at one size can be spared the next.
    return fixed.concat(tableCells, vitestCells);
  }
  // A quick run measures the size its targets use (the largest) first, then the Vitest
  // file; the smaller sizes, which no target uses, are what its time limit cuts.
  const largest = Math.max(...tableCells.map((c) => c.size));
  return fixed.concat(
    tableCells.filter((c) => c.size === largest),
    vitestCells,
    tableCells.filter((c) => c.size !== largest),
  );
}

/** Why a table cell is not worth running, judging by the same engine and workload at a smaller size. */
function slowerAtSmallerSize(done, cell, cutoffMs) {
  const prev = done.filter((c) => c.engine === cell.engine && c.workload === cell.workload && c.size < cell.size).pop();
  if (!prev) return undefined;
  if (prev.skipped) return { skipped: prev.skipped };
  if (prev.error) return { error: prev.error };
  if (prev.median > cutoffMs) return { skipped: `${Math.round(prev.median).toLocaleString('en-US')} ms at ${sizeLabel(prev.size)} rows, over the ${cutoffMs.toLocaleString('en-US')} ms cut-off` };
  return undefined;
}

// ---------------------------------------------------------------- main

function fmtCell(r) {
  if (r.skipped) return r.skipped;
  if (r.error) return `error: ${r.error}`;
  const unit = r.unit ?? 'ms';
  const f = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(2));
  return `${f(r.median)} ${unit} (min ${f(r.min)}, max ${f(r.max)})${r.peakRssMB ? `, peak RSS ${r.peakRssMB.toFixed(0)} MB` : ''}`;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.render) {
    const report = JSON.parse(readFileSync(opts.render, 'utf8'));
    report.targets = evaluateTargets(report);
    writeFileSync(join(ROOT, 'docs', 'benchmarks.md'), renderMarkdown(report));
    console.error(`docs/benchmarks.md re-rendered from ${opts.render}`);
    return;
  }
  const modeName = opts.quick ? 'quick' : 'full';
  const mode = MODES[modeName];
  const partial = opts.only.length > 0 || opts.sizes !== null;
  // TPC-H: at SF 0.1 in a full run, else when asked for (--sf, --only tpch).
  const tpchSf = opts.sf ?? (opts.only.includes('tpch') || (!partial && !opts.quick) ? 0.1 : 0);
  const supported = await supportedWorkloads();
  const plan = buildPlan(opts, mode, supported);
  const started = Date.now();
  const startedIso = new Date(started).toISOString();
  console.error(`sparkless bench: ${modeName} run, ${plan.length} cells${partial ? ' (partial)' : ''}`);
  const loadAtStart = loadavg()[0];
  const uptimeAtStart = uptimeText();
  if (loadAtStart > 0.5) console.error(`note: load average ${loadAtStart.toFixed(2)}: other processes are running, figures will be noisier`);
  const stale = staleBuild();
  if (stale) console.error('note: dist/ is older than src/: run `npm run build` first, or the sparkless figures are of old code');

  mkdirSync(TMP, { recursive: true });
  const loadFailures = new Map(); // engine → error, once the engine itself failed to load
  const cells = [];
  for (const [i, cell] of plan.entries()) {
    let r;
    const { skip, ...settings } = cell;
    const slower = WORKLOADS[cell.workload].kind === 'table' && slowerAtSmallerSize(cells, cell, mode.slowCutoffMs);
    const late = mode.deadlineS && (Date.now() - started) / 1000 > mode.deadlineS;
    if (skip) r = { skipped: skip };
    else if (late) r = { skipped: `over the ${mode.deadlineS} s time limit of a ${modeName} run` };
    else if (slower) r = slower;
    else if (loadFailures.has(cell.engine) && WORKLOADS[cell.workload].kind !== 'vitest') r = { error: loadFailures.get(cell.engine) };
    else {
      const kind = WORKLOADS[cell.workload].kind;
      if (kind === 'cold') r = await runColdCell(cell, mode);
      else if (kind === 'vitest') r = await runVitestCell(cell, mode);
      else r = await runWorkerCell(cell, mode);
      if (r.error && r.phase === 'load') loadFailures.set(cell.engine, r.error);
    }
    delete r.stack;
    const result = { ...settings, ...r, engine: cell.engine, workload: cell.workload, size: cell.size };
    cells.push(result);
    const label = `${cell.engine} ${cell.workload}${WORKLOADS[cell.workload].kind === 'table' ? ' ' + cell.size.toLocaleString('en-US') : ''}`;
    console.error(`[${String(i + 1).padStart(3)}/${plan.length}] ${label.padEnd(44)} ${fmtCell(result)}`);
  }

  let tpch;
  if (tpchSf > 0) {
    console.error(`TPC-H at SF ${tpchSf} (${opts.tpchBackends.join(', ')} backend) ...`);
    tpch = await runTpch({ sf: tpchSf, backends: opts.tpchBackends, runs: opts.quick ? 3 : 5 }, runChild, BENCH);
    console.error(tpch.error ? `TPC-H: error: ${tpch.error}` : `TPC-H: ${tpch.ok ? 'all engines agree with DuckDB' : 'engines DISAGREE'} (${(tpch.wallMs / 1000).toFixed(0)} s)`);
  }
  markAgreement(cells);
  const durationS = (Date.now() - started) / 1000;
  const report = {
    meta: {
      date: startedIso,
      mode: modeName,
      partial,
      only: opts.only,
      durationS,
      loadAverage: { start: loadAtStart, end: loadavg()[0] },
      uptime: { start: uptimeAtStart, end: uptimeText() },
      staleBuild: stale,
      machine: machine(),
    },
    config: { ...mode, sizes: opts.sizes ?? mode.sizes },
    cells,
    tpch,
  };
  report.targets = evaluateTargets(report);

  mkdirSync(RESULTS, { recursive: true });
  const stamp = startedIso.replace(/[:.]/g, '-');
  const suffix = `${modeName === 'quick' ? '-quick' : ''}${partial ? '-partial' : ''}`;
  const file = join(RESULTS, `${stamp}${suffix}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  if (!partial) writeFileSync(join(RESULTS, modeName === 'quick' ? 'latest-quick.json' : 'latest.json'), JSON.stringify(report, null, 2) + '\n');
  if (opts.docs && !partial) {
    const docs = join(ROOT, 'docs');
    if (!existsSync(docs)) mkdirSync(docs);
    writeFileSync(join(docs, 'benchmarks.md'), renderMarkdown(report));
  }

  const missed = report.targets.filter((t) => t.status === 'MISS').length;
  const passed = report.targets.filter((t) => t.status === 'PASS').length;
  const unknown = report.targets.length - missed - passed;
  console.error(`done in ${durationS.toFixed(1)} s → ${file.slice(ROOT.length + 1)}${opts.docs && !partial ? ' and docs/benchmarks.md' : ''}`);
  console.error(`targets: ${passed} PASS, ${missed} MISS, ${unknown} not measured`);
}

main().catch((err) => {
  console.error(err?.message ?? err);
  process.exit(1);
});
