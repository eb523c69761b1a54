/**
 * The Spark Connect backend: sparkless sessions that run every query on a
 * real Spark (3.5) through Spark Connect. Select it with
 * `SparkSession.builder.remote('sc://host:15002')`, the `spark.remote` config,
 * `SPARK_REMOTE`, or `backendType: 'connect'` (see docs/connect.md).
 *
 * Needs the optional peer packages `@grpc/grpc-js` and `@bufbuild/protobuf`;
 * a session that never connects never loads them.
 */
export { ConnectExecutor, type ExplainMode } from './executor.js';
export { SparkConnectClient, DEFAULT_CONNECT_TIMEOUT_MS, type ExecuteResult } from './client.js';
export { parseConnectAddress, DEFAULT_CONNECT_PORT, type ConnectAddress } from './address.js';
export { SparkConnectGrpcException } from './errors.js';
