/**
 * Spark 3.5's SQLConf.removedSQLConfigs: setting one of these (SQL `SET key=value` or
 * spark.conf.set, both SQLConf.setConfString) to other than its old default is refused;
 * the default value itself is accepted.
 */
import { AnalysisException } from '../errors/index.js';

interface RemovedConf {
  readonly version: string;
  readonly defaultValue: string;
  readonly comment: string;
}

const planChangeLog = (what: string): RemovedConf => ({ version: '3.1.0', defaultValue: what === 'level' ? 'trace' : '', comment: `Please use \`spark.sql.planChangeLog.${what}\` instead.` });

const REMOVED: Readonly<Record<string, RemovedConf>> = {
  'spark.sql.fromJsonForceNullableSchema': { version: '3.0.0', defaultValue: 'true', comment: 'It was removed to prevent errors like SPARK-23173 for non-default value.' },
  'spark.sql.legacy.allowCreatingManagedTableUsingNonemptyLocation': { version: '3.0.0', defaultValue: 'false', comment: 'It was removed to prevent loss of user data for non-default value.' },
  'spark.sql.legacy.compareDateTimestampInTimestamp': { version: '3.0.0', defaultValue: 'true', comment: 'It was removed to prevent errors like SPARK-23549 for non-default value.' },
  'spark.sql.parquet.int64AsTimestampMillis': {
    version: '3.0.0',
    defaultValue: 'false',
    comment: "The config was deprecated since Spark 2.3.Use 'spark.sql.parquet.outputTimestampType' instead of it.",
  },
  'spark.sql.execution.pandas.respectSessionTimeZone': {
    version: '3.0.0',
    defaultValue: 'true',
    comment: 'The non-default behavior is considered as a bug, see SPARK-22395. The config was deprecated since Spark 2.3.',
  },
  'spark.sql.optimizer.planChangeLog.level': planChangeLog('level'),
  'spark.sql.optimizer.planChangeLog.rules': planChangeLog('rules'),
  'spark.sql.optimizer.planChangeLog.batches': planChangeLog('batches'),
  'spark.sql.ansi.strictIndexOperator': {
    version: '3.4.0',
    defaultValue: 'true',
    comment:
      'This was an internal configuration. It is not needed anymore since Spark SQL always returns null when getting a map value with a non-existing key. See SPARK-40066 for more details.',
  },
};

/** Throws Spark's error when `key=value` sets a removed config to other than its default (compared as text). */
export function requireDefaultOfRemovedConf(key: string, value: string): void {
  const r = REMOVED[key];
  if (r === undefined || r.defaultValue === value) return;
  throw new AnalysisException(`The SQL config '${key}' was removed in the version ${r.version}. ${r.comment}`, {
    errorClass: '_LEGACY_ERROR_TEMP_1327',
    messageParameters: { config: key, version: r.version, comment: r.comment },
  });
}
