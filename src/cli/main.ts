/**
 * `npx sparkless`: SQL over files and the functions' parity status.
 *
 *   sparkless sql "SELECT * FROM parquet.`data/people.parquet`" [-n 20] [--truncate false] [--backend memory]
 *   sparkless functions [name]
 *
 * Output is what `show()` prints; errors print as `ErrorClass: message` (exit 1).
 */
import { SparkSession } from '../session/session.js';
import { SparklessError } from '../errors/base.js';
import type { BackendType } from '../backend/protocols.js';
import { functionStatus, pysparkFunctionNames } from './functions-status.js';

export const USAGE = `Usage:
  sparkless sql "<query>" [-n ROWS] [--truncate true|false|N] [--vertical] [--backend memory|polars|auto]
      Runs Spark SQL and prints show() output. Files are tables: SELECT * FROM parquet.\`path\`
      (also csv.\`path\` and json.\`path\`).
  sparkless functions [name]
      The parity status of PySpark's functions (all of them, or one).
`;

/** What a run prints, and its exit code (the CLI's whole behaviour, testable without a process). */
export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

class UsageError extends Error {}

interface SqlOptions {
  n: number;
  truncate: boolean | number;
  vertical: boolean;
  backend: BackendType;
}

const BACKENDS: readonly string[] = ['memory', 'polars', 'auto'];

function parseSqlArgs(args: readonly string[]): { query: string; opts: SqlOptions } {
  const opts: SqlOptions = { n: 20, truncate: true, vertical: false, backend: 'auto' };
  let query: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '-n' || a === '--rows') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) throw new UsageError(`${a} takes a number of rows, got ${args[i]}`);
      opts.n = n;
    } else if (a === '--truncate') {
      const v = value();
      const n = Number(v);
      if (v === 'true' || v === 'false') opts.truncate = v === 'true';
      else if (Number.isInteger(n) && n >= 0) opts.truncate = n;
      else throw new UsageError(`--truncate takes true, false or a width, got ${v}`);
    } else if (a === '--vertical') {
      opts.vertical = true;
    } else if (a === '--backend') {
      const v = value();
      if (!BACKENDS.includes(v)) throw new UsageError(`--backend takes one of ${BACKENDS.join(', ')}, got ${v}`);
      opts.backend = v as BackendType;
    } else if (a.startsWith('-')) {
      throw new UsageError(`unknown option ${a}`);
    } else if (query === undefined) {
      query = a;
    } else {
      throw new UsageError(`one query expected, got another argument: ${a}`);
    }
  }
  if (query === undefined) throw new UsageError('sql needs a query');
  return { query, opts };
}

function runSql(args: readonly string[]): string {
  const { query, opts } = parseSqlArgs(args);
  const spark = new SparkSession('sparkless-cli', { backendType: opts.backend });
  try {
    return spark.sql(query).showString(opts.n, opts.truncate, opts.vertical);
  } finally {
    spark.stop();
  }
}

function runFunctions(args: readonly string[]): CliResult {
  if (args.length > 1) throw new UsageError('functions takes at most one name');
  const spark = new SparkSession('sparkless-cli', { backendType: 'memory' });
  try {
    const names = args.length === 1 ? [args[0]!] : pysparkFunctionNames();
    const rows = names.map((n) => functionStatus(n));
    if (rows[0] === undefined) return { code: 1, out: '', err: `${args[0]} is not a PySpark 3.5 function nor a Spark SQL function sparkless knows.\n` };
    const df = spark.createDataFrame(rows, 'name STRING, status STRING, kind STRING, args STRING, polars STRING, note STRING');
    const counts = names.length === 1 ? '' : summary(rows as { status: string }[]);
    return { code: 0, out: counts + df.showString(names.length, false), err: '' };
  } finally {
    spark.stop();
  }
}

function summary(rows: readonly { status: string }[]): string {
  const count = (s: string): number => rows.filter((r) => r.status === s).length;
  return `${rows.length} PySpark functions: ${count('implemented')} implemented, ${count('not implemented')} not implemented.\n`;
}

/** Runs the CLI on its arguments (without `node` and the script). */
export function runCli(argv: readonly string[]): CliResult {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'sql':
        return { code: 0, out: runSql(rest), err: '' };
      case 'functions':
        return runFunctions(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        return { code: command === undefined ? 1 : 0, out: command === undefined ? '' : USAGE, err: command === undefined ? USAGE : '' };
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, out: '', err: `sparkless: ${e.message}\n\n${USAGE}` };
    if (SparklessError.isSparklessError(e)) return { code: 1, out: '', err: `${String(e)}\n` };
    throw e;
  }
}
