/**
 * Spark Connect addresses: `sc://host[:port][/;param=value;...]`, the form
 * PySpark's `SparkSession.builder.remote()` and `SPARK_REMOTE` take.
 * Parameters: `user_id`, `token` (sent as a bearer token), `session_id`
 * (a UUID to reuse a server-side session), `use_ssl` (not supported here).
 */
import { IllegalArgumentException } from '../../errors/index.js';

export const DEFAULT_CONNECT_PORT = 15002;

export interface ConnectAddress {
  readonly host: string;
  readonly port: number;
  readonly userId: string;
  readonly token?: string;
  readonly sessionId?: string;
  /** The address as the user gave it, for messages. */
  readonly url: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseConnectAddress(url: string): ConnectAddress {
  const bad = (why: string): never => {
    throw new IllegalArgumentException(`Invalid Spark Connect address '${url}': ${why}. Expected sc://host:port (for example sc://127.0.0.1:15002).`, {
      errorClass: 'INVALID_CONNECT_URL',
      messageParameters: { url },
    });
  };
  if (typeof url !== 'string') return bad('not a string');
  const m = /^sc:\/\/([^/:;]+|\[[^\]]+\])(?::(\d+))?\/?(;.*)?$/.exec(url.trim());
  if (!m) return bad('it must start with sc:// followed by a host');
  const port = m[2] === undefined ? DEFAULT_CONNECT_PORT : Number(m[2]);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) bad(`port ${m[2]} is out of range`);
  const params: Record<string, string> = {};
  for (const part of (m[3] ?? '').split(';').filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq <= 0) bad(`parameter '${part}' is not key=value`);
    params[decodeURIComponent(part.slice(0, eq))] = decodeURIComponent(part.slice(eq + 1));
  }
  for (const key of Object.keys(params)) {
    if (!['user_id', 'token', 'session_id', 'use_ssl', 'user_agent'].includes(key)) bad(`unknown parameter '${key}'`);
  }
  if (params['use_ssl'] === 'true') bad('TLS (use_ssl=true) is not supported by this client yet');
  if (params['session_id'] !== undefined && !UUID.test(params['session_id'])) bad('session_id must be a UUID');
  return {
    host: m[1]!,
    port,
    userId: params['user_id'] ?? process.env['USER'] ?? 'sparkless',
    ...(params['token'] !== undefined ? { token: params['token'] } : {}),
    ...(params['session_id'] !== undefined ? { sessionId: params['session_id'] } : {}),
    url,
  };
}
