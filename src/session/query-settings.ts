/**
 * Settings a session reads from its conf for each query: conf may change between
 * queries (`spark.conf.set`), so they are pushed to the materializer before each run.
 */
import type { BackendType, DataMaterializer } from '../backend/protocols.js';
import { DEFAULT_SEQUENTIAL_SUM_MAX_ROWS } from '../backend/protocols.js';
import { defaultBudget } from '../backend/limits.js';
import { IllegalArgumentException, NotImplementedException } from '../errors/index.js';
import { parseBool, parseMemory } from './backend-setup.js';
import { CONF, type RuntimeConfig } from './conf.js';

/**
 * Bytes a query may hold: spark.sparkless.backend.maxMemory, else a default for the engine (see
 * backend/limits.ts). With disk spillover allowed, maxMemory is where tables start spilling instead.
 */
export function memoryBudget(conf: RuntimeConfig, backendType: BackendType): number {
  const spills = parseBool(conf.getOption(CONF.allowDiskSpillover)) === true;
  const limit = spills ? undefined : parseMemory(conf.getOption(CONF.maxMemory));
  return limit ?? defaultBudget(backendType === 'polars' || backendType === 'file');
}

/** Sets the per-query settings on the materializer `m` (time zone, runtime conf, sequential-sum bound). */
export function applyQuerySettings(m: DataMaterializer, conf: RuntimeConfig, backendType: BackendType): void {
  const timeZone = conf.get(CONF.timeZone);
  if ('timeZone' in m && m.timeZone !== timeZone) m.timeZone = timeZone;
  if ('runtimeConf' in m) {
    const policy = conf.get(CONF.mapKeyDedupPolicy).toUpperCase();
    if (policy !== 'EXCEPTION' && policy !== 'LAST_WIN') {
      throw new IllegalArgumentException(
        `The value '${conf.get(CONF.mapKeyDedupPolicy)}' in the config "${CONF.mapKeyDedupPolicy}" is invalid: it must be one of EXCEPTION, LAST_WIN.`,
        { errorClass: 'INVALID_CONF_VALUE', messageParameters: { confName: `"${CONF.mapKeyDedupPolicy}"` } },
      );
    }
    const parallelism = conf.getOption(CONF.defaultParallelism);
    const partitions = parallelism === undefined ? 1 : Number(parallelism);
    if (!Number.isInteger(partitions) || partitions < 1) {
      throw new IllegalArgumentException(`${CONF.defaultParallelism} should be a positive integer, but was ${parallelism}.`);
    }
    m.runtimeConf = Object.freeze({
      mapKeyDedupPolicy: policy,
      ansiEnabled: parseBool(conf.get(CONF.ansiEnabled)) === true,
      memoryBudget: memoryBudget(conf, backendType),
      ...(partitions > 1 ? { defaultParallelism: partitions } : {}),
    });
  } else if (parseBool(conf.get(CONF.ansiEnabled)) === true) {
    // An engine that cannot be told the conf would compute non-ANSI results: refuse instead.
    throw new NotImplementedException(`spark.sql.ansi.enabled=true on the ${backendType} backend`);
  }
  if ('sequentialSumMaxRows' in m) {
    const raw = conf.getOption(CONF.sequentialSumMaxRows);
    const n = raw === undefined ? DEFAULT_SEQUENTIAL_SUM_MAX_ROWS : Number(raw);
    if (!Number.isFinite(n) && n !== Infinity) {
      throw new IllegalArgumentException(`${CONF.sequentialSumMaxRows} must be a number of rows, got '${raw}'.`, {});
    }
    m.sequentialSumMaxRows = n;
  }
}
