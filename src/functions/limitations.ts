/**
 * Functions that cannot work in sparkless, or not on every backend, with the
 * reason; read by the functions parity page (`npm run docs:functions`).
 */

/** Names that need a JVM: they stay typed errors on the local backends. */
export const JVM_ONLY_FUNCTIONS: Readonly<Record<string, string>> = {
  java_method: 'calls a Java method by reflection; there is no JVM in sparkless (works on connect, where Spark runs it)',
  reflect: 'calls a Java method by reflection; there is no JVM in sparkless (works on connect, where Spark runs it)',
};

/** Names that cannot run on the connect backend, with the reason. */
export const CONNECT_LIMITATIONS: Readonly<Record<string, string>> = {
  udf: 'a TypeScript function cannot run inside Spark',
  call_udf: 'UDFs registered from TypeScript cannot run inside Spark',
  pandas_udf: 'Python-only; use F.vectorizedUdf on a local backend',
  udtf: 'Python-only; use df.mapInArrow on a local backend',
};

/**
 * Names `dir(pyspark.sql.functions)` lists that are not Spark SQL functions (typing imports, module
 * helpers) or are Column-API-only, with what their sparkless counterpart does (src/functions/pyspark-helpers.ts).
 */
export const PYSPARK_HELPERS: Readonly<Record<string, string>> = {
  cast: "PySpark module import (typing.cast), not a Spark function: returns its value unchanged (TypeScript's `as`)",
  overload: 'PySpark module import (typing.overload), not a Spark function: TypeScript declares overloads statically, so it returns the function unchanged',
  try_remote_functions: 'PySpark decorator routing a call to Spark Connect when remote, not a Spark function: sparkless functions build one plan for every backend, so it returns the function unchanged',
  to_str: "PySpark helper, not a Spark function: an option value as PySpark sends it (booleans lower-case, null stays null, else String(value))",
  get_active_spark_context: "PySpark helper, not a Spark function: the active SparkSession (sparkless has no SparkContext), else PySparkRuntimeError 'SparkContext or SparkSession should be created first.'",
  unwrap_udt:
    'Column API only (Spark SQL does not resolve it): sparkless has no user-defined types, so locally every column gets Spark\'s UNEXPECTED_INPUT_TYPE (a "USERDEFINEDTYPE" required); on connect Spark unwraps UDT columns',
};

/** Python-only names with their TypeScript alternative (typed errors everywhere). */
export const PYTHON_ONLY_FUNCTIONS: Readonly<Record<string, string>> = {
  pandas_udf: 'pandas does not exist in TypeScript: F.vectorizedUdf(fn, type) receives apache-arrow Vectors per batch',
  udtf: 'Python table functions: use df.mapInArrow(fn, schema) or an array-returning F.udf with F.explode',
};
