/** Says once, before the tests, whether the Spark-backed suites run and against what. */
import { GrpcChannel } from '../../src/backend/connect/transport/channel.js';
import { sparkRemote } from './spark-remote.js';

export default function setup(): () => void {
  const s = sparkRemote();
  if ('url' in s) console.log(`Spark-backed suites: running against Spark ${s.version} at ${s.url}`);
  else console.log(`Spark-backed suites: SKIPPED, because ${s.skipReason}`);
  return () => GrpcChannel.closeShared();
}
