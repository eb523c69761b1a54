/** raise_error and assert_true: failures the query asks for, with Spark 3.5's messages. */
import { ExecutionException } from '../../../errors/index.js';
// The default assert_true message quotes the condition's SQL text, as Spark's does.
import { exprSql } from '../../../expr/naming.js';
import type { FunctionImpl } from './types.js';
import { isNullish, scalarWithNulls } from './util.js';

/**
 * Spark 3.5 fails with a plain java.lang.RuntimeException: no error class (USER_RAISED_EXCEPTION is
 * Spark 4's), and PySpark's Connect client maps it to no specific class, as ExecutionException here.
 */
const userRaised = (message: string): ExecutionException => new ExecutionException(message);

/** raise_error(msg): always fails with msg (a null msg gives an empty message, as Java's RuntimeException(null)). */
const raiseError = scalarWithNulls((a) => {
  const message = isNullish(a[0]) ? '' : String(a[0]);
  throw userRaised(message);
});

/** assert_true(cond[, msg]): null when cond is true; otherwise fails with msg, by default `'<cond's SQL>' is not true!`. */
const assertTrue = scalarWithNulls((a, _ctx, call) => {
  if (a[0] === true) return null;
  const message = a.length > 1 ? (isNullish(a[1]) ? '' : String(a[1])) : `'${exprSql(call.args[0]!)}' is not true!`;
  throw userRaised(message);
});

export const raiseErrorImpls: Record<string, FunctionImpl> = {
  raise_error: raiseError,
  assert_true: assertTrue,
};
