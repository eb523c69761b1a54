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

/** Python-only names with their TypeScript alternative (typed errors everywhere). */
export const PYTHON_ONLY_FUNCTIONS: Readonly<Record<string, string>> = {
  pandas_udf: 'pandas does not exist in TypeScript: F.vectorizedUdf(fn, type) receives apache-arrow Vectors per batch',
  udtf: 'Python table functions: use df.mapInArrow(fn, schema) or an array-returning F.udf with F.explode',
};
