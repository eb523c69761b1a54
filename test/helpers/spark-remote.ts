/**
 * The live Spark referee for tests: `SPARK_REMOTE` (e.g. sc://127.0.0.1:15002,
 * set by .ci/run after `npm run spark:start`). Suites that run per backend add
 * `connect` when the server answers; otherwise they skip it, and the global
 * setup prints why.
 */
import { ConnectExecutor } from '../../src/backend/connect/executor.js';

export type RemoteStatus = { readonly url: string; readonly version: string } | { readonly skipReason: string };

let status: RemoteStatus | undefined;

export function sparkRemote(): RemoteStatus {
  return (status ??= probe());
}

function probe(): RemoteStatus {
  const url = process.env['SPARK_REMOTE'];
  if (!url) return { skipReason: 'SPARK_REMOTE is not set (run `npm run spark:start` and set SPARK_REMOTE=sc://127.0.0.1:15002 to run them)' };
  const executor = new ConnectExecutor(url, 30_000);
  try {
    return { url, version: executor.version() };
  } catch (e) {
    return { skipReason: `the Spark Connect server at ${url} did not answer: ${(e as Error).message}` };
  } finally {
    executor.close();
  }
}
