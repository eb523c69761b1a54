/**
 * Options of the DataFrame and schema comparisons, their defaults, and their
 * validation (an unknown option is an error: a typo such as `ignoreRowOrder`
 * must not silently make a comparison stricter or looser than intended).
 */
import type { DataFrame } from '../api/dataframe.js';
import { closestNames } from '../errors/suggest.js';
import type { StructType } from '../types/data-types.js';
import { usageError } from './errors.js';

/** A function applied to both sides before comparing (e.g. sort arrays, round, drop a column). */
export type DataFrameTransform = (df: DataFrame) => DataFrame;

/** Options shared by schema comparisons (`assertSchemaEqual`, `toEqualSchema`) and DataFrame comparisons. */
export interface SchemaEqualOptions {
  /** Ignore nullability of columns and of nested array elements, map values and struct fields (default true, like PySpark). */
  readonly ignoreNullable?: boolean;
  /** Ignore StructField metadata (default true). */
  readonly ignoreMetadata?: boolean;
  /** Match columns by name instead of position (default false). */
  readonly ignoreColumnOrder?: boolean;
  /** Match columns by position and ignore their top-level names (default false). */
  readonly ignoreColumnName?: boolean;
  /** Columns (top-level names) left out of the comparison on both sides. */
  readonly ignoreColumns?: readonly string[];
  /** Colour the message: true/false, or undefined to detect (NO_COLOR / FORCE_COLOR / TTY). */
  readonly color?: boolean;
}

/** Options of `assertDataFrameEqual` and `toEqualDataFrame`. */
export interface DataFrameEqualOptions extends SchemaEqualOptions {
  /** Compare rows position by position (default false: rows are compared as a multiset). */
  readonly checkRowOrder?: boolean;
  /** Compare values only, ignoring column data types (default false). */
  readonly ignoreColumnType?: boolean;
  /** Relative tolerance for float/double values: |a - e| <= atol + rtol * |e| (default 1e-5, PySpark's). */
  readonly rtol?: number;
  /** Absolute tolerance for float/double values (default 1e-8, PySpark's). */
  readonly atol?: number;
  /** NaN equals NaN, as in Spark SQL (default true). */
  readonly nanEquality?: boolean;
  /** Compare string values case-insensitively (default false). */
  readonly ignoreCase?: boolean;
  /** Most mismatched rows shown in the message (default 10). */
  readonly maxErrors?: number;
  /** Show only the mismatched rows (default true); false also lists matching rows. */
  readonly showOnlyDiff?: boolean;
  /** Attach every mismatched row pair to the error as `diffRows` (default false). */
  readonly includeDiffRows?: boolean;
  /** Applied to both sides before comparing; expected rows are first turned into a DataFrame in the actual's session. */
  readonly transforms?: DataFrameTransform | readonly DataFrameTransform[];
  /** Schema of `expected` when it is given as rows (DDL string or StructType). */
  readonly schema?: StructType | string;
}

export interface ResolvedOptions {
  readonly checkRowOrder: boolean;
  readonly ignoreColumnOrder: boolean;
  readonly ignoreNullable: boolean;
  readonly ignoreColumnType: boolean;
  readonly ignoreColumnName: boolean;
  readonly ignoreMetadata: boolean;
  readonly rtol: number;
  readonly atol: number;
  readonly nanEquality: boolean;
  readonly ignoreCase: boolean;
  readonly ignoreColumns: readonly string[];
  readonly maxErrors: number;
  readonly showOnlyDiff: boolean;
  readonly includeDiffRows: boolean;
  readonly transforms: readonly DataFrameTransform[];
  readonly schema: StructType | string | undefined;
  readonly color: boolean | undefined;
}

export const DEFAULT_OPTIONS: ResolvedOptions = Object.freeze({
  checkRowOrder: false,
  ignoreColumnOrder: false,
  ignoreNullable: true,
  ignoreColumnType: false,
  ignoreColumnName: false,
  ignoreMetadata: true,
  rtol: 1e-5,
  atol: 1e-8,
  nanEquality: true,
  ignoreCase: false,
  ignoreColumns: [],
  maxErrors: 10,
  showOnlyDiff: true,
  includeDiffRows: false,
  transforms: [],
  schema: undefined,
  color: undefined,
});

const BOOLEAN_KEYS = [
  'checkRowOrder',
  'ignoreColumnOrder',
  'ignoreNullable',
  'ignoreColumnType',
  'ignoreColumnName',
  'ignoreMetadata',
  'nanEquality',
  'ignoreCase',
  'showOnlyDiff',
  'includeDiffRows',
] as const;

/** The options a schema comparison accepts (a message's hints name only options its comparison accepts). */
export const SCHEMA_KEYS: readonly string[] = ['ignoreNullable', 'ignoreMetadata', 'ignoreColumnOrder', 'ignoreColumnName', 'ignoreColumns', 'color'];
/** The options a DataFrame comparison accepts. */
export const ALL_KEYS: readonly string[] = Object.keys(DEFAULT_OPTIONS);

/** Names used by chispa, PySpark or other tools, with what to write instead. */
const SYNONYMS: Readonly<Record<string, string>> = {
  ignoreRowOrder: 'row order is ignored by default; pass checkRowOrder: true to check it',
  ignore_row_order: 'row order is ignored by default; pass checkRowOrder: true to check it',
  checkColumnOrder: 'column order is checked by default; pass ignoreColumnOrder: true to ignore it',
  ignore_column_order: "use 'ignoreColumnOrder'",
  ignore_nullable: "use 'ignoreNullable'",
  allowNanEquality: "use 'nanEquality'",
  allow_nan_equality: "use 'nanEquality'",
  precision: "use 'atol' (absolute) or 'rtol' (relative)",
  underlineCells: 'differing cells are always marked',
};

/** The option names a hint text tells the user to pass (`pass x: true`, `use 'x'`). */
function optionsNamedIn(text: string): string[] {
  return [...text.matchAll(/pass (\w+):|use '(\w+)'/g)].map((m) => (m[1] ?? m[2])!);
}

/** Throws for a key of `options` not in `allowed`, with a hint that works here (it names only allowed options). */
export function checkOptionKeys(options: object, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(options)) {
    if (allowed.includes(key)) continue;
    const synonym = SYNONYMS[key];
    let hint: string;
    if (synonym && optionsNamedIn(synonym).every((n) => allowed.includes(n))) hint = `; ${synonym}.`;
    else if (ALL_KEYS.includes(key)) hint = `; it is an option of DataFrame comparisons (toEqualDataFrame, assertDataFrameEqual) only.`;
    else hint = closestNames(key, allowed, 1).map((h) => `; did you mean '${h}'?`)[0] ?? '.';
    throw usageError('TESTING_UNKNOWN_OPTION', `Unknown ${what} option '${key}'${hint} Valid options: ${allowed.join(', ')}.`);
  }
}

function bool(v: unknown, key: string, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (typeof v !== 'boolean') throw usageError('TESTING_INVALID_OPTION', `Option '${key}' must be a boolean, got ${typeof v}.`);
  return v;
}

function nonNegative(v: unknown, key: string, dflt: number): number {
  if (v === undefined) return dflt;
  if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) {
    throw usageError('TESTING_INVALID_OPTION', `Option '${key}' must be a finite number >= 0, got ${String(v)}.`);
  }
  return v;
}

function names(v: unknown, key: string): readonly string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
    throw usageError('TESTING_INVALID_OPTION', `Option '${key}' must be an array of column names.`);
  }
  return v;
}

/** Validates and fills in the defaults of DataFrame comparison options. */
export function resolveOptions(options: DataFrameEqualOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw usageError('TESTING_INVALID_OPTION', `Comparison options must be an object, got ${options === null ? 'null' : typeof options}.`);
  }
  checkOptionKeys(options, ALL_KEYS, 'comparison');
  const o = options as Record<string, unknown>;
  const out: Record<string, unknown> = { ...DEFAULT_OPTIONS };
  for (const key of BOOLEAN_KEYS) out[key] = bool(o[key], key, DEFAULT_OPTIONS[key]);
  out['rtol'] = nonNegative(o['rtol'], 'rtol', DEFAULT_OPTIONS.rtol);
  out['atol'] = nonNegative(o['atol'], 'atol', DEFAULT_OPTIONS.atol);
  const maxErrors = o['maxErrors'];
  if (maxErrors !== undefined && (typeof maxErrors !== 'number' || !Number.isInteger(maxErrors) || maxErrors < 1)) {
    throw usageError('TESTING_INVALID_OPTION', `Option 'maxErrors' must be an integer >= 1, got ${String(maxErrors)}.`);
  }
  out['maxErrors'] = maxErrors ?? DEFAULT_OPTIONS.maxErrors;
  out['ignoreColumns'] = names(o['ignoreColumns'], 'ignoreColumns');
  const t = o['transforms'];
  const transforms = t === undefined ? [] : Array.isArray(t) ? t : [t];
  if (!transforms.every((f) => typeof f === 'function')) {
    throw usageError('TESTING_INVALID_OPTION', `Option 'transforms' must be a function (DataFrame => DataFrame) or an array of them.`);
  }
  out['transforms'] = transforms;
  out['schema'] = o['schema'];
  out['color'] = o['color'] === undefined ? undefined : bool(o['color'], 'color', false);
  return out as unknown as ResolvedOptions;
}

/** Validates schema comparison options (only the schema-related keys are accepted). */
export function resolveSchemaOptions(options: SchemaEqualOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw usageError('TESTING_INVALID_OPTION', `Schema comparison options must be an object.`);
  }
  checkOptionKeys(options, SCHEMA_KEYS, 'schema comparison');
  return resolveOptions(options);
}
