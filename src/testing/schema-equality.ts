/** Schema equality: `compareSchemas` and `assertSchemaEqual` over StructTypes, DDL strings or DataFrames. */
import { DataFrame } from '../api/dataframe.js';
import { DataType, StructField, StructType } from '../types/data-types.js';
import { painterFor } from './colors.js';
import { DEFAULT_LABELS } from './diff-render.js';
import { DataFrameMismatchError, usageError } from './errors.js';
import { liveInput, toSchema, type Frame } from './frames.js';
import type { CompareContext } from './equality.js';
import { align, schemaDiffValues, schemaProblemText } from './column-alignment.js';
import { resolveSchemaOptions, SCHEMA_KEYS, type SchemaEqualOptions } from './options.js';

/** A schema given as a StructType, a DDL string, or a DataFrame (its schema). */
export type SchemaInput = StructType | string | DataFrame;

function schemaOf(x: SchemaInput, side: string): StructType {
  if (DataFrame.isDataFrame(x)) return liveInput(x).schema;
  if (x instanceof StructType || typeof x === 'string') return toSchema(x)!;
  if ((x as unknown) instanceof DataType) return new StructType([new StructField('value', x as unknown as DataType)]);
  const got = typeof x === 'object' && x !== null && typeof (x as { then?: unknown }).then === 'function' ? 'a Promise (did you forget `await`?)' : typeof x;
  throw usageError('TESTING_INVALID_INPUT', `The ${side} schema must be a StructType, a DDL string or a DataFrame, got ${got}.`);
}

export interface SchemaComparison {
  readonly equal: boolean;
  readonly kind: 'schema' | 'columnOrder' | undefined;
  readonly message: string;
  /** Both sides' columns as `name: type` lines, for the runner's own diff. Undefined when equal. */
  readonly diffValues?: { readonly actual: string; readonly expected: string };
}

/** Compares schemas without throwing. */
export function compareSchemas(actual: SchemaInput, expected: SchemaInput, options: SchemaEqualOptions = {}, ctx: CompareContext = {}): SchemaComparison {
  const o = resolveSchemaOptions(options);
  const p = ctx.painter ?? painterFor(o.color);
  const frame = (s: StructType): Frame => ({ names: s.names, schema: s, rows: [], byName: false, timeZone: 'UTC', isDataFrame: false });
  const a = frame(schemaOf(actual, 'actual'));
  const e = frame(schemaOf(expected, 'expected'));
  const al = align(a, e, o, 'Schemas', SCHEMA_KEYS);
  if (!al.problem) return { equal: true, kind: undefined, message: '' };
  return { equal: false, kind: al.problem.kind, message: schemaProblemText(al, p, DEFAULT_LABELS), diffValues: schemaDiffValues(al, a, e, o) };
}

/**
 * Asserts two schemas are equal (nullability and metadata ignored by default),
 * throwing a `DataFrameMismatchError` with a side-by-side schema diff.
 */
export function assertSchemaEqual(actual: SchemaInput, expected: SchemaInput, options: SchemaEqualOptions = {}): void {
  const c = compareSchemas(actual, expected, options);
  if (!c.equal) throw new DataFrameMismatchError(c.message, { kind: c.kind!, ...(c.diffValues ? { diffValues: c.diffValues } : {}) });
}
