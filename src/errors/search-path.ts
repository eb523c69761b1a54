/**
 * UNRESOLVED_ROUTINE's search path ends with the session's current database in Spark
 * (`spark_catalog`.`db` after `USE db`). Function lookups run without a session at hand and say
 * `default`; where the session is known (analysis, SQL translation) the error is given its database.
 */
import { SparklessError } from './base.js';

const DEFAULT_ENTRY = '`spark_catalog`.`default`]';

/** `err`, its search path naming `database` when it is an UNRESOLVED_ROUTINE error. */
export function onSearchPathOf(err: unknown, database: string): unknown {
  if (database === 'default' || !SparklessError.isSparklessError(err) || err.errorClass !== 'UNRESOLVED_ROUTINE') return err;
  const entry = `\`spark_catalog\`.\`${database}\`]`;
  err.message = err.message.replace(DEFAULT_ENTRY, entry);
  const searchPath = err.messageParameters['searchPath'];
  if (searchPath !== undefined) {
    Object.defineProperty(err, 'messageParameters', { value: Object.freeze({ ...err.messageParameters, searchPath: searchPath.replace(DEFAULT_ENTRY, entry) }) });
  }
  return err;
}
