/**
 * Generates docs/functions.md: every name of PySpark 3.5's
 * `pyspark.sql.functions` (fixtures/reference/pyspark-3.5-functions.txt) with
 * its status per backend, read from the code itself:
 *  - a name still exported from src/functions/not-implemented.ts is a stub;
 *  - otherwise the function is called with placeholder columns and the
 *    registry function its Column calls is looked up in the memory and
 *    Polars function tables (native or delegated, with the reason);
 *  - src/functions/limitations.ts gives the JVM-only, Python-only and
 *    connect-only reasons, and what the PySpark module helpers do here.
 * `npm run docs:functions` rewrites the page; test/docs/functions-page.test.ts fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Column } from '../src/api/column.js';
import type { Expr } from '../src/expr/nodes.js';
import * as F from '../src/functions/index.js';
import * as stubs from '../src/functions/not-implemented.js';
import { CONNECT_LIMITATIONS, JVM_ONLY_FUNCTIONS, PYSPARK_HELPERS, PYTHON_ONLY_FUNCTIONS } from '../src/functions/limitations.js';
import { hasFunction } from '../src/functions/registry.js';
import { hasImpl } from '../src/backend/memory/functions/index.js';
import { lookupPolarsFunction } from '../src/backend/polars/functions/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PAGE_PATH = join(ROOT, 'docs/functions.md');

/** Placeholder argument lists tried in turn until the function returns a Column. */
const TRIALS: readonly unknown[][] = [
  ['a'],
  ['a', 'b'],
  [],
  ['a', 'b', 'c'],
  ['a', 1],
  ['a', 1, 1],
  ['a', (x: Column) => x],
  ['a', 'b', (x: Column) => x],
  ['a', 'b', (x: Column, y: Column) => x],
  ['a', F.lit(0), (x: Column, y: Column) => x],
  ['a', 'b', 'c', 'd'],
  ['a', 'b', 'c', 'd', 'e', 'f'],
  [1],
  [(x: unknown) => x],
  [F.col('a'), 1],
];

/** Names whose result is not a function call of its own, probed by hand. */
const API_ONLY: Readonly<Record<string, string>> = {
  broadcast: 'a DataFrame hint (df.hint("broadcast"))',
  call_function: 'calls the named builtin or registered function',
};

/** Partition transforms: valid only in `writeTo(...).partitionedBy(...)`, which only Spark evaluates. */
const PARTITION_TRANSFORMS = new Set(['years', 'months', 'days', 'hours', 'bucket']);

/** The registry function a Column's expression calls (under aliases and casts), or undefined for plain API expressions. */
function calledFunction(e: Expr): string | undefined {
  switch (e.kind) {
    case 'Alias':
    case 'Cast':
    case 'SortOrder':
      return calledFunction(e.child);
    case 'WindowExpr':
      return calledFunction(e.fn);
    case 'Call':
      return e.fn;
    default:
      return undefined;
  }
}

interface Status {
  readonly name: string;
  readonly memory: string;
  readonly polars: string;
  readonly connect: string;
  readonly notes: string;
}

function probe(name: string): { kind: 'stub' } | { kind: 'api' } | { kind: 'call'; fn: string } | { kind: 'error'; message: string } {
  const exported = (F as Record<string, unknown>)[name];
  if (typeof exported !== 'function') return { kind: 'error', message: 'not exported' };
  if ((stubs as Record<string, unknown>)[name] === exported) return { kind: 'stub' };
  if (API_ONLY[name]) return { kind: 'api' };
  let last = '';
  for (const args of TRIALS) {
    try {
      let out = (exported as (...a: unknown[]) => unknown)(...args);
      // udf() returns a UDF: its call is the Column.
      if (typeof out === 'function') out = (out as (...a: unknown[]) => unknown)('a');
      if (out instanceof Column) {
        const fn = calledFunction(out.expr);
        return fn ? { kind: 'call', fn } : { kind: 'api' };
      }
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
  }
  return { kind: 'error', message: last };
}

const clean = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function functionStatuses(names: readonly string[]): Status[] {
  return names.map((name): Status => {
    const jvm = JVM_ONLY_FUNCTIONS[name];
    const python = PYTHON_ONLY_FUNCTIONS[name];
    const connectLimit = CONNECT_LIMITATIONS[name];
    const p = probe(name);
    const connect = connectLimit ? `no: ${connectLimit}` : p.kind === 'stub' || python ? 'no' : 'yes';
    if (python) return { name, memory: 'no', polars: 'no', connect: 'no', notes: `Python-only: ${python}` };
    const helper = PYSPARK_HELPERS[name];
    if (helper && p.kind !== 'stub') return { name, memory: 'yes', polars: 'yes', connect: 'yes', notes: helper };
    if (PARTITION_TRANSFORMS.has(name)) {
      return { name, memory: 'no', polars: 'no', connect: 'yes', notes: 'partition transform: only in writeTo().partitionedBy, sent to Spark on connect; an analysis error in a query' };
    }
    if (jvm) return { name, memory: 'no', polars: 'no', connect: p.kind === 'stub' ? 'no' : 'yes', notes: `needs a JVM: ${jvm}` };
    switch (p.kind) {
      case 'stub':
        return { name, memory: 'no', polars: 'no', connect: 'no', notes: 'not implemented yet (NotImplementedException)' };
      case 'api':
        return { name, memory: 'yes', polars: 'yes', connect, notes: API_ONLY[name] ?? 'column API (no function call of its own)' };
      case 'error':
        return { name, memory: '?', polars: '?', connect: '?', notes: `could not be probed: ${clean(p.message).slice(0, 120)}` };
      case 'call': {
        if (!hasFunction(p.fn)) return { name, memory: 'no', polars: 'no', connect, notes: `calls unregistered \`${p.fn}\`` };
        const memory = hasImpl(p.fn) ? 'yes' : 'no';
        const pf = lookupPolarsFunction(p.fn);
        const polars = !pf || pf.delegated ? 'delegated' : 'native';
        const why = pf?.delegated ? clean(String(pf.delegated)) : !pf ? 'no Polars lowering' : '';
        const via = p.fn !== name ? `runs as \`${p.fn}\`` : '';
        return { name, memory, polars, connect, notes: [via, why && `Polars delegates: ${why}`].filter(Boolean).join('; ') };
      }
    }
  });
}

export function readFunctionNames(): string[] {
  return readFileSync(join(ROOT, 'fixtures/reference/pyspark-3.5-functions.txt'), 'utf8')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function renderFunctionsPage(): string {
  const rows = functionStatuses(readFunctionNames());
  const count = (pred: (s: Status) => boolean): number => rows.filter(pred).length;
  const lines = [
    '# Functions parity: PySpark 3.5 `pyspark.sql.functions`',
    '',
    '<!-- Generated by `npm run docs:functions` (scripts/functions-page.ts); do not edit by hand. -->',
    '',
    `Every one of the ${rows.length} names of PySpark 3.5's \`pyspark.sql.functions\`, with its status per backend:`,
    '',
    '- **memory**: the TypeScript interpreter (`yes`, or `no`: the function throws `NotImplementedException`);',
    '- **polars**: `native` (a Polars lowering computing exactly Spark\'s answer) or `delegated` (the node runs in the interpreter, reason given);',
    '- **connect**: sent to Spark through Spark Connect (`yes`), or why not.',
    '',
    `Summary: ${count((s) => s.memory === 'yes')} work locally (${count((s) => s.polars === 'native')} native on Polars, ${count((s) => s.polars === 'delegated')} delegated), ` +
      `${count((s) => s.notes.startsWith('not implemented'))} not implemented yet, ${count((s) => s.notes.startsWith('needs a JVM'))} need a JVM, ` +
      `${count((s) => s.notes.startsWith('Python-only'))} are Python-only.`,
    '',
    '| function | memory | polars | connect | notes |',
    '|---|---|---|---|---|',
    ...rows.map((s) => `| \`${s.name}\` | ${s.memory} | ${s.polars} | ${s.connect} | ${s.notes} |`),
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(PAGE_PATH, renderFunctionsPage());
  console.log(`wrote ${PAGE_PATH}`);
}
