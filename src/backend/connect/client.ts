/**
 * One server-side Spark Connect session: the RPCs sparkless needs
 * (ExecutePlan, AnalyzePlan, Config), each encoded with our message schema,
 * sent over the gRPC worker channel with a deadline, and decoded. Errors from
 * the server become sparkless's typed exceptions (./errors.ts).
 */
import { randomUUID } from 'node:crypto';
import type { ConnectAddress } from './address.js';
import { connectionError, serverError } from './errors.js';
import { decodeMessage, encodeMessage, type Msg } from './proto/codec.js';
import { GrpcChannel, type CallOptions, type CallResult } from './transport/channel.js';

const SERVICE = '/spark.connect.SparkConnectService';
export const CLIENT_TYPE = 'sparkless';
/** Default per-call time limit; `spark.sparkless.connect.timeoutMs` overrides it. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 120_000;

/** What an ExecutePlan stream returned, in order. */
export interface ExecuteResult {
  /** Arrow IPC streams (each a schema and record batches). */
  readonly arrowBatches: Uint8Array[];
  /** The result schema (`spark.connect.DataType`), when the server sent it. */
  readonly schema?: Msg;
  /** For SQL commands: the relation to use as the result DataFrame. */
  readonly sqlCommandResult?: Msg;
}

export class SparkConnectClient {
  readonly sessionId: string;
  readonly address: ConnectAddress;
  timeoutMs: number;
  readonly #channel: GrpcChannel;
  readonly #headers: Record<string, string>;

  constructor(address: ConnectAddress, timeoutMs = DEFAULT_CONNECT_TIMEOUT_MS) {
    this.address = address;
    this.timeoutMs = timeoutMs;
    this.sessionId = address.sessionId ?? randomUUID();
    this.#channel = GrpcChannel.shared(`${address.host}:${address.port}`);
    this.#headers = address.token ? { authorization: `Bearer ${address.token}` } : {};
  }

  #base(): Msg {
    return { session_id: this.sessionId, user_context: { user_id: this.address.userId }, client_type: CLIENT_TYPE };
  }

  /** Runs a plan (`{ root: Relation }` or `{ command: Command }`) and collects the whole response stream. */
  execute(plan: Msg): ExecuteResult {
    return collectExecute(this.#check('ExecutePlan', this.#channel.call(this.#executeCall(plan))));
  }

  async executeAsync(plan: Msg): Promise<ExecuteResult> {
    return collectExecute(this.#check('ExecutePlan', await this.#channel.callAsync(this.#executeCall(plan))));
  }

  /** One AnalyzePlan sub-request, e.g. `{ schema: { plan } }`; returns the response message. */
  analyze(request: Msg): Msg {
    const r = this.#check('AnalyzePlan', this.#channel.call(this.#unary('AnalyzePlan', 'spark.connect.AnalyzePlanRequest', request)));
    return decodeMessage('spark.connect.AnalyzePlanResponse', r[0]!);
  }

  async analyzeAsync(request: Msg): Promise<Msg> {
    const r = this.#check('AnalyzePlan', await this.#channel.callAsync(this.#unary('AnalyzePlan', 'spark.connect.AnalyzePlanRequest', request)));
    return decodeMessage('spark.connect.AnalyzePlanResponse', r[0]!);
  }

  /** One Config operation, e.g. `{ set: { pairs: [{ key, value }] } }`. */
  config(operation: Msg): Msg {
    const r = this.#check('Config', this.#channel.call(this.#unary('Config', 'spark.connect.ConfigRequest', { operation })));
    return decodeMessage('spark.connect.ConfigResponse', r[0]!);
  }

  /** Ends this client's use of the server. The shared channel stays for other sessions (its worker never keeps the process alive). */
  close(): void {}

  #executeCall(plan: Msg): CallOptions {
    return {
      method: `${SERVICE}/ExecutePlan`,
      request: encodeMessage('spark.connect.ExecutePlanRequest', { ...this.#base(), plan, operation_id: randomUUID() }),
      streaming: true,
      timeoutMs: this.timeoutMs,
      headers: this.#headers,
    };
  }

  #unary(rpc: string, type: string, body: Msg): CallOptions {
    return {
      method: `${SERVICE}/${rpc}`,
      request: encodeMessage(type, { ...this.#base(), ...body }),
      streaming: false,
      timeoutMs: this.timeoutMs,
      headers: this.#headers,
    };
  }

  #check(rpc: string, r: CallResult): Uint8Array[] {
    if (r.ok) return r.responses;
    throw isConnectionFailure(r.error.code) ? connectionError(this.address, rpc, r.error, this.timeoutMs) : serverError(r.error);
  }
}

/** UNAVAILABLE (14) and DEADLINE_EXCEEDED (4) without server details mean the server was not reached in time. */
function isConnectionFailure(code: number): boolean {
  return code === 14 || code === 4;
}

function collectExecute(responses: readonly Uint8Array[]): ExecuteResult {
  const arrowBatches: Uint8Array[] = [];
  let schema: Msg | undefined;
  let sqlCommandResult: Msg | undefined;
  for (const bytes of responses) {
    const r = decodeMessage('spark.connect.ExecutePlanResponse', bytes);
    const batch = r['arrow_batch'] as Msg | undefined;
    if (batch?.['data']) arrowBatches.push(batch['data'] as Uint8Array);
    if (r['schema']) schema = r['schema'] as Msg;
    const sql = r['sql_command_result'] as Msg | undefined;
    if (sql?.['relation']) sqlCommandResult = sql['relation'] as Msg;
  }
  return { arrowBatches, ...(schema ? { schema } : {}), ...(sqlCommandResult ? { sqlCommandResult } : {}) };
}
