/** Spark 3.5's adaptive-execution settings, read from the session conf with Spark's defaults. */
import { IllegalArgumentException } from '../../errors/index.js';

export interface AdaptiveConf {
  readonly enabled: boolean;
  readonly shufflePartitions: number;
  readonly coalescePartitions: boolean;
  readonly advisoryPartitionSizeInBytes: number;
  readonly skewJoinEnabled: boolean;
  readonly skewedPartitionFactor: number;
  readonly skewedPartitionThresholdInBytes: number;
  readonly autoBroadcastJoinThreshold: number;
}

const MB = 1024 * 1024;

/** `64m`, `256MB`, `10485760` → bytes (Spark's byte-string format). */
export function parseBytes(text: string): number {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*([kmgt]?)b?\s*$/i.exec(text);
  if (!m) throw new IllegalArgumentException(`Invalid byte size '${text}': use forms like 64m or 256MB.`, {});
  const unit = { '': 1, k: 1024, m: MB, g: 1024 * MB, t: 1024 * 1024 * MB }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  return Math.round(Number(m[1]) * unit);
}

export function adaptiveConf(get: (key: string) => string | undefined): AdaptiveConf {
  const str = (k: string, d: string) => get(k) ?? d;
  return {
    enabled: str('spark.sql.adaptive.enabled', 'true') === 'true',
    shufflePartitions: Number(str('spark.sql.shuffle.partitions', '200')),
    coalescePartitions: str('spark.sql.adaptive.coalescePartitions.enabled', 'true') === 'true',
    advisoryPartitionSizeInBytes: parseBytes(str('spark.sql.adaptive.advisoryPartitionSizeInBytes', '64m')),
    skewJoinEnabled: str('spark.sql.adaptive.skewJoin.enabled', 'true') === 'true',
    skewedPartitionFactor: Number(str('spark.sql.adaptive.skewJoin.skewedPartitionFactor', '5')),
    skewedPartitionThresholdInBytes: parseBytes(str('spark.sql.adaptive.skewJoin.skewedPartitionThresholdInBytes', '256m')),
    autoBroadcastJoinThreshold: parseBytes(str('spark.sql.autoBroadcastJoinThreshold', '10m')),
  };
}
