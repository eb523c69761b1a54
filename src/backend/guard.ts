/**
 * Backend calls made on the user's behalf: a backend failure that is not one
 * of our typed errors (an injected storage throwing "disk full", a native
 * error) surfaces as an ExecutionException naming the operation, with the
 * original error as its cause.
 */
import { ExecutionException, SparklessError } from '../errors/index.js';

/** `failure` says what failed, e.g. ``Writing table `default`.`t` failed``; the cause's message follows it. */
export function guardBackendCall<T>(failure: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (SparklessError.isSparklessError(err)) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new ExecutionException(`${failure}: ${reason}`, { errorClass: 'EXECUTION_FAILED', cause: err });
  }
}
