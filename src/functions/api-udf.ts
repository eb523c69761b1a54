/**
 * UDF entry points of the `functions` namespace: `udf`, `vectorizedUdf`,
 * `call_udf` (a UDF registered with `spark.udf.register`) and
 * `call_function` (any builtin or registered function by name).
 */
import { Column, toColumnExpr, type ColumnOrName } from '../api/column.js';
import { E } from '../expr/nodes.js';
import { sqlFunctionCall } from '../sql/functions.js';
import { flat, type Cols } from './call.js';

export { udf, vectorizedUdf, pandas_udf, udtf } from '../api/udf.js';
export type { UserDefinedFunction, UdfOptions, RowFunction, VectorizedFunction } from '../api/udf.js';

/** PySpark's `call_udf(udfName, *cols)`: a UDF registered in the session, resolved when the DataFrame is analyzed. */
export function call_udf(udfName: string, ...cols: Cols): Column {
  return new Column(E.call('udf', flat(cols).map((c) => toColumnExpr(c)), { options: { registered: udfName } }));
}

/**
 * PySpark's `call_function(funcName, *cols)`: a builtin function by its SQL
 * name (aliases included), or a UDF registered in the session.
 */
export function call_function(funcName: string, ...cols: Cols): Column {
  return new Column(sqlFunctionCall(funcName, flat(cols).map((c: ColumnOrName) => toColumnExpr(c))));
}
