/**
 * User-defined functions: TypeScript functions called from DataFrame
 * expressions and SQL, as PySpark's `udf`, `spark.udf.register`, `call_udf`.
 *
 * A UDF call is the registry function `udf` whose `options.udf` holds the
 * `UserDefinedFunction`; the analyzer types it by `returnType` and names it
 * `<name>(args)` as PySpark does (`<lambda>` for an anonymous function, as
 * for a Python lambda). Row UDFs receive each row's values as `collect()`
 * returns them (nulls included: the function decides); vectorized UDFs
 * receive whole argument columns per batch as apache-arrow Vectors. A result
 * that does not fit `returnType` becomes null, as in PySpark.
 *
 * UDFs run in the local interpreter (the Polars backend delegates the node);
 * on the connect backend they cannot run in Spark and fail with a typed error.
 */
import type { Vector } from 'apache-arrow';
import { NotImplementedException, PySparkTypeError } from '../errors/index.js';
import { E } from '../expr/nodes.js';
import { DataType, STRING } from '../types/data-types.js';
import { parseTypeString } from '../types/ddl.js';
import { Column, toColumnExpr, type ColumnOrName } from './column.js';

/** A row UDF: one call per row with the arguments' values (null included). */
export type RowFunction = (...args: any[]) => unknown;
/** A vectorized UDF: one call per batch with one Arrow Vector per argument; returns a Vector or an array of the batch's length. */
export type VectorizedFunction = (...columns: Vector[]) => Vector | ArrayLike<unknown> | Iterable<unknown>;

export interface UdfOptions {
  /** Call the function once per batch with whole columns (Arrow Vectors) instead of once per row. */
  readonly vectorized?: boolean;
  /** The UDF's name in column names (default: the function's name, `<lambda>` when it has none). */
  readonly name?: string;
}

let nextUdfId = 1;

/** A UDF; call it with columns (or column names) to build a Column. */
export interface UserDefinedFunction {
  (...cols: (ColumnOrName | readonly ColumnOrName[])[]): Column;
  readonly func: RowFunction | VectorizedFunction;
  readonly returnType: DataType;
  /** The name in column names and SQL. */
  readonly udfName: string;
  readonly deterministic: boolean;
  readonly vectorized: boolean;
  /** The same UDF marked nondeterministic (PySpark's `asNondeterministic()`). */
  asNondeterministic(): UserDefinedFunction;
  /** @internal What a call of this UDF carries in the expression tree. */
  readonly spec: UdfSpec;
}

/** The part of a UDF the expression tree carries (`Call.options.udf`). */
export interface UdfSpec {
  readonly id: number;
  readonly func: RowFunction | VectorizedFunction;
  readonly returnType: DataType;
  readonly name: string;
  readonly deterministic: boolean;
  readonly vectorized: boolean;
  /** Expression keys compare UDFs by identity, not by (unserializable) function text. */
  toJSON(): unknown;
}

/** PySpark's `returnType`: a DataType or a DDL type string; string by default. */
export function udfReturnType(returnType: DataType | string | undefined): DataType {
  if (returnType === undefined) return STRING;
  if (returnType instanceof DataType) return returnType;
  if (typeof returnType === 'string') return parseTypeString(returnType);
  throw new PySparkTypeError(`Argument \`returnType\` should be a DataType or str, got ${typeof returnType}.`, {
    errorClass: 'NOT_DATATYPE_OR_STR',
    messageParameters: { arg_name: 'returnType', arg_type: typeof returnType },
  });
}

function checkCallable(f: unknown): asserts f is RowFunction {
  if (typeof f !== 'function') {
    throw new PySparkTypeError(`Argument \`func\` should be a callable, got ${typeof f}.`, {
      errorClass: 'NOT_CALLABLE',
      messageParameters: { arg_name: 'func', arg_type: typeof f },
    });
  }
}

function makeUdf(spec: Omit<UdfSpec, 'id' | 'toJSON'>): UserDefinedFunction {
  const id = nextUdfId++;
  const full: UdfSpec = Object.freeze({ ...spec, id, toJSON: () => ({ udf: id, name: spec.name, deterministic: spec.deterministic }) });
  const call = (...cols: (ColumnOrName | readonly ColumnOrName[])[]): Column => udfCall(full, cols.flat() as ColumnOrName[]);
  return Object.assign(call, {
    func: spec.func,
    returnType: spec.returnType,
    udfName: spec.name,
    deterministic: spec.deterministic,
    vectorized: spec.vectorized,
    spec: full,
    asNondeterministic: () => makeUdf({ ...spec, deterministic: false }),
  }) as UserDefinedFunction;
}

/** @internal The spec of a UserDefinedFunction (to register it or call it by name). */
export function udfSpecOf(f: UserDefinedFunction, name = f.udfName): Omit<UdfSpec, 'id' | 'toJSON'> {
  return { func: f.func, returnType: f.returnType, name, deterministic: f.deterministic, vectorized: f.vectorized };
}

/** @internal A call of `spec` on the given columns. */
export function udfCall(spec: UdfSpec, cols: readonly ColumnOrName[]): Column {
  return new Column(E.call('udf', cols.map((c) => toColumnExpr(c)), { options: { udf: spec } }));
}

/** @internal A UDF spec with a fresh identity (registration). */
export function newUdf(spec: Omit<UdfSpec, 'id' | 'toJSON'>): UserDefinedFunction {
  return makeUdf(spec);
}

/**
 * PySpark's `udf(f, returnType)`: `F.udf((x: number) => x + 1, 'int')(col('a'))`.
 * `returnType` is a DataType or a DDL string (default `string`). With
 * `{ vectorized: true }` the function receives Arrow Vectors per batch.
 */
export function udf(f: RowFunction | VectorizedFunction, returnType?: DataType | string, options?: UdfOptions): UserDefinedFunction;
/** PySpark's decorator form `udf(returnType)`: a function that makes UDFs of that type. */
export function udf(returnType: DataType | string): (f: RowFunction | VectorizedFunction) => UserDefinedFunction;
export function udf(
  f: RowFunction | VectorizedFunction | DataType | string,
  returnType?: DataType | string,
  options: UdfOptions = {},
): UserDefinedFunction | ((f: RowFunction | VectorizedFunction) => UserDefinedFunction) {
  if (f instanceof DataType || typeof f === 'string') {
    const t = udfReturnType(f);
    return (g: RowFunction | VectorizedFunction) => udf(g, t);
  }
  checkCallable(f);
  const name = options.name ?? (f.name && f.name !== 'anonymous' ? f.name : '<lambda>');
  return makeUdf({ func: f, returnType: udfReturnType(returnType), name, deterministic: true, vectorized: options.vectorized === true });
}

/** A vectorized UDF (the TypeScript counterpart of a Series-to-Series `pandas_udf`): `fn` receives Arrow Vectors per batch. */
export function vectorizedUdf(f: VectorizedFunction, returnType?: DataType | string, options: Omit<UdfOptions, 'vectorized'> = {}): UserDefinedFunction {
  return udf(f, returnType, { ...options, vectorized: true });
}

/** pandas does not exist in TypeScript: the error names the vectorized alternative. */
export function pandas_udf(..._args: unknown[]): never {
  throw new NotImplementedException('functions.pandas_udf', 'use F.vectorizedUdf(fn, returnType) (or F.udf(fn, returnType, { vectorized: true })), whose function receives apache-arrow Vectors per batch');
}

/** User-defined table functions are not supported: the error names the alternatives. */
export function udtf(..._args: unknown[]): never {
  throw new NotImplementedException('functions.udtf', 'produce rows with df.mapInArrow(fn, schema), or an array-returning F.udf followed by F.explode');
}
