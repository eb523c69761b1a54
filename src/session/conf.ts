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
} as const;

function systemTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
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
    this.#values = new Map(Object.entries({ ...DEFAULTS, [CONF.timeZone]: systemTimeZone(), ...stringify(initial) }));
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

function stringify(o: Readonly<Record<string, ConfValue>>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));
}
