/**
 * The connect client against a fake Spark Connect server (support/fake-server.mjs)
 * in a child process: result streams, errors as Spark reports them, a server
 * that never answers, a refused address, and non-blocking collectAsync. The
 * server replays bytes prepared here with our codec and apache-arrow; no Spark
 * or Java is needed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SparkConnectGrpcException } from '../../../src/backend/connect/errors.js';
import { encodeMessage } from '../../../src/backend/connect/proto/codec.js';
import { GrpcChannel } from '../../../src/backend/connect/transport/channel.js';
import { AnalysisException, ExecutionException, ParseException } from '../../../src/errors/index.js';
import { F, SparkSession, type DataFrame } from '../../../src/index.js';
import {
  WIDE_DDL,
  WIDE_ROWS,
  WIDE_SPARK_SCHEMA,
  b64,
  emptyArrowStream,
  frame,
  sparkError,
  wideArrowRows,
  wideArrowStream,
} from './support/fake-responses.js';

const SERVER = fileURLToPath(new URL('./support/fake-server.mjs', import.meta.url));
const UNRESOLVED =
  '[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `nope` cannot be resolved. Did you mean one of the following? [`id`].;\n' +
  "'Project ['nope]\n+- Range (0, 1, step=1, splits=Some(2))\n";
const ANALYSIS_CLASSES = ['org.apache.spark.sql.catalyst.ExtendedAnalysisException', 'org.apache.spark.sql.AnalysisException', 'java.lang.Exception'];

/** ExecutePlan scenarios, keyed by a marker the test puts in the plan (see `marked`). */
const EXECUTE = {
  'scenario:rows': {
    frames: [
      frame({ schema: WIDE_SPARK_SCHEMA }),
      frame({ arrow_batch: { row_count: 2, data: wideArrowStream(wideArrowRows(0, 2)) } }),
      frame({ arrow_batch: { row_count: 1, data: wideArrowStream(wideArrowRows(2, 3)) } }),
      frame({ metrics: {} }),
      frame({ result_complete: {} }),
    ],
  },
  'scenario:empty': { frames: [frame({ arrow_batch: { row_count: 0, data: emptyArrowStream() } }), frame({ result_complete: {} })] },
  'scenario:unresolved': { frames: [], error: sparkError(UNRESOLVED, ANALYSIS_CLASSES) },
  'scenario:parse': {
    frames: [],
    error: sparkError("[PARSE_SYNTAX_ERROR] Syntax error at or near ')'.(line 1, pos 4)\n\n== SQL ==\nid +)\n----^^^\n", [
      'org.apache.spark.sql.catalyst.parser.ParseException',
      'org.apache.spark.sql.AnalysisException',
    ]),
  },
  'scenario:divide': {
    frames: [frame({ schema: WIDE_SPARK_SCHEMA })],
    error: sparkError(
      '[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead.',
      ['org.apache.spark.SparkArithmeticException', 'java.lang.ArithmeticException', 'java.lang.RuntimeException'],
      { errorClass: 'DIVIDE_BY_ZERO' },
    ),
  },
  'scenario:hang': { hang: true },
  'scenario:slow': {
    delayMs: 400,
    frames: [frame({ schema: WIDE_SPARK_SCHEMA }), frame({ arrow_batch: { row_count: 3, data: wideArrowStream(wideArrowRows(0, 3)) } })],
  },
};

let server: ChildProcess | undefined;
let dir: string;
let url: string;
const sessions: SparkSession[] = [];

function session(conf: Record<string, string> = {}): SparkSession {
  const s = new SparkSession('fake', { backendType: 'connect', conf: { 'spark.remote': url, ...conf } });
  sessions.push(s);
  return s;
}

/** A one-row plan whose bytes carry `marker`, so the fake server picks that scenario. */
const marked = (spark: SparkSession, marker: keyof typeof EXECUTE): DataFrame => spark.range(1).select(F.lit(marker).alias('scenario'));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sparkless-fake-connect-'));
  const file = join(dir, 'scenarios.json');
  writeFileSync(
    file,
    JSON.stringify({
      Config: { response: b64(encodeMessage('spark.connect.ConfigResponse', { session_id: 'fake' })) },
      AnalyzePlan: { response: b64(encodeMessage('spark.connect.AnalyzePlanResponse', { session_id: 'fake', spark_version: { version: '3.5.7-fake' } })) },
      ExecutePlan: EXECUTE,
    }),
  );
  const child = spawn(process.execPath, [SERVER, file], { stdio: ['pipe', 'pipe', 'inherit'] });
  server = child;
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`fake server exited with ${code}`)));
    setTimeout(() => reject(new Error('fake server did not start in 10 s')), 10_000).unref();
  });
  url = `sc://127.0.0.1:${port}`;
}, 20_000);

afterAll(() => {
  for (const s of sessions) s.stop();
  GrpcChannel.closeShared();
  if (server?.pid !== undefined && server.exitCode === null) process.kill(server.pid);
  rmSync(dir, { recursive: true, force: true });
});

/** The same rows collected on the local (memory) backend: what a connect collect() must equal. */
function localRows(): unknown[] {
  const local = new SparkSession('local', { backendType: 'memory' });
  try {
    return local.createDataFrame(WIDE_ROWS, WIDE_DDL).collect();
  } finally {
    local.stop();
  }
}

describe('a fake Spark Connect server', () => {
  it('streams a result over several ExecutePlanResponse messages; collect() gives the local Rows', () => {
    const rows = marked(session(), 'scenario:rows').collect();
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(localRows());
    // Spot checks, so a shared misreading on both sides cannot pass.
    expect(rows[0]!.fields).toEqual(['id', 'v', 'v', 'd', 'dt', 'ts', 'arr', 'm', 'st']);
    expect(rows[0]!.toArray().slice(0, 6)).toEqual([2n ** 53n + 1n, 1, 'a', '12345678901234567.89', new Date(Date.UTC(2024, 1, 29)), new Date(Date.UTC(2024, 1, 29, 12, 30, 0, 5))]);
    expect(rows[1]!.toArray()).toEqual([null, null, null, null, null, null, null, null, null]);
    expect(rows[2]!.get(0)).toBe(-(2n ** 62n));
    expect(rows[2]!.get(3)).toBe('-0.05');
    expect(rows[0]!.get(7)).toEqual(new Map([['k', 7]]));
  });

  it('an empty result (a schema-only Arrow stream, no Spark schema message) gives no rows and the Arrow schema', () => {
    const spark = session();
    const df = marked(spark, 'scenario:empty');
    expect(df.collect()).toEqual([]);
    const batch = spark.remote!.collect(df.plan);
    expect(batch.numRows).toBe(0);
    // Names and types come from the Arrow schema (its nullability is not kept: every field reads as nullable).
    expect(batch.schema.fields.map((f) => `${f.name}:${f.dataType.simpleString()}`)).toEqual(['id:bigint', 'name:string']);
  });

  it('AnalyzePlan and Config answers are decoded (spark.version)', () => {
    expect(session().version).toBe('3.5.7-fake');
  });

  it('an analysis error becomes AnalysisException with Spark error class, the plan kept out of the message', () => {
    const err = catchError(() => marked(session(), 'scenario:unresolved').collect());
    expect(err).toBeInstanceOf(AnalysisException);
    expect(err).not.toBeInstanceOf(ParseException);
    const e = err as AnalysisException & { sparkPlan?: string; sparkExceptionClass?: string };
    expect(e.errorClass).toBe('UNRESOLVED_COLUMN.WITH_SUGGESTION');
    expect(e.message).toBe(
      '[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `nope` cannot be resolved. Did you mean one of the following? [`id`].',
    );
    expect(e.sparkPlan).toBe("'Project ['nope]\n+- Range (0, 1, step=1, splits=Some(2))");
    expect(e.sparkExceptionClass).toBe(ANALYSIS_CLASSES[0]);
  });

  it('a ParseException class becomes ParseException', () => {
    const err = catchError(() => marked(session(), 'scenario:parse').collect());
    expect(err).toBeInstanceOf(ParseException);
    expect((err as ParseException).errorClass).toBe('PARSE_SYNTAX_ERROR');
    expect((err as Error).message).toMatch(/^\[PARSE_SYNTAX_ERROR\] Syntax error at or near '\)'/);
  });

  it('a non-analysis class (after part of the stream arrived) becomes ExecutionException', () => {
    const err = catchError(() => marked(session(), 'scenario:divide').collect());
    expect(err).toBeInstanceOf(ExecutionException);
    expect((err as ExecutionException).errorClass).toBe('DIVIDE_BY_ZERO');
    expect((err as Error).message).toMatch(/^\[DIVIDE_BY_ZERO\] Division by zero\./);
  });

  it('a server that never answers fails with SparkConnectGrpcException within the configured time limit', () => {
    const spark = session({ 'spark.sparkless.connect.timeoutMs': '1500' });
    const df = marked(spark, 'scenario:hang');
    const started = Date.now();
    const err = catchError(() => df.collect());
    const elapsed = Date.now() - started;
    expect(err).toBeInstanceOf(SparkConnectGrpcException);
    expect((err as Error).message).toContain('no answer within 1500 ms');
    expect((err as Error).message).toContain(url);
    expect(elapsed).toBeGreaterThanOrEqual(1400);
    expect(elapsed).toBeLessThan(4000);
  });

  it('collectAsync waits without blocking the event loop', async () => {
    const df = marked(session(), 'scenario:slow');
    const events: string[] = [];
    const ticks = setInterval(() => events.push('tick'), 25);
    try {
      const pending = df.collectAsync().then((rows) => {
        events.push('rows');
        return rows;
      });
      expect(events).toEqual([]); // returned at once
      const rows = await pending;
      expect(rows).toEqual(localRows());
    } finally {
      clearInterval(ticks);
    }
    expect(events.indexOf('rows')).toBeGreaterThanOrEqual(5); // timers kept firing during the 400 ms wait
  });
});

describe('an address where nothing listens', () => {
  it('fails with SparkConnectGrpcException naming the address, quickly', async () => {
    const port = await freePort();
    const address = `sc://127.0.0.1:${port}`;
    const started = Date.now();
    const err = catchError(() => new SparkSession('refused', { backendType: 'connect', conf: { 'spark.remote': address } }).range(1).collect());
    expect(err).toBeInstanceOf(SparkConnectGrpcException);
    expect((err as SparkConnectGrpcException).errorClass).toBe('CONNECT_UNAVAILABLE');
    expect((err as Error).message).toContain(`Could not reach the Spark Connect server at ${address} (127.0.0.1:${port})`);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

function catchError(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

/** A port that was free a moment ago (bound, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
