/**
 * `agg(args) FILTER (WHERE cond)`: the condition is the aggregate's row mask
 * (rows where it is not true are not fed to it), kept on the call rather than
 * rewritten into its arguments: `first(b) FILTER (WHERE b > 1)` skips the
 * masked rows instead of seeing NULLs, and literal arguments such as
 * `percentile_approx(b, 0.5)`'s stay foldable. Spark's checks and messages.
 */
import { AnalysisException } from '../errors/index.js';
import { exists, mapChildren, typeOf, type Expr } from '../expr/nodes.js';
import { hasFunction, lookupFunction } from '../functions/registry.js';
import { BooleanType } from '../types/data-types.js';

const isAggregate = (e: Expr): boolean => e.kind === 'Call' && hasFunction(e.fn) && lookupFunction(e.fn).kind === 'aggregate';

const filterError = (message: string): AnalysisException => new AnalysisException(message);

/** Checks the resolved `filter` and puts it on the aggregate call `resolved` stands for. */
export function withAggregateFilter(resolved: Expr, writtenName: string, filter: Expr): Expr {
  if (!(typeOf(filter) instanceof BooleanType)) throw filterError('FILTER expression is not of type boolean. It cannot be used in an aggregate function.');
  if (exists(filter, isAggregate)) throw filterError('FILTER expression contains aggregate. It cannot be used in an aggregate function.');
  if (exists(filter, (e) => e.kind === 'WindowExpr')) throw filterError('FILTER expression contains window function. It cannot be used in an aggregate function.');
  const nondeterministic = (e: Expr): boolean => e.kind === 'Call' && hasFunction(e.fn) && lookupFunction(e.fn).nondeterministic === true;
  if (exists(filter, nondeterministic)) throw filterError('FILTER expression is non-deterministic, it cannot be used in aggregate functions.');
  // The resolved call may be wrapped (a cast of its result): the mask goes on the outermost aggregate.
  let attached = false;
  const attach = (e: Expr): Expr => {
    if (attached) return e;
    if (isAggregate(e)) {
      attached = true;
      return Object.freeze({ ...e, filter });
    }
    return mapChildren(e, attach);
  };
  const out = attach(resolved);
  if (!attached) throw filterError(`Function ${writtenName} does not support FILTER clause.`);
  return out;
}
