/**
 * `udf`: a call of a user-defined function (`Call.options.udf`, see
 * api/udf.ts). Any argument types; the result has the UDF's return type and
 * is always nullable (the function may return null or a value that does not
 * fit). Named `<udf name>(args)` as PySpark names UDF columns.
 */
import { InternalError } from '../../errors/index.js';
import type { Call } from '../../expr/nodes.js';
import type { UdfSpec } from '../../api/udf.js';
import type { FunctionDef } from '../registry.js';

/** The UDF a `udf` call carries. */
export function udfOf(call: Call): UdfSpec {
  const spec = call.options?.['udf'] as UdfSpec | undefined;
  if (!spec || typeof spec.func !== 'function') throw new InternalError('a udf call without its function');
  return spec;
}

export const udfDefs: readonly FunctionDef[] = [
  {
    name: 'udf',
    kind: 'scalar',
    minArgs: 0,
    maxArgs: Infinity,
    resolve(_args, call) {
      return { dataType: udfOf(call).returnType, nullable: true };
    },
    sql(argSql, call) {
      const registered = call.options?.['registered'];
      const name = typeof registered === 'string' && !call.options?.['udf'] ? registered : udfOf(call).name;
      return `${name}(${argSql.join(', ')})`;
    },
  },
];
