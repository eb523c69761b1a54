/**
 * Spark Connect failures as sparkless's typed exceptions.
 *
 * The server reports an error as a gRPC status whose details carry a
 * `google.rpc.ErrorInfo`: `reason` is the JVM exception class, and the
 * metadata has the class hierarchy (`classes`) and, for Spark's own errors,
 * the error class (`errorClass`). As PySpark's `convert_exception` does, the
 * exception class is chosen from that hierarchy; Spark's message and error
 * class are kept as they came.
 */
import {
  AnalysisException,
  ArithmeticException,
  ArrayIndexOutOfBoundsException,
  DateTimeException,
  ExecutionException,
  IllegalArgumentException,
  NotImplementedException,
  NumberFormatException,
  ParseException,
  SparklessError,
  SparkNoSuchElementException,
  SparkRuntimeException,
  SparkUpgradeException,
} from '../../errors/index.js';
import { defineErrorKind, isErrorKind } from '../../errors/base.js';
import type { ConnectAddress } from './address.js';
import { decodeMessage, type Msg } from './proto/codec.js';
import type { GrpcFailure } from './transport/channel.js';

/** The server could not be reached or did not answer in time (PySpark's `SparkConnectGrpcException`). */
export class SparkConnectGrpcException extends SparklessError {
  static isSparkConnectGrpcException(err: unknown): err is SparkConnectGrpcException {
    return isErrorKind(err, 'SparkConnectGrpcException');
  }
}
defineErrorKind(SparkConnectGrpcException, 'SparkConnectGrpcException');

const ERROR_INFO_TYPE = 'type.googleapis.com/google.rpc.ErrorInfo';

/** A connection-level failure (nothing from Spark itself): names the address and what was tried. */
export function connectionError(address: ConnectAddress, rpc: string, failure: GrpcFailure, timeoutMs: number): SparkConnectGrpcException {
  const what = failure.code === 4 ? `no answer within ${timeoutMs} ms` : failure.details.replace(/^\d+ [A-Z_]+: /, '');
  return new SparkConnectGrpcException(
    `Could not reach the Spark Connect server at ${address.url} (${address.host}:${address.port}) for ${rpc}: ${what}. ` +
      'Is it running? Start a local one with `npm run spark:start`.',
    { errorClass: 'CONNECT_UNAVAILABLE', messageParameters: { address: address.url, rpc } },
  );
}

interface ServerErrorInfo {
  readonly classes: readonly string[];
  readonly errorClass?: string;
  readonly messageParameters?: Record<string, string>;
}

/** An error the server raised while analysing or running a request. */
export function serverError(failure: GrpcFailure): SparklessError {
  const info = errorInfo(failure.statusDetails);
  // Spark appends the analyzed plan to analysis errors (`...;\n'Project ...`): kept apart, as `sparkPlan`.
  const [message, plan] = splitPlan(failure.details.replace(/^\d+ [A-Z_]+: /, ''));
  const { text, errorClass } = splitErrorClass(message, info?.errorClass);
  const details = {
    ...(errorClass ? { errorClass } : {}),
    ...(info?.messageParameters ? { messageParameters: info.messageParameters } : {}),
  };
  const classes = info?.classes ?? [];
  const e = typedError(classes, text, details);
  if (plan) Object.defineProperty(e, 'sparkPlan', { value: plan, enumerable: false });
  if (classes[0]) Object.defineProperty(e, 'sparkExceptionClass', { value: classes[0], enumerable: false });
  return e;
}

function typedError(classes: readonly string[], text: string, details: { errorClass?: string; messageParameters?: Record<string, string> }): SparklessError {
  const has = (name: string): boolean => classes.some((c) => c.endsWith(`.${name}`));
  // PySpark's convert_exception order: the most specific JVM class in the hierarchy wins.
  if (has('ParseException')) return new ParseException(text, details);
  if (has('AnalysisException')) return new AnalysisException(text, details);
  if (has('NumberFormatException')) return new NumberFormatException(text, details);
  if (has('IllegalArgumentException')) return new IllegalArgumentException(text, details);
  if (has('ArithmeticException')) return new ArithmeticException(text, details);
  if (has('UnsupportedOperationException')) return new NotImplementedException(`Spark: ${text}`);
  if (has('ArrayIndexOutOfBoundsException')) return new ArrayIndexOutOfBoundsException(text, details);
  if (has('DateTimeException')) return new DateTimeException(text, details);
  if (has('SparkRuntimeException')) return new SparkRuntimeException(text, details);
  if (has('SparkUpgradeException')) return new SparkUpgradeException(text, details);
  if (has('SparkNoSuchElementException')) return new SparkNoSuchElementException(text, details);
  // A JVM exception without a Spark error class says little by its message alone (`nope` for an
  // unknown charset): name its class first, as PySpark's Connect client does.
  const plainJvm = !details.errorClass && classes[0] !== undefined && !classes[0].startsWith('org.apache.spark');
  return new ExecutionException(plainJvm ? `(${classes[0]}) ${text}` : text, details);
}

function splitPlan(message: string): [string, string | undefined] {
  const at = message.search(/;\n'?[A-Z]/);
  return at < 0 ? [message, undefined] : [message.slice(0, at), message.slice(at + 2).replace(/\n$/, '')];
}

/** Spark's messages start with `[ERROR_CLASS] `; our exceptions add that prefix themselves. */
function splitErrorClass(message: string, fromInfo: string | undefined): { text: string; errorClass: string | undefined } {
  // Parse errors start with a line break before the class.
  const m = /^\s*\[([A-Z0-9_.]+)\] ([\s\S]*)$/.exec(message);
  if (m) return { text: m[2]!, errorClass: fromInfo ?? m[1] };
  return { text: message, errorClass: fromInfo };
}

function errorInfo(statusDetails: Uint8Array | undefined): ServerErrorInfo | undefined {
  if (!statusDetails) return undefined;
  try {
    const status = decodeMessage('google.rpc.Status', statusDetails);
    for (const any of (status['details'] as Msg[] | undefined) ?? []) {
      if (any['type_url'] !== ERROR_INFO_TYPE) continue;
      const info = decodeMessage('google.rpc.ErrorInfo', any['value'] as Uint8Array);
      const md = (info['metadata'] as Record<string, string> | undefined) ?? {};
      const classes = parseJson<string[]>(md['classes']) ?? (typeof info['reason'] === 'string' ? [info['reason']] : []);
      const params = parseJson<Record<string, string>>(md['messageParameters']);
      return { classes, ...(md['errorClass'] ? { errorClass: md['errorClass'] } : {}), ...(params ? { messageParameters: params } : {}) };
    }
  } catch {
    // Undecodable details: fall back to the status message alone.
  }
  return undefined;
}

function parseJson<T>(text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}
