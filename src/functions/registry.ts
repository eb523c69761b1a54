/**
 * The function registry: one `FunctionDef` per Spark function or operator.
 *
 * A definition states everything the analyzer needs: arity, argument checking
 * and implicit casts, result type and nullability, and the auto-generated
 * column name. Execution lives in the backends, in tables keyed by the same
 * name (`backend/memory/functions`, `backend/polars/functions`), whose
 * completeness is checked by a test; so adding a function is a definition
 * here plus one lowering per backend.
 */
import { AnalysisException } from '../errors/index.js';
import type { Call, Expr } from '../expr/nodes.js';
import type { DataType } from '../types/data-types.js';
import { builtinFunctionDefs } from './defs/index.js';
import type { ResolveContext } from './resolve-context.js';

export type FunctionKind = 'scalar' | 'aggregate' | 'window' | 'generator';

/** A resolved argument as the definition sees it. */
export interface ArgInfo {
  readonly expr: Expr;
  readonly dataType: DataType;
  readonly nullable: boolean;
  /** The argument's output name when it is a column or an alias (struct field names use it). */
  readonly name?: string;
  /** Present when the argument is a literal (its internal value). */
  readonly literal?: { readonly value: unknown };
}

/** Settings and SQL texts a definition's `resolve` gets; copied only with `withSql` (resolve-context.ts). */
export type { ResolveContext };

export interface Resolution {
  readonly dataType: DataType;
  readonly nullable: boolean;
  /**
   * Implicit casts the analyzer must insert, per argument (`undefined` = keep).
   * Backends can then rely on exact argument types.
   */
  readonly argTypes?: readonly (DataType | undefined)[];
}

export interface FunctionDef {
  /** Registry key; PySpark's snake_case name for functions, an operator name (`add`, `eq`) otherwise. */
  readonly name: string;
  readonly kind: FunctionKind;
  readonly minArgs: number;
  /** `Infinity` for variadic functions. */
  readonly maxArgs: number;
  /** Checks argument types (throwing Spark's DATATYPE_MISMATCH errors) and computes the result type. */
  resolve(args: readonly ArgInfo[], call: Call, ctx: ResolveContext): Resolution;
  /**
   * Spark's auto-generated name for the call given its arguments' names,
   * e.g. `upper(name)`, `(a + b)`, `count(DISTINCT x)`. Default: `name(arg, ...)`.
   */
  sql?(argSql: readonly string[], call: Call): string;
  /** If any argument is null the result is null, without calling the implementation. */
  readonly nullIntolerant?: boolean;
  /** For generators: names and types of the produced columns. */
  generatorOutput?(args: readonly ArgInfo[], call: Call): readonly { name: string; dataType: DataType; nullable: boolean }[];
  /** Non-deterministic functions (rand, uuid, current_timestamp) must not be deduplicated by the optimizer. */
  readonly nondeterministic?: boolean;
  /**
   * Higher-order functions: the variables the function argument at `index`
   * receives (for a lambda of `arity` parameters), given the resolved
   * arguments before it; `undefined` when that argument is a plain value.
   */
  lambdaParams?(args: readonly ArgInfo[], index: number, arity: number): readonly LambdaParam[] | undefined;
}

/** A lambda variable's type, as a higher-order function binds it. */
export interface LambdaParam {
  readonly dataType: DataType;
  readonly nullable: boolean;
}

let table: Map<string, FunctionDef> | undefined;

/**
 * The name → definition table, built on first use from the built-in
 * definitions (explicitly, not by import side effects, which bundlers drop).
 */
function functions(): Map<string, FunctionDef> {
  if (!table) {
    table = new Map();
    registerFunctions(builtinFunctionDefs);
  }
  return table;
}

/** Adds definitions; a duplicate name is a programming error. */
export function registerFunctions(defs: readonly FunctionDef[]): void {
  const t = table ?? functions();
  for (const d of defs) {
    if (t.has(d.name)) throw new Error(`internal: function ${d.name} registered twice`);
    t.set(d.name, d);
  }
}

export function lookupFunction(name: string): FunctionDef {
  const def = functions().get(name);
  if (!def) {
    // a qualified name (`db.f(..)` in SQL) is shown part by part, as Spark quotes a multi-part name
    const routineName = name.split('.').map((part) => `\`${part}\``).join('.');
    throw new AnalysisException(
      `Cannot resolve function ${routineName} on search path [\`system\`.\`builtin\`, \`system\`.\`session\`, \`spark_catalog\`.\`default\`].`,
      { errorClass: 'UNRESOLVED_ROUTINE', messageParameters: { routineName } },
    );
  }
  return def;
}

export function hasFunction(name: string): boolean {
  return functions().has(name);
}

export function registeredFunctionNames(): string[] {
  return [...functions().keys()].sort();
}
