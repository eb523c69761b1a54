/**
 * Spark's SQL-only rules for count's arguments, under their legacy confs:
 * `count()` is refused unless spark.sql.legacy.allowParameterlessCount (then
 * it counts nothing: 0 per group), and `count(t.*)` (a single qualified star)
 * unless spark.sql.legacy.allowStarWithSingleTableIdentifierInCount.
 */
import { AnalysisException } from '../errors/index.js';
import { E, exists, type Expr } from '../expr/nodes.js';
import { INT } from '../types/data-types.js';
import { named, prettySql } from './functions.js';
import { mapExpr } from './parsed-expressions.js';

const isCount = (x: Expr): x is Extract<Expr, { kind: 'Call' }> => x.kind === 'Call' && x.fn === 'count';

/** `e` with its count() / count(t.*) calls checked under the session settings `conf` reads. */
export function countArguments(conf: (key: string) => string | undefined, e: Expr): Expr {
  if (!exists(e, (x) => isCount(x) && (x.args.length === 0 || (x.args.length === 1 && x.args[0]!.kind === 'Star' && !!x.args[0]!.target)))) return e;
  const go = (x: Expr): Expr => {
    if (!isCount(x)) return mapExpr(x, go);
    const star = x.args.length === 1 && x.args[0]!.kind === 'Star' ? x.args[0] : undefined;
    if (star?.kind === 'Star' && star.target && conf('spark.sql.legacy.allowStarWithSingleTableIdentifierInCount') !== 'true') {
      throw new AnalysisException(`count(${star.target}.*) is not allowed. Please use count(*) or expand the columns manually, e.g. count(col1, col2).`, {
        errorClass: '_LEGACY_ERROR_TEMP_1021',
        messageParameters: { targetString: star.target },
      });
    }
    if (x.args.length > 0) return x;
    if (conf('spark.sql.legacy.allowParameterlessCount') !== 'true') {
      throw new AnalysisException(
        'The `count` requires  >= 1 parameters but the actual number is 0. If you have to call this function with 0 parameters, set the legacy configuration "spark.sql.legacy.allowParameterlessCount" to "true".',
        {
          errorClass: 'WRONG_NUM_ARGS.WITH_SUGGESTION',
          messageParameters: { functionName: '`count`', expectedNum: ' >= 1', actualNum: '0' },
        },
      );
    }
    // Counting no columns counts no row (Spark's answer is 0 for every group).
    const filter = x.filter;
    return named(E.call('count', [E.lit(null, INT)], filter ? { filter } : {}), () => (filter ? `count() FILTER (WHERE ${prettySql(filter)})` : 'count()'));
  };
  return go(e);
}
