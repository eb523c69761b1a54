/** `SparkSession.builder`: settings collected before a session exists, and when an active session can be reused. */
import { PySparkValueError } from '../errors/index.js';
import type { BackendType } from '../backend/protocols.js';
import { CONF, RuntimeConfig, type ConfValue } from './conf.js';
import { resolveBackendType } from './backend-setup.js';
import { SparkSession, type SparkSessionOptions } from './session.js';

/** `SparkSession.builder`: collects settings, then `getOrCreate()`. */
export class SparkSessionBuilder {
  readonly #conf: Record<string, ConfValue> = {};
  #options: Omit<SparkSessionOptions, 'conf'> = {};

  appName(name: string): this {
    this.#conf[CONF.appName] = name;
    return this;
  }

  master(master: string): this {
    this.#conf[CONF.master] = master;
    return this;
  }

  /** `config(key, value)` or `config({ key: value, ... })`. */
  config(key: string | Readonly<Record<string, ConfValue>>, value?: ConfValue): this {
    if (typeof key === 'string') {
      if (value === undefined) throw new PySparkValueError(`config('${key}') needs a value.`, { errorClass: 'CANNOT_BE_NONE' });
      this.#conf[key] = value;
    } else {
      Object.assign(this.#conf, key);
    }
    return this;
  }

  /** Runs every query on a Spark Connect server: `remote('sc://127.0.0.1:15002')` (sets `spark.remote`). */
  remote(url: string): this {
    this.#conf[CONF.remote] = url;
    return this;
  }

  /** Hive support has no meaning here; accepted so pipelines port unchanged. */
  enableHiveSupport(): this {
    return this;
  }

  /** sparkless extension: inject backends through the builder. */
  backends(options: Omit<SparkSessionOptions, 'conf'>): this {
    this.#options = { ...this.#options, ...options };
    return this;
  }

  /**
   * The active session (with this builder's conf applied), or a new one. A
   * new one also when this builder sets a static setting (backend, a Spark Connect address, basePath,
   * maxMemory, allowDiskSpillover) the active session was not built with:
   * applying it to a running session is impossible, and ignoring it would
   * write a `file` session's tables to memory (see docs/sessions.md).
   */
  getOrCreate(): SparkSession {
    const active = SparkSession.getActiveSession();
    if (
      active &&
      this.#options.storageBackend === undefined &&
      this.#options.materializer === undefined &&
      !differsInStaticSettings(active, this.#conf, this.#options.backendType)
    ) {
      for (const [k, v] of Object.entries(this.#conf)) {
        if (k !== CONF.appName && k !== CONF.master) active.conf.set(k, v);
      }
      return active;
    }
    return this.create();
  }

  /** Always a new session. */
  create(): SparkSession {
    const name = String(this.#conf[CONF.appName] ?? 'sparkless');
    const conf = { ...this.#conf };
    // As PySpark's builder: SPARK_REMOTE makes a connect session, unless a backend was chosen explicitly.
    const remoteEnv = process.env['SPARK_REMOTE'];
    const backendChosen = conf[CONF.backend] !== undefined || process.env['SPARKLESS_BACKEND'] !== undefined || this.#options.backendType !== undefined;
    if (remoteEnv && conf[CONF.remote] === undefined && !backendChosen) conf[CONF.remote] = remoteEnv;
    return new SparkSession(name, { ...this.#options, conf });
  }
}

/** Settings read once when a session is built (its backends are made from them). */
const STATIC_SETTINGS = [CONF.basePath, CONF.maxMemory, CONF.allowDiskSpillover, CONF.remote, CONF.connectTimeoutMs] as const;

/** True when `conf`/`backendType` ask for a static setting `session` does not have. */
function differsInStaticSettings(session: SparkSession, conf: Readonly<Record<string, ConfValue>>, backendType: BackendType | undefined): boolean {
  if (backendType !== undefined || CONF.backend in conf) {
    if (resolveBackendType(backendType, new RuntimeConfig({ ...conf })) !== session.backendType) return true;
  }
  return STATIC_SETTINGS.some((k) => k in conf && String(conf[k]) !== session.conf.getOption(k));
}
