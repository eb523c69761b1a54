/**
 * `spark.udf` (PySpark's UDFRegistration): UDFs registered by name, callable
 * from `spark.sql`, `F.expr`, `selectExpr`, `F.call_udf` and
 * `F.call_function` in this session. Names are case-insensitive, as Spark's
 * function names are; a builtin function of the same name takes precedence.
 */
import { NotImplementedException, PySparkTypeError } from '../errors/index.js';
import type { DataType } from '../types/data-types.js';
import { newUdf, udf, udfSpecOf, type RowFunction, type UdfSpec, type UserDefinedFunction, type VectorizedFunction } from './udf.js';

const isUdf = (f: unknown): f is UserDefinedFunction => typeof f === 'function' && typeof (f as Partial<UserDefinedFunction>).asNondeterministic === 'function' && 'returnType' in f;

export class UDFRegistration {
  readonly #udfs = new Map<string, UdfSpec>();

  /** @internal `remote`: the session runs on Spark Connect, where a TypeScript function cannot run. */
  constructor(private readonly remote: boolean) {}

  /**
   * Registers `f` (a function, or a UDF made by `F.udf`) as `name`; returns
   * the UDF, named `name`. `returnType` (DataType or DDL string, default
   * string) is only for plain functions, as in PySpark.
   */
  register(name: string, f: RowFunction | VectorizedFunction | UserDefinedFunction, returnType?: DataType | string): UserDefinedFunction {
    if (this.remote) {
      throw new NotImplementedException('spark.udf.register on Spark Connect', 'a TypeScript function cannot run inside Spark; run UDFs on a local backend (memory, polars)');
    }
    if (typeof name !== 'string') {
      throw new PySparkTypeError(`Argument \`name\` should be a str, got ${typeof name}.`, { errorClass: 'NOT_STR', messageParameters: { arg_name: 'name', arg_type: typeof name } });
    }
    let registered: UserDefinedFunction;
    if (isUdf(f)) {
      if (returnType !== undefined) {
        throw new PySparkTypeError('Cannot specify return type for user-defined function; it is taken from the UDF.', {
          errorClass: 'CANNOT_SPECIFY_RETURN_TYPE_FOR_UDF',
          messageParameters: { arg_name: 'f', return_type: String(returnType) },
        });
      }
      registered = newUdf(udfSpecOf(f, name));
    } else {
      registered = udf(f, returnType, { name });
    }
    this.#udfs.set(name.toLowerCase(), registered.spec);
    return registered;
  }

  /** Java UDFs need a JVM: use `register` with a TypeScript function (or the connect backend's SQL functions). */
  registerJavaFunction(..._args: unknown[]): never {
    throw new NotImplementedException('spark.udf.registerJavaFunction', 'Java UDFs need a JVM; register a TypeScript function with spark.udf.register');
  }

  registerJavaUDAF(..._args: unknown[]): never {
    throw new NotImplementedException('spark.udf.registerJavaUDAF', 'Java UDAFs need a JVM; aggregate with the builtin functions or F.udf over F.collect_list');
  }

  /** @internal The registered UDF called `name` (any case). */
  lookupUdf(name: string): UdfSpec | undefined {
    return this.#udfs.get(name.toLowerCase());
  }
}
