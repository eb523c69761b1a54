/**
 * `df.observe(observation, ...aggregates)` and `Observation`: named
 * aggregate metrics of the rows at the observation point, available from
 * `observation.get` once an action has run on the observed DataFrame or one
 * built from it. sparkless computes them, right after that first action,
 * as an aggregate of the observed DataFrame (on connect, in Spark): the same
 * values Spark collects while the rows flow, except where the action reads
 * only part of the rows (e.g. after `limit`).
 */
import { PySparkTypeError, PySparkValueError } from '../errors/index.js';
import type { LogicalPlan } from '../plan/nodes.js';
import type { SparkSession } from '../session/session.js';
import { Column, typeName } from './column.js';
import type { DataFrame } from './dataframe.js';

interface Pending {
  readonly node: LogicalPlan;
  readonly fire: () => void;
}

const pendingBySession = new WeakMap<SparkSession, Pending[]>();

export class Observation {
  readonly name: string;
  #metrics: Record<string, unknown> | undefined;
  #used = false;

  constructor(name?: string) {
    if (name !== undefined && (typeof name !== 'string' || name === '')) {
      throw new PySparkValueError('`name` must be a non-empty string, got ' + String(name) + '.', {
        errorClass: 'VALUE_NOT_NON_EMPTY_STR',
        messageParameters: { arg_name: 'name', arg_value: String(name) },
      });
    }
    this.name = name ?? `observation-${Math.random().toString(16).slice(2)}`;
  }

  /** The metrics by name; an error until an action ran on the observed DataFrame. */
  get get(): Record<string, unknown> {
    if (!this.#used) {
      throw new PySparkValueError('Should observe by calling `DataFrame.observe` before `get`.', { errorClass: 'NO_OBSERVE_BEFORE_GET' });
    }
    if (!this.#metrics) {
      throw new PySparkValueError(`No action has run on the DataFrame observed by '${this.name}' yet: run one (collect, count, show, write) before reading its metrics.`, {
        errorClass: 'NO_ACTION_BEFORE_GET',
      });
    }
    return { ...this.#metrics };
  }

  /** @internal Binds this observation to a DataFrame (once, as in PySpark). */
  attach(): void {
    if (this.#used) {
      throw new PySparkValueError('An Observation can be used with a DataFrame only once.', { errorClass: 'REUSE_OBSERVATION' });
    }
    this.#used = true;
  }

  /** @internal */
  deliver(metrics: Record<string, unknown>): void {
    this.#metrics = metrics;
  }
}

/** `df.observe(...)`: a DataFrame that passes the rows through and records the observation point. */
export function observe(df: DataFrame, observation: Observation | string, exprs: readonly Column[]): DataFrame {
  if (!(observation instanceof Observation) && typeof observation !== 'string') {
    throw new PySparkTypeError(`Argument \`observation\` should be an Observation or a str, got ${typeName(observation)}.`, {
      errorClass: 'NOT_OBSERVATION_OR_STR',
      messageParameters: { arg_name: 'observation', arg_type: typeName(observation) },
    });
  }
  if (exprs.length === 0) throw new PySparkValueError('At least one metric expression is required.', { errorClass: 'CANNOT_BE_EMPTY', messageParameters: { item: 'exprs' } });
  for (const e of exprs) {
    if (!Column.isColumn(e)) {
      throw new PySparkTypeError(`Argument \`exprs\` should be a Column, got ${typeName(e)}.`, { errorClass: 'NOT_COLUMN', messageParameters: { arg_name: 'exprs', arg_type: typeName(e) } });
    }
  }
  // The metrics must be aggregates, as Spark's CollectMetrics requires: checked now by analyzing them.
  const metricsOf = (): DataFrame => df.agg(...exprs);
  // Locally, agg() analyzes at once: a non-aggregate metric fails here, at the call, as in Spark.
  if (!df.sparkSession.remote) metricsOf();
  const observed = df.select('*');
  if (observation instanceof Observation) {
    observation.attach();
    const session = df.sparkSession;
    const list = pendingBySession.get(session) ?? [];
    pendingBySession.set(session, list);
    list.push({
      node: observed.plan,
      fire: () => {
        const row = metricsOf().collect()[0];
        observation.deliver(row ? row.asDict(true) : {});
      },
    });
  }
  return observed;
}

function contains(p: LogicalPlan, node: LogicalPlan): boolean {
  if (p === node) return true;
  for (const v of Object.values(p)) {
    if (typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string' && typeof (v as { id?: unknown }).id === 'number') {
      if (contains(v as LogicalPlan, node)) return true;
    } else if (Array.isArray(v)) {
      for (const x of v) if (typeof x === 'object' && x !== null && typeof (x as { id?: unknown }).id === 'number' && contains(x as LogicalPlan, node)) return true;
    }
  }
  return false;
}

/** @internal Called by the session after running `p`: fills the observations `p` went through (first action only). */
export function notifyObservations(session: SparkSession, p: LogicalPlan): void {
  const list = pendingBySession.get(session);
  if (!list || list.length === 0) return;
  const hit = list.filter((o) => contains(p, o.node));
  if (hit.length === 0) return;
  pendingBySession.set(session, list.filter((o) => !hit.includes(o)));
  for (const o of hit) o.fire();
}
