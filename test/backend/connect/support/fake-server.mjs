// A fake Spark Connect server for fake-server.test.ts, run with `node` in a child process
// (never in the test's own thread, which blocks in Atomics.wait during synchronous calls).
//
// Usage: node fake-server.mjs <scenarios.json>. It listens on 127.0.0.1 (a free port),
// prints `PORT <n>` and replays canned response bytes, prepared by the test with its
// codec and apache-arrow. The scenarios file:
//   { "Config": <unary>, "AnalyzePlan": <unary>, "ExecutePlan": { "<marker>": <stream>, ... } }
// An ExecutePlan request is answered by the first scenario whose marker occurs in the
// request bytes (the test puts it in the plan as a string literal).
//   <unary>:  { "response": base64 }
//   <stream>: { "frames": [base64...], "delayMs"?: n, "hang"?: true,
//               "error"?: { "code": n, "details": text, "statusDetails"?: base64 } }
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const grpc = require('@grpc/grpc-js');
const scenarios = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const bytes = (b64) => Buffer.from(b64, 'base64');
const identity = (b) => b;

function failure(error) {
  const metadata = new grpc.Metadata();
  if (error.statusDetails) metadata.set('grpc-status-details-bin', bytes(error.statusDetails));
  return { code: error.code, details: error.details, metadata };
}

function unary(name) {
  return (call, callback) => {
    const s = scenarios[name];
    if (!s) callback({ code: grpc.status.UNIMPLEMENTED, details: `no ${name} scenario` });
    else callback(null, bytes(s.response));
  };
}

function executePlan(call) {
  const request = call.request;
  const entry = Object.entries(scenarios.ExecutePlan ?? {}).find(([marker]) => request.includes(Buffer.from(marker)));
  if (!entry) {
    call.emit('error', { code: grpc.status.NOT_FOUND, details: 'no ExecutePlan scenario matches the request' });
    return;
  }
  const s = entry[1];
  if (s.hang) return; // never answers: the client's deadline must end the call
  setTimeout(() => {
    for (const f of s.frames ?? []) call.write(bytes(f));
    if (s.error) call.emit('error', failure(s.error));
    else call.end();
  }, s.delayMs ?? 0);
}

const method = (name, responseStream) => ({
  path: `/spark.connect.SparkConnectService/${name}`,
  requestStream: false,
  responseStream,
  requestSerialize: identity,
  requestDeserialize: identity,
  responseSerialize: identity,
  responseDeserialize: identity,
});

const server = new grpc.Server();
server.addService(
  { ExecutePlan: method('ExecutePlan', true), AnalyzePlan: method('AnalyzePlan', false), Config: method('Config', false) },
  { ExecutePlan: executePlan, AnalyzePlan: unary('AnalyzePlan'), Config: unary('Config') },
);
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  console.log(`PORT ${port}`);
});
// The test ends this process; stop by itself if the parent goes away.
process.on('disconnect', () => process.exit(0));
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
