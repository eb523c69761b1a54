/**
 * Native Polars errors surface as bare napi errors whose message is Rust's
 * `Display` of a PolarsError (`ComputeError: ...`, `ColumnNotFound: ...`) or
 * a panic message. They are translated here so nothing raw reaches users.
 */
import { BackendException, ExecutionException, SparklessError } from '../../errors/index.js';

/** Polars error kinds as they prefix messages. */
const KNOWN_KINDS = [
  'ColumnNotFound',
  'ComputeError',
  'Duplicate',
  'InvalidOperation',
  'NoData',
  'OutOfBounds',
  'SchemaFieldNotFound',
  'SchemaMismatch',
  'ShapeMismatch',
  'SQLInterface',
  'SQLSyntax',
  'StringCacheMismatch',
  'StructFieldNotFound',
  'IO',
] as const;

function firstLine(msg: string): string {
  const line = msg.split('\n').find((l) => l.trim() !== '') ?? msg;
  return line.trim().slice(0, 500);
}

/** The Polars error kind and the message without the kind prefix / plan dump. */
export function parsePolarsError(err: unknown): { kind: string; detail: string } {
  const raw = err instanceof Error ? err.message : String(err);
  const line = firstLine(raw);
  for (const k of KNOWN_KINDS) {
    if (line.startsWith(k)) return { kind: k, detail: line.slice(k.length).replace(/^[:\s]+/, '') };
  }
  if (/panicked|unwrap\(\)|not implemented in/i.test(raw)) return { kind: 'Panic', detail: line };
  return { kind: 'Error', detail: line };
}

/**
 * Wraps a native failure in our error types. `while` says what the backend
 * was doing (`collecting the result`, `building the plan for Join`).
 */
export function translatePolarsError(err: unknown, whileDoing: string): SparklessError {
  if (SparklessError.isSparklessError(err)) return err;
  const { kind, detail } = parsePolarsError(err);
  if (kind === 'Panic') {
    return new BackendException(
      `The Polars backend failed internally while ${whileDoing} (${detail}). ` +
        `This is a sparkless bug; the 'memory' backend can run the same query.`,
      { errorClass: 'POLARS_INTERNAL_ERROR', messageParameters: { detail }, cause: err },
    );
  }
  return new ExecutionException(`The Polars backend failed while ${whileDoing}: ${kind}: ${detail}`, {
    errorClass: 'POLARS_EXECUTION_ERROR',
    messageParameters: { kind, detail },
    cause: err,
  });
}

/** Runs `f`, translating any native error. */
export function guarded<T>(whileDoing: string, f: () => T): T {
  try {
    return f();
  } catch (err) {
    throw translatePolarsError(err, whileDoing);
  }
}
