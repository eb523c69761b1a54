/**
 * `npx sparkless` (src/cli): `sql` prints show() output of a query over files,
 * `functions` the parity status read from the functions namespace, the
 * registry and the Polars table. The packaging test runs the installed binary.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SparkSession } from '../../src/index.js';
import * as stubs from '../../src/functions/not-implemented.js';
import * as F from '../../src/functions/index.js';
import { runCli } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'sparkless-cli-'));
const file = join(dir, 'people.parquet');

beforeAll(() => {
  const spark = new SparkSession('cli-test', { backendType: 'memory' });
  spark.createDataFrame([{ name: 'Ann', age: 30 }, { name: 'Bo', age: 9 }], 'name STRING, age INT').write.parquet(file);
  spark.stop();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The first query loads a backend (Polars' native binding): seconds on a busy machine.
describe('sparkless sql', { timeout: 30_000 }, () => {
  it.each(['memory', 'polars', 'auto'])('prints show() output of a query over a Parquet file (--backend %s)', (backend) => {
    const r = runCli(['sql', `SELECT name, age + 1 FROM parquet.\`${file}\` ORDER BY age DESC`, '--backend', backend]);
    expect(r).toEqual({ code: 0, err: '', out: '+----+---------+\n|name|(age + 1)|\n+----+---------+\n| Ann|       31|\n|  Bo|       10|\n+----+---------+\n' });
  });

  it('passes -n, --truncate and --vertical to show()', () => {
    const q = `SELECT name FROM parquet.\`${file}\` ORDER BY name`;
    expect(runCli(['sql', q, '-n', '1']).out).toBe('+----+\n|name|\n+----+\n| Ann|\n+----+\nonly showing top 1 row\n');
    expect(runCli(['sql', q, '--truncate', '2', '-n', '1']).out).toBe('+----+\n|name|\n+----+\n|  An|\n+----+\nonly showing top 1 row\n');
    expect(runCli(['sql', q, '--vertical']).out).toBe('-RECORD 0---\n name | Ann \n-RECORD 1---\n name | Bo  \n');
  });

  it('prints a Spark error as its class and message, exit code 1', () => {
    const missing = join(dir, 'nope.parquet');
    expect(runCli(['sql', `SELECT * FROM parquet.\`${missing}\``])).toEqual({
      code: 1,
      out: '',
      err: `AnalysisException: [PATH_NOT_FOUND] Path does not exist: file:${missing}.\n`,
    });
  });

  it.each([
    [['sql'], 'sql needs a query'],
    [['sql', 'SELECT 1', '-n', 'x'], '-n takes a number of rows, got x'],
    [['sql', 'SELECT 1', '--backend', 'spark'], '--backend takes one of memory, polars, auto, got spark'],
    [['sql', 'SELECT 1', '--wat'], 'unknown option --wat'],
    [['sql', 'SELECT 1', 'SELECT 2'], 'one query expected, got another argument: SELECT 2'],
    [['frobnicate'], 'unknown command frobnicate'],
  ])('rejects %j with usage, exit code 2', (argv, message) => {
    const r = runCli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^sparkless: ${message.replace(/[-.]/g, '\\$&')}\n\nUsage:`));
  });
});

describe('sparkless functions', () => {
  const names = Object.keys(F);
  const stubbed = Object.keys(stubs).length;

  it('lists every PySpark function with its status, after a count', () => {
    const r = runCli(['functions']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`${names.length} PySpark functions: ${names.length - stubbed} implemented, ${stubbed} not implemented.`);
    const rows = lines.filter((l) => /^\|[a-z]/i.test(l)).slice(1); // the header row first
    expect(rows).toHaveLength(names.length);
  });

  it('prints one function: kind, arity and how Polars runs it', () => {
    expect(runCli(['functions', 'upper']).out).toBe(
      '+-----+-----------+------+----+------+----+\n|name |status     |kind  |args|polars|note|\n+-----+-----------+------+----+------+----+\n|upper|implemented|scalar|1   |native|NULL|\n+-----+-----------+------+----+------+----+\n',
    );
    const stub = Object.keys(stubs)[0];
    if (stub) expect(runCli(['functions', stub]).out).toMatch(new RegExp(`\\|${stub}\\|not implemented\\|NULL\\|NULL\\|NULL\\s*\\|throws NotImplementedException\\|`));
    expect(runCli(['functions', 'sum']).out).toMatch(/\|sum \|implemented\|aggregate\|1 {3}\|native\|NULL\|/);
    expect(runCli(['functions', 'chr']).out).toMatch(/\|chr \|SQL only\|scalar\|1 {3}\|interpreter\|no functions\.chr: a SQL function or an operator\|/);
  });

  it('an unknown name is exit code 1', () => {
    expect(runCli(['functions', 'nosuch'])).toEqual({ code: 1, out: '', err: 'nosuch is not a PySpark 3.5 function nor a Spark SQL function sparkless knows.\n' });
  });
});
