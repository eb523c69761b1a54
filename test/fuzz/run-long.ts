/**
 * The long fuzz run: `npm run fuzz -- --runs 5000 --seed 7`. Each generated
 * frame and pipeline runs on memory and Polars (and, with SPARK_REMOTE set,
 * on real Spark, every `--spark-every`th pipeline). Each failure is shrunk by
 * fast-check and written as a runnable reproduction to
 * fuzz-failures/<seed>-<n>.ts (git-ignored); a summary line gives the figures.
 * A pipeline that runs longer than --hang-ms is counted as a hang; a watchdog
 * thread writes the stuck pipeline and ends the process if one never returns.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { SparkSession } from '../../src/index.js';
import { run, verdict, type Verdict } from './harness.js';
import { frameSpec, pipeline, type FrameSpec, type Step } from './pipelines.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 1000);
const seed = arg('seed', Date.now() % 2 ** 31);
const sparkEvery = arg('spark-every', 10);
const hangMs = arg('hang-ms', 10_000);
const outDir = 'fuzz-failures';
const remote = process.env['SPARK_REMOTE'];

const conf = { 'spark.sql.session.timeZone': 'UTC' };
const memory = new SparkSession('fuzz-memory', { backendType: 'memory', conf });
const polars = new SparkSession('fuzz-polars', { backendType: 'polars', conf });
const spark = remote ? new SparkSession('fuzz-spark', { backendType: 'connect', conf: { ...conf, 'spark.remote': remote } }) : undefined;

/** JSON for fuzzer data, with the values plain JSON loses (see revive.ts). */
function encode(_k: string, x: unknown): unknown {
  if (typeof x === 'bigint') return { $bigint: `${x}` };
  if (typeof x === 'number' && (!Number.isFinite(x) || Object.is(x, -0))) return { $num: Object.is(x, -0) ? '-0' : String(x) };
  if (x instanceof Map) return { $map: [...x] };
  if (x instanceof Uint8Array) return { $bytes: [...x] };
  return x;
}

/** A reproduction that runs with `npx tsx fuzz-failures/<file>.ts`. */
function reproduction(title: string, spec: FrameSpec, steps: readonly Step[], detail: string): string {
  const json = (v: unknown): string => JSON.stringify(v, encode, 2);
  return `// ${title} (fuzz seed ${seed}); shrunk by fast-check.\n/*\n${detail.replaceAll('*/', '* /')}\n*/
import { SparkSession } from '../src/index.js';
import { run } from '../test/fuzz/harness.js';
import { revive } from '../test/fuzz/revive.js';

const spec = revive(${json(spec)});
const steps = revive(${json(steps)});
// With SPARK_REMOTE set, the pipeline runs on Spark too (the referee).
const remote = process.env['SPARK_REMOTE'];
for (const backendType of ['memory', 'polars', ...(remote ? (['connect'] as const) : [])] as const) {
  const spark = new SparkSession('repro', { backendType, conf: { 'spark.sql.session.timeZone': 'UTC', ...(remote ? { 'spark.remote': remote } : {}) } });
  console.log(backendType, run(spark, spec, steps));
  spark.stop();
}
`;
}

// The watchdog: the main thread bumps a counter per pipeline; a stuck counter ends the process.
const beat = new Int32Array(new SharedArrayBuffer(4));
let current = '';
const watchdog = new Worker(
  `const { workerData } = require('node:worker_threads');
   const beat = workerData.beat; let last = -1, since = Date.now();
   setInterval(() => {
     const now = Atomics.load(beat, 0);
     if (now !== last) { last = now; since = Date.now(); return; }
     if (Date.now() - since > workerData.limit) {
       require('node:fs').writeFileSync(workerData.file, 'hang: ' + require('node:fs').readFileSync(workerData.current, 'utf8'));
       console.error('a pipeline hung for ' + workerData.limit * 3 + ' ms; written to ' + workerData.file);
       process.kill(process.pid, 'SIGKILL');
     }
   }, 500).unref();`,
  { eval: true, workerData: { beat, limit: hangMs * 3, file: `${outDir}/${seed}-hang.txt`, current: `${outDir}/.current-${seed}.json` } },
);
watchdog.unref();
mkdirSync(outDir, { recursive: true });

const figures = { pipelines: 0, crashes: 0, disagreements: 0, hangs: 0, sparkPipelines: 0, sparkDisagreements: 0 };
let written = 0;
const seen = new Set<string>();

function check(spec: FrameSpec, steps: readonly Step[], withSpark: boolean): Verdict {
  const t = Date.now();
  const mem = run(memory, spec, steps);
  const v = verdict(mem, run(polars, spec, steps), steps);
  if (Date.now() - t > hangMs) return { kind: 'crash', detail: `hang: took ${Date.now() - t} ms (limit ${hangMs})` };
  if (v || !withSpark || !spark) return v;
  const sv = verdict(run(spark, spec, steps), mem, steps, false);
  return sv && { kind: 'disagreement', detail: `memory vs Spark (Spark is the reference): ${sv.detail}` };
}

/** Keeps checking from where the last failure stopped, so one run reports every failure it meets. */
const t0 = Date.now();
let round = 0;
while (figures.pipelines < runs) {
  const roundSeed = seed + round++;
  let checked = 0;
  let failedWithSpark: boolean | undefined; // shrinking keeps the first failure's comparison
  const result = fc.check(
    fc.property(frameSpec, pipeline, (spec, steps) => {
      checked++;
      Atomics.add(beat, 0, 1);
      current = JSON.stringify({ spec, steps }, encode);
      writeFileSync(`${outDir}/.current-${seed}.json`, current);
      const withSpark = failedWithSpark ?? (figures.pipelines + checked) % sparkEvery === 0;
      const v = check(spec, steps, withSpark);
      if (v) {
        failedWithSpark = withSpark;
        throw Object.assign(new Error(v.detail), { verdict: v });
      }
    }),
    { numRuns: runs - figures.pipelines, seed: roundSeed, endOnFailure: false },
  );
  if (!result.failed) {
    figures.pipelines += checked;
    break;
  }
  // fast-check counts the shrinking attempts in `checked`; the pipelines drawn are numRuns.
  figures.pipelines += result.numRuns;
  const [spec, steps] = result.counterexample as [FrameSpec, Step[]];
  const err = result.errorInstance as Error & { verdict?: NonNullable<Verdict> };
  const v = err.verdict ?? { kind: 'crash' as const, detail: String(err.stack ?? err) };
  if (v.detail.startsWith('hang')) figures.hangs++;
  else if (v.kind === 'crash') figures.crashes++;
  else if (v.detail.startsWith('memory vs Spark')) figures.sparkDisagreements++;
  else figures.disagreements++;
  // One reproduction per distinct error text (digits dropped) or, for wrong answers, per step sequence.
  const errorLine = v.detail.split('\n').find((l) => l.startsWith('error ') || l.startsWith('['));
  const key = errorLine ? `${v.kind}:${errorLine.replace(/\d+/g, '#')}` : `${v.kind}:${v.detail.split('\n')[0]}:${steps.map((s) => s.kind).join('>')}`;
  if (seen.has(key)) continue;
  seen.add(key);
  const file = `${outDir}/${seed}-${++written}.ts`;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(file, reproduction(v.kind, spec, steps, v.detail));
  console.log(`${v.kind}: ${file} — ${JSON.stringify(v.detail.split('\n')[0])}`);
}
figures.sparkPipelines = spark ? Math.floor(figures.pipelines / sparkEvery) : 0;
const secs = ((Date.now() - t0) / 1000).toFixed(0);
console.log(
  `fuzz seed ${seed}: ${figures.pipelines} pipelines in ${secs} s — untyped/internal crashes ${figures.crashes}, ` +
    `memory/polars disagreements ${figures.disagreements}, hangs ${figures.hangs}` +
    (spark ? `, Spark pipelines ~${figures.sparkPipelines}, memory/Spark disagreements ${figures.sparkDisagreements}` : ', Spark not checked (SPARK_REMOTE unset)') +
    `; ${written} reproductions in ${outDir}/`,
);
memory.stop();
polars.stop();
spark?.stop();
process.exit(figures.crashes + figures.disagreements + figures.hangs + figures.sparkDisagreements > 0 ? 1 : 0);
