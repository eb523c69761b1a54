// The TPC-H step of `npm run bench`: bench/tpch/run.mjs in a child process at
// one scale factor (`--sf`, default 0.1 in a full run), and its section of
// docs/benchmarks.md.
import { join } from 'node:path';

const fx = (x) => (typeof x !== 'number' || !Number.isFinite(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** Runs the queries; `runChild(args, { timeoutMs })` is the orchestrator's child runner. */
export async function runTpch({ sf, backends, runs }, runChild, benchDir) {
  const args = [join(benchDir, 'tpch', 'run.mjs'), '--sf', String(sf), '--runs', String(runs), '--backends', backends.join(','), '--json'];
  const timeoutMs = Math.max(300_000, sf * 1_800_000);
  const out = await runChild(args, { timeoutMs });
  const line = out.stdout.split('\n').find((l) => l.startsWith('@@RESULT '));
  if (line) return { ...JSON.parse(line.slice(9)), wallMs: out.wallMs, backends };
  const lastErr = out.stderr.trim().split('\n').filter(Boolean).slice(-1)[0] ?? '';
  return { sf, backends, error: out.timedOut ? 'timeout' : `exit ${out.code ?? out.signal}: ${lastErr}`.slice(0, 300) };
}

export function tpchSection(tpch) {
  if (!tpch) return null;
  const lines = ['## (f) TPC-H', ''];
  if (tpch.error) return [...lines, `TPC-H at SF ${tpch.sf}: error: ${tpch.error}`, ''].join('\n');
  lines.push(
    `Queries 1, 3, 5, 6, 10 and 18 at scale factor ${tpch.sf} (lineitem ${tpch.lineitemRows.toLocaleString('en-US')} rows), data from the seeded generator \`bench/tpch/gen.mjs\` (the specification's cardinalities and value rules; not dbgen's stream, doubles for prices). Each engine's answer is compared with DuckDB's: ${tpch.ok ? 'all agree' : '**some differ** (marked ⚠)'}. Median of ${tpch.runs} runs after one warm-up, all engines in one process (so no per-engine RSS here). sparkless runs each query through the DataFrame API (\`df\`) and through \`spark.sql\` (\`sql\`), on the ${tpch.backends.join(' and ')} backend${tpch.backends.length > 1 ? 's' : ''}. \`node bench/tpch/run.mjs --sf 1\` or \`npm run bench -- --only tpch --sf 1\` runs scale factor 1.`,
    '',
    '| query | engine | median ms | × polars-raw | × duckdb | notes |',
    '| --- | --- | ---: | ---: | ---: | --- |',
  );
  for (const s of tpch.summary) {
    const note = s.error ? `error: ${s.error}` : s.agrees ? '' : '⚠ differs from DuckDB';
    lines.push(`| ${s.query} | ${s.engine} | ${fx(s.ms)} | ${s.error ? '' : fx(s.vsPolars) + '×'} | ${s.error ? '' : fx(s.vsDuckdb) + '×'} | ${note} |`);
  }
  lines.push('');
  return lines.join('\n');
}
