// Renders a run's report as docs/benchmarks.md.
import { WORKLOADS, TABLE_WORKLOADS, ENGINES, ENGINE_INFO } from './workloads.mjs';
import { PYSPARK_JOB_MS, PYSPARK_SESSION_MS, sizeLabel } from './targets.mjs';
import { missCause } from './miss-causes.mjs';
import { tpchSection } from './tpch/bench-step.mjs';

const num = (x, digits) => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** Three significant figures or so, with thousands separators. */
export function fmt(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '—';
  const a = Math.abs(x);
  return a >= 100 ? num(x, 0) : a >= 10 ? num(x, 1) : a >= 1 ? num(x, 2) : num(x, 3);
}
const esc = (s) => String(s).replaceAll('|', '\\|').replaceAll('\n', ' ');
const row = (cells) => `| ${cells.join(' | ')} |`;
const header = (cols) => [row(cols), row(cols.map((c) => (/^(engine|rows|workload|target|status|measured|notes)/.test(c) ? '---' : '---:')))].join('\n');
const times = (r) => `${r >= 100 ? num(r, 0) : r >= 10 ? num(r, 1) : num(r, 2)}×`;

function byEngineOrder(a, b) {
  return ENGINES.indexOf(a.engine) - ENGINES.indexOf(b.engine);
}

/** Ratio to the fastest engine of the same workload and size. */
function withRatios(cells) {
  const ok = cells.filter((c) => typeof c.median === 'number');
  const best = Math.min(...ok.map((c) => c.median));
  return cells.map((c) => ({ ...c, ratio: typeof c.median === 'number' ? c.median / best : undefined }));
}

function notesFor(report, c) {
  const notes = [];
  for (const t of report.targets) {
    if (t.engine !== c.engine || t.workload !== c.workload || (t.size !== undefined && t.size !== c.size)) continue;
    if (t.status === 'PASS') notes.push(`PASS ${t.short}`);
    else if (t.status === 'MISS') notes.push(`**MISS** ${t.short}: ${t.display}`);
  }
  if (c.agrees === false) notes.push('⚠ result differs from the other engines');
  if (c.note) notes.push(c.note);
  return esc(notes.join('; '));
}

function figureCells(c, digits = fmt) {
  if (c.skipped) return [`skipped: ${esc(c.skipped)}`, '', '', ''];
  if (c.error) return [`error: ${esc(c.error)}`, '', '', ''];
  return [digits(c.median), digits(c.min), digits(c.max), times(c.ratio)];
}
const rss = (c) => (typeof c.peakRssMB === 'number' && !c.error && !c.skipped ? fmt(c.peakRssMB) : '—');
const runRss = (c) => (typeof c.runRssMB === 'number' && !c.error && !c.skipped ? fmt(c.runRssMB) : '—');

function targetsSection(report) {
  const lines = ['## Targets', ''];
  if (report.meta.mode === 'quick') lines.push('Quick run: 5M-row targets are not measured.', '');
  lines.push(header(['target', 'measured', 'status']));
  for (const t of report.targets) {
    const status = t.status === 'PASS' ? 'PASS' : t.status === 'MISS' ? '**MISS**' : `not measured (${esc(t.reason)})`;
    lines.push(row([esc(t.text), t.display ? esc(t.display) : '—', status]));
  }
  const pass = report.targets.filter((t) => t.status === 'PASS').length;
  const miss = report.targets.filter((t) => t.status === 'MISS').length;
  lines.push('', `${pass} PASS, ${miss} MISS, ${report.targets.length - pass - miss} not measured.`, '');
  const explained = report.targets.filter((t) => t.status === 'MISS').map((t) => [t, missCause(t, report)]);
  if (explained.length) {
    lines.push('### Why the misses', '', 'Causes as measured (bench/miss-causes.mjs), with the next step:', '');
    for (const [t, cause] of explained) lines.push(`- ${esc(t.text)} (${esc(t.display)}): ${cause ? cause : 'no cause recorded yet.'}`);
    lines.push('');
  }
  return lines.join('\n');
}

function perTestSection(report) {
  const lines = ['## (a) Per-test model', ''];
  for (const w of ['pertest', 'pertest_shared']) {
    const cells = withRatios(report.cells.filter((c) => c.workload === w)).sort(byEngineOrder);
    if (!cells.length) continue;
    lines.push(`**\`${w}\`**: ${WORKLOADS[w].what} µs per iteration.`, '');
    lines.push(header(['engine', 'median µs', 'min µs', 'max µs', '× fastest', 'iterations', 'peak RSS MB', 'notes']));
    for (const c of cells) {
      const iters = typeof c.median === 'number' && c.iterations ? `${c.runs} × ${c.iterations}` : '';
      lines.push(row([c.engine, ...figureCells(c), iters, rss(c), notesFor(report, c)]));
    }
    if (w === 'pertest') {
      lines.push(row([`PySpark (published)`, `${num(PYSPARK_JOB_MS * 1000, 0)}–${num(300_000, 0)}`, '', '', '', '', '', `per DataFrame job, plus ${PYSPARK_SESSION_MS / 1000}–10 s to start a local session`]));
    }
    lines.push('');
  }
  return lines.join('\n');
}

function tableSection(report) {
  const lines = [
    '## (b) Table workloads',
    '',
    'Milliseconds per run. The tables are loaded into each engine before timing; only the query is timed.',
    '"run RSS × polars-raw" is this engine\'s run RSS over hand-written nodejs-polars\' at the same size (each engine measured in its own process).',
    '"peak RSS" is the whole worker process (data generation and loading included: for sparkless that includes the row arrays handed to `createDataFrame`); "run RSS" is the peak while the queries run, sampled every 2 ms after the generated data was released, a GC ran and RSS stopped falling (V8 returns freed pages to the OS some hundreds of ms after a GC). The RSS target uses "run RSS". Native allocators keep freed pages, so for engines that load through native memory the two are usually close.',
    '',
  ];
  for (const w of TABLE_WORKLOADS) {
    const all = report.cells.filter((c) => c.workload === w);
    if (!all.length) continue;
    lines.push(`### \`${w}\``, '', WORKLOADS[w].what, '');
    lines.push(header(['rows', 'engine', 'median ms', 'min ms', 'max ms', '× fastest', 'peak RSS MB', 'run RSS MB', 'run RSS × polars-raw', 'notes']));
    const sizes = [...new Set(all.map((c) => c.size))].sort((a, b) => a - b);
    for (const size of sizes) {
      const cells = withRatios(all.filter((c) => c.size === size)).sort(byEngineOrder);
      const raw = cells.find((c) => c.engine === 'polars-raw');
      const rssRatio = (c) => (typeof c.runRssMB === 'number' && typeof raw?.runRssMB === 'number' && !c.error && !c.skipped ? times(c.runRssMB / raw.runRssMB) : '—');
      for (const c of cells) lines.push(row([sizeLabel(size), c.engine, ...figureCells(c), rss(c), runRss(c), rssRatio(c), notesFor(report, c)]));
    }
    lines.push('');
  }
  return lines.join('\n');
}

function collectSection(report) {
  const lines = ['## (c) Collect', ''];
  for (const w of ['collect_objects', 'collect_arrow']) {
    const cells = withRatios(report.cells.filter((c) => c.workload === w)).sort(byEngineOrder);
    if (!cells.length) continue;
    lines.push(`**\`${w}\`** (${sizeLabel(cells[0].size)} rows): ${WORKLOADS[w].what}`, '');
    lines.push(header(['engine', 'median ms', 'min ms', 'max ms', '× fastest', 'µs/row', 'peak RSS MB', 'notes']));
    for (const c of cells) {
      const perRow = typeof c.median === 'number' ? fmt((c.median * 1000) / c.size) : '';
      lines.push(row([c.engine, ...figureCells(c), perRow, rss(c), notesFor(report, c)]));
    }
    lines.push('');
  }
  return lines.join('\n');
}

function coldSection(report) {
  const cells = withRatios(report.cells.filter((c) => c.workload === 'cold_start')).sort(byEngineOrder);
  if (!cells.length) return null;
  const lines = ['## (d) Cold start', '', WORKLOADS.cold_start.what, ''];
  lines.push(header(['engine', 'median ms', 'min ms', 'max ms', '× fastest', 'import ms', 'first query ms', 'wall ms', 'peak RSS MB', 'notes']));
  for (const c of cells) {
    const ok = typeof c.median === 'number';
    lines.push(row([c.engine, ...figureCells(c), ok ? fmt(c.importMs) : '', ok ? fmt(c.firstQueryMs) : '', ok ? fmt(c.wall.median) : '', rss(c), notesFor(report, c)]));
  }
  const ok = cells.filter((c) => typeof c.median === 'number');
  lines.push('', ok.length && ok.every((c) => c.splitIsMedian) ? 'Import, first query and wall: medians over the same runs.' : 'Import and first query: those of the last run; wall: median.');
  lines.push('');
  return lines.join('\n');
}

function vitestSection(report) {
  const cells = withRatios(report.cells.filter((c) => c.workload === 'vitest_1000')).sort(byEngineOrder);
  if (!cells.length) return null;
  const lines = ['## (e) Vitest file', '', WORKLOADS.vitest_1000.what, ''];
  lines.push(header(['engine', 'median ms', 'min ms', 'max ms', '× fastest', 'ms per test', 'notes']));
  const floor = cells.find((c) => c.engine === 'plainjs' && typeof c.median === 'number');
  for (const c of cells) {
    const extra = floor && c !== floor && typeof c.median === 'number' ? `${fmt((c.median - floor.median) / c.size)} ms per test over plain Vitest` : '';
    lines.push(row([c.engine, ...figureCells(c), typeof c.median === 'number' ? fmt(c.median / c.size) : '', esc([extra, c.note].filter(Boolean).join('; '))]));
  }
  lines.push('');
  return lines.join('\n');
}

function methodSection(report) {
  const cfg = report.config;
  const bands = { small: 'up to 200k rows', large: 'up to 2M', huge: 'above' };
  const t = Object.entries(cfg.table)
    .map(([band, s]) => `${bands[band]}: ${s.warmup} warm-up + ${s.runs} timed runs (fewer, but at least ${s.minRuns}, once the runs pass ${fmt(s.budgetMs / 1000)} s)`)
    .join('; ');
  const caps = Object.entries(cfg.maxRows ?? {})
    .map(([e, n]) => (n === 0 ? `${e} does not run the table workloads` : `${e} is not run above ${sizeLabel(n)} rows`))
    .concat(cfg.slowCutoffMs ? [`an engine whose median at one size exceeds ${fmt(cfg.slowCutoffMs)} ms is not run at the next size`] : [])
    .join('; ');
  const lines = [
    '## Method',
    '',
    '- Data: generated in-process from a seeded PRNG (`bench/data.mjs`), identical in every process. Fact table: `id LONG` (0..n-1), `k INT` (1,000 keys), `g STRING` (100 groups), `v DOUBLE` (0–100, two decimals, so sort keys tie), `q INT` (1–10). Dimension: 1,000 rows `k, name, region (10), w`.',
    "- One child process per engine × workload × size (`bench/worker.mjs`). Peak RSS is that process's `maxRSS`, which includes the generated JS columns (the same for every engine) and, for sparkless, the row arrays handed to `createDataFrame`; run RSS is sampled every 2 ms by a thread during the timed runs only.",
    `- Timing: \`process.hrtime.bigint()\`; warm-up first, then the median of the timed runs, with min and max; \`gc()\` between runs, untimed. Table workloads: ${t}. Per-test: up to ${cfg.pertest.warmup} warm-up iterations, then ${cfg.pertest.runs} runs of up to ${cfg.pertest.iterations} iterations (an engine slower than ${fmt(cfg.pertest.budgetMs / 1000)} s for all of them gets fewer, never under ${cfg.pertest.minTotal} in all). Collect: ${cfg.collect.warmup} warm-up + ${cfg.collect.runs} runs. Cold start: ${cfg.cold.warmup} warm-up + ${cfg.cold.runs} fresh processes. Vitest: ${cfg.vitest.warmup} warm-up + ${cfg.vitest.runs} runs.`,
  ];
  if (caps) lines.push(`- ${caps}.`);
  lines.push(
    "- Every workload ends in a small result (an aggregate or a 10-row slice), so the table workloads measure the engine rather than the hand-over of millions of rows (that is (c)). The engines' results are compared (floats up to summation-order noise); a row whose result differs from the one most engines agree on is marked ⚠.",
    '- Ratios in the targets are between figures of this one run; "× fastest" compares the engines on the same workload and size. The machine is a shared VM whose speed drifts by up to 2× over minutes, so engines that are compared run back to back.',
    '',
    'Engines:',
    '',
    ...ENGINES.map((e) => `- \`${e}\`: ${ENGINE_INFO[e]}`),
    '',
  );
  return lines.join('\n');
}

export function renderMarkdown(report) {
  const m = report.meta;
  const mc = m.machine;
  const versions = Object.entries(mc.versions)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    '# Benchmarks',
    '',
    `<!-- Generated by bench/run.mjs; do not edit by hand. Re-run \`npm run build && npm run bench\`. -->`,
    '',
    `Last run: ${m.date.slice(0, 16).replace('T', ' ')} UTC, **${m.mode}** run (${fmt(m.durationS)} s)${mc.commit ? ` at commit \`${mc.commit}\`${mc.srcDirty ? ' (with uncommitted changes under src/)' : ''}` : ''}.`,
    `Machine: ${mc.cpu}, ${mc.cores} cores, ${mc.memoryGB} GB RAM; ${mc.os}; Node ${mc.node}. Versions: ${versions}.`,
    m.loadAverage ? `Load average (1 min) at start ${m.loadAverage.start.toFixed(2)}, at end ${m.loadAverage.end.toFixed(2)}${m.loadAverage.start > 0.5 ? ': other processes were running, so the figures are noisier than usual' : ''}.` : null,
    m.uptime ? `\`uptime\` at start: \`${m.uptime.start}\`; at end: \`${m.uptime.end}\`. All ratios are between figures of this single run (no averaging over runs), so on a loaded machine they carry its noise.` : null,
    m.staleBuild ? '**Warning:** `dist/` was older than `src/` during this run; the sparkless figures may be of older code.' : null,
    '',
    '## How to run',
    '',
    '```sh',
    'npm run build                             # sparkless itself; the adapters import the built package',
    'npm run bench                             # full run: 100k / 1M / 5M rows and TPC-H at SF 0.1 (under ~20 min on 2 cores)',
    'npm run bench -- --quick                  # 100k / 1M rows, fewer runs: under 2 minutes',
    'npm run bench -- --only duckdb,sort       # engines and/or workloads; partial runs leave this file alone',
    'npm run bench -- --only tpch --sf 1      # TPC-H queries 1, 3, 5, 6, 10, 18 alone at scale factor 1 (minutes)',
    'npm run bench -- --render bench/results/latest.json   # re-render this file from a results file',
    '```',
    '',
    'Raw figures: `bench/results/latest.json` (full runs), `bench/results/latest-quick.json`, and one timestamped file per run.',
    'An engine that fails to load or throws is reported as `error: <message>` in its row.',
    '',
    targetsSection(report),
    perTestSection(report),
    tableSection(report),
    collectSection(report),
    coldSection(report),
    vitestSection(report),
    tpchSection(report.tpch),
    methodSection(report),
  ]
    .filter((s) => s !== null)
    .join('\n');
}
