/**
 * Spark 3.5's data source names: the short names of its built-in sources (case-insensitive) and the
 * class names it also takes for them (exact). A name that is neither is Spark's DATA_SOURCE_NOT_FOUND.
 */
import { ExecutionException } from '../errors/index.js';

/** Short names registered by Spark SQL itself (`hive` is Spark's too, handled by its catalog). */
const SHORT_NAMES = ['parquet', 'csv', 'json', 'orc', 'text', 'jdbc', 'noop', 'binaryfile', 'console', 'rate', 'rate-micro-batch', 'socket', 'hive', 'avro'];

const DS = 'org.apache.spark.sql.execution.datasources';

/** Class names Spark maps to a built-in source (its backward-compatibility names and the sources' classes). */
const CLASS_NAMES: Readonly<Record<string, string>> = {
  'com.databricks.spark.csv': 'csv',
  ...Object.fromEntries(
    ['jdbc', 'json', 'parquet'].flatMap((f) => [`org.apache.spark.sql.${f}`, `org.apache.spark.sql.${f}.DefaultSource`, `${DS}.${f}`, `${DS}.${f}.DefaultSource`].map((n) => [n, f])),
  ),
  [`${DS}.orc`]: 'orc',
  [`${DS}.orc.DefaultSource`]: 'orc',
  ...Object.fromEntries(
    [['csv', 'CSV'], ['json', 'Json'], ['parquet', 'Parquet'], ['orc', 'Orc'], ['text', 'Text']].flatMap(([f, c]) => [
      [`${DS}.${f}.${c}FileFormat`, f],
      [`${DS}.v2.${f}.${c}DataSourceV2`, f],
    ]),
  ),
};

/** The short name of the Spark built-in data source `provider` names (lower case), or undefined. */
export function builtInSource(provider: string): string | undefined {
  const lower = provider.toLowerCase();
  return SHORT_NAMES.includes(lower) ? lower : CLASS_NAMES[provider];
}

/** Spark 3.5.7's error for a data source name it cannot find (a SparkClassNotFoundException, no analysis error). */
export function dataSourceNotFound(provider: string): ExecutionException {
  return new ExecutionException(`Failed to find the data source: ${provider}. Please find packages at \`https://spark.apache.org/third-party-projects.html\`.`, {
    errorClass: 'DATA_SOURCE_NOT_FOUND',
    messageParameters: { provider },
  });
}

/** `provider`'s short name; DATA_SOURCE_NOT_FOUND when Spark has no such source. */
export function requireDataSource(provider: string): string {
  const name = builtInSource(provider);
  if (name === undefined) throw dataSourceNotFound(provider);
  return name;
}
