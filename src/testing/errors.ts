/**
 * Errors of the testing toolkit.
 *
 * `DataFrameMismatchError` is an assertion failure (what `assertDataFrameEqual`
 * and `assertSchemaEqual` throw), not an engine error, so it extends `Error`
 * rather than `SparklessError`. Detection uses a `Symbol.for` marker, so it works
 * across copies of the library loaded by Vitest/Jest module isolation.
 * Misuse of the toolkit itself (bad options, a session outside a test) throws the
 * engine's `IllegalArgumentException` with a `TESTING_*` error class.
 */
import type { Row } from '../data/row.js';
import { IllegalArgumentException } from '../errors/index.js';
import { definePublicName } from '../util/public-name.js';

const MISMATCH_MARKER = Symbol.for('sparkless.testing.mismatch');

/** What kind of difference was found first (the order in which checks run). */
export type MismatchKind = 'schema' | 'columnOrder' | 'rowCount' | 'rows' | 'rowOrder' | 'backends';

/** One mismatched pair of rows; one side is null when the row has no counterpart. */
export interface DiffRow {
  /** The actual row (compared columns only), or null for a row found only in `expected`. */
  readonly actual: Row | null;
  /** The expected row (compared columns only), or null for a row found only in `actual`. */
  readonly expected: Row | null;
  /** Position of `actual` in the collected actual rows. */
  readonly actualIndex: number | null;
  /** Position of `expected` in the expected rows. */
  readonly expectedIndex: number | null;
  /** Names of the columns whose values differ (all columns for an unpaired row). */
  readonly columns: readonly string[];
}

export interface DataFrameMismatchDetails {
  readonly kind: MismatchKind;
  /** Rows that do not match (0 for schema and column-order mismatches). */
  readonly mismatchedRows?: number;
  readonly actualRowCount?: number;
  readonly expectedRowCount?: number;
  /** Present when `includeDiffRows: true` was passed. */
  readonly diffRows?: readonly DiffRow[];
  /** What differs as values for the runner's own diff (see `DataFrameComparison.diffValues`). */
  readonly diffValues?: { readonly actual: unknown; readonly expected: unknown };
}

/** Thrown by `assertDataFrameEqual` / `assertSchemaEqual` (and the matchers' helpers). */
export class DataFrameMismatchError extends Error {
  static {
    definePublicName(this, 'DataFrameMismatchError');
  }

  readonly [MISMATCH_MARKER] = true;
  readonly kind: MismatchKind;
  readonly mismatchedRows: number;
  readonly actualRowCount: number | undefined;
  readonly expectedRowCount: number | undefined;
  /** Every mismatched row pair, when `includeDiffRows: true` was passed; otherwise undefined. */
  readonly diffRows: readonly DiffRow[] | undefined;
  /** What differs (schema lines, or the first mismatched rows as objects): runners diff `actual` against `expected`. */
  readonly actual: unknown;
  readonly expected: unknown;

  constructor(message: string, details: DataFrameMismatchDetails) {
    super(message);
    this.name = 'DataFrameMismatchError';
    this.kind = details.kind;
    this.mismatchedRows = details.mismatchedRows ?? 0;
    this.actualRowCount = details.actualRowCount;
    this.expectedRowCount = details.expectedRowCount;
    this.diffRows = details.diffRows;
    this.actual = details.diffValues?.actual;
    this.expected = details.diffValues?.expected;
  }

  /** True for a mismatch error from any copy of sparkless. */
  static isDataFrameMismatchError(err: unknown): err is DataFrameMismatchError {
    return typeof err === 'object' && err !== null && (err as Record<symbol, unknown>)[MISMATCH_MARKER] === true;
  }
}

/** Same as `DataFrameMismatchError.isDataFrameMismatchError`. */
export const isDataFrameMismatchError = (err: unknown): err is DataFrameMismatchError => DataFrameMismatchError.isDataFrameMismatchError(err);

/** A usage mistake with the toolkit (unknown option, session outside a test, ...). */
export function usageError(errorClass: string, message: string): IllegalArgumentException {
  return new IllegalArgumentException(message, { errorClass });
}
