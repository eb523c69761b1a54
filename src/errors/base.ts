/**
 * Error hierarchy mirroring PySpark's: every error sparkless raises is a
 * `SparklessError`. Detection uses `Symbol.for` brands rather than `instanceof`
 * or `Function.name`, so it works when two copies of the library are loaded
 * (common under Vitest and Jest module isolation) and in bundled builds, whose
 * class names are not the source names (the CommonJS build's are `_class2`, ...).
 */
import { definePublicName } from '../util/public-name.js';

const MARKER = Symbol.for('sparkless.error');

/** The brand of the error kind `name`: the same symbol in every copy of the library. */
const kindBrand = (name: string): symbol => Symbol.for(`sparkless.error.${name}`);

/**
 * Where in SQL text the failing expression was written (the JVM's
 * `SparkThrowable.getQueryContext()` entries; see query-context.ts).
 */
export interface QueryContext {
  /** `VIEW` when the expression is in a view's query text, '' otherwise. */
  readonly objectType: string;
  readonly objectName: string;
  /** Offsets of the fragment in the SQL text (stop inclusive). */
  readonly startIndex: number;
  readonly stopIndex: number;
  readonly fragment: string;
  /** The `== SQL(line L, position P) ==` block appended to the message. */
  readonly summary: string;
}

const QUERY_CONTEXT = Symbol.for('sparkless.queryContext');

/** Records an error's query context (query-context.ts appends its summary to the message). */
export function setQueryContext(err: SparklessError, context: readonly QueryContext[]): void {
  Object.defineProperty(err, QUERY_CONTEXT, { value: Object.freeze([...context]), configurable: true });
}

export interface ErrorDetails {
  /** Spark's error class, e.g. `UNRESOLVED_COLUMN.WITH_SUGGESTION`. */
  readonly errorClass?: string;
  /** Message parameters, as in Spark's `getMessageParameters()`. */
  readonly messageParameters?: Readonly<Record<string, string>>;
  readonly cause?: unknown;
}

export class SparklessError extends Error {
  declare readonly [MARKER]: true;
  readonly errorClass: string | undefined;
  readonly messageParameters: Readonly<Record<string, string>>;

  /**
   * `message` is the text after the `[ERROR_CLASS] ` prefix, which is added here; Spark
   * words `_LEGACY_ERROR_TEMP_*` classes without it.
   */
  constructor(message: string, details: ErrorDetails = {}) {
    const prefixed = details.errorClass && !details.errorClass.startsWith('_LEGACY_ERROR_');
    super(prefixed ? `[${details.errorClass}] ${message}` : message, { cause: details.cause });
    // sparkless' own kinds carry their name on the prototype (defineErrorKind); a user's subclass is named after its class.
    if (!Object.prototype.hasOwnProperty.call(new.target.prototype, 'name')) this.name = new.target.name;
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

  /** The JVM's `getQueryContext()`: where the failing expression was written in SQL text (empty when not from SQL text). */
  getQueryContext(): readonly QueryContext[] {
    return (this as unknown as Record<symbol, readonly QueryContext[] | undefined>)[QUERY_CONTEXT] ?? [];
  }

  /** True for an error raised by any copy of sparkless. */
  static isSparklessError(err: unknown): err is SparklessError {
    return typeof err === 'object' && err !== null && (err as Record<symbol, unknown>)[MARKER] === true;
  }
}

/**
 * Gives an error class its public name (`e.name`, `String(e)`, the stack's first
 * line, `constructor.name`) and brands its instances, and its subclasses'
 * instances, as the kind `name` (see `isErrorKind`).
 */
export function defineErrorKind(cls: abstract new (...args: never[]) => SparklessError, name: string): void {
  definePublicName(cls, name);
  Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true });
  Object.defineProperty(cls.prototype, kindBrand(name), { value: true });
}

/** True when `err` is of the kind `name` or a subkind of it (a `ParseException` is an `AnalysisException`), from any copy. */
export function isErrorKind(err: unknown, name: string): boolean {
  return typeof err === 'object' && err !== null && (err as Record<symbol, unknown>)[kindBrand(name)] === true;
}

defineErrorKind(SparklessError, 'SparklessError');
Object.defineProperty(SparklessError.prototype, MARKER, { value: true });
