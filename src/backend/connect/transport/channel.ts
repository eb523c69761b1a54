/**
 * A gRPC channel whose calls can be synchronous.
 *
 * sparkless actions are synchronous on every backend (`df.collect()` returns
 * rows, not a promise), so the same test suites run everywhere. A Spark
 * Connect call is network I/O, which Node only does asynchronously; the
 * channel runs it on a worker thread and blocks this thread on
 * `Atomics.wait` until the worker posts the answer (the technique of
 * `synckit`). Every call has a deadline, and the wait has its own time limit
 * on top, so a dead worker or server can never hang the caller.
 *
 * The async twin (`callAsync`) uses the same worker without blocking, for
 * production code that must keep the event loop free.
 */
import { createRequire } from 'node:module';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { IllegalArgumentException } from '../../../errors/index.js';
import { GRPC_WORKER_SOURCE } from './worker-source.js';

export interface CallOptions {
  /** Full method path, e.g. `/spark.connect.SparkConnectService/ExecutePlan`. */
  readonly method: string;
  readonly request: Uint8Array;
  /** Server-streaming call: every response message is returned, in order. */
  readonly streaming: boolean;
  readonly timeoutMs: number;
  /** Extra gRPC metadata (e.g. an `authorization` bearer token). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A failed call, as gRPC reported it. */
export interface GrpcFailure {
  readonly code: number;
  readonly details: string;
  /** The `grpc-status-details-bin` trailer (a `google.rpc.Status`), when sent. */
  readonly statusDetails?: Uint8Array;
}

export type CallResult = { readonly ok: true; readonly responses: Uint8Array[] } | { readonly ok: false; readonly error: GrpcFailure };

/** gRPC status code for a deadline that passed (also used when the worker does not answer). */
export const DEADLINE_EXCEEDED = 4;
/** Time the blocked thread waits beyond the call's own deadline before giving up on the worker. */
const WAIT_MARGIN_MS = 5_000;

const shared = new Map<string, GrpcChannel>();

export class GrpcChannel {
  /**
   * The process-wide channel to `address`: sessions (one per test, say) share
   * its worker and connection, each with its own server-side session id.
   */
  static shared(address: string): GrpcChannel {
    let c = shared.get(address);
    if (!c) {
      c = new GrpcChannel(address);
      shared.set(address, c);
    }
    return c;
  }

  /** Closes every shared channel (their workers stop; later calls start new ones). */
  static closeShared(): void {
    for (const c of shared.values()) c.close();
    shared.clear();
  }

  readonly #address: string;
  #worker: Worker | undefined;
  #syncPort: MessagePort | undefined;
  #nextId = 1;
  readonly #pending = new Map<number, (r: CallResult) => void>();

  /** `address` is `host:port`. The worker starts on the first call. */
  constructor(address: string) {
    this.#address = address;
  }

  get address(): string {
    return this.#address;
  }

  /** Runs one call, blocking this thread until it completes or times out. */
  call(options: CallOptions): CallResult {
    const worker = this.#start();
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const id = this.#nextId++;
    worker.postMessage({ ...this.#message(options), id, flag: flag.buffer });
    const waited = Atomics.wait(flag, 0, 0, options.timeoutMs + WAIT_MARGIN_MS);
    const answer = receiveMessageOnPort(this.#syncPort!)?.message as (CallResult & { id: number }) | undefined;
    if (waited === 'timed-out' || !answer) {
      // The worker may still be stuck in the call: start a fresh one next time.
      this.close();
      return { ok: false, error: { code: DEADLINE_EXCEEDED, details: `no answer within ${options.timeoutMs} ms` } };
    }
    return answer;
  }

  /** The same call without blocking the event loop. */
  callAsync(options: CallOptions): Promise<CallResult> {
    const worker = this.#start();
    const id = this.#nextId++;
    return new Promise<CallResult>((resolve) => {
      // Listen (which keeps the process alive) only while an awaited call is in flight.
      if (this.#pending.size === 0) worker.on('message', this.#onMessage);
      const timer = setTimeout(() => settle({ ok: false, error: { code: DEADLINE_EXCEEDED, details: `no answer within ${options.timeoutMs} ms` } }), options.timeoutMs + WAIT_MARGIN_MS);
      const settle = (r: CallResult): void => {
        clearTimeout(timer);
        if (!this.#pending.delete(id)) return;
        if (this.#pending.size === 0) worker.off('message', this.#onMessage);
        resolve(r);
      };
      this.#pending.set(id, settle);
      worker.postMessage({ ...this.#message(options), id });
    });
  }

  /** Stops the worker (open async calls fail); the next call starts a new one. */
  close(): void {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#syncPort?.close();
    this.#syncPort = undefined;
    for (const settle of [...this.#pending.values()]) settle({ ok: false, error: { code: 1, details: 'the channel was closed' } });
    if (worker) void worker.terminate();
  }

  readonly #onMessage = (m: CallResult & { id: number }): void => this.#pending.get(m.id)?.(m);

  #message(o: CallOptions): Record<string, unknown> {
    return { address: this.#address, method: o.method, request: o.request, streaming: o.streaming, timeoutMs: o.timeoutMs, headers: o.headers ?? {} };
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(GRPC_WORKER_SOURCE, {
      eval: true,
      workerData: { grpcPath: resolveGrpc(), syncPort: port2 },
      transferList: [port2],
    });
    // Neither the worker nor its ports may keep the process alive: a synchronous call waits by itself.
    worker.unref();
    port1.unref();
    worker.on('error', (e) => {
      for (const settle of [...this.#pending.values()]) settle({ ok: false, error: { code: 13, details: `gRPC worker failed: ${e.message}` } });
    });
    this.#worker = worker;
    this.#syncPort = port1;
    return worker;
  }
}

/** Where `@grpc/grpc-js` is, from this package's point of view; a clear error when it is not installed. */
function resolveGrpc(): string {
  try {
    return createRequire(import.meta.url).resolve('@grpc/grpc-js');
  } catch {
    throw new IllegalArgumentException(
      "The Spark Connect backend needs the package '@grpc/grpc-js' (an optional peer dependency): npm i @grpc/grpc-js @bufbuild/protobuf",
      { errorClass: 'CONNECT_MISSING_PACKAGE' },
    );
  }
}
