/** How a session's conf becomes its backends: the backend type, storage options and the Spark Connect client. */
import { BackendFactory, isBackendType } from '../backend/factory.js';
import type { BackendType } from '../backend/protocols.js';
import { IllegalArgumentException } from '../errors/index.js';
import { ConnectExecutor } from '../backend/connect/executor.js';
import { DEFAULT_CONNECT_TIMEOUT_MS } from '../backend/connect/client.js';
import { CONF, type RuntimeConfig } from './conf.js';

export function resolveBackendType(explicit: BackendType | undefined, conf: RuntimeConfig): BackendType {
  const candidate =
    explicit ?? process.env['SPARKLESS_BACKEND'] ?? conf.getOption(CONF.backend) ?? (conf.getOption(CONF.remote) !== undefined ? 'connect' : 'polars');
  if (!isBackendType(candidate)) {
    throw new IllegalArgumentException(
      `Unsupported backend type '${candidate}'. Available backends: ${BackendFactory.listAvailableBackends().map((b) => `'${b}'`).join(', ')}.`,
      { errorClass: 'UNSUPPORTED_BACKEND' },
    );
  }
  return candidate;
}

/** The Spark Connect session of a `connect` session: its address from `spark.remote`, else `SPARK_REMOTE`. */
export function connectExecutor(conf: RuntimeConfig): ConnectExecutor {
  const url = conf.getOption(CONF.remote) ?? process.env['SPARK_REMOTE'];
  if (!url) {
    throw new IllegalArgumentException(
      "The connect backend needs a Spark Connect address: SparkSession.builder.remote('sc://host:15002'), the spark.remote config, or the SPARK_REMOTE environment variable.",
      { errorClass: 'CONNECT_URL_NOT_SET' },
    );
  }
  const raw = conf.getOption(CONF.connectTimeoutMs);
  const timeoutMs = raw === undefined ? DEFAULT_CONNECT_TIMEOUT_MS : Number(raw);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new IllegalArgumentException(`${CONF.connectTimeoutMs} must be a positive number of milliseconds, got '${raw}'.`, {});
  }
  const executor = new ConnectExecutor(url, timeoutMs);
  conf.attachRemote(executor);
  return executor;
}

export function optional<K extends string, V>(key: K, v: V | undefined): Partial<Record<K, V>> {
  return v === undefined ? {} : ({ [key]: v } as Record<K, V>);
}

export function parseBool(v: string | undefined): boolean | undefined {
  return v === undefined ? undefined : v.toLowerCase() === 'true';
}

/** `4g`, `512m`, `1024` (bytes). */
export function parseMemory(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)b?$/i.exec(v.trim());
  if (!m) throw new IllegalArgumentException(`Invalid memory size '${v}' for ${CONF.maxMemory}: use forms like 512m or 4g.`, {});
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  return Math.round(Number(m[1]) * mult);
}
