/**
 * The Polars backend's function table, keyed by registry name (see
 * functions/registry.ts). Every registered function has an entry: a native
 * lowering or an explicit delegation to the memory interpreter. A name with
 * no entry (a function registered after this table was written) is delegated.
 */
import { aggregateFunctions } from './aggregate.js';
import { collectionFunctions } from './collections.js';
import { delegatedFunctions } from './delegated.js';
import { delegatedDatetimeFunctions } from './delegated-datetime.js';
import { formatFunctions } from './delegated-formats.js';
import { operatorFunctions } from './operators.js';
import { scalarFunctions } from './scalar.js';
import type { FunctionTable, PolarsFunction } from './types.js';
import { windowFunctions } from './window.js';

export const POLARS_FUNCTIONS: FunctionTable = Object.freeze({
  ...operatorFunctions,
  ...scalarFunctions,
  ...aggregateFunctions,
  ...windowFunctions,
  ...delegatedFunctions,
  ...delegatedDatetimeFunctions,
  ...collectionFunctions,
  ...formatFunctions,
  // regexp / regexp_like are RLIKE under other names.
  regexp: operatorFunctions['rlike']!,
  regexp_like: operatorFunctions['rlike']!,
  // nvl / ifnull are two-argument coalesce; equal_null is <=>.
  nvl: scalarFunctions['coalesce']!,
  ifnull: scalarFunctions['coalesce']!,
  equal_null: operatorFunctions['eq_null_safe']!,
  // User-defined TypeScript functions run in the interpreter.
  udf: { delegated: 'a TypeScript UDF runs in the interpreter' },
  // Generators run in the Generate operator.
  explode: { generator: true },
  explode_outer: { generator: true },
  posexplode: { generator: true },
  posexplode_outer: { generator: true },
  // Higher-order functions: their lambdas run in the interpreter.
  ...Object.fromEntries(
    ['transform', 'filter', 'exists', 'forall', 'aggregate', 'reduce', 'zip_with', 'map_filter', 'transform_keys', 'transform_values'].map((n) => [
      n,
      { delegated: 'lambda functions run in the interpreter' },
    ]),
  ),
} as Record<string, PolarsFunction>);

export type Support = 'native' | 'delegated' | 'missing';

/** How the Polars backend runs a registered function. */
export function polarsFunctionSupport(name: string): Support {
  const f = POLARS_FUNCTIONS[name];
  if (!f) return 'missing';
  if (f.delegated) return 'delegated';
  return 'native';
}

export function lookupPolarsFunction(name: string): PolarsFunction | undefined {
  return POLARS_FUNCTIONS[name];
}

export type { PolarsFunction, FunctionTable, FnContext } from './types.js';
