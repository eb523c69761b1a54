/**
 * `spark.conf`: string-valued runtime configuration with Spark's defaults
 * for the keys sparkless reads.
 */
import { AnalysisException } from '../errors/index.js';

export const CONF = {
  appName: 'spark.app.name',
  master: 'spark.master',
  timeZone: 'spark.sql.session.timeZone',
  caseSensitive: 'spark.sql.caseSensitive',
  backend: 'spark.sparkless.backend',
  maxMemory: 'spark.sparkless.backend.maxMemory',
  allowDiskSpillover: 'spark.sparkless.backend.allowDiskSpillover',
  basePath: 'spark.sparkless.backend.basePath',
  warehouseDir: 'spark.sql.warehouse.dir',
  sequentialSumMaxRows: 'spark.sparkless.sql.sequentialSumMaxRows',
} as const;


// Resolving the system zone through Intl costs tens of µs; sessions are made per test,
// so it is looked up once per value of TZ (the only way it changes in a running process).
let cachedZone: { readonly tz: string | undefined; readonly zone: string } | undefined;

function systemTimeZone(): string {
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
  'spark.sql.ansi.enabled': 'false',
  'spark.sql.adaptive.enabled': 'true',
  'spark.sql.adaptive.skewJoin.enabled': 'true',
  'spark.sql.autoBroadcastJoinThreshold': '10485760',
};

export type ConfValue = string | number | boolean;

export class RuntimeConfig {
  readonly #values: Map<string, string>;

  constructor(initial: Readonly<Record<string, ConfValue>> = {}) {
    const values = new Map<string, string>();
    for (const k in DEFAULTS) values.set(k, DEFAULTS[k]!);
    // The system zone only when no zone is given (per-test sessions always give UTC).
    const zone = initial[CONF.timeZone];
    values.set(CONF.timeZone, zone !== undefined ? String(zone) : systemTimeZone());
    for (const k in initial) values.set(k, String(initial[k]));
    this.#values = values;
  }

  /** The value of `key`; throws SQL_CONF_NOT_FOUND when unset and no default is given. */
  get(key: string, defaultValue?: string | null): string {
    const v = this.#values.get(key);
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
    this.#values.set(key, String(value));
  }

  unset(key: string): void {
    this.#values.delete(key);
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
