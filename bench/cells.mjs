// Running the benchmark's cells, each in its own child process (so each peak
// RSS belongs to one engine alone), and comparing their results.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WORKLOADS, sameResult } from './workloads.mjs';
import { VITEST_ENGINES, VITEST_TESTS, writeVitestProject } from './vitest-file.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(BENCH);
const TMP = join(BENCH, '.tmp');

let currentChild; // the one child running, so an interrupted run can end it too

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (currentChild) killGroup(currentChild);
    process.exit(130);
  });
}

/** Runs a child in its own process group; kills that group on timeout. */
export function runChild(args, { timeoutMs, cwd = ROOT } = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    currentChild = child;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      currentChild = undefined;
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      resolve({ code, signal, stdout, stderr, wallMs, timedOut });
    });
  });
}

function parseResult(out) {
  const line = out.stdout.split('\n').find((l) => l.startsWith('@@RESULT '));
  if (line) return JSON.parse(line.slice(9));
  if (out.timedOut) return { error: 'timeout' };
  const lastErr = out.stderr.trim().split('\n').filter(Boolean).slice(-1)[0] ?? '';
  return { error: `exit ${out.code ?? out.signal}: ${lastErr}`.slice(0, 300) };
}

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], samples };
}


export async function runWorkerCell(cell, mode) {
  const { runs, warmup, iterations, minTotal, budgetMs, minRuns } = cell;
  const options = JSON.stringify({ runs, warmup, iterations, minTotal, budgetMs, minRuns });
  const args = ['--expose-gc', join(BENCH, 'worker.mjs'), cell.engine, cell.workload, String(cell.size), options];
  const out = await runChild(args, { timeoutMs: mode.timeoutMs });
  return { ...parseResult(out), wallMs: out.wallMs };
}

export async function runColdCell(cell, mode) {
  const inside = [];
  const wall = [];
  const imports = [];
  const firsts = [];
  let last;
  for (let i = 0; i < cell.warmup + cell.runs; i++) {
    const out = await runChild([join(BENCH, 'cold.mjs'), cell.engine], { timeoutMs: Math.min(mode.timeoutMs, 60_000) });
    last = parseResult(out);
    if (last.error) return { error: last.error };
    if (i >= cell.warmup) {
      inside.push(last.totalMs);
      wall.push(out.wallMs);
      imports.push(last.importMs);
      firsts.push(last.firstQueryMs);
    }
  }
  return {
    ...stats(inside),
    unit: 'ms',
    wall: stats(wall),
    importMs: stats(imports).median,
    firstQueryMs: stats(firsts).median,
    splitIsMedian: true,
    peakRssMB: last.peakRssMB,
  };
}

/**
 * How the generated Vitest file imports sparkless: by package name when the package's
 * self-reference resolves (as a user's file would), else by the built file's URL.
 * Only resolved, never imported: `sparkless/vitest` may only be imported inside Vitest.
 */
function sparklessSpecifiers() {
  const out = {};
  for (const [key, sub] of [['main', ''], ['vitest', '/vitest']]) {
    const name = `sparkless${sub}`;
    let file;
    try {
      file = fileURLToPath(import.meta.resolve(name));
      if (existsSync(file)) {
        out[key] = name;
        continue;
      }
    } catch {
      // no self-reference (no "exports" map yet): the built file itself
    }
    file = join(ROOT, 'dist', `${sub ? sub.slice(1) : 'index'}.js`);
    if (!existsSync(file)) return { error: `${name} not found: no dist/${file.split('/dist/')[1]} (run \`npm run build\`)` };
    out[key] = pathToFileURL(file).href;
  }
  return out;
}

export async function runVitestCell(cell, mode) {
  let specs = {};
  if (VITEST_ENGINES[cell.engine]) {
    specs = sparklessSpecifiers();
    if (specs.error) return { error: specs.error };
  }
  const dir = writeVitestProject(TMP, cell.engine, specs);
  const bin = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  const wall = [];
  for (let i = 0; i < cell.warmup + cell.runs; i++) {
    const out = await runChild([bin, 'run', '--root', dir, '--config', join(dir, 'vitest.config.mjs')], {
      timeoutMs: Math.min(mode.timeoutMs, 180_000),
      cwd: dir,
    });
    if (out.timedOut) return { error: 'timeout' };
    if (out.code !== 0) {
      const text = (out.stdout + '\n' + out.stderr).split('\n').map((l) => l.trim());
      const reason = text.find((l) => /Error|error:|FAIL/.test(l)) ?? text.filter(Boolean).slice(-1)[0] ?? '';
      return { error: `vitest exit ${out.code}: ${reason}`.slice(0, 300) };
    }
    if (i >= cell.warmup) wall.push(out.wallMs);
  }
  const s = stats(wall);
  return { ...s, unit: 'ms', perTestMs: s.median / VITEST_TESTS };
}

/**
 * Marks each cell whose small result differs from the result most engines agree
 * on (same workload and size), then keeps only a sample of it.
 */
export function markAgreement(cells) {
  const groups = new Map();
  for (const c of cells) {
    if (!Array.isArray(c.result)) continue;
    const key = `${c.workload}:${c.size}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(c);
  }
  for (const group of groups.values()) {
    if (group.length > 1) {
      const score = (c) => group.filter((o) => sameResult(c.result, o.result)).length;
      const ref = group.reduce((best, c) => (score(c) > score(best) ? c : best));
      for (const c of group) c.agrees = sameResult(c.result, ref.result);
    }
  }
  for (const c of cells) {
    if (!Array.isArray(c.result)) continue;
    c.resultRows = c.result.length;
    c.resultSample = c.result.slice(0, 3);
    delete c.result;
  }
}
