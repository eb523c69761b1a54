/**
 * Binds calls of UDFs registered in the session (`spark.udf.register`) by
 * name: `call_udf('f', ...)` and any call of a name that is not a builtin
 * function (`spark.sql('SELECT f(x)')`, `F.expr('f(x)')`, `selectExpr`).
 * Builtin names resolve to the builtin first.
 */
import type { UdfSpec } from '../api/udf.js';
import { E, type Call, type Expr } from '../expr/nodes.js';
import { hasFunction } from '../functions/registry.js';
import { sqlFunctionCall } from '../sql/functions.js';

/** The session's registered UDFs, looked up case-insensitively as Spark's function names are. */
export interface UdfLookup {
  lookupUdf(name: string): UdfSpec | undefined;
}

/** `call` with its registered UDF bound, or `call` itself when it is not a call of a registered UDF. */
export function bindRegisteredUdf(call: Call, udfs: UdfLookup | undefined): Expr {
  const registered = call.fn === 'udf' ? call.options?.['registered'] : undefined;
  if (typeof registered === 'string') {
    const spec = udfs?.lookupUdf(registered);
    // call_udf of a builtin name calls the builtin, as Spark resolves it; an unknown name is UNRESOLVED_ROUTINE.
    if (!spec) return sqlFunctionCall(registered, call.args);
    return E.call('udf', call.args, { options: { udf: spec } });
  }
  if (call.fn !== 'udf' && !hasFunction(call.fn)) {
    const spec = udfs?.lookupUdf(call.fn);
    if (spec) return E.call('udf', call.args, { options: { udf: spec } });
  }
  return call;
}
