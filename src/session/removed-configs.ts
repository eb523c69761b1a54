/**
 * SQL configs Spark 3.5 removed (its SQLConf.removedSQLConfigs): setting one to anything but the
 * value it had when removed fails, as SQLConf.setConfString does. The entries are those checked
 * on Spark 3.5.7 (value that passes, version and comment as its message gives them).
 */
import { AnalysisException } from '../errors/index.js';

interface RemovedConfig {
  readonly version: string;
  readonly defaultValue: string;
  readonly comment: string;
}

const planChangeLog = (part: string, defaultValue: string): RemovedConfig => ({
  version: '3.1.0',
  defaultValue,
  comment: `Please use \`spark.sql.planChangeLog.${part}\` instead.`,
});

const REMOVED: ReadonlyMap<string, RemovedConfig> = new Map([
  ['spark.sql.fromJsonForceNullableSchema', { version: '3.0.0', defaultValue: 'true', comment: 'It was removed to prevent errors like SPARK-23173 for non-default value.' }],
  ['spark.sql.legacy.compareDateTimestampInTimestamp', { version: '3.0.0', defaultValue: 'true', comment: 'It was removed to prevent errors like SPARK-23549 for non-default value.' }],
  ['spark.sql.parquet.int64AsTimestampMillis', { version: '3.0.0', defaultValue: 'false', comment: "The config was deprecated since Spark 2.3.Use 'spark.sql.parquet.outputTimestampType' instead of it." }],
  ['spark.sql.optimizer.planChangeLog.level', planChangeLog('level', 'trace')],
  ['spark.sql.optimizer.planChangeLog.rules', planChangeLog('rules', '')],
  ['spark.sql.optimizer.planChangeLog.batches', planChangeLog('batches', '')],
  [
    'spark.sql.ansi.strictIndexOperator',
    {
      version: '3.4.0',
      defaultValue: 'true',
      comment: 'This was an internal configuration. It is not needed anymore since Spark SQL always returns null when getting a map value with a non-existing key. See SPARK-40066 for more details.',
    },
  ],
]);

/** Throws Spark's error when `key` is a removed config and `value` is not the value it had (no error class in 3.5.7). */
export function checkRemovedConfig(key: string, value: string): void {
  const removed = REMOVED.get(key);
  if (removed === undefined || value === removed.defaultValue) return;
  throw new AnalysisException(`The SQL config '${key}' was removed in the version ${removed.version}. ${removed.comment}`);
}
