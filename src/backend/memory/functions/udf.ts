/**
 * The `udf` function: calls the user's TypeScript function. Row UDFs get one
 * call per row with external values (as `collect()` returns them), nulls
 * included; vectorized UDFs get one call per batch of up to
 * `VECTORIZED_BATCH_ROWS` rows with one apache-arrow Vector per argument.
 */
import { ExecutionException, SparklessError } from '../../../errors/index.js';
import type { Call } from '../../../expr/nodes.js';
import { udfOf } from '../../../functions/defs/udf.js';
import { makeBatch } from '../../../data/batch.js';
import { StructField, StructType, type DataType } from '../../../types/data-types.js';
import { toExternal } from '../../../types/values.js';
import { batchToArrowTable } from '../../export/arrow-table.js';
import { isArrowVector, udfResultToInternal, vectorToInternal } from '../runtime/udf-result.js';
import type { FunctionImpl, RowFn } from './types.js';

/** Rows per vectorized call (Spark's spark.sql.execution.arrow.maxRecordsPerBatch default). */
export const VECTORIZED_BATCH_ROWS = 10_000;

/** A failure inside the user's function, reported with the UDF's name (PySpark's PythonException). */
function udfFailed(name: string, err: unknown): never {
  if (SparklessError.isSparklessError(err)) throw err;
  const msg = err instanceof Error ? err.message : String(err);
  throw new ExecutionException(`An exception was thrown from the UDF '${name}': ${msg}`, { errorClass: 'UDF_EXECUTION_ERROR', cause: err });
}

function compileRowUdf(args: readonly RowFn[], call: Call): RowFn {
  const spec = udfOf(call);
  const f = spec.func as (...a: unknown[]) => unknown;
  const types = call.args.map((a) => a.dataType!);
  const out = call.dataType!;
  const n = args.length;
  return (i) => {
    const vals = new Array<unknown>(n);
    for (let k = 0; k < n; k++) vals[k] = toExternal(args[k]!(i) ?? null, types[k]!);
    let r: unknown;
    try {
      r = f(...vals);
    } catch (err) {
      udfFailed(spec.name, err);
    }
    return udfResultToInternal(r, out);
  };
}

/** Internal values from a vectorized UDF's result (an Arrow Vector of the exact type, or any iterable of JS values). */
function resultValues(r: unknown, t: DataType, name: string): unknown[] {
  if (isArrowVector(r)) return vectorToInternal(r, t);
  if (r === null || r === undefined || typeof (r as Iterable<unknown>)[Symbol.iterator] !== 'function' || typeof r === 'string') {
    throw new ExecutionException(`The vectorized UDF '${name}' must return an Arrow Vector or an array, got ${r === null ? 'null' : typeof r}.`, {
      errorClass: 'UDF_RETURN_TYPE',
    });
  }
  return Array.from(r as Iterable<unknown>, (v) => udfResultToInternal(v, t));
}

function compileVectorizedUdf(args: readonly RowFn[], call: Call, numRows: number | undefined): RowFn {
  const spec = udfOf(call);
  const f = spec.func as (...a: unknown[]) => unknown;
  const schema = new StructType(call.args.map((a, k) => new StructField(`_${k}`, a.dataType!, a.nullable ?? true)));
  const out = call.dataType!;
  // Without a known row count (a join's residual condition) every row is its own batch.
  const size = numRows === undefined ? 1 : VECTORIZED_BATCH_ROWS;
  const done = new Map<number, unknown[]>();
  const runBatch = (start: number, end: number): unknown[] => {
    const cols = args.map((a) => {
      const col = new Array<unknown>(end - start);
      for (let i = start; i < end; i++) col[i - start] = a(i) ?? null;
      return col;
    });
    const table = batchToArrowTable(makeBatch(schema, cols, end - start));
    let r: unknown;
    try {
      r = f(...call.args.map((_, k) => table.getChildAt(k)!));
    } catch (err) {
      udfFailed(spec.name, err);
    }
    const values = resultValues(r, out, spec.name);
    if (values.length !== end - start) {
      throw new ExecutionException(`Result vector from the vectorized UDF '${spec.name}' was not the required length: expected ${end - start}, got ${values.length}.`, {
        errorClass: 'RESULT_LENGTH_MISMATCH',
      });
    }
    return values;
  };
  return (i) => {
    const b = Math.floor(i / size);
    let values = done.get(b);
    if (!values) {
      const start = b * size;
      const end = numRows === undefined ? start + 1 : Math.min(numRows, start + size);
      values = runBatch(start, end);
      done.set(b, values);
    }
    return values[i - b * size] ?? null;
  };
}

export const udfImpls: Record<string, FunctionImpl> = {
  udf: {
    kind: 'scalar',
    handlesNulls: true,
    compile(args, call, _ctx, input) {
      return udfOf(call).vectorized ? compileVectorizedUdf(args, call, input?.numRows) : compileRowUdf(args, call);
    },
  },
};
