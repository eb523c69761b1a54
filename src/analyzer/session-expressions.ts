/**
 * Before a plan node is analyzed, each expression string in it (sql/expression-strings.ts) is
 * replaced by the session's reading of its text, as Spark Connect's planner parses an
 * ExpressionString with the session's parser before analysis. Done once per node (analysis is
 * memoized per node), and not at all until some expression string was parsed.
 */
import { mapChildren, type Expr } from '../expr/nodes.js';
import type { LogicalPlan } from '../plan/nodes.js';
import { withProps } from '../plan/nodes.js';
import { expressionStringsExist, isExpressionString, sessionExpression } from '../sql/expression-strings.js';
import type { ConfLookup } from '../sql/parser-settings.js';

const EXPR_KINDS: ReadonlySet<string> = new Set(['ColumnRef', 'BoundRef', 'Literal', 'Alias', 'Cast', 'Call', 'CaseWhen', 'SortOrder', 'WindowExpr', 'Star', 'Lambda', 'LambdaVar']);
const isExpr = (v: unknown): v is Expr => typeof v === 'object' && v !== null && EXPR_KINDS.has((v as { kind?: unknown }).kind as string);
const NO_CONF: ConfLookup = () => undefined;

/** `p` with its expression strings read under the session's settings (`p` itself when it has none). */
export function withSessionExpressions(p: LogicalPlan, conf: ConfLookup | undefined): LogicalPlan {
  if (!expressionStringsExist()) return p;
  const lookup = conf ?? NO_CONF;
  const sub = (e: Expr): Expr => (isExpressionString(e) ? sessionExpression(e, lookup) : mapChildren(e, sub));
  let changed: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(p)) {
    let out: unknown = value;
    if (isExpr(value)) out = sub(value);
    else if (Array.isArray(value) && value.some(isExpr)) {
      const mapped = value.map((v: unknown) => (isExpr(v) ? sub(v) : v));
      if (mapped.some((v, i) => v !== value[i])) out = Object.freeze(mapped);
    }
    if (out !== value) (changed ??= {})[key] = out;
  }
  return changed ? withProps(p, changed as Partial<LogicalPlan>) : p;
}
