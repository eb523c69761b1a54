/**
 * The gRPC worker's code, run with `new Worker(source, { eval: true })`.
 *
 * Kept as a string so the same code runs from the TypeScript sources (tests),
 * the ESM build and the CommonJS build without a separate worker file to
 * locate. It knows nothing of Spark: it takes request bytes and a method path,
 * runs one unary or server-streaming call with `@grpc/grpc-js` (its path comes
 * in `workerData`, with the port synchronous answers go to), and answers with the response bytes or the gRPC error,
 * including the raw `grpc-status-details-bin` trailer for the main thread to
 * decode. A synchronous caller passes a SharedArrayBuffer flag that the worker
 * sets and notifies after posting the answer on the caller's port.
 */
export const GRPC_WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const grpc = require(workerData.grpcPath);
const clients = new Map();
const identity = (b) => b;

function client(address) {
  let c = clients.get(address);
  if (!c) {
    c = new grpc.Client(address, grpc.credentials.createInsecure(), {
      'grpc.max_receive_message_length': -1,
      'grpc.max_send_message_length': -1,
    });
    clients.set(address, c);
  }
  return c;
}

function metadataOf(headers) {
  const md = new grpc.Metadata();
  for (const [k, v] of Object.entries(headers || {})) md.set(k, v);
  return md;
}

function errorOf(err) {
  const details = err && err.metadata ? err.metadata.get('grpc-status-details-bin') : [];
  return {
    code: typeof err.code === 'number' ? err.code : 2,
    details: String(err.details || err.message || err),
    statusDetails: details.length > 0 ? new Uint8Array(details[0]) : undefined,
  };
}

function run(req, reply) {
  const c = client(req.address);
  const options = { deadline: Date.now() + req.timeoutMs };
  const md = metadataOf(req.headers);
  const request = Buffer.from(req.request);
  if (req.streaming) {
    const out = [];
    let done = false;
    const call = c.makeServerStreamRequest(req.method, identity, identity, request, md, options);
    call.on('data', (b) => out.push(new Uint8Array(b)));
    call.on('error', (e) => { if (!done) { done = true; reply({ ok: false, error: errorOf(e) }); } });
    call.on('end', () => { if (!done) { done = true; reply({ ok: true, responses: out }); } });
  } else {
    c.makeUnaryRequest(req.method, identity, identity, request, md, options, (e, b) => {
      if (e) reply({ ok: false, error: errorOf(e) });
      else reply({ ok: true, responses: [new Uint8Array(b)] });
    });
  }
}

parentPort.on('message', (msg) => {
  if (msg.type === 'close') {
    for (const c of clients.values()) c.close();
    clients.clear();
    return;
  }
  run(msg, (answer) => {
    answer.id = msg.id;
    if (msg.flag) {
      workerData.syncPort.postMessage(answer);
      const flag = new Int32Array(msg.flag);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    } else {
      parentPort.postMessage(answer);
    }
  });
});
`;
