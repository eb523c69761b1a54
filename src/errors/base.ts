/**
 * Error hierarchy mirroring PySpark's: every error sparkless raises is a
 * `SparklessError`. Detection uses a `Symbol.for` marker rather than
 * `instanceof` alone, so it works when two copies of the library are loaded
 * (common under Vitest and Jest module isolation).
 */
const MARKER = Symbol.for('sparkless.error');

export interface ErrorDetails {
  /** Spark's error class, e.g. `UNRESOLVED_COLUMN.WITH_SUGGESTION`. */
  readonly errorClass?: string;
  /** Message parameters, as in Spark's `getMessageParameters()`. */
  readonly messageParameters?: Readonly<Record<string, string>>;
  readonly cause?: unknown;
}

export class SparklessError extends Error {
  readonly [MARKER] = true;
  readonly errorClass: string | undefined;
  readonly messageParameters: Readonly<Record<string, string>>;

  /** `message` is the text after the `[ERROR_CLASS] ` prefix, which is added here. */
  constructor(message: string, details: ErrorDetails = {}) {
    super(details.errorClass ? `[${details.errorClass}] ${message}` : message, { cause: details.cause });
    this.name = new.target.name;
    this.errorClass = details.errorClass;
    this.messageParameters = details.messageParameters ?? {};
  }

  /** PySpark's `getErrorClass()`. */
  getErrorClass(): string | undefined {
    return this.errorClass;
  }

  getMessageParameters(): Readonly<Record<string, string>> {
    return this.messageParameters;
  }

  static isSparklessError(err: unknown): err is SparklessError {
    return typeof err === 'object' && err !== null && (err as Record<symbol, unknown>)[MARKER] === true;
  }
}
