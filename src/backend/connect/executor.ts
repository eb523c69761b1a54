/**
 * The session-level seam for Spark Connect: where a local session analyzes,
 * optimizes and materializes a resolved plan, a connect session sends the
 * user's unresolved plan to Spark and lets Spark do all of that. Every action
 * has a synchronous form (same API as the local backends) and an awaitable
 * twin for code that must not block the event loop.
 */
import type { Batch } from '../../data/batch.js';
import type { LogicalPlan } from '../../plan/nodes.js';
import { newPlanId } from '../../plan/nodes.js';
import type { StructType } from '../../types/data-types.js';
import { parseConnectAddress } from './address.js';
import { arrowBatchesToBatch } from './arrow-results.js';
import { SparkConnectClient, type ExecuteResult } from './client.js';
import { fromProtoSchema } from './data-type.js';
import { relationMessage } from './plan/relations.js';
import { valueLiteralMessage } from './plan/literals.js';
import type { Msg } from './proto/codec.js';

export type ExplainMode = 'simple' | 'extended' | 'codegen' | 'cost' | 'formatted';
const EXPLAIN_MODES: Record<ExplainMode, number> = { simple: 1, extended: 2, codegen: 3, cost: 4, formatted: 5 };

export class ConnectExecutor {
  readonly #client: SparkConnectClient;
  readonly #schemas = new WeakMap<LogicalPlan, StructType>();
  /** Settings not sent yet: they go in one Config call before the next request, so creating a session makes none. */
  #pendingConf: { key: string; value: string }[] = [];
  /** Relations this session persisted: Spark's cache is server-wide, so they are released when the session stops. */
  readonly #persisted: Msg[] = [];
  #version: string | undefined;

  constructor(url: string, timeoutMs?: number) {
    this.#client = new SparkConnectClient(parseConnectAddress(url), timeoutMs);
  }

  /** The client, with any pending settings sent first. */
  get client(): SparkConnectClient {
    if (this.#pendingConf.length > 0) {
      const pairs = this.#pendingConf;
      this.#pendingConf = [];
      this.#client.config({ set: { pairs } });
    }
    return this.#client;
  }

  /** @internal Records a persisted relation, to release it when the session stops. */
  trackPersisted(relation: Msg): void {
    this.#persisted.push(relation);
  }

  get url(): string {
    return this.#client.address.url;
  }

  /** Runs the plan and returns every row. */
  collect(p: LogicalPlan): Batch {
    return toBatch(this.client.execute({ root: relationMessage(p) }));
  }

  async collectAsync(p: LogicalPlan): Promise<Batch> {
    return toBatch(await this.client.executeAsync({ root: relationMessage(p) }));
  }

  /** Spark's analyzed schema of the plan (AnalyzePlan), kept per plan node. */
  schema(p: LogicalPlan): StructType {
    const hit = this.#schemas.get(p);
    if (hit) return hit;
    const r = this.client.analyze({ schema: { plan: { root: relationMessage(p) } } });
    const schema = fromProtoSchema((r['schema'] as Msg)['schema'] as Msg);
    this.#schemas.set(p, schema);
    return schema;
  }

  /** Spark's own `show()` text (the ShowString relation). */
  showString(p: LogicalPlan, numRows: number, truncate: number, vertical: boolean): string {
    return String(firstCell(toBatch(this.client.execute(showStringPlan(p, numRows, truncate, vertical))), ''));
  }

  async showStringAsync(p: LogicalPlan, numRows: number, truncate: number, vertical: boolean): Promise<string> {
    return String(firstCell(toBatch(await this.client.executeAsync(showStringPlan(p, numRows, truncate, vertical))), ''));
  }

  /** Spark's `printSchema()` tree. */
  treeString(p: LogicalPlan, level?: number): string {
    const r = this.client.analyze({ tree_string: { plan: { root: relationMessage(p) }, ...(level !== undefined ? { level } : {}) } });
    return String((r['tree_string'] as Msg)['tree_string']);
  }

  explain(p: LogicalPlan, mode: ExplainMode): string {
    const r = this.client.analyze({ explain: { plan: { root: relationMessage(p) }, explain_mode: EXPLAIN_MODES[mode] } });
    return String((r['explain'] as Msg)['explain_string']).replace(/\n$/, '');
  }

  count(p: LogicalPlan): number {
    return Number(firstCell(toBatch(this.client.execute(countPlan(p))), 0));
  }

  async countAsync(p: LogicalPlan): Promise<number> {
    return Number(firstCell(toBatch(await this.client.executeAsync(countPlan(p))), 0));
  }

  /**
   * `spark.sql`: runs it as a SQL command, as PySpark does, so DDL and DML
   * happen at once; the result is the relation Spark returns for it.
   */
  sql(query: string, args?: Readonly<Record<string, unknown>> | readonly unknown[]): Msg {
    const params = sqlArgs(args);
    const r = this.client.execute({ command: { sql_command: { sql: query, ...params } } });
    return r.sqlCommandResult ?? { sql: { query, ...params } };
  }

  /** A command with no result rows (create view, write, ...). */
  command(command: Msg): void {
    this.client.execute({ command });
  }

  /** Spark's version string, e.g. `3.5.7` (asked once: a server's version does not change under a session). */
  version(): string {
    if (this.#version === undefined) {
      const r = this.client.analyze({ spark_version: {} });
      this.#version = String((r['spark_version'] as Msg)['version']);
    }
    return this.#version;
  }

  setConf(key: string, value: string): void {
    this.#pendingConf = [...this.#pendingConf.filter((p) => p.key !== key), { key, value }];
  }

  unsetConf(key: string): void {
    this.client.config({ unset: { keys: [key] } });
  }

  /** The server's value, or undefined when the key has none. */
  getConf(key: string): string | undefined {
    const r = this.client.config({ get_option: { keys: [key] } });
    const pair = ((r['pairs'] as Msg[] | undefined) ?? [])[0];
    return pair?.['value'] as string | undefined;
  }

  /** Releases what this session cached on the server (best effort: the server may be gone). */
  close(): void {
    for (const relation of this.#persisted.splice(0)) {
      try {
        this.#client.analyze({ unpersist: { relation, blocking: false } });
      } catch {
        // Nothing to release on a server that is not there.
      }
    }
    this.#client.close();
  }
}

function toBatch(r: ExecuteResult): Batch {
  return arrowBatchesToBatch(r.arrowBatches, r.schema ? fromProtoSchema(r.schema) : undefined);
}

/** Named (`:name`) or positional (`?`) parameters as typed literals, never spliced into the text. */
function sqlArgs(args: Readonly<Record<string, unknown>> | readonly unknown[] | undefined): Msg {
  if (args === undefined) return {};
  if (Array.isArray(args)) return { pos_args: args.map(valueLiteralMessage) };
  return { args: Object.fromEntries(Object.entries(args).map(([k, v]) => [k, valueLiteralMessage(v)])) };
}

function firstCell(batch: Batch, fallback: unknown): unknown {
  return batch.columns[0]?.[0] ?? fallback;
}

/** `show()` as the ShowString relation over the plan. */
function showStringPlan(p: LogicalPlan, numRows: number, truncate: number, vertical: boolean): Msg {
  return { root: { common: { plan_id: newPlanId() }, show_string: { input: relationMessage(p), num_rows: numRows, truncate, vertical } } };
}

/** `count()` as PySpark's Connect client sends it: an aggregate of count(1) over the plan. */
function countPlan(p: LogicalPlan): Msg {
  const countCall = { unresolved_function: { function_name: 'count', arguments: [{ literal: { integer: 1 } }] } };
  return { root: { common: { plan_id: newPlanId() }, aggregate: { input: relationMessage(p), group_type: 1, aggregate_expressions: [countCall] } } };
}
