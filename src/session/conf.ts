/**
 * `spark.conf`: string-valued runtime configuration with Spark's defaults
 * for the keys sparkless reads.
 */
import { AnalysisException, IllegalArgumentException } from '../errors/index.js';
import { tryGetZone } from '../types/timezone.js';
import { requireDefaultOfRemovedConf } from './removed-confs.js';
import { definePublicName } from '../util/public-name.js';

export const CONF = {
  appName: 'spark.app.name',
  master: 'spark.master',
  timeZone: 'spark.sql.session.timeZone',
  caseSensitive: 'spark.sql.caseSensitive',
  ansiEnabled: 'spark.sql.ansi.enabled',
  backend: 'spark.sparkless.backend',
  /** Spark Connect address (`sc://host:port`); selects the connect backend, as in PySpark. */
  remote: 'spark.remote',
  /** Time limit of each Spark Connect call, in milliseconds. */
  connectTimeoutMs: 'spark.sparkless.connect.timeoutMs',
  maxMemory: 'spark.sparkless.backend.maxMemory',
  allowDiskSpillover: 'spark.sparkless.backend.allowDiskSpillover',
  basePath: 'spark.sparkless.backend.basePath',
  warehouseDir: 'spark.sql.warehouse.dir',
  sequentialSumMaxRows: 'spark.sparkless.sql.sequentialSumMaxRows',
  /** Parquet library of the local backends: auto (Polars if its binding loads, else parquet-wasm), polars, js. */
  parquetEngine: 'spark.sparkless.parquet.engine',
  /** Duplicate map keys: EXCEPTION (Spark's default) or LAST_WIN. */
  mapKeyDedupPolicy: 'spark.sql.mapKeyDedupPolicy',
  /** Partitions Spark splits a scanned relation into (its core count in local mode); moment aggregates merge per-partition partials. */
  defaultParallelism: 'spark.default.parallelism',
} as const;


// Resolving the system zone through Intl costs tens of µs; sessions are made per test,
// so it is looked up once per value of TZ (the only way it changes in a running process).
let cachedZone: { readonly tz: string | undefined; readonly zone: string } | undefined;

/** The process's time zone (Java's default zone: `SET TIME ZONE LOCAL`). */
export function systemTimeZone(): string {
  const tz = process.env['TZ'];
  if (cachedZone && cachedZone.tz === tz) return cachedZone.zone;
  let zone: string;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    zone = 'UTC';
  }
  cachedZone = { tz, zone };
  return zone;
}

const DEFAULTS: Record<string, string> = {
  [CONF.master]: 'local[*]',
  [CONF.caseSensitive]: 'false',
  'spark.sql.shuffle.partitions': '200',
  [CONF.ansiEnabled]: 'false',
  'spark.sql.mapKeyDedupPolicy': 'EXCEPTION',
  'spark.sql.adaptive.enabled': 'true',
  'spark.sql.adaptive.skewJoin.enabled': 'true',
  'spark.sql.autoBroadcastJoinThreshold': '10485760',
};

export type ConfValue = string | number | boolean;

/** Where a connect session's settings also go: Spark's own session conf (the Config RPC). */
export interface RemoteConf {
  setConf(key: string, value: string): void;
  unsetConf(key: string): void;
  getConf(key: string): string | undefined;
}

/** Keys that configure sparkless itself (or the connection), never sent to Spark. */
const isLocalOnly = (key: string): boolean => key.startsWith('spark.sparkless.') || key === 'spark.remote' || key === CONF.appName || key === CONF.master;

/** Spark's default value of `key`, where sparkless models one. */
export function confDefault(key: string): string | undefined {
  return DEFAULTS[key];
}

export class RuntimeConfig {
  static {
    definePublicName(this, 'RuntimeConfig');
  }

  readonly #values: Map<string, string>;
  /** Keys given when the session was made (the rest are defaults, which Spark has too). */
  readonly #explicit: ReadonlySet<string>;
  #remote: RemoteConf | undefined;

  constructor(initial: Readonly<Record<string, ConfValue>> = {}) {
    const values = new Map<string, string>();
    for (const k in DEFAULTS) values.set(k, DEFAULTS[k]!);
    // The system zone only when no zone is given (per-test sessions always give UTC).
    const zone = initial[CONF.timeZone];
    values.set(CONF.timeZone, zone !== undefined ? String(zone) : systemTimeZone());
    for (const k in initial) values.set(k, String(initial[k]));
    this.#values = values;
    this.#explicit = new Set(Object.keys(initial));
  }

  /** The value of `key`; throws SQL_CONF_NOT_FOUND when unset and no default is given. */
  get(key: string, defaultValue?: string | null): string {
    const v = this.#values.get(key) ?? (this.#remote && !isLocalOnly(key) ? this.#remote.getConf(key) : undefined);
    if (v !== undefined) return v;
    if (defaultValue !== undefined) return defaultValue as string;
    throw new AnalysisException(`The SQL config "${key}" cannot be found. Please verify that the config exists.`, {
      errorClass: 'SQL_CONF_NOT_FOUND',
      messageParameters: { sqlConf: `"${key}"` },
    });
  }

  getOption(key: string): string | undefined {
    return this.#values.get(key);
  }

  set(key: string, value: ConfValue): void {
    if (key === CONF.timeZone && !this.#remote && !tryGetZone(String(value))) {
      throw new IllegalArgumentException(`'${String(value)}' in ${CONF.timeZone} is invalid. Cannot resolve the given timezone with ZoneId.of(_, ZoneId.SHORT_IDS)`);
    }
    requireDefaultOfRemovedConf(key, String(value));
    if (this.#remote && !isLocalOnly(key)) this.#remote.setConf(key, String(value));
    this.#values.set(key, String(value));
  }

  unset(key: string): void {
    if (this.#remote && !isLocalOnly(key)) this.#remote.unsetConf(key);
    this.#values.delete(key);
  }

  /**
   * @internal Mirrors this conf to a Spark Connect session: settings given so far
   * that Spark knows (not sparkless's own, nor defaults) and later ones as they are set.
   */
  attachRemote(remote: RemoteConf): void {
    this.#remote = remote;
    for (const [k, v] of this.#values) if (!isLocalOnly(k) && this.#explicit.has(k)) remote.setConf(k, v);
  }

  getAll(): Record<string, string> {
    return Object.fromEntries(this.#values);
  }

  isModifiable(key: string): boolean {
    return !key.startsWith('spark.master') && !key.startsWith('spark.app');
  }

  /** A copy, for `newSession()`. */
  copy(): RuntimeConfig {
    return new RuntimeConfig(Object.fromEntries(this.#values));
  }
}
